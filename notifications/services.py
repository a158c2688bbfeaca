"""The one notification service, following and saved searches.

    notify(member, "new_content", page, reasons=[["theme", "spijbelen"]])

records one `Notification` per member, kind and subject (a unique constraint: asking twice,
from a second publish or a retried task, changes nothing) and delivers it as the member's
preference for that kind says: mailed on its own through the task queue (`tasks.py`), kept
for the weekly digest (`send_notification_digests`), or not at all. Every mail is written in
the member's language and carries a one-click unsubscribe for its kind (`links.py`).

Following: a member follows a theme or an organisation (municipalities are organisations) and
keeps searches. When a story, method or publication goes live, `notify_about_page` finds who
follows any of its themes or organisations and whose saved searches match it, and tells each
of them once.
"""

import logging

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language

from core import audit
from core.object_keys import object_key

from . import kinds
from .languages import language_of
from .models import Delivery, Digest, Follow, MemberSettings, Notification, Preference, SavedSearch

logger = logging.getLogger(__name__)

# -- Language and preferences ------------------------------------------------------------------


def remember_language(user, language=None):
    """Keep the language the member uses the site in, the first time they ask for notifications.

    Mails go out later, from a worker without a request; this is the language they are written
    in. The member changes it on the preferences page; that choice is never overwritten here.
    """
    language = (language or get_language() or "nl")[:2]
    MemberSettings.objects.get_or_create(
        user=user, defaults={"language": language if language in ("nl", "en") else "nl"}
    )


def delivery_for(user, kind):
    preference = Preference.objects.filter(user=user, kind=kind).values_list("delivery", flat=True).first()
    return preference or kinds.get(kind).default


def preferences_of(user):
    """[(Kind, delivery)] for every registered kind that can reach this member."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
    return [(kind, chosen.get(kind.name, kind.default)) for kind in kinds.KINDS.values() if kind.offered_to(user)]


@transaction.atomic
def set_preferences(user, deliveries, language=None):
    """Save {kind: delivery} (unknown kinds and values are ignored) and the language of the mails."""
    changed = {}
    for kind, delivery in deliveries.items():
        if kind not in kinds.KINDS or delivery not in Delivery.values:
            continue
        Preference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})
        changed[kind] = delivery
    if language in ("nl", "en"):
        MemberSettings.objects.update_or_create(user=user, defaults={"language": language})
    audit.record(user, "notifications.preferences", user=user, label=f"member {user.pk}", **changed)


@transaction.atomic
def unsubscribe(user, kind_names, how="link"):
    """Switch kinds off (the one-click link in a mail, RFC 8058); their waiting notifications stay unsent.

    `kind_names` is one kind's name or a list of them (the digest's link switches off every kind in it).
    """
    kind_names = [kind_names] if isinstance(kind_names, str) else list(kind_names)
    for kind in kind_names:
        Preference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": Delivery.OFF})
    Notification.objects.filter(
        user=user, kind__in=kind_names, state__in=[Notification.State.PENDING, Notification.State.DIGEST]
    ).update(state=Notification.State.OFF)
    audit.record(user, "notifications.unsubscribe", label=f"member {user.pk}", kind=",".join(kind_names), via=how)


# -- Notify ------------------------------------------------------------------------------------


def subject_key_of(subject):
    if isinstance(subject, str):
        return subject
    return object_key(subject)


def notify(user, kind, subject, *, title, url="", reasons=()):
    """Record a notification for `user` about `subject` and deliver it per their preference.

    Returns the new Notification, or None when this member already had one of this kind about
    this subject (nothing is sent twice). The mail task is queued in the caller's transaction:
    with the database queue it only runs once that transaction is committed.
    """
    from . import tasks

    kinds.get(kind)
    delivery = delivery_for(user, kind)
    state = {
        Delivery.IMMEDIATELY: Notification.State.PENDING,
        Delivery.DIGEST: Notification.State.DIGEST,
        Delivery.OFF: Notification.State.OFF,
    }[delivery]
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user,
                kind=kind,
                subject_key=subject_key_of(subject),
                title=str(title)[:255],
                url=url[:500],
                reasons=[list(reason) for reason in reasons],
                state=state,
            )
    except IntegrityError:
        return None
    if state == Notification.State.PENDING:
        tasks.send_notification_mail.enqueue(notification.pk)
    return notification


# -- Following ---------------------------------------------------------------------------------


@transaction.atomic
def follow(user, *, theme=None, organisation=None):
    """Follow a theme or an organisation; following it again changes nothing. Returns the Follow."""
    remember_language(user)
    found, created = Follow.objects.get_or_create(user=user, theme=theme, organisation=organisation)
    if created:
        audit.record(found, "notifications.follow", user=user, label=f"member {user.pk}: {found}", follow=found.pk)
    return found


@transaction.atomic
def unfollow(user, follow_id):
    """Stop following; only the member's own follows. Returns whether one was removed."""
    found = Follow.objects.filter(user=user, pk=follow_id).first()
    if found is None:
        return False
    audit.record(found, "notifications.unfollow", user=user, label=f"member {user.pk}: {found}", follow=found.pk)
    found.delete()
    return True


def follows_of(user):
    return list(Follow.objects.filter(user=user).select_related("theme", "organisation").order_by("created_at", "pk"))


def is_following(user, *, theme=None, organisation=None):
    return Follow.objects.filter(user=user, theme=theme, organisation=organisation).exists()


MAX_SAVED_SEARCHES = 50


class TooManySavedSearches(Exception):
    pass


@transaction.atomic
def save_search(user, query, filters):
    """Keep a search (its words and filters, cleaned as the search page cleans them)."""
    from search import service as search_service

    if SavedSearch.objects.filter(user=user).count() >= MAX_SAVED_SEARCHES:
        raise TooManySavedSearches
    remember_language(user)
    saved = SavedSearch.objects.create(
        user=user, query=" ".join(query.split())[:200], filters=search_service.clean_filters(filters)
    )
    audit.record(saved, "notifications.save_search", user=user, label=f"member {user.pk}: search {saved.pk}")
    return saved


@transaction.atomic
def delete_search(user, search_id):
    saved = SavedSearch.objects.filter(user=user, pk=search_id).first()
    if saved is None:
        return False
    audit.record(saved, "notifications.delete_search", user=user, label=f"member {user.pk}: search {saved.pk}")
    saved.delete()
    return True


def saved_searches_of(user):
    return list(SavedSearch.objects.filter(user=user).order_by("created_at", "pk"))


# -- New content: who hears of a page that went live -------------------------------------------


def document_stems(document):
    """The stems under which the search index finds `document` (title, text and facet values)."""
    from search.analysis import stemmed_for_index
    from search.backends.base import keyword_text

    text = " ".join((document.title, document.summary, document.body, keyword_text(document)))
    return frozenset(stemmed_for_index(text).split())


def search_matches(saved, document, rows=None, stems=None):
    """Whether a saved search finds `document` (a SearchDocument), without asking the engine.

    Filters as the search page applies them: every filter name must hold one of its chosen
    values. Words as the search analyses them (`search.query.parse`, `search.analysis`): each
    word of the query, or one of its synonyms or compound parts, must occur in the document,
    compared by stem, so "jongere" finds "jongeren" and "verzuim" finds "spijbelen" through the
    synonym list. Words that only share a root without sharing a stem ("spijbelen",
    "spijbelaar") do not match, as in the search itself. Checked per page in Python, so the
    cost per published page stays bounded however many searches are saved.
    """
    from search.analysis import stem
    from search.backends.base import facet_rows
    from search.query import parse

    rows = rows if rows is not None else set(facet_rows(document))
    for name, values in (saved.filters or {}).items():
        if not any((name, value) in rows for value in values):
            return False
    parsed = parse(saved.query)
    if parsed.is_empty:
        return True
    stems = stems if stems is not None else document_stems(document)
    return all(
        any(all(stem(word) in stems for word in alternative) for alternative in clause.alternatives)
        for clause in parsed.clauses
    )


def interested_in(page, document):
    """{user_id: [reason, …]} of everyone who follows something of `page` or whose search finds it."""
    from organisations.models import OrganisationPage
    from search.backends.base import facet_rows

    reasons = {}
    theme_ids = list(page.tagged_themes.values_list("tag_id", flat=True)) if hasattr(page, "tagged_themes") else []
    organisation_ids = set(OrganisationPage.objects.ancestor_of(page).values_list("organisation_id", flat=True))
    if getattr(page, "municipality_id", None):
        organisation_ids.add(page.municipality_id)
    if hasattr(page, "organisations"):
        organisation_ids.update(page.organisations.values_list("pk", flat=True))
    follows = Follow.objects.filter(Q(theme_id__in=theme_ids) | Q(organisation_id__in=organisation_ids)).select_related(
        "theme", "organisation"
    )
    for found in follows:
        reason = ["theme", found.theme.name] if found.theme_id else ["organisation", found.organisation.name]
        reasons.setdefault(found.user_id, []).append(reason)
    rows = set(facet_rows(document))
    stems = document_stems(document)
    for saved in SavedSearch.objects.only("pk", "user_id", "query", "filters").iterator():
        if search_matches(saved, document, rows, stems):
            reasons.setdefault(saved.user_id, []).append(["search", saved.label])
    return reasons


def anyone_listens():
    return Follow.objects.exists() or SavedSearch.objects.exists()


def notify_about_page(page):
    """Tell everyone who follows something of this live page, or whose saved search finds it, once."""
    from django.contrib.auth import get_user_model

    if not page.live or page.get_view_restrictions().exists():
        return 0
    document = page.search_document()
    wanted = interested_in(page, document)
    users = get_user_model().objects.filter(pk__in=wanted, is_active=True)
    told = 0
    for user in users:
        if notify(user, kinds.NEW_CONTENT.name, f"page:{page.pk}", title=page.title, reasons=wanted[user.pk]):
            told += 1
    return told


# -- Digests -----------------------------------------------------------------------------------


def current_period(moment=None):
    year, week, _ = timezone.localdate(moment).isocalendar()
    return f"{year}-W{week:02d}"


def prepare_digests(moment=None):
    """Gather every waiting digest notification into this week's digest per member; queue the mails.

    Safe to run twice and concurrently: a member has one Digest per week (unique), rows are
    claimed with `select_for_update(skip_locked=True)` and only while they belong to no digest,
    and the mail task sends a digest only while it is unsent (under a row lock). A member
    whose digest of this week went out already gets the rest next week. Returns the digests queued.
    """
    from . import tasks

    period = current_period(moment)
    queued = []
    user_ids = (
        Notification.objects.filter(state=Notification.State.DIGEST, digest__isnull=True)
        .values_list("user_id", flat=True)
        .distinct()
    )
    for user_id in list(user_ids):
        with transaction.atomic():
            digest, _created = Digest.objects.get_or_create(user_id=user_id, period=period)
            digest = Digest.objects.select_for_update().get(pk=digest.pk)
            if digest.sent_at is not None:
                continue
            claimed = list(
                Notification.objects.select_for_update(skip_locked=True)
                .filter(user_id=user_id, state=Notification.State.DIGEST, digest__isnull=True)
                .values_list("pk", flat=True)
            )
            if not claimed:
                continue
            Notification.objects.filter(pk__in=claimed).update(digest=digest)
            tasks.send_digest_mail.enqueue(digest.pk)
            queued.append(digest.pk)
    return queued


STALE_AFTER = timezone.timedelta(minutes=30)


def requeue_stale(moment=None):
    """Queue again the mails of notifications still waiting long after they were made.

    Normally `retry_failed_tasks` brings back a mail whose task failed; this also covers a task
    row that was lost (a restored database, a purged queue). The task sends a notification
    only while it is pending, so an extra queued task never sends it twice.
    """
    from . import tasks

    cutoff = (moment or timezone.now()) - STALE_AFTER
    stale = list(
        Notification.objects.filter(state=Notification.State.PENDING, created_at__lt=cutoff).values_list(
            "pk", flat=True
        )
    )
    for pk in stale:
        tasks.send_notification_mail.enqueue(pk)
    return stale


# -- Data export -------------------------------------------------------------------------------


def export_member(user):
    return {
        "taal": language_of(user),
        "voorkeuren": dict(Preference.objects.filter(user=user).values_list("kind", "delivery")),
        "volgt": [str(found) for found in follows_of(user)],
        "zoekopdrachten": [{"zoekwoorden": s.query, "filters": s.filters} for s in saved_searches_of(user)],
        "meldingen": [
            {"soort": n.kind, "titel": n.title, "status": n.state, "gemaakt": n.created_at.isoformat()}
            for n in Notification.objects.filter(user=user).order_by("created_at")
        ],
    }
