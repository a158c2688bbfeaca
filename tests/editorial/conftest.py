"""A small platform: two municipalities and a knowledge institute, onboarded, with one person per role."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import rich_text

from accounts.models import User
from editorial.services import ADMINISTRATOR_GROUP, MODERATOR_GROUP, onboard_organisation
from organisations.models import Membership, Organisation, OrganisationIndexPage, OrganisationType, Province

PASSWORD = "geheim-wachtwoord-2026"


def build_platform():
    """Make the small platform in the database; return the ids `platform` fetches it by."""
    from home.setup import ensure_site, get_home
    from taxonomy.setup import ensure_vocabularies

    ensure_vocabularies()
    ensure_site()
    get_home().add_child(instance=OrganisationIndexPage(title="Organisaties", slug="organisaties"))

    zwolle = Organisation.objects.create(
        name="Gemeente Zwolle", short_name="Zwolle", type=OrganisationType.MUNICIPALITY, province=Province.OVERIJSSEL
    )
    rotterdam = Organisation.objects.create(
        name="Gemeente Rotterdam",
        short_name="Rotterdam",
        type=OrganisationType.MUNICIPALITY,
        province=Province.ZUID_HOLLAND,
    )
    nji = Organisation.objects.create(
        name="Nederlands Jeugdinstituut", short_name="NJi", type=OrganisationType.KNOWLEDGE_INSTITUTE
    )
    for organisation in (zwolle, rotterdam, nji):
        onboard_organisation(organisation)

    def person(email, organisation=None, role=None, **extra):
        user = User.objects.create_user(email=email, password=PASSWORD, **extra)
        if organisation:
            Membership.objects.create(organisation=organisation, user=user, role=role)
        return user.pk

    users = dict(
        editor=person("redacteur@zwolle.test", zwolle, Membership.Role.EDITOR, first_name="Ruben"),
        editor2=person("redacteur2@zwolle.test", zwolle, Membership.Role.EDITOR, first_name="Roos"),
        coordinator=person("coordinator@zwolle.test", zwolle, Membership.Role.COORDINATOR, first_name="Cor"),
        other_editor=person("redacteur@rotterdam.test", rotterdam, Membership.Role.EDITOR),
        other_coordinator=person("coordinator@rotterdam.test", rotterdam, Membership.Role.COORDINATOR),
        reviewer=person("reviewer@nji.test", nji, Membership.Role.REVIEWER, first_name="Rianne"),
        nji_editor=person("redacteur@nji.test", nji, Membership.Role.EDITOR),
        nji_coordinator=person("coordinator@nji.test", nji, Membership.Role.COORDINATOR),
        member=person("lid@zwolle.test", zwolle, Membership.Role.MEMBER),
        moderator=person("moderator@platform.test"),
        admin=person("beheerder@platform.test", is_superuser=True, is_staff=True),
        platform_admin=person("platformbeheerder@platform.test"),
    )
    User.objects.get(pk=users["moderator"]).groups.add(Group.objects.get(name=MODERATOR_GROUP))
    User.objects.get(pk=users["platform_admin"]).groups.add(Group.objects.get(name=ADMINISTRATOR_GROUP))
    return {"zwolle": zwolle.pk, "rotterdam": rotterdam.pk, "nji": nji.pk, "users": users}


@pytest.fixture
def platform(db, platform_snapshot):
    """The small platform, put back for this test from the snapshot `platform_snapshot` took of
    `build_platform()` (tests/conftest.py): fresh objects from the database."""
    with platform_snapshot.restored_for_test() as ids:
        users = SimpleNamespace(**{role: User.objects.get(pk=pk) for role, pk in ids["users"].items()})
        organisations = {name: Organisation.objects.get(pk=ids[name]) for name in ("zwolle", "rotterdam", "nji")}
        yield SimpleNamespace(**organisations, users=users)


def page_form_data(page, **overrides):
    """POST data for Wagtail's page editor, built from the page's admin form class and current values.

    StreamFields and inline panels are sent empty; tests only create pages without them.
    """
    form_class = type(page).get_edit_handler().get_form_class()
    data = {}
    for name, field in form_class.base_fields.items():
        widget = type(field.widget).__name__
        value = getattr(page, name, None)
        if type(field).__name__ == "BlockField":
            data[f"{name}-count"] = "0"
        elif widget == "DraftailRichTextArea":
            data[name] = rich_text(value or "")
        elif type(field).__name__ == "ModelMultipleChoiceField":
            data[name] = [obj.pk for obj in value.all()] if page.pk and value is not None else []
        elif type(field).__name__ == "ModelChoiceField":
            data[name] = getattr(page, f"{name}_id", None) or ""
        elif type(field).__name__ == "BooleanField":
            if value:
                data[name] = "on"
        elif type(field).__name__ == "TagField":
            data[name] = ""
        elif value is None:
            data[name] = ""
        else:
            data[name] = str(value)
    for prefix in form_class.formsets:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
