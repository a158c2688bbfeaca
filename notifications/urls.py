"""Notification URLs: the member's own pages under /mijn/, the link from a mail, the search feed."""

from django.urls import path

from . import views
from .feeds import SavedSearchFeed

app_name = "notifications"

urlpatterns = [
    path("mijn/meldingen/", views.preferences, name="preferences"),
    path("mijn/volgen/", views.follow, name="follow"),
    path("mijn/volgen/<int:follow_id>/stoppen/", views.unfollow, name="unfollow"),
    path("mijn/zoekopdrachten/bewaren/", views.save_search, name="save_search"),
    path("mijn/zoekopdrachten/<int:search_id>/verwijderen/", views.delete_search, name="delete_search"),
    path("meldingen/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("feeds/zoekopdracht/<str:token>/", SavedSearchFeed(), name="saved_search_feed"),
]
