from django.shortcuts import render
from django.utils.translation import gettext as _

from organisations.models import Organisation, OrganisationType

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
