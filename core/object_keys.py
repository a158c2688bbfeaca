"""One way of naming a stored object across apps: its model label and key, "app_label.ModelName:pk".

The search index keys its entries this way, and notifications name their subject this way. Code
that gets such a key back (a search hit, a related card, a notification at send time) finds the
object again with `model_and_pk`, instead of each app splitting the string in its own way.

The module lives in `core` because the apps that write keys (search, notifications) and the apps
that read them (pictures, notifications, core.languages) must not import one another.
"""

from django.apps import apps

from core.query_params import whole_number


def object_key(obj):
    """The key of a saved model instance: "practices.PracticeStoryPage:12"."""
    return f"{obj._meta.label}:{obj.pk}"


def pk_of(key):
    """The primary key in `key`, or None when it names none."""
    return whole_number(str(key).rpartition(":")[2])


def model_and_pk(key, base=None):
    """(model, pk) named by `key`, or None when the model is unknown, is no subclass of `base`
    (when given), or the key has no whole-number pk. The object itself may since be gone."""
    label, _sep, _pk = str(key).rpartition(":")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    pk = pk_of(key)
    if pk is None or (base is not None and not issubclass(model, base)):
        return None
    return model, pk
