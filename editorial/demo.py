"""Demo editorial setup: two municipalities and a knowledge institute, their people, and content
in every workflow state (draft, in review, sent back, scheduled, published, evidence review,
co-author review).

The figures come from the seeds, retold in our own words: THINK op school in Zwolle (seed 003,
"Van nul tot later", 2019), the community of practice of mothers and professionals and the
survey of interventions in Rotterdam (seed 004, ST-RAW yearbook 2018). The people and the
pages' text live in `editorial/demo_data/editorial.toml`, where an editor can correct them
without reading Python; this module checks that file and takes each page through the workflow.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import Profile, User
from home.demo_data import demo_file
from organisations import demo_media
from organisations.models import Membership, Organisation
from organisations.sections import folder_for
from practices.models import MethodPage, PracticeStoryPage, PublicationPage, StoryStatus

from .services import MODERATOR_GROUP, onboard_organisation

ORDER = 70
DEMO_PASSWORD = "demo-wachtwoord-2026"
DOMAIN = "demo.samenpreventief.nl"

STATES = ("draft", "review", "rejected", "scheduled", "published")
PERSON_FIELDS = {"required": ("local_part", "first_name", "last_name"), "optional": ("organisation", "role")}
ZWOLLE_STORY_FIELDS = {
    "required": ("slug", "title", "standfirst", "target_group", "status", "state"),
    "optional": ("comment",),
}


def _page_fields(data_file, label, model, fields):
    """A table of page fields, each a real field of `model` (a typo stops the loader here)."""
    names = {field.name for field in model._meta.get_fields()}
    data_file.check_known(label, "veldnaam", list(fields), names)
    return fields


def read_editorial():
    """editorial.toml, checked: the organisations, people and pages of the editorial demo."""
    data_file = demo_file(__file__, "editorial.toml")
    organisations = data_file.get("organisations", list)
    data_file.check_known(
        "bovenaan", "organisations", organisations, set(Organisation.objects.values_list("name", flat=True))
    )
    people = []
    for label, person in data_file.entries("person", **PERSON_FIELDS, label_key="local_part"):
        if "organisation" in person:
            data_file.check_known(label, "organisation", person["organisation"], organisations)
            data_file.check_known(label, "role", person.get("role"), Membership.Role.values)
        people.append(person)
    zwolle = data_file.check_fields(
        "[zwolle]", data_file.get("zwolle", dict), ("initiator", "source_publication", "source_year", "story")
    )
    for story in data_file.each("[zwolle]", zwolle, "story", **ZWOLLE_STORY_FIELDS):
        label = f"[[zwolle.story]] {story['slug']}"
        data_file.check_known(label, "status", story["status"], StoryStatus.values)
        data_file.check_known(label, "state", story["state"], STATES)
    return {
        "organisations": organisations,
        "people": people,
        "zwolle": zwolle,
        "rotterdam_story": _page_fields(
            data_file, "[rotterdam_story]", PracticeStoryPage, data_file.get("rotterdam_story", dict)
        ),
        "rotterdam_method": _page_fields(
            data_file, "[rotterdam_method]", MethodPage, data_file.get("rotterdam_method", dict)
        ),
        "nji_publication": _page_fields(
            data_file, "[nji_publication]", PublicationPage, data_file.get("nji_publication", dict)
        ),
    }


def _person(local_part, first, last):
    email = f"{local_part}@{DOMAIN}"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, first_name=first, last_name=last)
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _add(section, page, owner):
    folder = folder_for(section, type(page))
    existing = type(page).objects.child_of(folder).filter(slug=page.slug).first()
    if existing:
        return existing, False
    page.live = False
    page.owner = owner
    folder.add_child(instance=page)
    page.save_revision(user=owner)
    return type(page).objects.get(pk=page.pk), True


def _bring_to_state(page, state, author, approver, comment=""):
    if state == "draft":
        return
    workflow_state = page.get_workflow().start(page, author)
    if state == "review":
        return
    task_state = workflow_state.current_task_state
    if state == "rejected":
        task_state.reject(user=approver, comment=comment)
    elif state in ("scheduled", "published"):
        task_state.approve(user=approver)


def load(log):
    data = read_editorial()
    organisations = {name: Organisation.objects.get(name=name) for name in data["organisations"]}
    for organisation in organisations.values():
        onboard_organisation(organisation)

    people = {}
    for person in data["people"]:
        local_part, organisation_name = person["local_part"], person.get("organisation")
        user = _person(local_part, person["first_name"], person["last_name"])
        people[local_part] = user
        if organisation_name:
            organisation = organisations[organisation_name]
            Membership.objects.update_or_create(organisation=organisation, user=user, defaults={"role": person["role"]})
            profile = user.profile
            profile.role = Profile.Role.EDITOR
            profile.organisation = organisation
            profile.save()
    people["moderator"].groups.add(Group.objects.get(name=MODERATOR_GROUP))

    zwolle = organisations["Gemeente Zwolle"]
    shared = data["zwolle"]
    for entry in shared["story"]:
        state = entry["state"]
        go_live_at = timezone.now() + timedelta(days=7) if state == "scheduled" else None
        story, created = _add(
            zwolle.page,
            PracticeStoryPage(
                title=entry["title"],
                slug=entry["slug"],
                municipality=zwolle,
                standfirst=entry["standfirst"],
                target_group=entry["target_group"],
                status=entry["status"],
                initiator=shared["initiator"],
                source_publication=shared["source_publication"],
                source_year=shared["source_year"],
                go_live_at=go_live_at,
            ),
            people["redacteur.zwolle"],
        )
        if created:
            _bring_to_state(
                story, state, people["redacteur.zwolle"], people["coordinator.zwolle"], entry.get("comment", "")
            )

    rotterdam = organisations["Gemeente Rotterdam"]
    _add(
        rotterdam.page,
        PracticeStoryPage(municipality=rotterdam, **data["rotterdam_story"]),
        people["redacteur.rotterdam"],
    )
    method, created = _add(
        rotterdam.page,
        MethodPage(**data["rotterdam_method"]),
        people["redacteur.rotterdam"],
    )
    if created:
        workflow_state = method.get_workflow().start(method, people["redacteur.rotterdam"])
        # The Rotterdam coordinator approved; now a knowledge institute reviews the evidence.
        workflow_state.current_task_state.approve(user=people["coordinator.rotterdam"])

    nji = organisations["Nederlands Jeugdinstituut"]
    publication, created = _add(
        nji.page,
        PublicationPage(**data["nji_publication"]),
        people["redacteur.nji"],
    )
    if created:
        publication.get_workflow().start(publication, people["redacteur.nji"])

    # The organisations' files, now that their collections and editors exist.
    demo_media.load(log)

    log(f"Redactie: {len(organisations)} organisaties ingericht; demo-redactie (wachtwoord {DEMO_PASSWORD}):")
    for person in data["people"]:
        role = person.get("role")
        label = f"{Membership.Role(role).label} {person['organisation']}" if role else "Platformmoderator"
        log(f"  {label:<40} {person['local_part']}@{DOMAIN}")
