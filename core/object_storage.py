"""Where uploaded images and documents live: S3-compatible object storage when the environment
names a bucket, the local MEDIA_ROOT otherwise (issue 14, "media beyond one machine").

Read by the settings, so this module imports nothing from Django or boto3: it only turns
environment variables into a `STORAGES["default"]` entry, plus the list of what is missing
when the configuration is only half there. `core.checks` reports those problems as errors
and production refuses to start with them, so a typo never sends uploads quietly to the local
disk of one app server.
"""

from dataclasses import dataclass, field

STORAGE_BACKEND = "core.storage_backends.MediaObjectStorage"

# Every variable that belongs to object storage; any of them without a bucket is half a setup.
BUCKET = "AWS_STORAGE_BUCKET_NAME"
ENDPOINT = "AWS_S3_ENDPOINT_URL"
REGION = "AWS_S3_REGION_NAME"
ACCESS_KEY = "AWS_ACCESS_KEY_ID"
SECRET_KEY = "AWS_SECRET_ACCESS_KEY"
CUSTOM_DOMAIN = "AWS_S3_CUSTOM_DOMAIN"
IMAGE_URL_EXPIRY = "AWS_QUERYSTRING_EXPIRE"
DOCUMENT_URL_EXPIRY = "AWS_DOCUMENT_QUERYSTRING_EXPIRE"
OPTIONAL = (ENDPOINT, REGION, ACCESS_KEY, SECRET_KEY, CUSTOM_DOMAIN, IMAGE_URL_EXPIRY, DOCUMENT_URL_EXPIRY)
# Only for media storage: set without a bucket, they show a setup that was meant but went wrong.
# (AWS credentials alone do not: other tools on the machine may use them.)
STORAGE_ONLY = (ENDPOINT, REGION, CUSTOM_DOMAIN, IMAGE_URL_EXPIRY, DOCUMENT_URL_EXPIRY)

# Signed image URLs end up in cached pages (page cache: 300 s) and in browsers' caches, so they
# live for an hour; a document's URL is only handed out by a redirect right after the
# permission check, so a minute is plenty and a copied link soon stops working.
DEFAULT_IMAGE_URL_EXPIRY = 3600
DEFAULT_DOCUMENT_URL_EXPIRY = 60


@dataclass
class ObjectStorageConfig:
    """`storage` is the STORAGES["default"] entry (None: local files); `problems` says what is
    missing or wrong, one sentence each, for the operator."""

    storage: dict | None = None
    problems: list[str] = field(default_factory=list)


def _seconds(environ, name, default, problems):
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) == 0:
        problems.append(f"{name} must be a whole number of seconds above 0; got {raw!r}.")
        return default
    return int(raw)


def object_storage_from_environment(environ):
    """The media storage that `environ` (os.environ) asks for, and what is wrong with it.

    Object storage is on when AWS_STORAGE_BUCKET_NAME is set. It then needs a region or an
    endpoint (signed URLs name the region), and access key and secret together or not at all
    (none: boto3 finds an instance role or profile itself). The bucket stays private: no ACL is
    sent, so objects are as private as the bucket (this also works on buckets with ACLs
    switched off, AWS's default), and every URL the site hands out is signed.
    """
    present = {name: environ.get(name, "").strip() for name in (BUCKET, *OPTIONAL)}
    problems = []
    if not present[BUCKET]:
        stray = [name for name in STORAGE_ONLY if present[name]]
        if stray:
            problems.append(
                f"{', '.join(stray)} set but {BUCKET} is not: uploads would go to the local disk of "
                f"this server. Set {BUCKET} to use object storage, or remove the other variables."
            )
        return ObjectStorageConfig(problems=problems)

    if not (present[REGION] or present[ENDPOINT]):
        problems.append(
            f"{BUCKET} is set but neither {REGION} nor {ENDPOINT}: signed URLs need the bucket's region "
            f"(e.g. {REGION}=eu-central-1) or the address of an S3-compatible server."
        )
    if bool(present[ACCESS_KEY]) != bool(present[SECRET_KEY]):
        given, missing = (ACCESS_KEY, SECRET_KEY) if present[ACCESS_KEY] else (SECRET_KEY, ACCESS_KEY)
        problems.append(f"{given} is set but {missing} is not: set both, or neither to use an instance role.")
    if present[ENDPOINT] and not present[ENDPOINT].startswith(("https://", "http://")):
        problems.append(f"{ENDPOINT} must start with https:// (or http://); got {present[ENDPOINT]!r}.")

    options = {
        "bucket_name": present[BUCKET],
        "endpoint_url": present[ENDPOINT] or None,
        "region_name": present[REGION] or None,
        "access_key": present[ACCESS_KEY] or None,
        "secret_key": present[SECRET_KEY] or None,
        "custom_domain": present[CUSTOM_DOMAIN] or None,
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": _seconds(environ, IMAGE_URL_EXPIRY, DEFAULT_IMAGE_URL_EXPIRY, problems),
        "document_querystring_expire": _seconds(environ, DOCUMENT_URL_EXPIRY, DEFAULT_DOCUMENT_URL_EXPIRY, problems),
        # Two uploads with the same name never replace each other's file.
        "file_overwrite": False,
        "signature_version": "s3v4",
    }
    return ObjectStorageConfig(storage={"BACKEND": STORAGE_BACKEND, "OPTIONS": options}, problems=problems)
