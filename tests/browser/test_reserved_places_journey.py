"""Places reserved for parents, in a real browser (issue 16): a parent chooses her group on the
form, confirms from her mail, and when she gives her place back, the parent waiting on the
parents' list gets it, not the professional waiting on the general list."""

import pytest

from ateliers import services
from ateliers.models import AtelierPage, Registration, ReservedPlaces
from tests.browser.conftest import audit_accessibility
from tests.browser.test_atelier_journey import atelier, mail_to, path_in  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Status = Registration.Status


def test_a_parent_takes_a_parents_place_and_gives_it_to_the_next_parent(page, atelier):  # noqa: F811
    AtelierPage.objects.filter(pk=atelier.pk).update(capacity=2)
    ReservedPlaces.objects.create(page=atelier, name="Ouders", places=1, description="u voedt zelf kinderen op")
    general = services.confirm_email(
        services.register(atelier, email="pro@example.nl", name="Pim Pro", background="policy")
    )
    assert general.status == Status.CONFIRMED  # the one place for everyone is gone

    page.goto(atelier.url)
    page.get_by_text("Nog 1 plaats voor Ouders.").wait_for()
    page.get_by_role("link", name="Aanmelden").click()
    page.get_by_label("Naam", exact=True).fill("Olga Ouder")
    page.get_by_label("E-mailadres").fill("olga@example.nl")
    page.get_by_label("Ouders – u voedt zelf kinderen op").check()
    assert audit_accessibility(page) == []
    page.get_by_label("Vertegenwoordiger van ouders of jongeren").check()
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("heading", name="Kijk in je mailbox").wait_for()
    page.goto(path_in(mail_to("olga@example.nl")[-1], "/bevestigen/"))
    page.get_by_role("button", name="Aanmelding bevestigen").click()
    page.get_by_text("Status: Aangemeld").wait_for()

    # Now every place is taken: a professional waits on the general list first, then a parent on hers.
    later_professional = services.confirm_email(
        services.register(atelier, email="wim@example.nl", name="Wim Wachter", background="policy")
    )
    later_parent = services.confirm_email(
        services.register(
            atelier,
            email="pia@example.nl",
            name="Pia Ouder",
            background="representative",
            group=atelier.reserved_places.get(),
        )
    )
    assert (later_professional.status, later_parent.status) == (Status.WAITING, Status.WAITING)
    page.goto(path_in(mail_to("pia@example.nl")[-1], "/aanmelding/"))
    page.get_by_text("nummer 1 op de wachtlijst voor Ouders").wait_for()

    # Olga gives her place back from the link in her mail: it goes to Pia, who is told by mail.
    page.goto(path_in(mail_to("olga@example.nl")[-1], "/aanmelding/"))
    page.get_by_role("link", name="Afmelden").click()
    page.get_by_role("button", name="Ja, meld me af").click()
    page.get_by_text("Status: Afgemeld").wait_for()
    later_parent.refresh_from_db()
    later_professional.refresh_from_db()
    assert (later_parent.status, later_professional.status) == (Status.CONFIRMED, Status.WAITING)
    assert "plek vrijgekomen" in mail_to("pia@example.nl")[-1].subject
