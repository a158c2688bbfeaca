"""Member data rights for tips: export what a member wrote; anonymise it when they leave for good.
And public naming: a parent in any community is a parent everywhere (`Profile.public_name`)."""

from django.dispatch import receiver

from accounts.signals import collect_member_data, member_deleting, takes_part_as_parent

from . import services


@receiver(collect_member_data)
def export_tips(sender, user, **kwargs):
    return ("tips", services.export_member_tips(user))


@receiver(member_deleting)
def anonymise_tips(sender, user, **kwargs):
    services.anonymise_member(user)


@receiver(takes_part_as_parent)
def parent_in_a_community(sender, user, **kwargs):
    return services.takes_part_as_parent(user)
