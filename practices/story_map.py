"""The story map (/kennisbank/kaart/): how many practice stories each province and municipality has.

Counts come from the same queryset the story listing filters (`story_facets().queryset`: live,
public stories), grouped by municipality in one query; a province's count is the sum of its
municipalities', because a story's province *is* its municipality's (`Organisation.province`).
Every region links to the listing filtered on the listing's own facet parameters (`province`,
`municipality`), so the map and the listing cannot disagree.

The shapes are SVG paths drawn once at build time by `scripts/make_province_map.py` from the
boundary file in `practices/map_data/` (source and licence in its README); a request only reads
them, once per process.
"""

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from django.db.models import Count

from organisations.models import Province

from .models.stories import story_facets

PROVINCE_SHAPES = Path(__file__).resolve().parent / "map_data" / "provinces.json"

# Shades from light to dark with the lower bound of each class; all light enough that the dark
# count printed on top keeps at least 4.5:1 contrast (WCAG 1.4.3).
SHADES = [(0, "map-shade-0"), (1, "map-shade-1"), (3, "map-shade-2"), (6, "map-shade-3")]


@functools.cache
def province_shapes():
    """{"view_box": …, "provinces": {slug: {"path", "label"}}}, read from the committed file."""
    data = json.loads(PROVINCE_SHAPES.read_text())
    return {"view_box": data["view_box"], "provinces": {shape["slug"]: shape for shape in data["provinces"]}}


def shade_of(count):
    return [css_class for lower_bound, css_class in SHADES if count >= lower_bound][-1]


def filtered_url(listing_url, key, value):
    return f"{listing_url}?{urlencode({key: value})}" if listing_url else ""


@dataclass
class MunicipalityCount:
    slug: str
    name: str
    count: int
    url: str


@dataclass
class ProvinceRegion:
    slug: str
    name: str
    count: int
    url: str
    path: str
    label_x: float
    label_y: float
    shade: str
    municipalities: list = field(default_factory=list)


def story_map(listing_url):
    """Every province (also those without stories) with its count, shape and filtered-listing link.

    One query, whatever the number of stories or municipalities.
    """
    rows = (
        story_facets()
        .queryset.order_by()
        .values("municipality__slug", "municipality__name", "municipality__short_name", "municipality__province")
        .annotate(count=Count("pk"))
    )
    by_province = {slug: [] for slug in Province.values}
    for row in rows:
        if row["municipality__province"] not in by_province:
            continue  # a municipality saved without a province: it has no place on the map
        by_province[row["municipality__province"]].append(
            MunicipalityCount(
                slug=row["municipality__slug"],
                name=row["municipality__short_name"] or row["municipality__name"],
                count=row["count"],
                url=filtered_url(listing_url, "municipality", row["municipality__slug"]),
            )
        )
    shapes = province_shapes()["provinces"]
    regions = []
    for slug, name in Province.choices:
        municipalities = sorted(by_province[slug], key=lambda municipality: municipality.name)
        count = sum(municipality.count for municipality in municipalities)
        label_x, label_y = shapes[slug]["label"]
        regions.append(
            ProvinceRegion(
                slug=slug,
                name=name,
                count=count,
                url=filtered_url(listing_url, "province", slug),
                path=shapes[slug]["path"],
                label_x=label_x,
                label_y=label_y,
                shade=shade_of(count),
                municipalities=municipalities,
            )
        )
    return regions


def legend():
    """(label bounds, css class) per shade, for the legend under the map."""
    bounds = [lower for lower, _ in SHADES]
    entries = []
    for index, (lower, css_class) in enumerate(SHADES):
        upper = bounds[index + 1] - 1 if index + 1 < len(bounds) else None
        entries.append({"lower": lower, "upper": upper, "css_class": css_class})
    return entries
