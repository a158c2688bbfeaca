"""A community of practice modelled on seed 004 (ST-RAW yearbook 2018, "Community of practice
jeugdhulp"): mothers and professionals in a Rotterdam-Zuid neighbourhood, with IVO as process
facilitator, who collected tips about the working relationship between parents and care
workers and sorted them in pairs, chose toptips and prioritised them. Seed 004 reports
75 tips, three pairs of a parent and a professional, and four mothers and four professionals
at the table; the tips (tips.toml) are written in our own words (six of them paraphrase the
examples in the seed's table 1). Members appear under pseudonyms; the real names there are
invented and only the host and facilitator see them.

The people, tips, flags and round titles live in `tips/demo_data/tips.toml`, where an editor
can correct them without reading Python; this module checks that file and plays the rounds
through the real services, so the tips reach their states the way a facilitator's would.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import Profile, User
from home.demo_data import demo_file
from organisations.models import Organisation
from taxonomy.models import Theme

from . import announcements, services
from .models import Community, CommunityMember, Product, Round, Tip, TipVersion, TriedIt

ORDER = 60

Role = CommunityMember.Role
AUDIENCES = {"parents", "professionals", "students"}
PHASES = ["before", "during", "after"]
FLAGS = {"handbook_like", "organisation_specific", "too_vague"}
PERSON_FIELDS = ("key", "email", "first_name", "last_name", "role", "pseudonym", "job_role")
TIP_FIELDS = {
    "required": ("number", "author", "audience", "themes", "phase", "usable_pairs", "toptip_votes", "text"),
    "optional": ("original", "flags", "duplicate_of", "reworded", "published"),
}


def read_community():
    """tips.toml, checked against itself and the vocabularies; returns its parsed tables."""
    data_file = demo_file(__file__, "tips.toml")
    community = data_file.check_fields(
        "[community]",
        data_file.get("community", dict),
        ("slug", "name", "host_organisation", "facilitating_organisation", "focus_question")
        + ("neighbourhood", "themes"),
        ("focus_question_en",),
    )
    short_names = set(Organisation.objects.exclude(short_name="").values_list("short_name", flat=True))
    for field in ("host_organisation", "facilitating_organisation"):
        data_file.check_known("[community]", field, community[field], short_names)
    people = data_file.entries("person", PERSON_FIELDS, label_key="key")
    keys = {person["key"] for _label, person in people}
    for label, person in people:
        data_file.check_known(label, "role", person["role"], Role.values)
    if not any(person["role"] == Role.FACILITATOR for _label, person in people):
        raise data_file.error("[[person]]", 'er is geen procesbegeleider (role = "facilitator").')
    rounds = data_file.check_fields(
        "[rounds]",
        data_file.get("rounds", dict),
        ("classify_title", "pairs", "toptips_title", "voters", "prioritise_title", "prioritisers"),
    )
    for pair in rounds["pairs"]:
        data_file.check_known("[rounds]", "pairs", pair, keys)
    data_file.check_known("[rounds]", "voters", rounds["voters"], keys)
    data_file.check_known("[rounds]", "prioritisers", rounds["prioritisers"], keys)
    tips = data_file.entries("tip", **TIP_FIELDS, label_key="number")
    numbers = {tip["number"] for _label, tip in tips}
    for label, tip in tips:
        data_file.check_known(label, "author", tip["author"], keys)
        data_file.check_known(label, "audience", tip["audience"], AUDIENCES)
        data_file.check_known(label, "themes", tip["themes"], community["themes"])
        data_file.check_known(label, "phase", tip["phase"], PHASES)
        data_file.check_known(label, "flags", tip.get("flags", []), FLAGS)
        if "duplicate_of" in tip:
            data_file.check_known(label, "duplicate_of", tip["duplicate_of"], numbers)
    collected = data_file.check_fields("[collected]", data_file.get("collected", dict), ("author", "text"))
    data_file.check_known("[collected]", "author", collected["author"], keys)
    product = data_file.check_fields(
        "[product]",
        data_file.get("product", dict),
        ("title", "kind", "description", "tips"),
        ("title_en", "description_en"),
    )
    data_file.check_known("[product]", "kind", product["kind"], Product.Kind.values)
    data_file.check_known("[product]", "tips", product["tips"], numbers)
    tried_it = data_file.check_fields("[tried_it]", data_file.get("tried_it", dict), ("tip", "person", "note"))
    data_file.check_known("[tried_it]", "tip", tried_it["tip"], numbers)
    data_file.check_known("[tried_it]", "person", tried_it["person"], keys)
    return {
        "community": community,
        "people": [person for _label, person in people],
        "rounds": rounds,
        "tips": [tip for _label, tip in tips],
        "collected": collected,
        "product": product,
        "tried_it": tried_it,
    }


def _person(email, first_name, last_name, role, pseudonym, job_role):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, first_name=first_name, last_name=last_name)
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    profile = user.profile
    profile.role = Profile.Role.PARENT if role == Role.PARENT else Profile.Role.PROFESSIONAL
    profile.pseudonym = pseudonym
    profile.job_role = profile.job_role or job_role
    profile.save()
    return user


def load(log):
    with announcements.muted():  # fiction: nobody is told about rounds and tips that never happened
        _load(log)


def _load(log):
    data = read_community()
    details = data["community"]
    community, _created = Community.objects.get_or_create(
        slug=details["slug"],
        defaults={
            "name": details["name"],
            "host_organisation": Organisation.objects.get(short_name=details["host_organisation"]),
            "facilitating_organisation": Organisation.objects.get(short_name=details["facilitating_organisation"]),
            "focus_question": details["focus_question"],
            "focus_question_en": details.get("focus_question_en", ""),
            "neighbourhood": details["neighbourhood"],
        },
    )
    members = {}
    for person in data["people"]:
        fields = {name: value for name, value in person.items() if name != "key"}
        user = _person(**fields)
        members[person["key"]], _created = CommunityMember.objects.get_or_create(
            community=community, user=user, defaults={"role": person["role"]}
        )
    if community.tips.exists():
        log("Tipgemeenschap bestond al.")
        return

    themes = {
        name: Theme.objects.get_or_create(name=name, defaults={"slug": name.lower().replace(" ", "-")})[0]
        for name in details["themes"]
    }
    facilitator = next(members[person["key"]] for person in data["people"] if person["role"] == Role.FACILITATOR)
    published = [tip["number"] for tip in data["tips"] if tip.get("published")]
    tips = {}
    for entry in data["tips"]:
        number, author, audience, original = entry["number"], entry["author"], entry["audience"], entry.get("original")
        text = entry["text"]
        member = members[author]
        tip = Tip.objects.create(
            community=community,
            text=text,
            author=member,
            author_type=services.author_type_for(member),
            for_parents="parents" in audience,
            for_professionals="professionals" in audience,
            for_students="students" in audience,
            source=Tip.Source.INTERVIEW if author.startswith("p") else Tip.Source.MEETING,
            state=Tip.State.DEIDENTIFIED,
            entered_by=facilitator.user,
            consent_recorded_at=timezone.now() if number in published else None,
            consent_recorded_by=facilitator.user if number in published else None,
            **{flag: True for flag in entry.get("flags", [])},
        )
        tip.themes.set([themes[name] for name in entry["themes"]])
        TipVersion.objects.create(
            tip=tip, number=1, text=original or text, created_by=facilitator.user, note="Oorspronkelijke tekst"
        )
        if original:
            TipVersion.objects.create(
                tip=tip, number=2, text=text, created_by=facilitator.user, note="Namen verwijderd"
            )
        tips[number] = tip
    for entry in data["tips"]:
        if "duplicate_of" in entry:
            tips[entry["number"]].duplicate_of = tips[entry["duplicate_of"]]
            tips[entry["number"]].save(update_fields=["duplicate_of"])
    author, text = data["collected"]["author"], data["collected"]["text"]
    collected = Tip.objects.create(
        community=community,
        text=text,
        author=members[author],
        author_type=Tip.AuthorType.PARENT,
        source=Tip.Source.MEETING,
        entered_by=facilitator.user,
    )
    TipVersion.objects.create(
        tip=collected, number=1, text=text, created_by=facilitator.user, note="Oorspronkelijke tekst"
    )

    # Round 1: three pairs of a parent and a professional sort every tip by phase and usability.
    rounds = data["rounds"]
    classify = services.create_round(facilitator, Round.Kind.CLASSIFY, rounds["classify_title"])
    pairs = [services.assign_pair(facilitator, classify, members[p], members[q]) for p, q in rounds["pairs"]]
    services.open_round(facilitator, classify)
    for index, pair in enumerate(pairs):
        judgements = {}
        for entry in data["tips"]:
            number, phase = entry["number"], entry["phase"]
            # Pairs disagree now and then on the phase; the majority decides.
            pair_phase = phase if (number + index) % 5 else PHASES[(PHASES.index(phase) + 1) % 3]
            judgements[tips[number].pk] = (pair_phase, index < entry["usable_pairs"])
        services.judge(pair.parent, classify, judgements)
    services.close_round(facilitator, classify)

    # Round 2: everyone chooses toptips from the usable tips.
    toptips = services.create_round(facilitator, Round.Kind.TOPTIPS, rounds["toptips_title"], blind=True)
    services.open_round(facilitator, toptips)
    in_round = set(toptips.tips.values_list("pk", flat=True))
    for index, key in enumerate(rounds["voters"]):
        chosen = [
            tips[entry["number"]].pk
            for entry in data["tips"]
            if index < entry["toptip_votes"] and tips[entry["number"]].pk in in_round
        ]
        services.vote(members[key], toptips, chosen)
    services.close_round(facilitator, toptips)

    # Round 3: the professionals prioritise the toptips as homework before the round table.
    prioritise = services.create_round(
        facilitator,
        Round.Kind.PRIORITISE,
        rounds["prioritise_title"],
        deadline=timezone.now() + timedelta(days=14),
    )
    services.open_round(facilitator, prioritise)
    ordered = [tip.pk for tip in prioritise.tips.order_by("pk")]
    for shift, key in enumerate(rounds["prioritisers"]):
        rotated = ordered[shift:] + ordered[:shift]
        services.prioritise(members[key], prioritise, {pk: rank for rank, pk in enumerate(rotated, start=1)})
    services.close_round(facilitator, prioritise)

    for entry in data["tips"]:
        if "reworded" in entry:
            tips[entry["number"]].refresh_from_db()
            services.reword(facilitator, tips[entry["number"]], entry["reworded"], "Concreter gemaakt")
    for number in published:
        tips[number].refresh_from_db()
        services.publish(facilitator, tips[number])

    product_data = data["product"]
    product = Product.objects.create(
        community=community,
        title=product_data["title"],
        title_en=product_data.get("title_en", ""),
        kind=product_data["kind"],
        description=product_data["description"],
        description_en=product_data.get("description_en", ""),
    )
    product.tips.set([tips[n] for n in product_data["tips"]])
    tried_it = data["tried_it"]
    TriedIt.objects.get_or_create(
        tip=tips[tried_it["tip"]],
        user=members[tried_it["person"]].user,
        defaults={"note": tried_it["note"]},
    )
    log(
        f"Tipgemeenschap met {community.tips.count()} tips, 3 rondes en {len(published)} gepubliceerde toptips geladen."
    )
