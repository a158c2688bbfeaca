"""Signals other apps hook into when a member exports or deletes their data.

`collect_member_data` receivers return a (key, JSON-serialisable value) pair for the export;
`member_deleting` receivers anonymise what the member contributed, so that other people's
work (a round's results, an atelier's attendance figures) survives the deletion.
"""

from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

from .models import Profile, User

collect_member_data = Signal()
member_deleting = Signal()


@receiver(post_save, sender=User)
def ensure_profile(sender, instance, created, **kwargs):
    if created:
        Profile.objects.get_or_create(user=instance)
