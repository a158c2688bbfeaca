"""Reading the demo's content files (`<app>/demo_data/*.toml`) with checks an editor can act on.

The demo's prose lives in TOML so that an editor can correct a story without reading Python;
the loaders in each app's `demo.py` stay in Python because they go through the real publish
and workflow APIs. A mistake in a data file (a missing field, a typo in a field name, a
vocabulary slug that does not exist) must stop `load_demo_content` with a message that names
the file and the entry, not with a KeyError deep inside a loader, and must never silently drop
a term: that is what `DemoDataError` and the checks below are for.
"""

import tomllib
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError


class DemoDataError(CommandError):
    """A demo data file that cannot be loaded as written; the message names file and entry."""


class DemoFile:
    """One parsed data file; `entry(...)` checks an entry's fields, `check_known(...)` its references."""

    def __init__(self, path):
        self.path = Path(path)
        try:
            relative = self.path.relative_to(settings.BASE_DIR)
        except ValueError:
            relative = self.path
        self.name = str(relative)
        try:
            with self.path.open("rb") as handle:
                self.data = tomllib.load(handle)
        except FileNotFoundError as error:
            raise DemoDataError(f"{self.name}: bestand ontbreekt.") from error
        except tomllib.TOMLDecodeError as error:
            raise DemoDataError(f"{self.name}: geen geldige TOML ({error}).") from error

    def error(self, label, message):
        return DemoDataError(f"{self.name}, {label}: {message}")

    def get(self, key, kind=None):
        """A top-level value of the file, which must be there."""
        if key not in self.data:
            raise self.error("bovenaan", f"‘{key}’ ontbreekt.")
        value = self.data[key]
        if kind is not None and not isinstance(value, kind):
            raise self.error("bovenaan", f"‘{key}’ heeft de verkeerde vorm.")
        return value

    def entries(self, key, required, optional=(), label_key=None):
        """The list of tables under `key`, each checked for missing and unknown fields.

        Returns (label, entry) pairs; the label ("story 3 (S03)") is what error messages use.
        """
        items = self.get(key, list)
        result = []
        for number, item in enumerate(items, start=1):
            label = f"[[{key}]] nr. {number}"
            if isinstance(item, dict) and label_key and item.get(label_key):
                label += f" ({item[label_key]})"
            result.append((label, self.check_fields(label, item, required, optional)))
        return result

    def table(self, key, required, optional=()):
        """A table of named entries ([key.name]); returns (label, name, entry) triples."""
        items = self.get(key, dict)
        return [
            (f"[{key}.{name}]", name, self.check_fields(f"[{key}.{name}]", item, required, optional))
            for name, item in items.items()
        ]

    def check_fields(self, label, item, required, optional=()):
        if not isinstance(item, dict):
            raise self.error(label, "verwacht een tabel met velden.")
        missing = [name for name in required if name not in item]
        if missing:
            raise self.error(label, f"verplicht veld ontbreekt: {', '.join(missing)}.")
        unknown = sorted(set(item) - set(required) - set(optional))
        if unknown:
            allowed = ", ".join(sorted(set(required) | set(optional)))
            raise self.error(label, f"onbekend veld {', '.join(unknown)} (toegestaan: {allowed}).")
        return item

    def each(self, label, item, field, required, optional=()):
        """The sub-tables in list `field` of an entry, each checked for its fields."""
        values = item.get(field, [])
        if not isinstance(values, list):
            raise self.error(label, f"‘{field}’ moet een lijst zijn.")
        return [
            self.check_fields(f"{label}, {field} nr. {number}", value, required, optional)
            for number, value in enumerate(values, start=1)
        ]

    def check_known(self, label, field, values, known):
        """Every value must be one of `known` (slugs, names, choices, keys of other entries)."""
        if isinstance(values, str | int) or values is None:
            values = [values]
        unknown = [value for value in values if value not in known]
        if unknown:
            choices = ", ".join(sorted(str(value) for value in known))
            raise self.error(
                label, f"onbekende waarde in ‘{field}’: {', '.join(map(str, unknown))} (bekend: {choices})."
            )


def demo_file(app_module_file, name):
    """The data file `name` in the `demo_data` folder next to the module `app_module_file`."""
    return DemoFile(Path(app_module_file).resolve().parent / "demo_data" / name)
