"""English names for the free themes the demo's stories, methods, publications, ateliers and tips
use (fiction only; `taxonomy/demo_data/themes.toml`).

The starting vocabularies get their English labels from `setup.py` on every site; free themes
are made by editors (here: by the other demo loaders), so their English names are demo data.
Runs after every loader that tags content. Idempotent and careful: a theme gets its English name
only when it exists and has none yet, so a translation an editor made is kept.
"""

from home.demo_data import demo_file

from .models import Theme

ORDER = 90


def english_theme_names(data_file=None):
    """{Dutch name: English name} from the data file, checked."""
    data_file = data_file or demo_file(__file__, "themes.toml")
    names = {}
    for label, entry in data_file.entries("theme", ("name", "name_en"), label_key="name"):
        if not entry["name"].strip() or not entry["name_en"].strip():
            raise data_file.error(label, "naam en Engelse naam mogen niet leeg zijn.")
        names[entry["name"]] = entry["name_en"]
    return names


def load(log):
    names = english_theme_names()
    filled = 0
    for theme in Theme.objects.filter(name__in=list(names), name_en=""):
        theme.name_en = names[theme.name]
        theme.save(update_fields=["name_en"])
        filled += 1
    log(f"Thema's: {filled} Engelse namen ingevuld." if filled else "Thema's hadden hun Engelse namen al.")
