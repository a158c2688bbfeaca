from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from practices.api import api_router

# The public JSON APIs; /api/schema/ documents these (not Wagtail's internal admin API).
public_api_patterns = [
    # Search API (issue 4).
    path("api/search/", include("search.api_urls")),
    # Open data (read-only JSON) of the knowledge base; outside i18n_patterns on purpose.
    path("api/v2/", api_router.urls),
]

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    *public_api_patterns,
    path("api/schema/", SpectacularAPIView.as_view(patterns=public_api_patterns), name="api-schema"),
]

# Every public URL exists in Dutch (no prefix) and English (/en/…).
urlpatterns += i18n_patterns(
    path("account/", include("allauth.urls")),
    path("account/profiel/", include("accounts.urls")),
    path("kennisbank/", include("practices.urls")),
    path("kennisateliers/", include("ateliers.urls")),
    path("tips/", include("tips.urls")),
    path("zoeken/", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler500 = "cop_site.errors.server_error"
