"""System checks for the site's own settings (registered by `home.apps.HomeConfig.ready`)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.files)
def object_storage_is_complete(app_configs, **kwargs):
    """Half an object-storage configuration (`core.object_storage`) is an error, so
    `manage.py check`, `migrate` and `runserver` stop before uploads land on one server's disk."""
    return [
        checks.Error(problem, hint="See docs/deployment.md, 'Media on object storage'.", id="cop_site.E001")
        for problem in settings.OBJECT_STORAGE_PROBLEMS
    ]
