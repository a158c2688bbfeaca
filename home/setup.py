"""The site skeleton every deployment needs, with or without demo content.

`ensure_site(log)` makes sure there is a home page at the root of the default site, the
pages a Dutch public platform has to publish (privacy statement, accessibility statement,
contact, colophon) and a footer that links to them. It is idempotent and never overwrites
what editors changed: a page that exists (by slug) is left alone, and footer links are only
filled in while the footer has none. The first step of `home.site_setup.setup_site`
(`python manage.py setup_site`), which the other apps' set-up steps follow.
"""

import datetime

from django.conf import settings
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from core.public_urls import site_host_and_port, sync_default_site

from .models import ContentPage, FooterSettings, HomePage

SITE_NAME = "Samen Preventief"

HOME_INTRO = (
    "<p>Gemeenten, kennisinstituten, jeugdprofessionals en ouders delen hier wat werkt in "
    "jeugdpreventie: praktijkverhalen, methoden met hun onderbouwing, tips van ouders en "
    "professionals, en kennisateliers met SKJ-accreditatie.</p>"
)

# The date the statements below were written; editors change it when they review them.
STATEMENTS_DATE = datetime.date(2026, 11, 30)

PRIVACY_BODY = """
<h2>Wie zijn wij</h2>
<p>Samen Preventief is het platform waarop gemeenten, kennisinstituten, jeugdprofessionals en
ouders delen wat werkt in jeugdpreventie. De beheerder van het platform is
verwerkingsverantwoordelijke in de zin van de Algemene verordening gegevensbescherming (AVG).
Vragen over deze verklaring stelt u via de pagina Contact.</p>
<h2>Welke gegevens wij bewaren, en waarom</h2>
<ul>
<li><b>Uw account</b>: e-mailadres, wachtwoord (alleen versleuteld), naam, rol en, als u
professional bent, uw registratienummer (SKJ, NIP, NVO of BIG). Nodig om in te loggen, om
bijdragen aan u toe te kennen en om accreditatiepunten te kunnen registreren. Grondslag: de
overeenkomst die u aangaat door een account aan te maken.</li>
<li><b>Ouders onder een schuilnaam</b>: doet u mee als ouder, dan ziet niemand buiten de redactie
uw naam. Uw tips en reacties verschijnen alleen onder de schuilnaam die u zelf kiest. Uw naam
en e-mailadres staan nooit op openbare pagina's, in zoekresultaten of in de open data.</li>
<li><b>Aanmeldingen voor kennisateliers</b>: naam, e-mailadres, registratienummer, aanwezigheid en
uw evaluatie. Nodig om de plaatsen en de wachtlijst te beheren, om u te mailen over het
atelier en om het certificaat en de accreditatiepunten af te geven.</li>
<li><b>Tips en bijdragen</b>: wat u schrijft in tiprondes en community's, met de datum. Openbaar
alleen na goedkeuring door de redactie, en dan onder uw schuilnaam of publieke naam.</li>
<li><b>Technische gegevens</b>: een sessiecookie om u ingelogd te houden en om formulieren te
beveiligen. Wij gebruiken geen advertentie- of volgcookies en geen externe analysediensten.</li>
</ul>
<h2>Hoe lang wij gegevens bewaren</h2>
<ul>
<li>Accountgegevens: zolang u een account heeft. Verwijdert u uw account, dan wissen wij uw
persoonsgegevens; uw openbare bijdragen blijven staan zonder uw naam.</li>
<li>Aanmeldingen en aanwezigheid bij kennisateliers: zolang de accreditatie-instantie dat
vraagt om afgegeven punten te kunnen controleren, en daarna niet langer dan nodig.</li>
<li>Sessiecookies: tot u uitlogt, en uiterlijk twee weken.</li>
</ul>
<h2>Uw rechten</h2>
<p>Onder de AVG heeft u recht op inzage, correctie, verwijdering, beperking van de verwerking,
overdraagbaarheid van uw gegevens en bezwaar. Een groot deel regelt u zelf:</p>
<ul>
<li>Op uw profielpagina kiest u <b>Download al uw gegevens</b>: u krijgt alles wat het platform
over u bewaart in één bestand (JSON).</li>
<li>Op dezelfde pagina kiest u <b>Account verwijderen</b>. Uw persoonsgegevens worden dan gewist
en uw bijdragen geanonimiseerd.</li>
<li>Uw naam, schuilnaam, rol en registratienummer past u aan op uw profielpagina.</li>
</ul>
<p>Voor andere verzoeken neemt u contact met ons op; wij reageren binnen een maand. Bent u
het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een klacht indienen bij de
Autoriteit Persoonsgegevens.</p>
<h2>Met wie wij gegevens delen</h2>
<p>Wij verkopen geen gegevens. De organisatie die een kennisatelier geeft, ziet de
aanmeldingen voor dat atelier; de accreditatie-instantie krijgt de gegevens die nodig zijn om
punten toe te kennen. Onze hostingpartij verwerkt gegevens alleen in onze opdracht, binnen de
Europese Unie, onder een verwerkersovereenkomst.</p>
"""

ACCESSIBILITY_BODY = """
<h2>Status</h2>
<p>Samen Preventief wil voor iedereen bruikbaar zijn. Wij streven ernaar te voldoen aan de
Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA, zoals de Europese norm
EN 301 549 en het Besluit digitale toegankelijkheid overheid vragen. Het platform voldoet
<b>gedeeltelijk</b> aan deze eisen: de punten hieronder zijn bekend en wij werken eraan.</p>
<h2>Wat wij doen</h2>
<ul>
<li>Het ontwerp volgt het NL Design System, met componenten die op toegankelijkheid getest zijn.</li>
<li>Bij elke wijziging controleren geautomatiseerde tests de belangrijkste pagina's met axe-core
en met een eigen controle op kleurcontrast, ook op achtergronden met een kleurverloop.</li>
<li>Alle functies zijn met het toetsenbord te bedienen en werken op een telefoon zonder
horizontaal scrollen.</li>
</ul>
<h2>Bekende problemen</h2>
<ul>
<li>Documenten (pdf) die organisaties uploaden bij methoden en publicaties zijn niet altijd
toegankelijk. Vraag via Contact om een toegankelijke versie; wij zorgen daarvoor.</li>
<li>Video's en beelden die organisaties insluiten hebben niet altijd ondertiteling of een
tekstalternatief.</li>
<li>De beheeromgeving voor redacteuren (Wagtail) is niet volledig door ons getest.</li>
</ul>
<h2>Een probleem melden</h2>
<p>Loopt u ergens tegenaan, of kunt u informatie niet gebruiken? Meld het via de pagina
Contact, met de pagina waar het om gaat. Wij bevestigen uw melding binnen vijf werkdagen en
laten binnen twee weken weten wat wij ermee doen. Bent u niet tevreden over de afhandeling,
dan kunt u zich wenden tot de Nationale ombudsman.</p>
<h2>Over deze verklaring</h2>
<p>Deze verklaring volgt het model van digitoegankelijk.nl. De datum onder deze pagina is de
datum van de laatste controle.</p>
"""

CONTACT_BODY = """
<h2>Vragen over het platform</h2>
<p>Voor vragen over Samen Preventief, over uw account of over een bijdrage mailt u de
redactie: <a href="mailto:redactie@samenpreventief.nl">redactie@samenpreventief.nl</a>. Wij
reageren binnen vijf werkdagen.</p>
<h2>Privacy</h2>
<p>Verzoeken over uw persoonsgegevens (inzage, correctie, verwijdering) stuurt u naar
<a href="mailto:privacy@samenpreventief.nl">privacy@samenpreventief.nl</a>. Veel regelt u zelf
op uw profielpagina; zie de privacyverklaring.</p>
<h2>Toegankelijkheid</h2>
<p>Kunt u iets op dit platform niet gebruiken? Mail
<a href="mailto:toegankelijkheid@samenpreventief.nl">toegankelijkheid@samenpreventief.nl</a>,
met de pagina waar het om gaat.</p>
<h2>Kennisateliers</h2>
<p>Vragen over een kennisatelier, een aanmelding of een certificaat stelt u aan de organisatie
die het atelier geeft; de contactgegevens staan op de pagina van het atelier.</p>
"""

COLOPHON_BODY = """
<p>Samen Preventief is een platform van en voor gemeenten, kennisinstituten,
jeugdprofessionals en ouders die samen werken aan preventie in het jeugddomein.</p>
<h2>Inhoud</h2>
<p>Praktijkverhalen, methoden en publicaties komen van de organisaties die ze publiceren; hun
redacteuren zijn verantwoordelijk voor de inhoud. Tips zijn samen geschreven door ouders en
professionals en door de redactie beoordeeld. De onderbouwing van methoden volgt de indeling
van de Nederlandse interventiedatabanken.</p>
<h2>Ontwerp en techniek</h2>
<p>Het ontwerp gebruikt de componenten van het NL Design System. Het platform is gebouwd met
Wagtail en Django, open-sourcesoftware.</p>
<h2>Hergebruik</h2>
<p>De kennisbank is ook als open data beschikbaar via de API. Wilt u teksten of beelden
hergebruiken, vraag dan toestemming aan de organisatie die ze publiceerde.</p>
"""

SITE_PAGES = [
    {
        "slug": "privacyverklaring",
        "title": "Privacyverklaring",
        "intro": "Welke gegevens Samen Preventief over u bewaart, waarom, hoe lang, en wat uw rechten zijn.",
        "body": PRIVACY_BODY,
    },
    {
        "slug": "toegankelijkheidsverklaring",
        "title": "Toegankelijkheidsverklaring",
        "intro": "Hoe toegankelijk Samen Preventief is, wat nog niet goed gaat en waar u een probleem meldt.",
        "body": ACCESSIBILITY_BODY,
    },
    {
        "slug": "contact",
        "title": "Contact",
        "intro": "Zo bereikt u de redactie van Samen Preventief.",
        "body": CONTACT_BODY,
    },
    {
        "slug": "colofon",
        "title": "Colofon",
        "intro": "Wie Samen Preventief maakt en waar de inhoud vandaan komt.",
        "body": COLOPHON_BODY,
    },
]


def get_home():
    """The home page (one per site; `ensure_site` creates it)."""
    return HomePage.objects.first()


def ensure_languages(log=lambda message: None):
    """A Wagtail locale for each content language (Dutch first, the default; English for
    translations). The data migration home 0003 does the same on existing sites."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if not Locale.objects.filter(language_code=code).exists():
            Locale.objects.create(language_code=code)
            log(f"Taal {code} aangemaakt.")


def ensure_site(log=lambda message: None):
    """Home page, statements and footer links; safe to run any number of times."""
    with transaction.atomic():
        home = ensure_home_page(log)
        ensure_languages(log)
        pages = [ensure_content_page(home, spec, log) for spec in SITE_PAGES]
        ensure_footer_links(Site.objects.get(is_default_site=True), pages, log)
        if sync_default_site():
            log("Adres van de site (Wagtail) gelijkgezet met PUBLIC_BASE_URL.")
    return home


def ensure_home_page(log):
    home = HomePage.objects.first()
    if home is not None:
        return home
    # On a new database Wagtail's migrations made a placeholder page; a transactional test
    # flushes even that, so build the roots when they are missing.
    Locale.get_default() if Locale.objects.exists() else Locale.objects.create(language_code="nl")
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.add_child(instance=HomePage(title=SITE_NAME, slug="home-nl", intro=HOME_INTRO))
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    hostname, port = site_host_and_port()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "site_name": SITE_NAME},
        create_defaults={"hostname": hostname, "port": port, "root_page": home, "site_name": SITE_NAME},
    )
    if old_root and old_root.pk != home.pk and not old_root.get_children().exists():
        old_root.delete()
    log("Homepagina aangemaakt.")
    return home


def ensure_content_page(home, spec, log):
    # Any page already at this address is kept (an editor may have made their own contact page).
    existing = home.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    page = ContentPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        body=spec["body"].strip(),
        last_reviewed=STATEMENTS_DATE,
        show_in_menus=False,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    log(f"Pagina '{page.title}' aangemaakt.")
    return page


def ensure_footer_links(site, pages, log):
    footer = FooterSettings.for_site(site)
    if footer.links:
        return footer
    footer.links = [("link", {"page": page, "url": "", "label": ""}) for page in pages]
    footer.save()
    log("Links in de voettekst ingesteld.")
    return footer


def ensure_top_level_page(model, log, **fields):
    """The one page of `model` (a listing or overview) under the home page, created when missing.

    Found by type, not by address: an editor may have renamed or moved it, and it stays as
    they left it. Only a site that has none gets a new, published one.
    """
    existing = model.objects.first()
    if existing is not None:
        return existing
    page = model(show_in_menus=True, **fields)
    get_home().add_child(instance=page)
    page.save_revision().publish()
    log(f"Pagina '{page.title}' aangemaakt.")
    return page
