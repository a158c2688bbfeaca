"""Put failed background tasks back in the queue: `python manage.py retry_failed_tasks`.

django-tasks' database queue does not retry by itself: a task that raised (for example a
mail task while the mail server was down) stays in the queue as FAILED, with its arguments.
Once the cause is fixed, this command marks those tasks READY again, so `db_worker` runs each
of them once more. A task that succeeded is never run again.

    python manage.py retry_failed_tasks                      # every failed task
    python manage.py retry_failed_tasks --task ateliers.tasks.send_registration_mail
"""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Zet mislukte achtergrondtaken (bijv. e-mail tijdens een storing) opnieuw in de wachtrij."

    def add_arguments(self, parser):
        parser.add_argument("--task", action="append", default=[], help="Alleen deze taak (module.functie).")

    def handle(self, *args, task=(), **options):
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
        if task:
            failed = failed.filter(task_path__in=task)
        # One UPDATE: a task is READY again exactly once, even with two operators at once.
        count = failed.update(
            status=TaskResultStatus.READY,
            started_at=None,
            finished_at=None,
            exception_class_path="",
            traceback="",
        )
        self.stdout.write(f"{count} mislukte taken opnieuw in de wachtrij gezet.")
