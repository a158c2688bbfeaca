"""Knowledge-base rules about a method's evidence: how a judgement becomes an evidence record,
and which methods are due for re-review.

These are rules of the knowledge base, not of the editorial process: the editorial app decides
*who* judges (the evidence-review workflow task) and *who* is reminded, and calls these
functions for *what* a judgement does to a method and *when* a method needs judging again.
"""

from datetime import timedelta

from django.apps import apps
from django.utils import timezone

from core.languages import canonical_pages

RECOGNISED = "recognised"
NOT_RECOGNISED = "not_recognised"


def apply_evidence_judgement(page, level, reason, committee):
    """Write a judgement (an evidence level with reasons) into `page`'s record for that scheme.

    The record of the same scheme is updated, or added if there is none, so the method shows
    the current judgement; earlier judgements stay in the page history. Nothing is saved here:
    the caller saves the change as a new revision, the one that gets published. Returns the
    record, or None for page types without evidence records.
    """
    records = getattr(page, "evidence_records", None)
    if records is None:
        return None
    record_model = records.model
    status_field = record_model._meta.get_field("status")
    status = RECOGNISED if level.recognised else NOT_RECOGNISED
    if status not in dict(status_field.choices):
        status = status_field.default
    values = {
        "scheme": level.scheme,
        "level": level,
        "date": timezone.localdate(),
        "committee": committee,
        "status": status,
        "reason": reason,
    }
    current = list(records.all())
    record = next((record for record in current if record.scheme_id == level.scheme_id), None)
    if record is None:
        record = record_model()
        current.append(record)
    for name, value in values.items():
        setattr(record, name, value)
    records.set(current)
    return record


def last_evidence_judgement(page):
    """Date of the method's most recent evidence judgement, or None."""
    dates = [record.date for record in page.evidence_records.all() if record.date]
    return max(dates, default=None)


def methods_due_for_re_review(months):
    """Live methods whose most recent evidence judgement is older than `months`, not in review now.

    A method that was never judged is not due: it has no judgement to renew.
    """
    method_model = apps.get_model("practices", "MethodPage")
    cutoff = timezone.localdate() - timedelta(days=round(months * 365.25 / 12))
    for method in canonical_pages(method_model.objects.live()).prefetch_related("evidence_records"):
        last = last_evidence_judgement(method)
        if last is not None and last < cutoff and not method.workflow_in_progress:
            yield method
