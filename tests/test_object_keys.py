"""A search hit or a notification names its object as "app_label.ModelName:pk" (core.object_keys);
every app that gets such a key back reads it the same way."""

import pytest
from wagtail.models import Page

from core.object_keys import model_and_pk, object_key, pk_of
from practices.models import PracticeStoryPage
from tips.models import Tip


@pytest.mark.django_db
def test_a_key_names_the_model_and_the_object_it_was_made_from():
    story = PracticeStoryPage(pk=12)
    assert object_key(story) == "practices.PracticeStoryPage:12"
    assert model_and_pk(object_key(story)) == (PracticeStoryPage, 12)
    assert pk_of(object_key(story)) == 12


@pytest.mark.django_db
def test_a_key_of_another_kind_than_asked_for_names_nothing():
    assert model_and_pk(object_key(Tip(pk=3)), base=Page) is None
    assert model_and_pk(object_key(PracticeStoryPage(pk=3)), base=Page) == (PracticeStoryPage, 3)


@pytest.mark.parametrize(
    "key",
    ["nope.Nothing:1", "garbage", "practices.PracticeStoryPage:x", "practices.PracticeStoryPage:¹", "", None],
)
def test_a_key_that_names_no_object_is_read_as_none(key):
    assert model_and_pk(key) is None


@pytest.mark.parametrize("key", ["garbage", "practices.PracticeStoryPage:x", "practices.PracticeStoryPage:¹", None])
def test_a_key_without_a_whole_number_has_no_pk(key):
    assert pk_of(key) is None
