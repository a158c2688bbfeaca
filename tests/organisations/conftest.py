"""The small onboarded platform of the editorial tests (Zwolle, Rotterdam, NJi, one person per role)."""

from tests.editorial.conftest import platform  # noqa: F401
