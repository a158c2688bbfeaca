"""Notification mails, sent by the task worker (`db_worker`) in the member's language.

Each task locks its notification (or digest) row, sends only while it is unsent, and marks it
sent in the same transaction. A mail server that is down makes the task fail with the row
still unsent: `retry_failed_tasks` (or `send_notification_digests`, for rows left waiting)
queues it again, and it is sent exactly once when the server is back.
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


def link_of(notification):
    """The subject's public URL in the active language (a page is looked up, so a moved page still links)."""
    if notification.subject_key.startswith("page:"):
        page = Page.objects.live().public().filter(pk=notification.subject_key.split(":", 1)[1]).first()
        if page is None:
            return None
        return page_absolute_url(page.specific)
    return notification.url


def reason_text(reason):
    what, name = reason
    if what == "theme":
        return _("u volgt het thema %(name)s") % {"name": name}
    if what == "organisation":
        return _("u volgt %(name)s") % {"name": name}
    return _("uw bewaarde zoekopdracht %(name)s") % {"name": name}


def _item(notification):
    return {
        "title": notification.title,
        "url": link_of(notification),
        "reasons": [reason_text(reason) for reason in notification.reasons],
    }


def _send(user, kind, subject, template, context):
    context = {**context, "user": user, "preferences_url": links.preferences_url(), "kind": kinds.get(kind)}
    context["unsubscribe_url"] = links.unsubscribe_url(user, kind)
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(template, context),
        to=[user.email],
        headers=links.unsubscribe_headers(user, kind),
    )
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
            item = _item(notification)
            if item["url"] is not None and user.is_active:
                subject = _("Nieuw op Samen Preventief: %(title)s") % {"title": " ".join(notification.title.split())}
                _send(user, notification.kind, subject[:150], "notifications/email/notification.txt", {"item": item})
        notification.state = Notification.State.SENT
        notification.sent_at = timezone.now()
        notification.save(update_fields=["state", "sent_at"])


@task()
def send_digest_mail(digest_id):
    with transaction.atomic():
        digest = Digest.objects.select_for_update().select_related("user").filter(pk=digest_id).first()
        if digest is None or digest.sent_at is not None:
            return
        user = digest.user
        notifications = list(
            digest.notifications.filter(state=Notification.State.DIGEST).order_by("kind", "created_at", "pk")
        )
        with with_language(user):
            groups = {}
            for notification in notifications:
                item = _item(notification)
                if item["url"] is not None:
                    groups.setdefault(notification.kind, []).append(item)
            # One mail per kind, so that each carries the one-click unsubscribe of its own kind.
            for kind, items in groups.items() if user.is_active else ():
                _send(
                    user,
                    kind,
                    _("Uw weekoverzicht van Samen Preventief"),
                    "notifications/email/digest.txt",
                    {"items": items},
                )
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
            state=Notification.State.SENT, sent_at=timezone.now()
        )
        digest.sent_at = timezone.now()
        digest.save(update_fields=["sent_at"])
