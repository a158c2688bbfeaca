"""Running the production task queue (django-tasks' database backend) inside a test."""

import logging

from django.core.management import call_command


def run_worker():
    """`db_worker --batch`: every queued task once. The worker sets its loggers' levels for
    its verbosity; they are put back so later tests still see task failures logged."""
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = [logger.level for logger in loggers]
    try:
        call_command("db_worker", batch=True, reload=False, interval=0, verbosity=0)
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
