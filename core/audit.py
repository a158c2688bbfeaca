"""The audit trail: every state change is recorded through Wagtail's `log_action` machinery.

Services call `record(...)` inside the transaction that makes the change, so a change that
fails (and rolls back) leaves no entry, and an entry never describes something that did not
happen. Wagtail keeps entries about pages in `PageLogEntry` (the page history) and about any
other model in `ModelLogEntry` (a snippet's history); the admin's site history report
(/admin/reports/site-history/) lists both. The action types are registered, with Dutch labels,
by each app's `register_log_actions` hook (ateliers, tips, organisations, editorial).

Two privacy rules hold for every entry, which is why services use this helper instead of
calling `wagtail.log_actions.log` themselves:

- The label is what the report shows as the object's name; Wagtail's default is `str(instance)`,
  which for a registration is the person's real name and for a tip its text (before
  de-identification that text may name people). Callers pass a `label` of ids, titles and
  pseudonyms for such objects.
- The report shows the acting account's full name. A parent (anyone who takes part as a parent
  anywhere, `Profile.appears_as_parent`) is therefore never recorded as the user: their own
  changes are recorded without a user, and the service puts their pseudonymous member id in
  the data. Staff (facilitators, organisers, editors) are recorded as themselves.
"""

from wagtail.log_actions import log


def accountable_user(user):
    """The account to record as having acted, or None for a visitor, a guest or a parent."""
    if user is None or not user.is_authenticated:
        return None
    profile = getattr(user, "profile", None)
    if profile is not None and profile.appears_as_parent:
        return None
    return user


def record(instance, action, *, user=None, label=None, **data):
    """Log `action` on `instance` by `user`, with `data` (ids and states only: no names, no e-mail).

    `label` replaces `str(instance)` as the object's name in the report; pass it whenever the
    model's `str` holds a person's name or free text.
    """
    return log(
        instance=instance,
        action=action,
        user=accountable_user(user),
        title=str(label) if label is not None else None,
        data=data,
    )
