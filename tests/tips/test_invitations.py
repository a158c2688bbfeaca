"""Must hold: an invitation link carries no personal data (issue #12, finding 9).

The link used to be a signed, readable payload with the invitee's e-mail address in it. Now it
is a random key for a stored invitation; the address stays in the database. Links mailed
before the change keep working until they expire (14 days), then say so in plain Dutch.
"""

import base64
import re
import zlib
from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from tips import services
from tips.models import Invitation

pytestmark = pytest.mark.django_db


def readable_parts(token):
    """Everything the token says to someone who decodes it: each piece, base64-decoded and unzipped."""
    texts = [token]
    for piece in re.split(r"[:.]", token):
        try:
            raw = base64.urlsafe_b64decode(piece + "=" * (-len(piece) % 4))
        except ValueError:
            continue
        texts.append(raw.decode("utf-8", "ignore"))
        try:
            texts.append(zlib.decompress(raw).decode("utf-8", "ignore"))
        except zlib.error:
            pass
    return "\n".join(texts)


def invite(client, community, email, role="professional", capture=None):
    """The facilitator invites `email` through the members page; returns the mailed link's path."""
    client.force_login(community.facilitator.user)
    with capture(execute=True):
        response = client.post(
            reverse("tips:members", args=[community.obj.slug]), {"invite-role": role, "invite-email": email}
        )
    return response.context["invitation_url"].split("testserver", 1)[1]


def test_the_mailed_link_carries_no_email_or_name_and_accepting_works(
    client, community, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    path = invite(client, community, outsider.email, capture=django_capture_on_commit_callbacks)
    [message] = mailoutbox
    assert path in message.body and message.to == [outsider.email]
    token = path.rstrip("/").rsplit("/", 1)[1]
    said = readable_parts(token).lower()
    for secret in (outsider.email, "buitenstaander", outsider.first_name.lower(), outsider.last_name.lower()):
        assert secret not in said, f"{secret!r} can be read from the link"
    assert Invitation.objects.get().email == outsider.email  # the address stays in the database

    client.force_login(outsider)
    assert "Uitnodiging voor een tipgemeenschap" in client.get(path).content.decode()
    response = client.post(path)
    assert response.status_code == 302
    assert client.get(reverse("tips:community", args=[community.obj.slug])).status_code == 200
    assert Invitation.objects.get().accepted_at is not None


def test_a_link_is_used_once(client, community, outsider, django_capture_on_commit_callbacks):
    path = invite(client, community, outsider.email, capture=django_capture_on_commit_callbacks)
    token = path.rstrip("/").rsplit("/", 1)[1]
    member = services.accept_invitation(outsider, token)
    assert services.accept_invitation(outsider, token) == member  # clicking twice: already in
    services.leave_community(member, hide_tips=False)
    with pytest.raises(services.TipError, match="al gebruikt"):
        services.accept_invitation(outsider, token)


def test_an_expired_link_says_so_and_how_to_get_a_new_one(client, community, outsider):
    token = services.invitation_token(community.facilitator, "professional", outsider.email)
    Invitation.objects.update(created_at=timezone.now() - timedelta(days=15))
    client.force_login(outsider)
    response = client.get(reverse("tips:invitation", args=[token]))
    assert response.status_code == 410
    assert "Deze uitnodiging is verlopen. Vraag de procesbegeleider om een nieuwe link." in response.content.decode()


def signed_link(community, email, age=timedelta(0)):
    """A link as mailed before invitations were stored (signed payload with the address)."""
    payload = {"community": community.obj.pk, "role": "professional", "email": email}
    signer = signing.TimestampSigner(salt="tips.invitation")  # as the old code made them
    signer.timestamp = lambda: signing.b62_encode(int((timezone.now() - age).timestamp()))
    return signer.sign_object(payload)


def test_links_mailed_before_the_change_work_until_they_expire(client, community, outsider):
    client.force_login(outsider)
    old_but_valid = signed_link(community, outsider.email, age=timedelta(days=3))
    assert outsider.email in readable_parts(old_but_valid)  # what finding 9 was about
    response = client.post(reverse("tips:invitation", args=[old_but_valid]))
    assert response.status_code == 302
    assert client.get(reverse("tips:community", args=[community.obj.slug])).status_code == 200

    expired = signed_link(community, "iemand@example.nl", age=timedelta(days=15))
    response = client.get(reverse("tips:invitation", args=[expired]))
    assert response.status_code == 410
    assert "Vraag de procesbegeleider om een nieuwe link" in response.content.decode()


def test_the_invitation_lifetime_is_the_one_registered_for_signed_links(client, community, outsider, monkeypatch):
    """Stored and legacy invitations follow `SIGNED_LINK_LIFETIMES["tips.invitation"]` and its clock."""
    from django.test import override_settings

    from core import signed_links

    start = signed_links.now()
    token = services.invitation_token(community.facilitator, "professional", outsider.email)
    legacy = signed_link(community, outsider.email)
    client.force_login(outsider)
    with override_settings(SIGNED_LINK_LIFETIMES={"tips.invitation": {"after_issue": timedelta(days=2)}}):
        monkeypatch.setattr(signed_links, "now", lambda: start + timedelta(days=2) - timedelta(minutes=1))
        for link in (token, legacy):
            assert client.get(reverse("tips:invitation", args=[link])).status_code == 200
        monkeypatch.setattr(signed_links, "now", lambda: start + timedelta(days=2) + timedelta(minutes=1))
        for link in (token, legacy):
            response = client.get(reverse("tips:invitation", args=[link]))
            assert response.status_code == 410
            assert "Deze uitnodiging is verlopen" in response.content.decode()


def test_deleting_an_account_removes_invitations_to_its_address(community, outsider):
    from accounts.services import delete_account

    services.invitation_token(community.facilitator, "professional", outsider.email)
    delete_account(outsider)
    assert not Invitation.objects.exists()
