"""Signals other apps hook into: a member exports or deletes their data, or is named in public.

`collect_member_data` receivers return a (key, JSON-serialisable value) pair for the export;
`member_deleting` receivers anonymise what the member contributed, so that other people's
work (a round's results, an atelier's attendance figures) survives the deletion.
`takes_part_as_parent` receivers answer True when `user` takes part as a parent in their app
(a tip community), so that `Profile.public_name` shows only the pseudonym, whatever the
account's own role says.
"""

from django.dispatch import Signal

collect_member_data = Signal()
member_deleting = Signal()
takes_part_as_parent = Signal()
