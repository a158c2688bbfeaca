"""Demo pictures drawn on this machine with Pillow, never downloaded: abstract illustrations and
logos from an organisation's initials.

The same title always gives the same picture (the shapes follow a seed made from it), so a demo
loaded twice, or on two machines, looks the same. The demo stays fiction: no photographs of
people, no real logos; each illustration's text alternative says what it shows.
"""

import hashlib
import io
import math
import random

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

ILLUSTRATION_SIZE = (1600, 900)
LOGO_SIZE = (512, 512)
FONT = settings.BASE_DIR / "ateliers" / "fonts" / "OpenSans-Bold.ttf"  # Apache-2.0, shipped for the certificates


def _rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[index : index + 2], 16) for index in (0, 2, 4))


def _mix(colour, other, amount):
    return tuple(round(a + (b - a) * amount) for a, b in zip(colour, other, strict=True))


def _seeded(title):
    return random.Random(int(hashlib.sha256(title.encode()).hexdigest()[:16], 16))  # noqa: S311 (shapes, not secrets)


def illustration(title, motif, colours):
    """A 16:9 PNG: a soft background in the first colour with `motif` shapes in the others.

    Motifs: "circles" (people meeting), "waves" (a course over time), "blocks" (a building, a school).
    """
    chance = _seeded(title)
    palette = [_rgb(colour) for colour in colours]
    background = _mix(palette[0], (255, 255, 255), 0.82)
    width, height = ILLUSTRATION_SIZE
    picture = Image.new("RGB", ILLUSTRATION_SIZE, background)
    draw = ImageDraw.Draw(picture, "RGBA")
    if motif == "circles":
        for _index in range(14):
            radius = chance.randint(90, 260)
            x, y = chance.randint(0, width), chance.randint(0, height)
            colour = chance.choice(palette)
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, chance.randint(120, 210)))
    elif motif == "waves":
        for band in range(7):
            colour = palette[band % len(palette)]
            base = height * (band + 1) / 8
            amplitude, phase = chance.randint(30, 90), chance.random() * 6.28
            points = [(0, height)]
            for step in range(0, width + 40, 40):
                offset = amplitude * math.sin(step / 220 + phase + band)
                points.append((step, base + offset))
            points.append((width, height))
            draw.polygon(points, fill=(*colour, 150))
    else:  # blocks
        x = 60
        while x < width - 60:
            block_width = chance.randint(120, 260)
            block_height = chance.randint(220, 700)
            colour = chance.choice(palette)
            draw.rounded_rectangle(
                (x, height - block_height, x + block_width, height + 20), radius=18, fill=(*colour, 220)
            )
            for row in range(height - block_height + 40, height - 40, 90):
                draw.rectangle((x + 30, row, x + block_width - 30, row + 36), fill=(*background, 200))
            x += block_width + chance.randint(20, 60)
    return _png(picture)


def logo(initials, colour):
    """A square transparent PNG: a rounded tile in `colour` with the initials in white."""
    picture = Image.new("RGBA", LOGO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((16, 16, LOGO_SIZE[0] - 16, LOGO_SIZE[1] - 16), radius=96, fill=(*_rgb(colour), 255))
    size = 220 if len(initials) <= 2 else 160
    font = ImageFont.truetype(str(FONT), size)
    draw.text((LOGO_SIZE[0] / 2, LOGO_SIZE[1] / 2), initials, font=font, fill="white", anchor="mm")
    return _png(picture)


def _png(picture):
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    buffer.seek(0)
    return buffer
