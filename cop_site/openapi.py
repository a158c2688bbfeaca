def public_api_only(endpoints, **kwargs):
    """The OpenAPI schema documents our own public API (/api/…).

    Wagtail's admin API and its page API v2 (/api/v2/, documented by Wagtail itself) are left
    out: their viewsets cannot be introspected without a live request.
    """
    return [
        endpoint for endpoint in endpoints if endpoint[0].startswith("/api/") and not endpoint[0].startswith("/api/v2/")
    ]
