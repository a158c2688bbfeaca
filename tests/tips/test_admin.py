import pytest
from django.urls import reverse

from tests.tips.conftest import make_user
from tips import services

pytestmark = pytest.mark.django_db


def test_moderators_manage_communities_tips_and_products_in_the_admin(client, community):
    tip = services.submit_tip(community.parent, "Een tip om te modereren")
    admin = make_user("moderator@example.nl", "Mo", "Derator")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    for model in ("community", "tip", "product"):
        assert client.get(reverse(f"wagtailsnippets_tips_{model}:list")).status_code == 200
        assert client.get(reverse(f"wagtailsnippets_tips_{model}:add")).status_code == 200
    assert client.get(reverse("wagtailsnippets_tips_tip:edit", args=[tip.pk])).status_code == 200
    assert "Een tip om te modereren" in client.get(reverse("wagtailsnippets_tips_tip:list")).content.decode()


def test_a_moderator_creates_a_community_with_its_first_facilitator(client, community):
    from tips.models import Community

    admin = make_user("moderator2@example.nl", "Mo", "Derator")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    response = client.post(
        reverse("wagtailsnippets_tips_community:add"),
        {
            "name": "Nieuwe buurt",
            "slug": "",
            "host_organisation": community.obj.host_organisation.pk,
            "facilitating_organisation": "",
            "focus_question": "Wat werkt?",
            "neighbourhood": "Noord",
            "members-TOTAL_FORMS": "1",
            "members-INITIAL_FORMS": "0",
            "members-MIN_NUM_FORMS": "0",
            "members-MAX_NUM_FORMS": "1000",
            "members-0-user": community.users["facilitator"].pk,
            "members-0-role": "facilitator",
            "members-0-left_at": "",
            "members-0-ORDER": "1",
            "members-0-DELETE": "",
            "members-0-id": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Community.objects.get(name="Nieuwe buurt")
    assert created.members.get().role == "facilitator"


def test_a_moderator_edits_a_tip_and_its_themes(client, community):
    from taxonomy.models import Theme

    Theme.objects.create(name="Luisteren", slug="luisteren")
    tip = services.submit_tip(community.parent, "Een tip om te modereren")
    admin = make_user("moderator3@example.nl", "Mo", "Derator")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    url = reverse("wagtailsnippets_tips_tip:edit", args=[tip.pk])
    response = client.post(
        url,
        {
            "community": community.obj.pk,
            "text": "Een gemodereerde tip",
            "author_type": "parent",
            "author": community.parent.pk,
            "source": "online",
            "for_parents": "on",
            "phase": "before",
            "themes": "Luisteren, Vertrouwen",
            "duplicate_of": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    tip.refresh_from_db()
    assert tip.text == "Een gemodereerde tip"
    assert sorted(tip.themes.names()) == ["Luisteren", "Vertrouwen"]
    assert Theme.objects.filter(name="Vertrouwen").exists()
    assert list(tip.versions.values_list("number", "text")) == [
        (1, "Een tip om te modereren"),
        (2, "Een gemodereerde tip"),
    ]
    assert tip.versions.last().created_by == admin
