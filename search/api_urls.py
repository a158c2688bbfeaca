"""Mounted at /api/search/ in cop_site/urls.py (outside i18n_patterns: the API has one URL)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.SearchAPIView.as_view(), name="search-api"),
    path("autocomplete/", views.AutocompleteAPIView.as_view(), name="search-autocomplete"),
]
