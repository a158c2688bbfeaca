"""Notification mails, sent by the task worker (`db_worker`) in the member's language.

Each task locks its notification (or digest) row, sends only while it is unsent, and marks it
sent in the same transaction. A mail server that is down makes the task fail with the row
still unsent: `retry_failed_tasks` (or `send_notification_digests`, for rows left waiting)
queues it again, and it is sent exactly once when the server is back. A digest is one mail
with every kind in it, so a failure can never leave half of it sent.
"""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Page

from core.public_urls import page_absolute_url

from . import kinds, links
from .languages import with_language
from .models import Digest, Notification

MAX_SUBJECT_LENGTH = 150


def reason_text(reason):
    what, name = reason
    if what == "theme":
        return _("u volgt het thema %(name)s") % {"name": name}
    if what == "organisation":
        return _("u volgt %(name)s") % {"name": name}
    return _("uw bewaarde zoekopdracht %(name)s") % {"name": name}


def one_line(text):
    """A header-safe subject line: whitespace runs become one space, cut to a sane length."""
    return " ".join(str(text).split())[:MAX_SUBJECT_LENGTH]


def page_message(notification):
    """The message about new content: the page is looked up, so a moved page still links and
    one that went offline or behind a login is not mailed."""
    if notification.subject_key.startswith("page:"):
        page = Page.objects.live().public().filter(pk=notification.subject_key.split(":", 1)[1]).first()
        if page is None:
            return None
        url = page_absolute_url(page.specific)
    else:
        url = notification.url
    return kinds.Message(
        subject=_("Nieuw op Samen Preventief: %(title)s") % {"title": one_line(notification.title)},
        title=notification.title,
        url=url,
        reasons=[reason_text(reason) for reason in notification.reasons],
    )


def message_of(notification):
    """The notification's message in the active language, or None when there is nothing to mail."""
    kind = kinds.get(notification.kind)
    return (kind.compose or page_message)(notification)


def _send(user, kind_names, subject, body, attachments=()):
    """One mail to the member with the footer every notification carries: their preferences and
    the one-click unsubscribe (link in the text, `List-Unsubscribe` header) for `kind_names`."""
    chosen = [kinds.get(name) for name in kind_names]
    unsubscribe_target = kind_names[0] if len(kind_names) == 1 else list(kind_names)
    footer = render_to_string(
        "notifications/email/_footer.txt",
        {
            "labels": ", ".join(str(kind.label) for kind in chosen),
            "preferences_url": links.preferences_url(),
            "unsubscribe_url": links.unsubscribe_url(user, unsubscribe_target),
        },
    )
    message = EmailMultiAlternatives(
        subject=one_line(subject),
        body=body.rstrip() + "\n\n" + footer.strip() + "\n",
        to=[user.email],
        headers=links.unsubscribe_headers(user, unsubscribe_target),
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


@task()
def send_notification_mail(notification_id):
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update().select_related("user").filter(pk=notification_id).first()
        )
        if notification is None or notification.state != Notification.State.PENDING:
            return  # sent already, switched off, or gone with its member
        user = notification.user
        with with_language(user):
            message = message_of(notification) if user.is_active else None
            if message is not None:
                context = {**message.context, "user": user, "item": message}
                body = render_to_string(message.template, context)
                _send(user, [notification.kind], message.subject, body, message.attachments)
        notification.state = Notification.State.SENT
        notification.sent_at = timezone.now()
        notification.save(update_fields=["state", "sent_at"])


@task()
def send_digest_mail(digest_id):
    """The member's weekly overview: one mail, one section per kind, each with its own unsubscribe link."""
    with transaction.atomic():
        digest = Digest.objects.select_for_update().select_related("user").filter(pk=digest_id).first()
        if digest is None or digest.sent_at is not None:
            return
        user = digest.user
        notifications = list(
            digest.notifications.filter(state=Notification.State.DIGEST).order_by("kind", "created_at", "pk")
        )
        with with_language(user):
            sections = {}
            for notification in notifications if user.is_active else ():
                message = message_of(notification)
                if message is not None:
                    sections.setdefault(notification.kind, []).append(message)
            if sections:
                body = render_to_string(
                    "notifications/email/digest.txt",
                    {
                        "user": user,
                        "sections": [
                            {
                                "kind": kinds.get(name),
                                "items": items,
                                "unsubscribe_url": links.unsubscribe_url(user, name),
                            }
                            for name, items in sections.items()
                        ],
                    },
                )
                _send(user, list(sections), _("Uw weekoverzicht van Samen Preventief"), body)
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
            state=Notification.State.SENT, sent_at=timezone.now()
        )
        digest.sent_at = timezone.now()
        digest.save(update_fields=["sent_at"])
