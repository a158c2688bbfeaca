"""PostgreSQL for the tests: Django's own backend, with a flush that deletes rows instead of
truncating tables.

Django empties the database after every `transaction=True` test (TransactionTestCase's teardown
runs `flush`). On PostgreSQL that is one `TRUNCATE` of all ~170 tables, and TRUNCATE gives each
table and each of its indexes a new file and drops the old ones at commit: measured 5.7-6.9 s of
the server's time per flush on the shared 2-core machine, whether the tables held the demo or
were empty already. `DELETE FROM` each table leaves the same empty tables and untouched
sequences (Django's TRUNCATE has no RESTART IDENTITY either) in 0.1 s with the demo loaded.
Django's foreign keys are DEFERRABLE INITIALLY DEFERRED and the flush runs in one transaction
(`execute_sql_flush`), so the order of the deletes does not matter. A flush that resets
sequences or cascades to tables outside its list (`available_apps`) keeps Django's TRUNCATE.

A subclass of a built-in backend named in ENGINE is Django's documented way to change what a
backend does (cop_site/settings/test.py); production and the app servers the tests start use
Django's backend unchanged.
"""

from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return super().sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
