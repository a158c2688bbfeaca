"""Background mail for invitations. Runs in the task worker, after the request has finished."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .models import Community, CommunityMember


@task()
def send_invitation_mail(community_id, email, role, url):
    community = Community.objects.filter(pk=community_id).first()
    if community is None:
        return
    with translation.override("nl"):
        context = {"community": community, "role": CommunityMember.Role(role).label, "url": url}
        body = render_to_string("tips/email/invitation.txt", context)
        send_mail(f"Uitnodiging: {community.name}", body, None, [email])
