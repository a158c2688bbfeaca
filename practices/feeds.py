"""Atom feeds of the knowledge base: the newest practice stories, methods and publications."""

from django.utils.translation import gettext as _

from core.discovery import PageFeed

from .models import (
    MethodIndexPage,
    MethodPage,
    PracticeStoryPage,
    PublicationIndexPage,
    PublicationPage,
    StoryIndexPage,
)


class StoryFeed(PageFeed):
    model = PracticeStoryPage
    listing_model = StoryIndexPage

    def title(self):
        return _("Praktijkverhalen – Samen Preventief")


class MethodFeed(PageFeed):
    model = MethodPage
    listing_model = MethodIndexPage

    def title(self):
        return _("Methoden – Samen Preventief")


class PublicationFeed(PageFeed):
    model = PublicationPage
    listing_model = PublicationIndexPage

    def title(self):
        return _("Publicaties – Samen Preventief")
