"""`make run` ends with one table of every demo account and its roles (issue #13.14).

The facilitator and host of the tips community were printed nowhere; the table is read from
the database, so an account added to any app's demo.py shows up without another list to keep.
"""

from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import Profile, User
from home.management.commands.demo_accounts import DEMO_EMAIL_DOMAIN

pytestmark = pytest.mark.django_db


def table_rows(output):
    """{e-mail: roles} from the table the command prints."""
    rows = {}
    for line in output.splitlines():
        email, _space, roles = line.strip().partition("  ")
        if email.endswith(DEMO_EMAIL_DOMAIN):
            rows[email] = roles.strip()
    return rows


def test_make_run_ends_with_every_demo_account_and_its_roles(demo_content):
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    text = output.getvalue()
    table = text[text.rindex("Demo-accounts (") :]  # the last thing printed
    rows = table_rows(table)
    demo_users = User.objects.filter(email__endswith=DEMO_EMAIL_DOMAIN)
    assert demo_users.count() >= 10
    assert set(rows) == set(demo_users.values_list("email", flat=True))
    assert "platformbeheerder" in rows["beheerder@demo.samenpreventief.nl"]
    assert "procesbegeleider tipgemeenschap" in rows["procesbegeleider@demo.samenpreventief.nl"]
    assert "gastheer of gastvrouw tipgemeenschap" in rows["gastvrouw@demo.samenpreventief.nl"]
    assert "reviewer Nederlands Jeugdinstituut" in rows["reviewer.nji@demo.samenpreventief.nl"]
    assert "ouder (schuilnaam Moeder 1)" in rows["ouder@demo.samenpreventief.nl"]
    for user in demo_users.select_related("profile"):
        assert user.profile.get_role_display().lower() in rows[user.email], user.email


def test_the_table_is_read_from_the_database():
    User.objects.create_user(email=f"nieuw{DEMO_EMAIL_DOMAIN}", password="x")
    parent = User.objects.create_user(email=f"ouder2{DEMO_EMAIL_DOMAIN}", password="x")
    Profile.objects.filter(user=parent).update(role=Profile.Role.PARENT, pseudonym="Vader 9")
    User.objects.create_user(email="iemand@example.nl", password="x")  # not a demo account
    output = StringIO()
    call_command("demo_accounts", stdout=output)
    rows = table_rows(output.getvalue())
    assert set(rows) == {f"nieuw{DEMO_EMAIL_DOMAIN}", f"ouder2{DEMO_EMAIL_DOMAIN}"}
    assert rows[f"ouder2{DEMO_EMAIL_DOMAIN}"] == "ouder (schuilnaam Vader 9)"
