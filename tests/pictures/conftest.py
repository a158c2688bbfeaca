"""The small onboarded platform of the editorial tests, for the admin upload form."""

from tests.editorial.conftest import platform  # noqa: F401
