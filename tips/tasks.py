"""Background mail for tip communities. Runs in the task worker, after the request has finished."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.public_urls import absolute_url

from .models import Community, CommunityMember, JoinRequest


@task()
def send_invitation_mail(community_id, email, role, url):
    community = Community.objects.filter(pk=community_id).first()
    if community is None:
        return
    with translation.override("nl"):
        context = {"community": community, "role": CommunityMember.Role(role).label, "url": url}
        body = render_to_string("tips/email/invitation.txt", context)
        send_mail(f"Uitnodiging: {community.name}", body, None, [email])


def _requester_name(join_request):
    """How the mail greets the requester: a parent by pseudonym only, as everywhere."""
    profile = join_request.user.profile
    return profile.parent_name if join_request.role == CommunityMember.Role.PARENT else profile.public_name


@task()
def send_join_decision_mail(join_request_id):
    """The facilitator's decision, in the language the requester asked in; its link works for them:
    the community itself when accepted, its public page when declined."""
    join_request = JoinRequest.objects.select_related("community", "user__profile").filter(pk=join_request_id).first()
    if join_request is None or join_request.state not in (JoinRequest.State.ACCEPTED, JoinRequest.State.DECLINED):
        return
    community = join_request.community
    accepted = join_request.state == JoinRequest.State.ACCEPTED
    with translation.override(join_request.language or "nl"):
        if accepted:
            url = absolute_url(reverse("tips:community", args=[community.slug]))
            subject = _("U doet mee: %(name)s") % {"name": community.name}
        else:
            url = absolute_url(reverse("tips:about", args=[community.slug]))
            subject = _("Uw aanmelding voor %(name)s") % {"name": community.name}
        context = {
            "community": community,
            "name": _requester_name(join_request),
            "accepted": accepted,
            "message": join_request.decision_message,
            "url": url,
        }
        body = render_to_string("tips/email/join_decision.txt", context)
        send_mail(subject, body, None, [join_request.user.email])
