"""Dutch e-mails to the people whose turn it is, sent from the background worker."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task
from wagtail.models import TaskState

from core.public_urls import absolute_url


def notify_task_moderators(task_state_id, triggering_user_id=None):
    """Queue one e-mail per moderator of the task state (not to the person who submitted)."""
    task_state = TaskState.objects.filter(pk=task_state_id).select_related("task", "workflow_state").first()
    if task_state is None:
        return 0
    page = task_state.workflow_state.content_object.specific
    moderators = task_state.task.specific.moderators_for(page).exclude(email="")
    if triggering_user_id:
        moderators = moderators.exclude(pk=triggering_user_id)
    count = 0
    for moderator in moderators:
        send_task_mail.enqueue(task_state_id=task_state_id, recipient_id=moderator.pk)
        count += 1
    return count


def render_mail(template, context):
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"editorial/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"editorial/mail/{template}.txt", context).strip()
    return subject, body


@task()
def send_task_mail(task_state_id, recipient_id):
    from accounts.models import User

    task_state = TaskState.objects.filter(pk=task_state_id).select_related("task", "workflow_state").first()
    recipient = User.objects.filter(pk=recipient_id, is_active=True).first()
    if task_state is None or recipient is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return False
    page = task_state.workflow_state.content_object.specific
    from django.urls import reverse

    context = {
        "recipient": recipient,
        "page": page,
        "task": task_state.task.specific,
        "requested_by": task_state.workflow_state.requested_by,
        "admin_url": absolute_url(reverse("wagtailadmin_home")),
        "edit_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
    }
    subject, body = render_mail("task_submitted", context)
    send_mail(subject, body, None, [recipient.email])
    return True


@task()
def send_review_reminder_mail(page_id, recipient_id, months):
    from wagtail.models import Page

    from accounts.models import User

    page = Page.objects.filter(pk=page_id).first()
    recipient = User.objects.filter(pk=recipient_id, is_active=True).first()
    if page is None or recipient is None:
        return False
    from django.urls import reverse

    context = {
        "recipient": recipient,
        "page": page.specific,
        "months": months,
        "edit_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
    }
    subject, body = render_mail("review_reminder", context)
    send_mail(subject, body, None, [recipient.email])
    return True
