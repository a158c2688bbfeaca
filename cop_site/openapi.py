def public_api_only(endpoints, **kwargs):
    """The OpenAPI schema documents our own public APIs (/api/…): search and the open data (/api/v2/).

    Wagtail's admin API is not public and stays out. The open-data endpoints describe themselves
    through their AutoSchema (practices/api_schema.py), as Wagtail's serializers are built per request.
    """
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
