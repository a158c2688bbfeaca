def public_api_only(endpoints, **kwargs):
    """The published OpenAPI schema documents the public API, not Wagtail's internal admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
