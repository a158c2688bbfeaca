"""Rebuild the search index: `python manage.py search_index --rebuild`.

Reads the registered models in chunks (bounded memory) and hands the backend one batch at
a time; the backend swaps the new index in only when it is complete. Each batch is embedded
in one go (search/embeddings.py) when semantic search is on; the progress bar counts documents.
`--health` says whether the semantic layer works (the model loaded) and which model it is.
"""

import time

from django.core.management.base import BaseCommand

from search import embeddings
from search.backends import get_backend
from search.indexing import public_document_count, public_documents


class ProgressBar:
    def __init__(self, total, stream, width=40):
        self.total, self.stream, self.width = max(total, 1), stream, width
        self.started = time.monotonic()

    def __call__(self, done):
        filled = int(self.width * min(done, self.total) / self.total)
        elapsed = time.monotonic() - self.started
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} ({elapsed:.1f} s)")
        self.stream.flush()


class Command(BaseCommand):
    help = "Bouwt de zoekindex opnieuw op uit alle gepubliceerde, openbare inhoud."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Bouw de hele index opnieuw op.")
        parser.add_argument(
            "--batch-size", type=int, default=None, help="Documenten per batch (500; 64 met semantisch zoeken)."
        )
        parser.add_argument("--health", action="store_true", help="Toon of de semantische zoeklaag werkt.")
        parser.add_argument(
            "--impact-lists",
            action="store_true",
            help="Bouw alleen de lijsten voor brede zoekvragen opnieuw op, uit de index zoals die is.",
        )

    def handle(self, *args, rebuild=False, batch_size=None, health=False, impact_lists=False, **options):
        backend = get_backend()
        if impact_lists:
            # After the upgrade that added them (search/impacts.py): no rebuild, no embedding.
            started = time.monotonic()
            get_backend("database").rebuild_impact_lists()
            self.stdout.write(f"Lijsten voor brede zoekvragen opgebouwd ({time.monotonic() - started:.1f} s).")
            return
        if health:
            # For the operator: is the embedding model loaded (search/embeddings.py)?
            state = embeddings.health()
            self.stdout.write(
                f"Semantisch zoeken: {state['semantic']} (model: {state['model'] or '-'},"
                f" instelling: {state['setting'] or '-'}) {state['error']}".rstrip()
            )
            return
        if not rebuild:
            self.stdout.write(f"Zoekindex ({backend.name}): {backend.count()} documenten. Gebruik --rebuild.")
            return
        # Embedding costs a few tenths of a second per document: smaller batches keep the
        # progress bar moving (and a batch's texts in memory) without changing the result.
        batch_size = batch_size or (64 if embeddings.available() else 500)
        total = public_document_count()
        stream = self.stdout
        progress = ProgressBar(total, stream) if options.get("verbosity", 1) > 0 else None
        backend.rebuild(public_documents(batch_size), progress=progress)
        if progress:
            stream.write("\n")
        if backend.name != "database":
            # The database index is the fallback when the external engine is unreachable.
            get_backend("database").rebuild(public_documents(batch_size))
        self.stdout.write(
            self.style.SUCCESS(f"Zoekindex ({backend.name}) opnieuw opgebouwd: {backend.count()} documenten.")
        )
