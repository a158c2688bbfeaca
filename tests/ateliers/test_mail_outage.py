"""The mail server down at the SMTP level, with the production task queue (database).

Django's SMTP backend talks to a tiny SMTP server on loopback (tests/servers.py). While that
server is stopped its port refuses connections. Registrations and invitations must still be
committed and the visitor must see success; the mail task fails in the queue, keeps its
arguments, and `retry_failed_tasks` + `db_worker` send it exactly once when the server is back.
"""

import logging

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ateliers.models import Registration
from tests.task_queue import run_worker
from tests.tips.conftest import build_community
from tips.models import Tip

pytestmark = pytest.mark.django_db(transaction=True)


def mail_tasks():
    """Wagtail queues its own tasks (reference index) in the same queue; these are ours."""
    return list(DBTaskResult.objects.filter(task_path__endswith="_mail"))


def recipients(server):
    return [address for to, _ in server.messages for address in to]


def test_atelier_registration_survives_the_mail_server_being_down(client, atelier, smtp, queue):
    response = client.post(
        reverse("ateliers:register", args=[atelier.pk]),
        {"name": "Gert Gast", "email": "gert@example.nl", "background": "policy"},
    )
    assert response.status_code == 200 and "Kijk in je mailbox" in response.content.decode()
    registration = Registration.objects.get(atelier=atelier, email="gert@example.nl")

    run_worker()  # the mail server is down
    (task,) = mail_tasks()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "builtins.ConnectionRefusedError"
    assert task.args_kwargs["args"] == [registration.pk, "confirm_email"]
    assert Registration.objects.filter(pk=registration.pk).exists()
    assert smtp.messages == []

    smtp.start()  # the mail server is back
    run_worker()
    assert smtp.messages == [], "a failed task is not retried by itself"
    call_command("retry_failed_tasks", stdout=open("/dev/null", "w"))
    run_worker()
    run_worker()  # a second worker pass sends nothing more
    assert recipients(smtp) == ["gert@example.nl"]
    assert "/bevestigen/" in smtp.messages[0][1]
    assert [task.status for task in mail_tasks()] == [TaskResultStatus.SUCCESSFUL]
    call_command("retry_failed_tasks", stdout=open("/dev/null", "w"))
    run_worker()
    assert len(smtp.messages) == 1, "a task that succeeded is never run again"


def test_tip_and_invitation_survive_the_mail_server_being_down(client, smtp, queue):
    community = build_community()
    client.force_login(community.users["facilitator"])
    response = client.post(
        reverse("tips:members", args=[community.obj.slug]),
        {"invite-email": "nieuw@example.nl", "invite-role": "parent"},
    )
    assert response.status_code == 200 and "/tips/uitnodiging/" in response.content.decode()
    client.force_login(community.users["parent"])
    response = client.post(
        reverse("tips:submit", args=[community.obj.slug]),
        {"text": "Vraag de buurvrouw om een keer op te passen.", "audiences": ["parents"]},
    )
    assert response.status_code == 302
    assert Tip.objects.filter(text__startswith="Vraag de buurvrouw").count() == 1

    run_worker()
    (task,) = mail_tasks()
    assert task.status == TaskResultStatus.FAILED and task.task_path == "tips.tasks.send_invitation_mail"

    smtp.start()
    call_command("retry_failed_tasks", "--task", "tips.tasks.send_invitation_mail", stdout=open("/dev/null", "w"))
    run_worker()
    assert recipients(smtp) == ["nieuw@example.nl"]
    assert "/tips/uitnodiging/" in smtp.messages[0][1]


def test_with_the_immediate_backend_a_failed_mail_is_logged_not_queued(client, atelier, smtp, settings, caplog):
    """`make run` and the tests send mail straight away (ImmediateBackend): the registration
    still stands, but there is no queue to retry from; the failure is only in the log."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with caplog.at_level(logging.INFO, logger="django_tasks"):
        response = client.post(
            reverse("ateliers:register", args=[atelier.pk]),
            {"name": "Gert Gast", "email": "gert@example.nl", "background": "policy"},
        )
    assert response.status_code == 200 and "Kijk in je mailbox" in response.content.decode()
    assert Registration.objects.filter(atelier=atelier, email="gert@example.nl").exists()
    assert not DBTaskResult.objects.exists()  # nothing was queued
    failures = [r.getMessage() for r in caplog.records if r.name == "django_tasks" and r.levelname == "ERROR"]
    assert any("send_registration_mail state=FAILED" in message for message in failures)
