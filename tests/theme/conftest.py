# The browser tests' tab (CSP violations fail the test), for test_layout_shift.py.
from tests.browser.conftest import page  # noqa: F401
