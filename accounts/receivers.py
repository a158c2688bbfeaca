"""What the accounts app does when its own models change (connected in `AccountsConfig.ready`).

Kept apart from `accounts.signals`, which only defines the signals other apps answer: the
models send those, so that module must not import the models back.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Profile, User


@receiver(post_save, sender=User)
def ensure_profile(sender, instance, created, **kwargs):
    if created:
        Profile.objects.get_or_create(user=instance)
