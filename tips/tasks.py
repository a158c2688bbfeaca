"""Background mail for tip communities. Runs in the task worker, after the request has finished."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.public_urls import absolute_url, page_absolute_url

from .models import Community, CommunityMember, JoinRequest, Round, Tip, TipLibraryPage


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


def _library_tip_url(tip):
    library = TipLibraryPage.objects.live().first()
    base = page_absolute_url(library) if library is not None else None
    return base + library.reverse_subpage("tip", args=[tip.pk]) if base else None


ANNOUNCEMENT_SUBJECTS = {
    "round_opened": "Nieuwe ronde in {community}",
    "round_deadline": "De ronde in {community} sluit binnenkort",
    "tip_published": "Uw tip staat in de tipsbibliotheek",
    "tip_toptip": "Uw tip is een toptip geworden",
    "join_requested": "Nieuwe aanmelding voor {community}",
}


@task()
def send_announcement_mail(member_id, kind, subject_id):
    """One mail of `tips.announcements` to one member, addressed by the name the community knows
    them by (a parent's pseudonym) and naming nobody else. In Dutch, like the other tips mails,
    until the notification service knows each member's language."""
    member = CommunityMember.objects.select_related("community", "user__profile").filter(pk=member_id).first()
    if member is None or not member.is_active or kind not in ANNOUNCEMENT_SUBJECTS:
        return
    community = member.community
    context = {"name": member.public_name, "community": community, "kind": kind}
    with translation.override("nl"):
        if kind == "join_requested":
            join_request = JoinRequest.objects.filter(pk=subject_id, community=community).first()
            if join_request is None:
                return
            context.update(
                join_request=join_request,
                url=absolute_url(reverse("tips:members", args=[community.slug]) + "#aanmeldingen"),
            )
        elif kind in ("round_opened", "round_deadline"):
            round_ = Round.objects.filter(pk=subject_id, community=community).first()
            if round_ is None:
                return
            context.update(round=round_, url=absolute_url(reverse("tips:round", args=[community.slug, round_.pk])))
        else:
            tip = Tip.objects.filter(pk=subject_id, community=community).first()
            if tip is None:
                return
            url = _library_tip_url(tip) if kind == "tip_published" else None
            context.update(tip=tip, url=url or absolute_url(reverse("tips:tip", args=[community.slug, tip.pk])))
        body = render_to_string(f"tips/email/announcement_{kind}.txt", context)
        send_mail(ANNOUNCEMENT_SUBJECTS[kind].format(community=community.name), body, None, [member.user.email])
