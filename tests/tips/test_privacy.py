"""Must hold: no public page, API response or search result contains a parent's real name or
e-mail address. We render everything public on the demo platform and search the output."""

import json
from dataclasses import asdict

import pytest
from django.urls import reverse
from wagtail.models import Page

from accounts.models import Profile, User
from search import registry
from tips.models import Community, CommunityMember, Tip, TipLibraryPage

pytestmark = pytest.mark.django_db


def parent_identities():
    secrets = set()
    for user in User.objects.filter(profile__role=Profile.Role.PARENT):
        secrets.update({user.email, user.first_name, user.last_name, user.get_full_name()})
    return {secret for secret in secrets if secret and len(secret) > 2}


def public_urls():
    urls = ["/", "/en/"]
    for page in Page.objects.live().public().specific().exclude(depth=1):
        urls.append(page.url)
    library = TipLibraryPage.objects.live().get()
    for tip in Tip.objects.published():
        urls.append(tip.get_absolute_url())
    # The public page of every community open to requests (who facilitates it, by public name).
    urls += [
        reverse("tips:about", args=[community.slug]) for community in Community.objects.filter(open_to_requests=True)
    ]
    urls += [
        f"{library.url}?audience=parents",
        f"{library.url}?phase=during",
        f"{library.url}?audience=professionals&phase=after",
    ]
    return urls


def test_no_public_output_reveals_a_parents_identity(client, demo_content):
    secrets = parent_identities()
    assert {"Olga", "Oudenaarde", "ouder@demo.samenpreventief.nl"} <= secrets
    assert Tip.objects.published().filter(author__role=CommunityMember.Role.PARENT).exists()

    outputs = {}
    for url in public_urls():
        response = client.get(url, follow=True)  # a section folder leads on to its organisation page
        assert response.status_code == 200, url
        outputs[url] = response.content.decode()
    # A logged-in professional outside the community sees the same public pages, with the tried-it notes.
    client.force_login(User.objects.get(email="redacteur@demo.samenpreventief.nl"))
    for url in public_urls():
        outputs[f"{url} (ingelogd)"] = client.get(url, follow=True).content.decode()
    client.logout()

    for model in registry.registered_models():
        for obj in model._default_manager.all():
            document = obj.search_document()
            if document is not None:
                outputs[document.key] = json.dumps(asdict(document), default=str, ensure_ascii=False)
    assert any(key.startswith("tips.Tip:") for key in outputs)
    assert len([key for key in outputs if key.startswith("tips.Tip:")]) == Tip.objects.published().count()

    for where, text in outputs.items():
        for secret in secrets:
            assert secret not in text, f"{secret!r} appears in {where}"
    assert any("/over/" in url for url in outputs)
    library_html = outputs[TipLibraryPage.objects.get().url]
    assert "Moeder 1" in library_html  # parents appear under their pseudonym


def test_inside_the_community_only_host_and_facilitator_see_who_parents_are(client, demo_content):
    community = Community.objects.get()
    secrets = parent_identities()
    pages = [reverse("tips:members", args=[community.slug]), reverse("tips:community", args=[community.slug])]
    pages += [reverse("tips:round", args=[community.slug, r.pk]) for r in community.rounds.all()]
    pages += [reverse("tips:tip", args=[community.slug, t.pk]) for t in community.tips.all()[:5]]

    client.force_login(User.objects.get(email="behandelaar@demo.samenpreventief.nl"))  # a professional member
    for url in pages:
        text = client.get(url).content.decode()
        for secret in secrets:
            assert secret not in text, f"{secret!r} shown to a professional on {url}"

    client.force_login(User.objects.get(email="gastvrouw@demo.samenpreventief.nl"))  # the host
    assert "ouder@demo.samenpreventief.nl" in client.get(pages[0]).content.decode()
