"""Settings for benchmarks/registration_burst.py: `make run` settings with production's mail path.

Production puts every registration mail in the database task queue (base settings), where the
worker picks it up; `make run` sends it inside the request. The burst benchmark measures the
registration as production runs it, so the mails stay in the queue (no worker runs).
"""

from cop_site.settings.dev import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
