"""Draw the site's icons and its default share image with Pillow (issue 18, "Discovery"), and
the logo in the header as SVG (the letters as outlines, with fontTools).

The files are committed (static/root/ for the ones browsers ask for at the site root,
static/img/ for the rest); run this again only when the design changes:

    .venv/bin/python scripts/make_site_icons.py

The mark is two overlapping circles ("samen": together) in white and sun yellow on the theme's
petrol, the same shapes as static/img/icon.svg and the logo in the header (static/img/logo.svg). Pillow's built-in font keeps the result the same on
every machine (no system font needed).
"""

import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

STATIC = Path(__file__).resolve().parent.parent / "static"
# The brand tokens of static/css/theme.css.
ACCENT = (11, 81, 96)  # --samen-preventief-color-petrol, #0b5160
WHITE = (255, 255, 255)
LIGHT = (255, 191, 71)  # --samen-preventief-color-sun, #ffbf47


def mark(size, rounded=True):
    """The square icon: accent background, two circles; drawn 4x larger and scaled down (anti-aliasing)."""
    big = size * 4
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    radius = big // 6 if rounded else 0
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=radius, fill=ACCENT)
    draw_circles(draw, big // 2, big // 2, big)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def draw_circles(draw, centre_x, centre_y, scale):
    r = int(scale * 0.22)
    offset = int(scale * 0.12)
    width = max(2, int(scale * 0.06))
    for dx, colour in ((-offset, WHITE), (offset, LIGHT)):
        box = (centre_x + dx - r, centre_y - r, centre_x + dx + r, centre_y + r)
        draw.ellipse(box, outline=colour, width=width)


def share_image():
    """1200x630, the size Open Graph and Twitter cards show without cropping."""
    width, height = 1200, 630
    image = Image.new("RGB", (width, height), ACCENT)
    draw = ImageDraw.Draw(image)
    draw_circles(draw, 300, height // 2, 520)
    title = ImageFont.load_default(size=84)
    subtitle = ImageFont.load_default(size=38)
    draw.text((560, 230), "Samen", font=title, fill=WHITE)
    draw.text((560, 320), "Preventief", font=title, fill=WHITE)
    draw.text((560, 440), "Wat werkt in jeugdpreventie", font=subtitle, fill=LIGHT)
    return image


# -- the logo in the header: the mark and the name, the letters drawn as outlines --------------

FONT_FILE = Path(__file__).resolve().parent.parent / "ateliers" / "fonts" / "OpenSans-Bold.ttf"
PETROL, PETROL_DARK, SPROUT = "#0b5160", "#083a45", "#c75a12"  # brand tokens of static/css/theme.css


def text_path(font, text, x, baseline, size):
    """SVG path data for `text` set in `font` at `size` px from (x, baseline), and its advance.

    Outlines rather than <text>: a logo in an <img> cannot use the page's fonts, and a system
    font of another width would cut the name off or leave a gap."""
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.pens.transformPen import TransformPen

    scale = size / font["head"].unitsPerEm
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    parts, cursor = [], x
    for character in text:
        name = cmap[ord(character)]
        pen = SVGPathPen(glyphs)
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, cursor, baseline)))
        parts.append(pen.getCommands())
        cursor += glyphs[name].width * scale
    # A tenth of a pixel is finer than any screen shows at this size; the file stays small.
    data = re.sub(r"-?\d+\.\d+", lambda number: f"{float(number.group()):.1f}".removesuffix(".0"), " ".join(parts))
    return data, cursor - x


def logo_svg():
    """static/img/logo.svg: two overlapping rings (petrol and sprout) and "Samen Preventief".

    Its <title> is the text alternative for tools that open the file; the header's <img> has
    alt="Samen Preventief" (cop_site/templates/base.html)."""
    from fontTools.ttLib import TTFont

    font = TTFont(FONT_FILE)
    first, first_width = text_path(font, "Samen", 58, 32, 22)
    second, second_width = text_path(font, "Preventief", 58 + first_width + 7, 32, 22)
    width = round(58 + first_width + 7 + second_width + 2)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 48" width="{width}" height="48" '
        'role="img" aria-labelledby="logo-title"><title id="logo-title">Samen Preventief</title>'
        f'<circle cx="20" cy="24" r="13" fill="none" stroke="{PETROL}" stroke-width="4.5"/>'
        f'<circle cx="35" cy="24" r="13" fill="none" stroke="{SPROUT}" stroke-width="4.5"/>'
        f'<path fill="{PETROL_DARK}" d="{first}"/><path fill="{PETROL}" d="{second}"/></svg>\n'
    )


def main():
    (STATIC / "img").mkdir(exist_ok=True)
    (STATIC / "root").mkdir(exist_ok=True)
    mark(256).save(STATIC / "root" / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    # iOS puts its own mask over the icon and shows transparency as black: a full square.
    mark(180, rounded=False).convert("RGB").save(STATIC / "root" / "apple-touch-icon.png", optimize=True)
    mark(192).save(STATIC / "img" / "icon-192.png", optimize=True)
    mark(512).save(STATIC / "img" / "icon-512.png", optimize=True)
    share_image().save(STATIC / "img" / "share-default.png", optimize=True)
    (STATIC / "img" / "logo.svg").write_text(logo_svg())


if __name__ == "__main__":
    main()
