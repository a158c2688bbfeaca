"""Sections of the home page that other apps contribute (latest stories, ateliers, toptips).

An app registers a section in its AppConfig.ready():

    home.sections.register(HomeSection(key="stories", order=10, template="practices/home_section.html",
                                       get_context=latest_stories))

`get_context(request)` returns the template context, or None to leave the section out.
The home page stays ignorant of the apps that fill it, so each feature lands on its own.
"""

from collections.abc import Callable
from dataclasses import dataclass

_sections = {}


@dataclass(frozen=True)
class HomeSection:
    key: str
    order: int
    template: str
    get_context: Callable


def register(section):
    _sections[section.key] = section


def render_context(request):
    """[(section, context)] for every section that has something to show, in order."""
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: s.order):
        context = section.get_context(request)
        if context is not None:
            rendered.append((section, context))
    return rendered
