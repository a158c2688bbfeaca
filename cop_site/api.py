"""The site-wide open-data API router (/api/v2/, mounted in cop_site/urls.py).

Each app keeps its endpoint classes (`practices.api`); the router that puts them under one URL
is the project's, as in Wagtail's bakerydemo, so no feature app imports another's API to be
reachable. The namespace `practices_api` is kept: the URL names clients and tests reverse.
"""

from wagtail.api.v2.router import WagtailAPIRouter

from practices.api import MethodAPIViewSet, PublicationAPIViewSet, StoryAPIViewSet

api_router = WagtailAPIRouter("practices_api")
api_router.register_endpoint("stories", StoryAPIViewSet)
api_router.register_endpoint("methods", MethodAPIViewSet)
api_router.register_endpoint("publications", PublicationAPIViewSet)
