"""Rules about pictures that are more than one picture's own business."""

from django.db.models.functions import Trim


def missing_alt_text(pictures):
    """Of the `pictures` queryset, those that still need a text alternative: not decorative and no
    description (or only spaces). The same rule as `Picture.needs_alt_text`, as a query, for the
    report of pictures from before the text alternative was required or from a bulk upload whose
    second step was never finished."""
    return pictures.alias(alt_text=Trim("description")).filter(is_decorative=False, alt_text="")
