"""The search engines behind `search.service`; settings choose one.

`ELASTICSEARCH_URL` set → Elasticsearch (backends/elastic.py); otherwise the embedded
database backend (backends/database.py) on PostgreSQL or SQLite. The database index is kept
in step in both cases (search/indexing.py): it answers when Elasticsearch cannot be reached.
"""

from django.conf import settings

_backends = {}


def get_backend(name=None):
    """The configured backend, or the one named ("database" for the fallback)."""
    name = name or ("elastic" if settings.ELASTICSEARCH_URL else "database")
    if name not in _backends:
        if name == "elastic":
            from .elastic import ElasticsearchBackend

            _backends[name] = ElasticsearchBackend(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_INDEX_PREFIX)
        else:
            from .database import DatabaseBackend

            _backends[name] = DatabaseBackend()
    return _backends[name]
