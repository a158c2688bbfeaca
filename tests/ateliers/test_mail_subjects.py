"""Mail subjects are built safely from any atelier title (issue #12.10).

A title that came in with a line break (pasted, imported, through the API) used to make every
mail for that atelier fail with BadHeaderError: nobody got a confirmation or a seat.
"""

from django.core import mail

from ateliers import services
from ateliers.tasks import atelier_mail_subject

from .conftest import register_guest


def test_a_title_with_line_breaks_still_gets_every_mail_out(make_atelier, committed):
    atelier = make_atelier(capacity=1, title="Kracht uit\r\nnetwerken\n\rin de wijk")
    with committed():
        registration = services.register(atelier, email="gert@example.nl", name="Gert", background="policy")
    with committed():
        services.confirm_email(registration)
    with committed():
        register_guest(atelier, 2)  # on the waiting list: another kind of mail

    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 4  # confirm address, seat for Gert, confirm address and waiting list for Gast 2
    for subject in subjects:
        assert "\n" not in subject and "\r" not in subject
        assert subject.endswith(": Kracht uit netwerken in de wijk")


def test_subject_strips_control_characters_and_stays_short():
    subject = atelier_mail_subject("Je bent aangemeld", "Opvoeden\x00 in\x1b de\u2028wijk\t" + "lang " * 100)
    assert subject.startswith("Je bent aangemeld: Opvoeden in de wijk lang")
    assert all(ord(char) >= 32 for char in subject) and "\u2028" not in subject
    assert len(subject) <= 150 and subject.endswith("…")
