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
the test (`IndexReadRefused`).
"""

from contextlib import ExitStack, contextmanager
from unittest import mock

from django.db.models.signals import post_save


class IndexReadRefused(AssertionError):
    pass


# The methods by which code reads each index; the readers in this project and in Wagtail's admin
# all go through them.
SEARCH_READERS = ("search", "autocomplete")
REFERENCE_READERS = (
    "get_references_for_object",
    "get_references_to",
    "get_references_to_in_bulk",
    "get_count_references_to_in_bulk",
    "get_grouped_references_to",
    "get_grouped_references_to_in_bulk",
)


def _refuse(index):
    def read(*args, **kwargs):
        raise IndexReadRefused(
            f"This test reads Wagtail's {index}, which tests keep up to date only when they ask for it: "
            "add the test (or its file) to WAGTAIL_INDEXES in tests/conftest.py."
        )

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
                stack.enter_context(mock.patch.object(BaseSearchBackend, name, _refuse("search index")))
            for name in REFERENCE_READERS:
                stack.enter_context(mock.patch.object(ReferenceIndex, name, _refuse("reference index")))
            yield
    finally:
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
