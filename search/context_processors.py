"""The example searches in the search boxes (the header's placeholder, the search page's hint).

An example must find something: "spijbelen" was suggested and found nothing on the demo
content (issue #13.13). tests/search/test_examples.py searches every example shown on the
pages and fails when one finds no result, so change this list, not the templates. They are
search words, not translated: the content is Dutch on the English site too.
"""

SEARCH_EXAMPLES = ("tienermoeders", "ouder-kindcoach", "Triple P", "weerbaarheid")


def search_examples(request):
    return {"search_examples": SEARCH_EXAMPLES}
