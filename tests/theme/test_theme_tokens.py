"""Our theme (static/css/theme.css) sets the NL Design System tokens, from our brand tokens, readably.

The contrast pairs are recomputed from the file itself, so a colour changed there without
looking at what stands on it fails here (WCAG 2.1 AA: 4.5:1 for text, 3:1 for the borders
of form controls and the focus ring).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

THEME = Path(settings.BASE_DIR) / "static" / "css" / "theme.css"


def tokens():
    """Every custom property the theme sets, with var() references to other tokens resolved."""
    css = re.sub(r"/\*.*?\*/", "", THEME.read_text(), flags=re.S)
    raw = dict(re.findall(r"(--[a-z0-9-]+)\s*:\s*([^;]+);", css))

    def resolve(value, depth=0):
        assert depth < 10, f"var() loop in {value}"
        return re.sub(r"var\((--[a-z0-9-]+)\)", lambda match: resolve(raw[match.group(1)], depth + 1), value).strip()

    return {name: resolve(value) for name, value in raw.items()}


def luminance(colour):
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


TEXT = 4.5
NON_TEXT = 3.0
# (foreground token, background token, minimum)
PAIRS = [
    ("--utrecht-document-color", "--utrecht-document-background-color", TEXT),
    ("--utrecht-heading-color", "--utrecht-document-background-color", TEXT),
    ("--utrecht-link-color", "--utrecht-document-background-color", TEXT),
    ("--utrecht-link-hover-color", "--utrecht-document-background-color", TEXT),
    ("--utrecht-link-color", "--samen-preventief-color-paper-subtle", TEXT),
    ("--samen-preventief-color-ink-muted", "--utrecht-document-background-color", TEXT),
    ("--samen-preventief-color-ink-muted", "--samen-preventief-color-petrol-tint", TEXT),
    ("--utrecht-button-primary-action-color", "--utrecht-button-primary-action-background-color", TEXT),
    ("--utrecht-button-primary-action-hover-color", "--utrecht-button-primary-action-hover-background-color", TEXT),
    ("--utrecht-button-primary-action-active-color", "--utrecht-button-primary-action-active-background-color", TEXT),
    ("--utrecht-button-secondary-action-color", "--utrecht-button-secondary-action-background-color", TEXT),
    ("--utrecht-button-secondary-action-hover-color", "--utrecht-button-secondary-action-hover-background-color", TEXT),
    ("--utrecht-button-subtle-color", "--utrecht-document-background-color", TEXT),
    ("--utrecht-button-subtle-hover-color", "--utrecht-button-subtle-hover-background-color", TEXT),
    ("--utrecht-button-subtle-active-color", "--utrecht-button-subtle-active-background-color", TEXT),
    ("--utrecht-alert-info-color", "--utrecht-alert-info-background-color", TEXT),
    ("--utrecht-alert-ok-color", "--utrecht-alert-ok-background-color", TEXT),
    ("--utrecht-alert-warning-color", "--utrecht-alert-warning-background-color", TEXT),
    ("--utrecht-alert-error-color", "--utrecht-alert-error-background-color", TEXT),
    ("--utrecht-form-control-color", "--utrecht-form-control-background-color", TEXT),
    ("--utrecht-form-control-placeholder-color", "--utrecht-form-control-background-color", TEXT),
    ("--utrecht-form-field-error-message-color", "--utrecht-document-background-color", TEXT),
    ("--utrecht-form-field-description-color", "--utrecht-document-background-color", TEXT),
    ("--utrecht-page-footer-color", "--utrecht-page-footer-background-color", TEXT),
    ("--utrecht-skip-link-color", "--utrecht-skip-link-background-color", TEXT),
    ("--utrecht-form-control-border-color", "--utrecht-form-control-background-color", NON_TEXT),
    ("--utrecht-form-control-invalid-border-color", "--utrecht-form-control-background-color", NON_TEXT),
    ("--utrecht-focus-outline-color", "--utrecht-document-background-color", NON_TEXT),
    ("--utrecht-focus-inverse-outline-color", "--utrecht-page-footer-background-color", NON_TEXT),
    ("--samen-preventief-color-sprout", "--utrecht-document-background-color", NON_TEXT),
]


@pytest.mark.parametrize(("foreground", "background", "minimum"), PAIRS, ids=[f"{f} on {b}" for f, b, _ in PAIRS])
def test_theme_colours_meet_wcag_aa(foreground, background, minimum):
    values = tokens()
    ratio = contrast(values[foreground], values[background])
    assert ratio >= minimum, f"{foreground} {values[foreground]} on {background} {values[background]}: {ratio:.2f}:1"


def test_component_tokens_come_from_brand_tokens():
    """A colour is chosen once, as a brand token; the component tokens only point at them."""
    css = re.sub(r"/\*.*?\*/", "", THEME.read_text(), flags=re.S)
    hard_coded = [
        name
        for name, value in re.findall(r"(--(?:utrecht|nl)-[a-z0-9-]+)\s*:\s*([^;]+);", css)
        if re.search(r"#[0-9a-fA-F]{3,6}\b", value) and "focus-outline-color" not in name
    ]
    assert hard_coded == []
    assert css.lstrip().startswith(".samen-preventief-theme {")


def test_our_css_sets_no_colour_of_its_own_where_the_theme_has_one():
    """The overrides of Utrecht's colours that site.css needed are gone: it reads the tokens."""
    site_css = (THEME.parent / "site.css").read_text()
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", site_css) == []
