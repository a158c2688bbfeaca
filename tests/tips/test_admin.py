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
