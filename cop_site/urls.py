from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from ateliers.feeds import AtelierFeed
from cop_site.api import api_router
from core import discovery
from core.errors import api_not_found
from editorial import views as editorial_views
from practices.feeds import MethodFeed, PublicationFeed, StoryFeed
from tips.feeds import TipFeed

# The public JSON APIs; /api/schema/ documents these (not Wagtail's internal admin API).
public_api_patterns = [
    # Search API (issue 4).
    path("api/search/", include("search.api_urls")),
    # Open data (read-only JSON) of the knowledge base; outside i18n_patterns on purpose.
    path("api/v2/", api_router.urls),
]

# One door (issue 12): Wagtail and Django each ship a login and password reset of their own that
# bypass allauth's verification, rate limits, lockout and two-factor step. These routes come
# before theirs and take over their URLs and URL names; see accounts.views.LoginDoor.
login_doors = [
    path("admin/login/", account_views.WagtailAdminLoginDoor.as_view(), name="wagtailadmin_login"),
    re_path(r"^admin/password_reset/", account_views.password_reset_door, name="wagtailadmin_password_reset"),
    path("django-admin/login/", account_views.DjangoAdminLoginDoor.as_view(), name="django_admin_login_door"),
    path("django-admin/password_change/", account_views.password_change_door, name="django_admin_password_door"),
]

# wagtail-localize asks only whether someone may translate at all; these doors, in front of its
# views, add whose page it is (issue 18, editorial.services.may_translate).
translation_doors = [
    path("admin/localize/submit/page/<int:page_id>/", editorial_views.translate_page_door, name="translate_page_door"),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        editorial_views.update_translations_door,
        name="update_translations_door",
    ),
    # Its translations report lists only what the user may translate (not every organisation's).
    path(
        "admin/localize/reports/translations/",
        editorial_views.translations_report_door,
        name="translations_report_door",
    ),
    path(
        "admin/localize/reports/translations/results/",
        editorial_views.translations_report_door,
        {"results_only": True},
        name="translations_report_results_door",
    ),
]

# Being found (issue 18, core/discovery.py): the sitemap lists both languages itself; robots.txt
# and the manifest are one file for the whole site. /favicon.ico and /apple-touch-icon.png are
# files WhiteNoise serves from static/root/ (WHITENOISE_ROOT).
discovery_patterns = [
    path("sitemap.xml", sitemap, {"sitemaps": discovery.sitemap_sections()}, name="sitemap"),
    path("robots.txt", discovery.robots_txt, name="robots_txt"),
    path("site.webmanifest", discovery.web_manifest, name="web_manifest"),
]

# Atom feeds of the listings, in the request's language (/en/feeds/… in English).
feed_patterns = [
    path("feeds/praktijkverhalen/", StoryFeed(), name="feed-stories"),
    path("feeds/methoden/", MethodFeed(), name="feed-methods"),
    path("feeds/publicaties/", PublicationFeed(), name="feed-publications"),
    path("feeds/kennisateliers/", AtelierFeed(), name="feed-ateliers"),
    path("feeds/tips/", TipFeed(), name="feed-tips"),
]

urlpatterns = [
    *login_doors,
    *translation_doors,
    *discovery_patterns,
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    *public_api_patterns,
    path("api/schema/", SpectacularAPIView.as_view(patterns=public_api_patterns), name="api-schema"),
    # Anything else under /api/ (a non-numeric id, an unknown endpoint): a JSON 404.
    re_path(r"^api/", api_not_found),
]

# Every public URL exists in Dutch (no prefix) and English (/en/…).
urlpatterns += i18n_patterns(
    path("_util/login/", account_views.PagePrivacyLoginDoor.as_view(), name="wagtailcore_login"),
    path("account/geen-toegang/redactie/", account_views.no_access, {"area": "editor"}, name="no_editor_access"),
    path("account/geen-toegang/pagina/", account_views.no_access, {"area": "page"}, name="no_page_access"),
    path("account/", include("allauth.urls")),
    path("account/profiel/", include("accounts.urls")),
    path("mijn/", include("members.urls")),
    path("", include("notifications.urls")),
    path("kennisbank/", include("practices.urls")),
    path("kennisateliers/", include("ateliers.urls")),
    path("tips/", include("tips.urls")),
    path("zoeken/", include("search.urls")),
    *feed_patterns,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only: documents are served by /documents/<id>/<name>, which checks who may have them.
    urlpatterns = [
        *static(f"{settings.MEDIA_URL}original_images/", document_root=settings.MEDIA_ROOT / "original_images"),
        *static(f"{settings.MEDIA_URL}images/", document_root=settings.MEDIA_ROOT / "images"),
        *urlpatterns,
    ]

handler500 = "core.errors.server_error"
