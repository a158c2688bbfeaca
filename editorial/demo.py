"""Demo editorial setup: two municipalities and a knowledge institute, their people, and content
in every workflow state (draft, in review, sent back, scheduled, published, evidence review,
co-author review).

The figures come from the seeds, retold in our own words: THINK op school in Zwolle (seed 003,
"Van nul tot later", 2019), the community of practice of mothers and professionals and the
survey of interventions in Rotterdam (seed 004, ST-RAW yearbook 2018).
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import Profile, User
from organisations.models import Membership, Organisation
from practices.models import MethodPage, PracticeStoryPage, PublicationPage, StoryStatus

from .services import MODERATOR_GROUP, onboard_organisation

ORDER = 70
DEMO_PASSWORD = "demo-wachtwoord-2026"
DOMAIN = "demo.samenpreventief.nl"

ORGANISATIONS = ["Gemeente Zwolle", "Gemeente Rotterdam", "Nederlands Jeugdinstituut"]

# (local part, first name, last name, organisation, role)
PEOPLE = [
    ("redacteur.zwolle", "Zeynep", "Zandstra", "Gemeente Zwolle", Membership.Role.EDITOR),
    ("coordinator.zwolle", "Coen", "Zwart", "Gemeente Zwolle", Membership.Role.COORDINATOR),
    ("redacteur.rotterdam", "Rachida", "Rijnders", "Gemeente Rotterdam", Membership.Role.EDITOR),
    ("coordinator.rotterdam", "Carel", "Roos", "Gemeente Rotterdam", Membership.Role.COORDINATOR),
    ("redacteur.nji", "Noor", "Jansen", "Nederlands Jeugdinstituut", Membership.Role.EDITOR),
    ("coauteur.nji", "Nina", "Joosten", "Nederlands Jeugdinstituut", Membership.Role.EDITOR),
    ("coordinator.nji", "Jeroen", "Idema", "Nederlands Jeugdinstituut", Membership.Role.COORDINATOR),
    ("reviewer.nji", "Renske", "Ingen", "Nederlands Jeugdinstituut", Membership.Role.REVIEWER),
    ("moderator", "Mo", "de Moderator", None, None),
]

SEED_003 = "Van nul tot later als ik groot ben (2019)"
SEED_004 = "Jaarboek ST-RAW 2018"

# slug: (title, standfirst, target group, status, state, extra)
ZWOLLE_STORIES = {
    "think-op-school-naar-zes-scholen": (
        "THINK op school groeit naar zes Zwolse scholen",
        "Zwolle heeft elf scholen voor voortgezet onderwijs. Na de pilot op TalentStad gaan er zes met het "
        "THINK-uur werken; de andere vijf kijken mee en haken misschien later aan.",
        "Brugklassers in het voortgezet onderwijs",
        StoryStatus.SCALING,
        "review",
        {},
    ),
    "think-naar-groep-7-en-8": (
        "Kan THINK ook in groep 7 en 8?",
        "Een eerste verkenning: in Zwolle wordt nagedacht over THINK-lessen in de bovenbouw en in de laatste "
        "twee groepen van de basisschool. Ook het Deltion College wil meedoen.",
        "Kinderen in groep 7 en 8 en leerlingen van het mbo",
        StoryStatus.PILOT,
        "draft",
        {},
    ),
    "mentoren-en-gastdocenten": (
        "Mentoren en gastdocenten leren elkaars taal",
        "Op papier was iedereen enthousiast, in de klas was er eerst scepsis. Pas bij de tussenevaluatie na een "
        "half jaar bleek wat mentoren aan de gastlessen hadden.",
        "Mentoren en gastdocenten in het voortgezet onderwijs",
        StoryStatus.RUNNING,
        "rejected",
        {"comment": "Mooi verhaal! Voeg nog de bron en het startjaar toe, en noem wie de tussenevaluatie deed."},
    ),
    "think-themablokken-bovenbouw": (
        "THINK op maat: themablokken voor de bovenbouw",
        "Voor oudere leerlingen is er geen wekelijks THINK-uur maar een reeks themablokken, afgestemd op wat "
        "leerlingen, ouders en docenten belangrijk vinden.",
        "Leerlingen in de bovenbouw van het voortgezet onderwijs",
        StoryStatus.RUNNING,
        "scheduled",
        {},
    ),
    "think-tweede-klas": (
        "TalentStad geeft THINK nu ook in de tweede klas",
        "Na het eerste jaar breidt TalentStad Beroepscollege de THINK-lessen uit naar de tweede klas. De mentor "
        "blijft bij elke les aanwezig; de gastdocent brengt de inhoud.",
        "Leerlingen in de tweede klas van het vmbo",
        StoryStatus.SCALING,
        "published",
        {},
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
    existing = type(page).objects.child_of(section).filter(slug=page.slug).first()
    if existing:
        return existing, False
    page.live = False
    page.owner = owner
    section.add_child(instance=page)
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
    organisations = {name: Organisation.objects.get(name=name) for name in ORGANISATIONS}
    for organisation in organisations.values():
        onboard_organisation(organisation)

    people = {}
    for local_part, first, last, organisation_name, role in PEOPLE:
        user = _person(local_part, first, last)
        people[local_part] = user
        if organisation_name:
            organisation = organisations[organisation_name]
            Membership.objects.update_or_create(organisation=organisation, user=user, defaults={"role": role})
            profile = user.profile
            profile.role = Profile.Role.EDITOR
            profile.organisation = organisation
            profile.save()
    people["moderator"].groups.add(Group.objects.get(name=MODERATOR_GROUP))

    zwolle = organisations["Gemeente Zwolle"]
    for slug, (title, standfirst, target_group, status, state, extra) in ZWOLLE_STORIES.items():
        go_live_at = timezone.now() + timedelta(days=7) if state == "scheduled" else None
        story, created = _add(
            zwolle.page,
            PracticeStoryPage(
                title=title,
                slug=slug,
                municipality=zwolle,
                standfirst=standfirst,
                target_group=target_group,
                status=status,
                initiator="Marieke Snel (De Kern) met TalentStad Beroepscollege en de gemeente Zwolle",
                source_publication=SEED_003,
                source_year=2019,
                go_live_at=go_live_at,
            ),
            people["redacteur.zwolle"],
        )
        if created:
            _bring_to_state(
                story, state, people["redacteur.zwolle"], people["coordinator.zwolle"], extra.get("comment", "")
            )

    rotterdam = organisations["Gemeente Rotterdam"]
    _add(
        rotterdam.page,
        PracticeStoryPage(
            title="Moeders en professionals schrijven samen tips",
            slug="moeders-en-professionals-tips",
            municipality=rotterdam,
            standfirst="Vijf moeders met ervaring in de jeugdhulp kwamen naar de eerste bijeenkomst; daarna werkten "
            "vier moeders en vier professionals samen. Ze begonnen met 75 tips voor het gesprek tussen ouder en "
            "hulpverlener.",
            target_group="Ouders met ervaring in de jeugdhulp en de professionals die met hen werken",
            status=StoryStatus.RUNNING,
            costs_and_funding="<p>De moeders kregen hun reiskosten vergoed en 20 euro vrijwilligersvergoeding per "
            "bijeenkomst (bron: Jaarboek ST-RAW 2018).</p>",
            source_publication=SEED_004,
            source_year=2018,
        ),
        people["redacteur.rotterdam"],
    )
    method, created = _add(
        rotterdam.page,
        MethodPage(
            title="Ouders in Actie",
            slug="ouders-in-actie",
            summary="Informele opvoedondersteuning: ouders steunen andere ouders in hun eigen wijk. De academische "
            "werkplaats ST-RAW evalueerde de aanpak (Jaarboek ST-RAW 2018).",
            aim="<p>Ouders versterken in hun opvoedrol door steun van andere ouders, dichtbij en laagdrempelig.</p>",
            target_group="<p>Ouders in Rotterdamse wijken die steun bij het opvoeden zoeken.</p>",
        ),
        people["redacteur.rotterdam"],
    )
    if created:
        workflow_state = method.get_workflow().start(method, people["redacteur.rotterdam"])
        # The Rotterdam coordinator approved; now a knowledge institute reviews the evidence.
        workflow_state.current_task_state.approve(user=people["coordinator.rotterdam"])

    nji = organisations["Nederlands Jeugdinstituut"]
    publication, created = _add(
        nji.page,
        PublicationPage(
            title="Veel praktijk, weinig erkend bewijs",
            slug="veel-praktijk-weinig-erkend-bewijs",
            summary="Een korte notitie bij een inventarisatie in Rotterdam: 23 aanbieders noemden samen 65 "
            "interventies, waarvan er 3 als bewezen effectief te boek stonden (Jaarboek ST-RAW 2018). Wat betekent "
            "dat voor gemeenten die op bewezen aanpakken willen sturen?",
            publication_year=2026,
            authors="Noor Jansen\nNina Joosten",
        ),
        people["redacteur.nji"],
    )
    if created:
        publication.get_workflow().start(publication, people["redacteur.nji"])

    log(f"Redactie: {len(organisations)} organisaties ingericht; demo-redactie (wachtwoord {DEMO_PASSWORD}):")
    for local_part, _first, _last, organisation_name, role in PEOPLE:
        label = f"{role.label} {organisation_name}" if role else "Platformmoderator"
        log(f"  {label:<40} {local_part}@{DOMAIN}")
