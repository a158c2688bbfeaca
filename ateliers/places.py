"""An atelier's places: the capacity split into places reserved per group and general ones.

Pure counting, shared by the rules (services.py, always under the atelier lock) and the pages
(models.AtelierPage.places, for "Nog 3 plaatsen voor ouders" and the JSON-LD). It imports
nothing of the app, so the models can use it without importing the services.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q


@dataclass
class Places:
    """Who may still take which place: the capacity split into each group's reserved places and
    the general rest, and how many are taken (by registrations holding a seat) and waiting.

    Which place a seated person holds is derived, never stored: a group's seated members fill
    that group's reserved places first and only the ones beyond count against the general places.
    So a group member who took a general place while the group's places were full moves onto a
    reserved place by themselves as soon as one frees up, and the general place is free again.
    Keys are a ReservedPlaces id, or None for everyone without a group (or with a removed one).
    """

    capacity: int
    reserved: dict  # group id -> number of places reserved
    names: dict  # group id -> ReservedPlaces
    seated: dict = field(default_factory=dict)
    waiting: dict = field(default_factory=dict)

    def group_key(self, group_id):
        return group_id if group_id in self.reserved else None

    @property
    def total_seated(self):
        return sum(self.seated.values())

    def free_reserved(self, group_id):
        if group_id not in self.reserved:
            return 0
        return max(self.reserved[group_id] - self.seated.get(group_id, 0), 0)

    @property
    def free_general(self):
        general_capacity = max(self.capacity - sum(self.reserved.values()), 0)
        reserved_in_use = sum(min(places, self.seated.get(key, 0)) for key, places in self.reserved.items())
        general_in_use = self.total_seated - reserved_in_use
        return max(min(general_capacity - general_in_use, self.capacity - self.total_seated), 0)

    def free_for(self, group_id):
        """Places someone of this group (None: no group) may take: their group's, else general ones."""
        group_id = self.group_key(group_id)
        free = self.free_general + self.free_reserved(group_id)
        return max(min(free, self.capacity - self.total_seated), 0)

    @property
    def free_total(self):
        """Free places of any kind: zero means no newcomer, whatever their group, gets a place (full)."""
        free = self.free_general + sum(self.free_reserved(key) for key in self.reserved)
        return max(min(free, self.capacity - self.total_seated), 0)

    def someone_waiting_may_take_a_place(self):
        return any(count and self.free_for(key) for key, count in self.waiting.items())

    def take(self, group_id):
        key = self.group_key(group_id)
        self.seated[key] = self.seated.get(key, 0) + 1

    def groups_with_free_places(self):
        """[(ReservedPlaces, free places)] in the editor's order, for the page."""
        return [(group, self.free_reserved(group.pk)) for group in self.names.values()]


def places_of(atelier):
    """The atelier's places as stored now: one query for the groups, one for the counts."""
    groups = list(atelier.reserved_places.all())
    places = Places(
        capacity=atelier.capacity,
        reserved={group.pk: group.places for group in groups if group.pk},
        names={group.pk: group for group in groups if group.pk},
    )
    if atelier.pk is None:
        return places  # a preview of an atelier never saved: nobody registered yet
    Registration = atelier.registrations.model
    seat_statuses, waiting = Registration.SEAT_STATUSES, Registration.Status.WAITING
    counts = (
        atelier.registrations.filter(status__in=(*seat_statuses, waiting))
        .values("group_id")
        .annotate(
            seated=Count("pk", filter=Q(status__in=seat_statuses)),
            waiting=Count("pk", filter=Q(status=waiting)),
        )
        .order_by()
    )
    for row in counts:
        key = places.group_key(row["group_id"])
        places.seated[key] = places.seated.get(key, 0) + row["seated"]
        places.waiting[key] = places.waiting.get(key, 0) + row["waiting"]
    return places
