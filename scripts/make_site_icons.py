"""Draw the site's icons and its default share image with Pillow (issue 18, "Discovery").

The files are committed (static/root/ for the ones browsers ask for at the site root,
static/img/ for the rest); run this again only when the design changes:

    .venv/bin/python scripts/make_site_icons.py

The mark is two overlapping circles ("samen": together) in white on the site's accent blue,
the same shapes as static/img/icon.svg. Pillow's built-in font keeps the result the same on
every machine (no system font needed).
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

STATIC = Path(__file__).resolve().parent.parent / "static"
ACCENT = (29, 79, 145)  # --site-accent in static/css/site.css
WHITE = (255, 255, 255)
LIGHT = (190, 214, 240)


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


def main():
    (STATIC / "img").mkdir(exist_ok=True)
    (STATIC / "root").mkdir(exist_ok=True)
    mark(256).save(STATIC / "root" / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    # iOS puts its own mask over the icon and shows transparency as black: a full square.
    mark(180, rounded=False).convert("RGB").save(STATIC / "root" / "apple-touch-icon.png", optimize=True)
    mark(192).save(STATIC / "img" / "icon-192.png", optimize=True)
    mark(512).save(STATIC / "img" / "icon-512.png", optimize=True)
    share_image().save(STATIC / "img" / "share-default.png", optimize=True)


if __name__ == "__main__":
    main()
