"""Member data: a member's registrations are in their export and anonymised when they leave."""

from django.dispatch import receiver

from accounts.signals import collect_member_data, member_deleting

from . import services


@receiver(collect_member_data)
def export_registrations(sender, user, **kwargs):
    return "kennisateliers", services.export_member_registrations(user)


@receiver(member_deleting)
def anonymise_registrations(sender, user, **kwargs):
    services.anonymise_member_registrations(user)
