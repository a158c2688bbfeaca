"""Member data rights for tips: export what a member wrote; anonymise it when they leave for good."""

from django.dispatch import receiver

from accounts.signals import collect_member_data, member_deleting

from . import services


@receiver(collect_member_data)
def export_tips(sender, user, **kwargs):
    return ("tips", services.export_member_tips(user))


@receiver(member_deleting)
def anonymise_tips(sender, user, **kwargs):
    services.anonymise_member(user)
