"""A parent finds a community through the tip library, asks to join under a pseudonym, the
facilitator accepts, and the mail's link takes her into the community. Each page passes the
accessibility audit."""

import re

import pytest
from django.core import mail

from tests.browser.conftest import audit_accessibility, login
from tests.tips.conftest import build_community, build_library, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "geheim-wachtwoord-42"


def switch_user(page, email):
    page.context.clear_cookies()
    login(page, email, PASSWORD)
    page.wait_for_url(re.compile(r"/account/profiel/"))


def test_a_parent_asks_to_join_and_the_mail_takes_her_in(page):
    community = build_community()
    library = build_library()
    make_user("nieuwe.ouder@example.nl", "Nadia", "Nieuwkomer")

    switch_user(page, "nieuwe.ouder@example.nl")
    page.goto(library.url)
    page.get_by_role("link", name=community.obj.name).click()
    page.get_by_role("heading", name=community.obj.name, level=1).wait_for()
    assert audit_accessibility(page) == []
    page.get_by_role("link", name="Vraag om mee te doen").click()
    assert audit_accessibility(page) == []
    page.get_by_label("Ouder", exact=True).check()
    page.get_by_label("Schuilnaam (alleen voor ouders)").fill("Moeder Zeester")
    page.get_by_label("Waarom wilt u meedoen?").fill("Ik wil graag meedenken over het eerste gesprek.")
    page.get_by_label("Ik ga akkoord met deze afspraak.").check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.get_by_text("Uw aanmelding is verstuurd.").wait_for()

    switch_user(page, "begeleider@example.nl")
    page.goto(f"/tips/{community.obj.slug}/leden/")
    assert audit_accessibility(page) == []
    page.get_by_label("Bericht aan de aanvrager (niet verplicht)").fill("Welkom!")
    page.get_by_role("button", name="Accepteren").click()
    page.get_by_text("De aanmelding is geaccepteerd.").wait_for()

    [message] = [m for m in mail.outbox if m.to == ["nieuwe.ouder@example.nl"]]
    assert message.body.startswith("Beste Moeder Zeester,") and "Nadia" not in message.body
    link = re.search(r"http://\S+", message.body).group(0)
    switch_user(page, "nieuwe.ouder@example.nl")
    page.goto(link.replace("http://testserver", ""))
    page.get_by_role("heading", name=community.obj.name).first.wait_for()
    assert "/tips/" in page.url
