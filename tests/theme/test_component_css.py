"""Only the NL Design System component CSS the site uses is shipped, and none that it uses is missing.

`make static` (npm run build:css, purgecss.config.cjs) writes static/vendor/utrecht-components.css
from @utrecht/component-library-css with only the rules whose classes occur in our templates,
Python and JavaScript. A template that starts using a new component class gets its CSS at the
next `make static`; this test fails until then, naming the class.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
SHIPPED = BASE_DIR / "static" / "vendor" / "utrecht-components.css"
LIBRARY = BASE_DIR / "node_modules" / "@utrecht" / "component-library-css" / "dist" / "index.css"
NOT_OURS = {"node_modules", "tests", "staticfiles", ".venv"}
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
UTRECHT_CLASS = re.compile(r"utrecht-[a-z0-9_-]*[a-z0-9]")
# Modifiers a template composes from a value ("utrecht-alert--{% if … %}error{% endif %}"), with
# every value it can produce; purgecss.config.cjs keeps these blocks' modifiers whole.
COMPOSED_MODIFIERS = {"utrecht-alert--": {"error", "ok", "info", "warning"}}


def template_files():
    for path in BASE_DIR.glob("*/templates/**/*.html"):
        if path.relative_to(BASE_DIR).parts[0] not in NOT_OURS:
            yield path


def classes_used_in_templates():
    """Every `utrecht-*` class in a class attribute of our templates, with one file that uses it."""
    used = {}
    for path in template_files():
        for attribute in CLASS_ATTRIBUTE.findall(path.read_text()):
            for name in UTRECHT_CLASS.findall(attribute):
                used.setdefault(name, path.relative_to(BASE_DIR))
            for prefix, values in COMPOSED_MODIFIERS.items():
                if prefix + "{" in attribute:
                    for value in values:
                        used.setdefault(prefix + value, path.relative_to(BASE_DIR))
    return used


def classes_with_rules(css):
    return set(re.findall(r"\.(utrecht-[a-z0-9_-]*[a-z0-9])(?![a-z0-9_-])", css))


@pytest.fixture(scope="module")
def shipped_css():
    assert SHIPPED.exists(), "static/vendor is not built: run `make static`"
    return SHIPPED.read_text()


@pytest.fixture(scope="module")
def library_css():
    if not LIBRARY.exists():
        pytest.skip("node_modules is not installed: run `make static`")
    return LIBRARY.read_text()


def test_every_component_class_in_our_templates_has_its_css(shipped_css, library_css):
    used = classes_used_in_templates()
    assert len(used) > 40, "the template scan found too few classes to be looking in the right place"
    in_library = classes_with_rules(library_css)
    shipped = classes_with_rules(shipped_css)
    missing = {name: str(where) for name, where in used.items() if name in in_library and name not in shipped}
    assert missing == {}, f"component classes without their CSS (run `make static`): {missing}"


def test_our_templates_use_no_component_class_the_library_does_not_have(library_css):
    """A misspelt class (utrecht-buton) styles nothing; the site's only utrecht-* names are the library's."""
    in_library = classes_with_rules(library_css)
    unknown = {name: str(where) for name, where in classes_used_in_templates().items() if name not in in_library}
    assert unknown == {}


def test_the_shipped_component_css_is_a_fraction_of_the_library(shipped_css, library_css):
    shipped, library = len(shipped_css.encode()), len(library_css.encode())
    print(f"component CSS shipped: {shipped / 1024:.1f} KiB of {library / 1024:.1f} KiB")
    assert shipped < library * 0.2
    # Components the site does not use are gone.
    for unused in ("utrecht-accordion", "utrecht-calendar", "utrecht-drawer", "utrecht-combobox"):
        assert f".{unused}" not in shipped_css


def test_pages_carry_our_theme_and_not_utrechts(client, db):
    html = client.get("/account/login/").content.decode()
    assert 'class="samen-preventief-theme"' in html
    assert "utrecht-theme" not in html
    assert "css/theme.css" in html and "vendor/utrecht-components.css" in html
    assert re.search(r'<img class="site-logo__image" src="[^"]*logo[^"]*\.svg" alt="Samen Preventief"', html)
