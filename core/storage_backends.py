"""The object storage for uploaded media (configured by `core.object_storage`)."""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

# Wagtail stores documents under this prefix (AbstractDocument.file's upload_to).
DOCUMENTS_PREFIX = "documents/"


class MediaObjectStorage(S3Storage):
    """A private bucket for images and documents.

    Images get signed URLs that last `querystring_expire` seconds (or, with a custom domain,
    that domain's URLs: a CDN with its own access to the bucket). A document's URL is always
    signed against the bucket itself, for `document_querystring_expire` seconds, and never uses
    the custom domain: Wagtail's serve view hands it out (WAGTAILDOCS_SERVE_METHOD = "redirect")
    only after `organisations.wagtail_hooks.refuse_private_documents` has approved the request,
    so a private document is never reachable through a URL that does not expire.
    """

    def __init__(self, document_querystring_expire=60, **settings):
        self.document_querystring_expire = document_querystring_expire
        super().__init__(**settings)

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not clean_name(name).startswith(DOCUMENTS_PREFIX):
            return super().url(name, parameters=parameters, expire=expire, http_method=http_method)
        params = {**(parameters or {}), "Bucket": self.bucket.name, "Key": self._normalize_name(clean_name(name))}
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params=params,
            ExpiresIn=expire if expire is not None else self.document_querystring_expire,
            HttpMethod=http_method,
        )
