"""Background mail for accounts: sign-up confirmation, password reset and every other mail that
allauth sends. Runs in the task worker (`db_worker`), after the request has finished.

allauth renders its mails in the request (its templates need the request and objects such as
the user); `AccountAdapter.send_mail` hands the finished message to this task as plain text,
so it can wait in the queue, and `retry_failed_tasks` can send it after a mail-server outage.
"""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_account_mail(subject, body, from_email, to, alternatives=(), headers=None):
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers or None)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    message.send()


def queue_message(message):
    """Queue an EmailMessage rendered in the request (text, HTML alternatives, headers)."""
    send_account_mail.enqueue(
        subject=message.subject,
        body=message.body,
        from_email=message.from_email,
        to=list(message.to),
        alternatives=[[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        headers=dict(message.extra_headers),
    )
