"""The invitation link in a tip community's invitation mail starts with PUBLIC_BASE_URL (issue #13.4)."""

from django.urls import reverse

BASE = "http://127.0.0.1:8101"


def test_invitation_mail_links_to_the_public_base_url(
    client, settings, community, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    settings.PUBLIC_BASE_URL = BASE
    client.force_login(community.facilitator.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("tips:members", args=[community.obj.slug]),
            {"invite-role": "professional", "invite-email": outsider.email},
            HTTP_HOST="localhost:8000",  # the host the request came in on is not the public one,
        )
    [message] = mailoutbox
    links = [word for word in message.body.split() if "://" in word]
    assert links and all(link.startswith(BASE + "/tips/") for link in links), links
    assert response.context["invitation_url"] in links
