"""Issue 12, finding 5: sign-up and password reset while the mail server is down.

Before, allauth sent its mails inside the request: with the mail server down the sign-up gave a
500 after the account was created, and no mail ever left. Now `AccountAdapter.send_mail` queues
them like every other mail: the visitor sees the usual next page, the task fails in the queue
with its message, and `retry_failed_tasks` + `db_worker` send it once the server is back.
"""

import re

import pytest
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from tests.ateliers.test_mail_outage import recipients, run_worker
from tests.factories import verified_member

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "een-lang-wachtwoord-42"


def account_mail_tasks():
    return list(DBTaskResult.objects.filter(task_path="accounts.tasks.send_account_mail"))


def sign_up(client, email):
    return client.post(
        "/account/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "role": "professional"},
        follow=True,
    )


def send_after_the_outage(smtp):
    run_worker()  # still down
    (task,) = account_mail_tasks()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "builtins.ConnectionRefusedError"
    smtp.start()
    call_command("retry_failed_tasks", "--task", "accounts.tasks.send_account_mail", stdout=open("/dev/null", "w"))
    run_worker()
    run_worker()  # nothing is sent twice
    assert [task.status for task in account_mail_tasks()] == [TaskResultStatus.SUCCESSFUL]


def test_sign_up_while_the_mail_server_is_down_queues_the_confirmation(client, smtp, queue):
    response = sign_up(client, "nieuw@example.nl")
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/account/confirm-email/"
    assert "nieuw@example.nl" in response.content.decode()
    assert User.objects.filter(email="nieuw@example.nl").exists()

    send_after_the_outage(smtp)
    assert recipients(smtp) == ["nieuw@example.nl"]
    link = re.search(r"http://testserver(/account/confirm-email/\S+/)", smtp.messages[0][1]).group(1)
    client.post(link)
    assert User.objects.get(email="nieuw@example.nl").emailaddress_set.get().verified, "the late link still works"


def test_password_reset_while_the_mail_server_is_down_queues_the_link(client, smtp, queue):
    verified_member("lid@example.nl", PASSWORD)
    response = client.post("/account/password/reset/", {"email": "lid@example.nl"}, follow=True)
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/account/password/reset/done/"

    send_after_the_outage(smtp)
    assert recipients(smtp) == ["lid@example.nl"]
    assert "/account/password/reset/key/" in smtp.messages[0][1]


def test_without_a_queue_a_failed_sign_up_mail_is_no_server_error(client, smtp):
    """`make run` sends tasks straight away (ImmediateBackend): the failure is logged, the
    visitor still reaches the 'check your mailbox' page, where they can ask for a new mail."""
    response = sign_up(client, "nieuw@example.nl")
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/account/confirm-email/"
