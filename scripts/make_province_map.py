"""Turn the provinces' boundaries into the SVG paths of the story map (issue 18, "A map").

Input: `practices/map_data/provincie_2025.topojson` (CBS/PDOK boundaries, generalised; source
and licence in `practices/map_data/README.md`). Output: `practices/map_data/provinces.json`,
committed, which `practices/story_map.py` reads once per process: a request does no geometry.

The boundaries are already in the Dutch national grid (RD New, metres), a projection made for
the Netherlands, so "projecting" is only scaling to the SVG's coordinate box and turning the
y axis (north is up in RD, down in SVG). Simplification works on the TopoJSON *arcs*, the
stretches of border two provinces share, so neighbouring provinces keep an identical border
and no gaps or overlaps appear between them.

Run it again only when the boundary file changes:

    .venv/bin/python scripts/make_province_map.py
"""

import json
import math
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "practices" / "map_data"
SOURCE = DATA / "provincie_2025.topojson"
TARGET = DATA / "provinces.json"

WIDTH = 400  # SVG user units across; the height follows from the country's shape
MARGIN = 4
TOLERANCE = 0.5  # Douglas–Peucker tolerance in SVG units (about 330 m on the ground)

# CBS spells Friesland in Frisian; the site's Province choices use the Dutch slug.
SLUG_BY_NAME = {"Fryslân": "friesland"}


def decode_arcs(topology):
    """Absolute coordinates of every arc (TopoJSON stores them quantised and delta-encoded)."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def simplify(points, tolerance):
    """Douglas–Peucker: drop points closer than `tolerance` to the line between kept neighbours."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x0, y0 = points[index]
            if length:
                d = abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / length
            else:
                d = math.hypot(x0 - x1, y0 - y1)
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc if not points else arc[1:]
    return points


def polygons_of(geometry):
    return geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]


def area(points):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)) / 2


def inside(x, y, points):
    result = False
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
    return result


def distance_to_edge(x, y, points):
    best = math.inf
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        dx, dy = x2 - x1, y2 - y1
        t = max(0, min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy))) if dx or dy else 0
        best = min(best, math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)))
    return best


def label_point(points):
    """Where the count goes: the point of the largest polygon farthest from its edges (a grid
    search; the centroid of a crescent such as Noord-Holland can lie in the sea)."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    best, best_distance = (sum(xs) / len(xs), sum(ys) / len(ys)), -1
    steps = 40
    for i in range(steps + 1):
        for j in range(steps + 1):
            x = min(xs) + (max(xs) - min(xs)) * i / steps
            y = min(ys) + (max(ys) - min(ys)) * j / steps
            if inside(x, y, points):
                distance = distance_to_edge(x, y, points)
                if distance > best_distance:
                    best, best_distance = (x, y), distance
    return best


def main():
    topology = json.loads(SOURCE.read_text())
    arcs = decode_arcs(topology)
    xs = [x for arc in arcs for x, _ in arc]
    ys = [y for arc in arcs for _, y in arc]
    scale = (WIDTH - 2 * MARGIN) / (max(xs) - min(xs))
    height = round((max(ys) - min(ys)) * scale + 2 * MARGIN)

    def to_svg(point):
        x, y = point
        return (round((x - min(xs)) * scale + MARGIN, 1), round((max(ys) - y) * scale + MARGIN, 1))

    svg_arcs = [simplify([to_svg(point) for point in arc], TOLERANCE) for arc in arcs]
    provinces = []
    for geometry in next(iter(topology["objects"].values()))["geometries"]:
        name = geometry["properties"]["statnaam"]
        commands, largest = [], []
        for polygon in polygons_of(geometry):
            for ring in polygon:
                points = ring_points(ring, svg_arcs)
                if len(points) < 4:
                    continue  # a sandbank that simplification reduced to a line
                commands.append("M" + "L".join(f"{x:g} {y:g}" for x, y in points[:-1]) + "Z")
                if not largest or abs(area(points)) > abs(area(largest)):
                    largest = points
        label_x, label_y = label_point(largest[:-1])
        provinces.append(
            {
                "slug": SLUG_BY_NAME.get(name, name.lower()),
                "code": geometry["properties"]["statcode"],
                "path": "".join(commands),
                "label": [round(label_x, 1), round(label_y, 1)],
            }
        )
    provinces.sort(key=lambda province: province["slug"])
    TARGET.write_text(
        json.dumps(
            {
                "source": f"{SOURCE.name}: see README.md in this folder for source and licence",
                "view_box": f"0 0 {WIDTH} {height}",
                "provinces": provinces,
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )
    points = sum(province["path"].count("L") + province["path"].count("M") for province in provinces)
    print(f"{TARGET.relative_to(DATA.parent.parent)}: {len(provinces)} provinces, {points} points")


if __name__ == "__main__":
    main()
