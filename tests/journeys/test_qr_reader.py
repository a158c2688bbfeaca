"""The journeys' QR reader reads back exactly the link the site puts in its check-in QR codes."""

import pytest

from ateliers.qr import qr_png
from tests.journeys.qr import read_qr


@pytest.mark.parametrize(
    "link",
    [
        "https://localhost:8443/kennisateliers/inchecken/eyJhIjoxfQ:1tZ9xq:abc/",
        # Long enough for a version with several blocks, digits for a numeric segment.
        "https://samenpreventief.nl/kennisateliers/inchecken/" + "x" * 120 + "12345678901234567890123/",
    ],
)
def test_reads_the_check_in_link_from_the_mail_attachment(link):
    assert read_qr(qr_png(link)) == link
