"""Digits that are not ASCII digits in a page number or year never become a server error.

`str.isdigit()` says yes to "¹" (superscript one) and other Unicode digits that `int()` refuses,
so `value.isdigit() and int(value)` raised on `/zoeken/?page=¹` (found by the search fuzz test).
`core.query_params.whole_number` is the one test for a number typed in a URL or form.
"""

import pytest

from core.query_params import whole_number

pytestmark = pytest.mark.django_db

ODD_DIGITS = ["¹", "²³", "٣", "①", "1²"]


@pytest.mark.parametrize("value", ODD_DIGITS)
def test_odd_digits_are_not_a_whole_number(value):
    assert whole_number(value) is None


def test_ascii_digits_are_a_whole_number():
    assert whole_number("12") == 12 and whole_number("") is None and whole_number(None) is None


@pytest.mark.parametrize("value", ODD_DIGITS)
def test_pages_with_an_odd_page_number_answer(client, value):
    from home.setup import ensure_site
    from practices.setup import ensure_listings

    ensure_site()
    ensure_listings()
    for path in ("/zoeken/", "/praktijkverhalen/", "/en/zoeken/"):
        response = client.get(path, {"q": "ouders", "page": value, "pagina": value})
        assert response.status_code == 200, (path, value)
