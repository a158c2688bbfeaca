import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError

from accounts.models import ProfessionalRegistration, Profile, User
from accounts.registers import normalise
from organisations.models import Membership, Organisation

PASSWORD = "een-lang-wachtwoord-42"


@pytest.fixture
def member(db):
    user = User.objects.create_user(email="lid@example.nl", password=PASSWORD, first_name="Lies", last_name="Lid")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.mark.parametrize(
    ("register", "typed", "stored"),
    [
        ("skj", "110012345", "SKJ110012345"),
        ("skj", "skj 110012345", "SKJ110012345"),
        ("big", "BIG-123.456.789.01", "BIG12345678901"),
    ],
)
def test_register_numbers_are_stored_with_their_prefix(register, typed, stored):
    assert normalise(register, typed) == stored


def test_a_wrong_register_number_is_explained_in_dutch():
    with pytest.raises(ValidationError) as error:
        normalise("skj", "12ab")
    assert "Dit registratienummer klopt niet" in error.value.messages[0]


def test_parents_are_only_ever_named_by_pseudonym(member):
    profile = member.profile
    profile.role = Profile.Role.PARENT
    profile.pseudonym = "Moeder 3"
    assert profile.public_name == "Moeder 3"
    assert "Lies" not in profile.public_name


def test_signing_up_as_parent_requires_a_pseudonym(client, db):
    response = client.post(
        "/account/signup/",
        {"email": "ouder@example.nl", "password1": PASSWORD, "password2": PASSWORD, "role": "parent", "pseudonym": ""},
    )
    assert response.status_code == 200
    assert "Kies een schuilnaam" in response.content.decode()
    assert not User.objects.filter(email="ouder@example.nl").exists()


def test_profile_keeps_input_and_explains_a_bad_register_number(client, member):
    client.force_login(member)
    response = client.post(
        "/account/profiel/",
        {
            "first_name": "Lies",
            "last_name": "Lid",
            "pseudonym": "",
            "job_role": "Jeugdverpleegkundige",
            "organisation": "",
            "registrations-TOTAL_FORMS": "1",
            "registrations-INITIAL_FORMS": "0",
            "registrations-0-register": "skj",
            "registrations-0-number": "nummer",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit registratienummer klopt niet" in html
    assert "Jeugdverpleegkundige" in html  # nothing typed is lost
    assert not ProfessionalRegistration.objects.exists()


def test_a_professional_can_hold_several_registrations(client, member):
    client.force_login(member)
    response = client.post(
        "/account/profiel/",
        {
            "first_name": "Lies",
            "last_name": "Lid",
            "job_role": "Gedragswetenschapper",
            "organisation": "",
            "registrations-TOTAL_FORMS": "2",
            "registrations-INITIAL_FORMS": "0",
            "registrations-0-register": "skj",
            "registrations-0-number": "110012345",
            "registrations-1-register": "nip",
            "registrations-1-number": "12345",
        },
    )
    assert response.status_code == 302
    assert sorted(member.profile.registrations.values_list("number", flat=True)) == ["NIP12345", "SKJ110012345"]


def test_member_downloads_their_data_as_json(client, member):
    ProfessionalRegistration.objects.create(
        profile=member.profile, register="skj", number="SKJ110012345", period_start=datetime.date(2023, 4, 1)
    )
    client.force_login(member)
    response = client.get("/account/profiel/mijn-gegevens.json")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "lid@example.nl"
    assert data["profile"]["registrations"] == [
        {"register": "skj", "number": "SKJ110012345", "period_start": "2023-04-01"}
    ]


def test_deleting_an_account_removes_the_person_but_keeps_the_row(client, member):
    organisation = Organisation.objects.create(name="Gemeente Test", type="municipality", province="utrecht")
    Membership.objects.create(organisation=organisation, user=member, role="editor")
    client.force_login(member)
    response = client.post("/account/profiel/verwijderen/", {"confirm": "on"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert not member.is_active
    assert member.email.endswith("@invalid.example")
    assert member.first_name == "" and member.last_name == ""
    assert not Membership.objects.filter(user=member).exists()
    assert not client.login(email="lid@example.nl", password=PASSWORD)


def test_wagtail_admin_login_goes_through_allauth(client, db):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/account/login/"
    assert response.request["QUERY_STRING"] == "next=%2Fadmin%2F"


def test_demo_editor_can_open_the_admin(client, demo_content):
    response = client.post(
        "/account/login/", {"login": "redacteur@demo.samenpreventief.nl", "password": "demo-wachtwoord-2026"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_repeated_failed_logins_lock_the_account_for_a_while(client, member):
    for _attempt in range(5):
        client.post("/account/login/", {"login": "lid@example.nl", "password": "fout"})
    response = client.post("/account/login/", {"login": "lid@example.nl", "password": PASSWORD})
    assert "Te veel inlogpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_signups_from_one_address_are_rate_limited(client, db):
    statuses = [
        client.post(
            "/account/signup/",
            {"email": f"n{i}@example.nl", "password1": PASSWORD, "password2": PASSWORD, "role": "professional"},
        ).status_code
        for i in range(25)
    ]
    assert 429 in statuses
