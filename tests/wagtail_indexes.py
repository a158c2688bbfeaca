"""Wagtail's own two indexes, kept up to date only in the tests that read them.

On every save of a page, snippet, image or document Wagtail queues two tasks: one refreshes its
own search index (the admin's search, the open-data API's `?search=`), the other its reference
index (what refers to what: document privacy, "used N times"). Production runs them in the
worker. The test settings run every task at once, so each page a test builds pays for both,
twice or three times (created, revised, published): about 120 of the SQLite pass's 690 CPU
seconds, in tests that never look at either index. (The site's own search index,
`search/indexing.py`, is not one of them: it stays on everywhere.)

So a test runs without them, unless `tests/conftest.py` lists it in `WAGTAIL_INDEXES`. The
demo and the other data sets built once per run (`demo_snapshot`, `DataSnapshots`) are built
with both indexes on, as `make run` builds them. A test that is not listed and still reads
either index would read an index its own changes never reached, and could pass for the wrong
reason ("the draft is not found": nothing is), so such a read fails at once and says to list
the test (`IndexReadRefused`): every search of Wagtail's index, and every read of the reference
index by this project's own code (which document is public, how often a picture is used).
Wagtail's admin also counts references on its edit and delete screens ("used 3 times"); no test
asserts those numbers, so the admin's own reads go through and count what is there.
"""

import sys
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest import mock

from django.db.models.signals import post_save


class IndexReadRefused(AssertionError):
    pass


# The methods by which code reads each index; this project's readers and Wagtail's admin all go
# through them.
SEARCH_READERS = ("search", "autocomplete")
REFERENCE_READERS = (
    "get_references_for_object",
    "get_references_to",
    "get_references_to_in_bulk",
    "get_count_references_to_in_bulk",
    "get_grouped_references_to",
    "get_grouped_references_to_in_bulk",
)


PROJECT = Path(__file__).resolve().parents[1]
NOT_OURS = (PROJECT / ".venv", PROJECT / "tests")


def _refusal(index):
    return IndexReadRefused(
        f"This test reads Wagtail's {index}, which tests keep up to date only when they ask for it: "
        "add the test (or its file) to WAGTAIL_INDEXES in tests/conftest.py."
    )


def _refuse_search(*args, **kwargs):
    raise _refusal("search index")


def _refuse_reading_from_our_code(original):
    """`original` (a bound class method of ReferenceIndex) when Wagtail itself calls it; refused
    when this project's code does."""

    def read(*args, **kwargs):
        caller = Path(sys._getframe(1).f_code.co_filename)
        if caller.is_relative_to(PROJECT) and not any(caller.is_relative_to(folder) for folder in NOT_OURS):
            raise _refusal("reference index")
        return original(*args, **kwargs)

    return read


@contextmanager
def wagtail_indexes_off():
    """Neither index follows saves, and reading either fails (module docstring)."""
    from modelsearch import index
    from modelsearch.backends.base import BaseSearchBackend
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import disable_reference_index_auto_update

    # modelsearch.signal_handlers.register_signal_handlers connects these, model by model.
    searched = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in searched:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with ExitStack() as stack:
            stack.enter_context(disable_reference_index_auto_update())
            for name in SEARCH_READERS:
                stack.enter_context(mock.patch.object(BaseSearchBackend, name, _refuse_search))
            for name in REFERENCE_READERS:
                original = getattr(ReferenceIndex, name)
                stack.enter_context(mock.patch.object(ReferenceIndex, name, _refuse_reading_from_our_code(original)))
            yield
    finally:
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
