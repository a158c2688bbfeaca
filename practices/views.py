from django.shortcuts import render
from django.utils.translation import gettext as _

from core import page_cache
from organisations.models import Organisation, OrganisationType

from . import story_map as map_service
from .models import StoryIndexPage
from .models.shared import index_url
from .services import prevention_matrix as build_matrix


def prevention_matrix(request):
    """/kennisbank/matrix/: the prevention offer per life stage × prevention level, overall or per municipality."""
    municipalities = Organisation.objects.filter(
        type=OrganisationType.MUNICIPALITY, practice_stories__isnull=False
    ).distinct()
    slug = request.GET.get("gemeente", "")
    municipality = municipalities.filter(slug=slug).first() if slug else None
    error = (
        _("Deze gemeente kennen we niet; u ziet het overzicht van alle gemeenten.")
        if slug and municipality is None
        else ""
    )
    return render(
        request,
        "practices/prevention_matrix.html",
        {
            "matrix": build_matrix(municipality),
            "municipalities": municipalities.order_by("short_name", "name"),
            "selected_slug": municipality.slug if municipality else "",
            "error": error,
        },
    )


@page_cache.shared_with_members
def story_map(request):
    """/kennisbank/kaart/: practice stories per province on a map, with the same figures as a table."""
    regions = map_service.story_map(index_url(StoryIndexPage, request))
    return render(
        request,
        "practices/story_map.html",
        {
            "regions": regions,
            "total": sum(region.count for region in regions),
            "view_box": map_service.province_shapes()["view_box"],
            "legend": map_service.legend(),
            "meta_title": _("Praktijkverhalen op de kaart"),
            "meta_description": _(
                "Hoeveel praktijkverhalen er per provincie en gemeente zijn, op een kaart en in een tabel."
            ),
        },
    )
