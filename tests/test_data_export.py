"""Must hold: "Download al uw gegevens" works for every member and holds what we keep about them.

Issue #13 defect 2: every member of a tip community got a server error (a datetime in the tips
part of the export). The demo platform has one account per role plus a whole tip community, so
every demo account downloads its file here and we check that person's own profile, tips and
atelier registrations are in it.
"""

import json

from django.db.models import Q

from accounts.models import User
from ateliers.models import Registration
from tips.models import Tip

EXPORT_URL = "/account/profiel/mijn-gegevens.json"


def test_every_demo_account_downloads_its_own_data(client, demo_content):
    """One demo load (it is slow), every account: a problem for any of them is reported with its e-mail."""
    accounts = list(User.objects.select_related("profile").order_by("email"))
    assert len(accounts) >= 10  # the tip community alone has ten people
    problems = {}
    for user in accounts:
        client.force_login(user)
        response = client.get(EXPORT_URL)
        if response.status_code != 200:
            problems[user.email] = f"status {response.status_code}"
            continue
        assert response["Content-Disposition"] == 'attachment; filename="mijn-gegevens.json"'
        data = json.loads(response.content)

        assert data["account"]["email"] == user.email
        assert data["account"]["first_name"] == user.first_name
        assert data["profile"]["role"] == user.profile.role
        assert data["profile"]["pseudonym"] == user.profile.pseudonym
        registrations = [
            {"register": r.register, "number": r.number, "period_start": r.period_start and r.period_start.isoformat()}
            for r in user.profile.registrations.all()
        ]
        assert data["profile"]["registrations"] == registrations

        own_tips = Tip.objects.filter(Q(author__user=user) | Q(co_authors__user=user)).distinct()
        written = data["tips"]["written"]
        assert sorted(item["text"] for item in written) == sorted(tip.text for tip in own_tips)
        for item in written:
            assert item["versions"], "every tip has at least its original version"
            assert all(isinstance(version["created_at"], str) for version in item["versions"])

        atelier_titles = sorted(r.atelier.title for r in Registration.objects.filter(user=user))
        assert sorted(item["atelier"] for item in data["kennisateliers"]) == atelier_titles
    assert not problems, problems

    # Specific demo content, so the checks above cannot pass on an export that is empty for everyone.
    parent = User.objects.get(email="ouder@demo.samenpreventief.nl")
    client.force_login(parent)
    data = json.loads(client.get(EXPORT_URL).content)
    assert data["profile"] == {
        "role": "parent",
        "pseudonym": "Moeder 1",
        "job_role": "",
        "organisation": None,
        "registrations": [],
    }
    texts = [item["text"] for item in data["tips"]["written"]]
    assert any(text.startswith("Bereid een gesprek met de hulpverlener voor") for text in texts)
    assert {item["community"] for item in data["tips"]["written"]} == {"Community of Practice Jeugdhulp Oleanderbuurt"}
    [membership] = data["tips"]["communities"]
    assert membership["community"] == "Community of Practice Jeugdhulp Oleanderbuurt"
    assert membership["role"] == "parent"
    assert membership["votes"], "Moeder 1 voted in the toptip round"

    professional = User.objects.get(email="professional@demo.samenpreventief.nl")
    client.force_login(professional)
    data = json.loads(client.get(EXPORT_URL).content)
    assert data["profile"]["registrations"] == [
        {"register": "skj", "number": "SKJ110012345", "period_start": "2022-03-01"}
    ]
    ateliers = data["kennisateliers"]
    assert len(ateliers) == 4, "registered for the next atelier, and was at three past ones"
    assert all(item["register_numbers"] == {"skj": "SKJ110012345"} for item in ateliers)
    assert all(item["wants_accreditation"] is True for item in ateliers)
    assert sum(1 for item in ateliers if item["attended"] and item["certificate_code"]) == 3
    assert data["tips"]["tried"], "the demo professional said they tried a tip"
