import pytest

from tips.models import Round, Tip

pytestmark = pytest.mark.django_db


def test_demo_community_has_completed_rounds_and_published_toptips(demo_content):
    assert Tip.objects.count() >= 30
    assert set(Round.objects.filter(state=Round.State.CLOSED).values_list("kind", flat=True)) == set(Round.Kind.values)
    published = Tip.objects.published()
    assert published.count() == 6
    assert all(tip.is_toptip for tip in published)
