"""The 17 practice stories of DOMAIN.md §4, retold in our own words with the seeds' facts.

S01–S15 come from seed 003 (“Van nul tot later als ik groot ben”, no printed year, about late
2017); S16 (JIT) and S17 (Sociaal Netwerkcafé) from the magazine article of seed 000 and the
method description of seed 001. Every key figure names its source and page.
"""

NUL_TOT_LATER = "Van nul tot later als ik groot ben (ministerie van VWS en VNG, koplopersnetwerk jeugdpreventie)"
JIT_ARTICLE = "Tijdschriftartikel over het Jongeren Interventie Team Schiedam (circa 2011)"
JIT_DATABANK = "Methodebeschrijving JIT Schiedam (databank, 1 november 2011)"


# Figures from seed 003 cite the page range of their story (filled in by the loader).
SEED_003_PAGES = "seed-003-pages"


# Working factors per municipality as mapped on p. 30 of seed 003. Factors 2, 3 and 8 apply to
# all fifteen municipalities of that publication.
WORKING_FACTOR_MAP = {
    1: ["Tilburg", "Kerkrade", "Leiden", "Sliedrecht"],
    4: ["Zwolle", "De Marne", "Dordrecht", "Eindhoven"],
    5: ["Huizen", "Dronten", "Diemen", "Sliedrecht", "Eindhoven", "Kerkrade"],
    6: ["Leiden", "Apeldoorn", "Oss", "Diemen"],
    7: ["Dordrecht", "Eindhoven", "Huizen", "Zwolle"],
    9: ["Apeldoorn", "Oss", "Zwolle"],
    10: ["Oss", "Rotterdam", "Dordrecht", "Huizen"],
    11: ["Tilburg", "De Marne", "Kerkrade", "Papendrecht"],
    12: ["Papendrecht", "De Marne", "Zwolle"],
    13: ["Dronten", "Rotterdam"],
    14: ["Papendrecht", "Eindhoven", "Zwolle", "Tilburg"],
}
FACTORS_FOR_ALL = [2, 3, 8]


def working_factors_for(place):
    numbers = set(FACTORS_FOR_ALL)
    numbers.update(number for number, places in WORKING_FACTOR_MAP.items() if place in places)
    return sorted(numbers)


STORIES = [
    {
        "code": "S01",
        "place": "Zwolle",
        "title": "THINK op school brengt zorg de brugklas in",
        "standfirst": (
            "Scholen verdwalen in folders van maatschappelijke organisaties, en die organisaties werven zich suf. "
            "In Zwolle krijgen brugklassers daarom elke week een vast lesuur THINK, gegeven door hun mentor samen "
            "met een gastdocent. “Leerlingen leren wel drie talen, maar niet hoe je vrienden maakt.”"
        ),
        "sections": [
            (
                "Een vak zoals Engels",
                "Eén uur per week, het hele eerste jaar. Welke onderwerpen aan bod komen, bepalen leerlingen, ouders en leraren per school samen. Een coördinator zet ze op volgorde en zoekt bij elk onderwerp een deskundige.",
            ),
            (
                "De mentor blijft erbij",
                "Zonder mentor geen les: de mentor kent de klas en bewaakt de veiligheid, de gastdocent brengt de kennis. Na een half jaar sloeg de aanvankelijke scepsis om; mentoren voelen zich nu ontlast.",
            ),
            (
                "De 4 G’s voor iedereen",
                "Gebeurtenis, gedachten, gevoel en gedrag: het model uit de rationeel-emotieve therapie komt in elke les terug. Tot dan toe kregen alleen kinderen in de hulpverlening het aangereikt.",
            ),
        ],
        "quote": (
            "Het is slim om dit samen te doen; op de inhoud is niemand ertegen.",
            "Marieke Snel, initiatiefnemer",
        ),
        "spokespeople": [("Marieke Snel", "maatschappelijk werker en projectleider", "De Kern")],
        "initiator": "Marieke Snel, met TalentStad Beroepscollege en de gemeente Zwolle",
        "target_group": "Leerlingen in de eerste klas van het voortgezet onderwijs, hun mentoren en ouders.",
        "age_min": 12,
        "age_max": 13,
        "life_stages": ["12-18"],
        "settings": ["School"],
        "domains": ["Onderwijs", "Welzijn"],
        "themes": ["sociaal-emotionele vaardigheden", "weerbaarheid", "brugklas"],
        "prevention_levels": ["universeel"],
        "partners": ["TalentStad Beroepscollege", "De Kern", "Deltion College (belangstelling)"],
        "status": "scaling",
        "figures": [
            ("vo-scholen in Zwolle", "11", "scholen", None, SEED_003_PAGES),
            ("scholen die komend schooljaar starten", "6", "scholen", None, SEED_003_PAGES),
        ],
        "costs": "<p>De gemeente Zwolle gaf subsidie aan scholen met een goed idee om onderwijs en zorg te verbinden; THINK begon als pilot.</p>",
        "success": "<p>Mentoren worden ontzorgd zonder dat ze hun rol verliezen; organisaties voeren hun wettelijke preventietaak samen uit in plaats van ieder apart.</p>",
        "challenges": "<p>Genoeg goede gastdocenten vinden bij elke organisatie; mentoren moesten wennen aan een gast in ‘hun’ klas.</p>",
        "next_steps": "<p>Uitbreiden naar de tweede klas, de bovenbouw (themablokken) en groep 7 en 8 van de basisschool.</p>",
        "methods": ["think-op-school"],
        "links": [("THINK op school", "https://www.thinkopschool.nl")],
        "source_page": "4–7",
    },
    {
        "code": "S02",
        "place": "Tilburg",
        "region": True,
        "title": "Het publiek stemt: Innovatienetwerk Jeugd Hart van Brabant",
        "standfirst": (
            "Negen gemeenten in Midden-Brabant wilden na 2015 niet alleen de bestaande zorg laten doorlopen, maar "
            "ook echt vernieuwen. Op pitchavonden beslist het publiek welke ideeën begeleiding en geld krijgen. "
            "“Er zitten ideeën tussen waar we zelf nooit op waren gekomen.”"
        ),
        "sections": [
            (
                "Pitchen voor een zaal",
                "Iedereen die zich betrokken voelt bij jeugd mag een idee pitchen of komen stemmen: ouders, jongeren, ondernemers, hulpverleners. Per avond zijn er 100 tot 150 mensen. Wie minstens de helft van de stemmen haalt, krijgt coaching en financiering.",
            ),
            (
                "Bijsturen na jaar één",
                "Het eerste jaar leverde veel op, maar de ideeën waren nog vooral aanbodgericht en zorgaanbieders waren oververtegenwoordigd. Daarom kwamen er inspiratiecafés, themabijeenkomsten, een innovatielab en een vakjury.",
            ),
            (
                "Een beweging van onderop",
                "Elke initiatiefnemer vormt een team van vier à vijf mensen, met minstens een jongere en een ondernemer. Zo werken in de regio ruim honderd mensen aan vernieuwing zonder dat de gemeente hoeft te trekken.",
            ),
        ],
        "side_box": (
            "Jeugdhulp1op1",
            "Een ondernemer bouwde na een pitch een website waarop jongeren zelf hun ambulant begeleider kiezen, met foto en introductie. De site laat ook zien wie direct beschikbaar is. Kleinere aanbieders doen mee; grote aanbieders nog niet.",
        ),
        "quote": (
            "Niet elk initiatief slaagt, maar elk initiatief laat zien waar jongeren tegenaan lopen.",
            "Marieke Couwenberg, gemeente Tilburg",
        ),
        "spokespeople": [("Marieke Couwenberg", "beleidsmedewerker jeugd", "Gemeente Tilburg")],
        "initiator": "Regio Hart van Brabant (9 gemeenten)",
        "target_group": "Jongeren in de regio, en iedereen met een idee om hun situatie te verbeteren.",
        "life_stages": ["12-18", "18-23", "buurt"],
        "settings": ["Online", "Buurthuis"],
        "domains": ["Jeugdhulp", "Welzijn"],
        "themes": ["innovatie", "participatie", "jongeren aan het roer"],
        "prevention_levels": ["universeel"],
        "partners": [
            "Dongen",
            "Gilze en Rijen",
            "Goirle",
            "Heusden",
            "Hilvarenbeek",
            "Loon op Zand",
            "Oisterwijk",
            "Waalwijk",
        ],
        "start_year": 2014,
        "status": "running",
        "figures": [
            ("ideeën ingediend sinds 2015", "62", "ideeën", None, SEED_003_PAGES),
            ("ideeën gepitcht", "25", "ideeën", None, SEED_003_PAGES),
            ("ideeën doorontwikkeld", "19", "ideeën", None, SEED_003_PAGES),
            ("initiatieven door de publieksstemming", "8", "initiatieven", 2015, SEED_003_PAGES),
            ("bezoekers per pitchbijeenkomst", "100–150", "mensen", None, SEED_003_PAGES),
        ],
        "costs": "<p>De negen gemeenten steken samen tijd en geld in het netwerk; initiatieven met minstens 50% van de stemmen krijgen financiële steun.</p>",
        "success": "<p>Het publiek beslist, niet de gemeente; teams met een jongere en een ondernemer erin.</p>",
        "challenges": "<p>Niet elk probleem past in een pitch (wachtlijsten bijvoorbeeld); de subsidie trok vooral zorgaanbieders aan.</p>",
        "next_steps": "<p>Vier nieuwe initiatieven staan op het punt uitgewerkt te worden.</p>",
        "links": [("Jeugdhulp1op1", "http://www.jeugdhulp1op1.nl")],
        "source_page": "8–11",
    },
    {
        "code": "S03",
        "place": "Papendrecht",
        "title": "PPD Talents: van probleemjongere naar artiest",
        "standfirst": (
            "Jongerenwerk moet aansluiten bij wat jongeren leuk vinden. In Papendrecht is dat hiphop, producen en "
            "dj-en. Talentvolle jongeren die in de problemen zitten, werken vier maanden in een echte studio aan hun "
            "eigen track, met een contract dat de wethouder mee ondertekent."
        ),
        "sections": [
            (
                "Een contract met de wethouder",
                "Per ronde starten vier jongeren, op het gemeentehuis. Ze krijgen begeleiding, een fotoshoot, een logo, studiotijd en één professionele track. Daar staat iets tegenover: op tijd komen, nuchter zijn, geen politiecontact en een raples geven op een basisschool.",
            ),
            (
                "Docenten met meer dan vakkennis",
                "De marketingles komt van een psycholoog, de raples van een jongerenwerker uit een andere gemeente. Zo bouwen docenten een band op en vinden jongeren soms via hen de weg naar hulp.",
            ),
            (
                "Onverwachte talenten",
                "Een jongen die matig rapte, bleek in een week acht optredens te kunnen regelen. Het team investeerde in hem als boeker, maar zag te laat dat hij niet met geld kon omgaan: positief werken mag de realiteit niet verdringen.",
            ),
        ],
        "quote": ("Met individuele coaching bereik je de mooiste resultaten.", "Chandre Nandoe, jongerenwerker"),
        "spokespeople": [("Chandre Nandoe", "jongerenwerker", "Jongerenwerk Papendrecht")],
        "initiator": "Jongerenwerk Papendrecht",
        "target_group": "Talentvolle Papendrechtse jongeren met problemen, die gemotiveerd zijn om ongeveer tien uur per week te investeren.",
        "life_stages": ["12-18", "18-23"],
        "settings": ["Studio", "Jongerencentrum"],
        "domains": ["Welzijn"],
        "themes": ["talentontwikkeling", "jongerenwerk", "muziek"],
        "prevention_levels": ["selectief"],
        "start_year": 2016,
        "status": "running",
        "figures": [
            ("jongeren bereikt sinds september 2016", "7", "jongeren", None, SEED_003_PAGES),
            ("kosten per traject", "800–1.000", "euro per jongere", None, SEED_003_PAGES),
            ("duur van een traject", "4", "maanden", None, SEED_003_PAGES),
        ],
        "costs": "<p>Een traject kost € 800 tot € 1.000 per jongere en veel begeleidingstijd.</p>",
        "success": "<p>Docenten met sociale vaardigheden, professionele apparatuur die beter is dan wat jongeren thuis hebben, en de koppeling met het dagelijks leven (marketingtips helpen ook bij solliciteren).</p>",
        "challenges": "<p>Geschikte docenten vinden; niet blind worden voor de problemen waarmee jongeren binnenkomen.</p>",
        "next_steps": "<p>Oud-deelnemers geven tegen vrijwilligersvergoeding les aan nieuwe jongeren, na een training ‘docent zijn’.</p>",
        "methods": ["ppd-talents"],
        "source_page": "12–15",
    },
    {
        "code": "S04",
        "place": "Kerkrade",
        "title": "Kerkrade bedankt zijn Social Brokers",
        "standfirst": (
            "De trainer, de buurvrouw, de bedrijfsleider van de supermarkt: bijna iedereen helpt weleens een "
            "jongere op weg. Kerkrade maakt die mensen bewust van hun rol en bedankt ze, en versterkt zo het "
            "vangnet voor de grote groep jongeren met wie het goed gaat."
        ),
        "sections": [
            (
                "Ingelijst op de hotspot",
                "Op plekken waar veel mensen komen – winkelcentrum, sportclub, school – gaan vrijwilligers in gesprek, zetten mensen letterlijk in een lijst en delen gratis bedankkaarten uit om door te sturen.",
            ),
            (
                "Online vangnet",
                "Op Facebook laten Social Brokers in video’s zien wat ze doen; via de website kunnen jongeren anoniem vragen stellen aan het netwerk.",
            ),
            (
                "Cultuuromslag voor professionals",
                "Het doel is problemen voorkomen in plaats van achteraf oplossen. Vooral generalisten moeten leren het netwerk in de samenleving te benutten.",
            ),
        ],
        "quote": (
            "Erkenning geven en mensen bewust maken van hun rol versterkt de preventie.",
            "Mikke Leenders, Big Thinking",
        ),
        "spokespeople": [("Mikke Leenders", "bedenker van het concept", "Innovatiebureau Big Thinking")],
        "initiator": "Innovatiebureau Big Thinking",
        "target_group": "Het informele netwerk rond jongeren in Kerkrade.",
        "life_stages": ["12-18", "buurt"],
        "settings": ["Straat", "Online"],
        "domains": ["Welzijn"],
        "themes": ["informeel netwerk", "eigen kracht"],
        "prevention_levels": ["universeel"],
        "partners": ["Big Thinking", "Universiteit Utrecht (onderzoek)"],
        "status": "pilot",
        "figures": [
            ("looptijd van de pilot", "1", "jaar", None, SEED_003_PAGES),
            ("deel van de jeugd met wie het goed gaat", "80", "%", None, SEED_003_PAGES),
        ],
        "success": "<p>Een eenvoudig idee dat al in andere gemeenten was uitgewerkt; een bekende ambassadeur (oud-trainer van Roda JC René Trost).</p>",
        "challenges": "<p>De uitvoering vraagt veel vrijwilligers; professionals moeten andere vaardigheden leren.</p>",
        "methods": ["social-brokers"],
        "links": [("Social Brokers Kerkrade", "http://socialbrokers.nl/kerkrade")],
        "source_page": "16–18",
    },
    {
        "code": "S05",
        "place": "Huizen",
        "title": "CenteringPregnancy: zwanger in een groep",
        "standfirst": (
            "In Huizen kiezen de meeste zwangeren van één verloskundigenpraktijk voor controles in een groep. "
            "Ze leren meer, stellen meer vragen en staan na de bevalling voor elkaar klaar. De gemeente besloot de "
            "praktijk te subsidiëren: “De eerste duizend dagen zijn zo belangrijk.”"
        ),
        "sections": [
            (
                "Negen keer twee uur",
                "Na een individuele intake komen acht tot veertien vrouwen met ongeveer dezelfde zwangerschapsduur negen keer twee uur samen. De controles gebeuren in de groep; daarnaast is er tijd voor voeding, leefstijl en ouderschap.",
            ),
            (
                "Een bijzonder besluit",
                "De verloskundige vergoeding dekt de groepszorg niet. Huizen keurde toch een subsidie goed, al was overtuigingskracht nodig richting de andere wethouders.",
            ),
            (
                "Groepen die blijven",
                "Elke groep maakt een WhatsAppgroep. Toen een kersverse moeder het zwaar had, gingen de anderen om beurten bij haar langs.",
            ),
        ],
        "side_box": (
            "Van verloskundige naar CJG",
            "Deelnemers krijgen twee workshops van het CJG aangeboden en daarna de cursus ‘Baby in huis’ (4 × 2 uur). Cursussen die eerder moeilijk vol kwamen, lopen nu goed.",
        ),
        "quote": (
            "Zwangerschappen verlopen beter en ouders zijn beter voorbereid.",
            "Marloek de Greeff, gemeente Huizen",
        ),
        "spokespeople": [
            ("Marloek de Greeff", "beleidsadviseur", "Gemeente Huizen"),
            ("Judith Govers", "verloskundige", "Verloskundecentrum Judith Govers"),
        ],
        "initiator": "Verloskundecentrum Judith Govers",
        "target_group": "Zwangere vrouwen in Huizen en hun partners.",
        "life_stages": ["zwangerschap-geboorte", "ouders"],
        "settings": ["Verloskundigenpraktijk", "Consultatiebureau"],
        "domains": ["Jeugdgezondheidszorg en geboortezorg"],
        "themes": ["eerste 1000 dagen", "groepszorg"],
        "prevention_levels": ["universeel"],
        "partners": ["CJG Huizen", "Consultatiebureau", "Post- en prenataal netwerk", "Jeugdlijn1"],
        "status": "running",
        "figures": [
            ("zwangeren per groep", "8–14", "vrouwen", None, SEED_003_PAGES),
            ("groepsbijeenkomsten", "9 × 2", "uur", None, SEED_003_PAGES),
            ("kiest voor groepszorg in de praktijk", "70", "%", None, SEED_003_PAGES),
            ("groepen gestart na een jaar", "16", "groepen", None, SEED_003_PAGES),
        ],
        "costs": "<p>De NZa-vergoeding voor verloskundigen is ontoereikend; de gemeente Huizen verleent subsidie.</p>",
        "success": "<p>Een bevlogen, ondernemende verloskundige; een bestaand netwerk rond de geboorte.</p>",
        "challenges": "<p>Structurele bekostiging: het maatschappelijk rendement is hoog maar moeilijk te meten.</p>",
        "next_steps": "<p>CenteringParenting: ook de consultatiebureaubezoeken in het eerste jaar in groepen.</p>",
        "methods": ["centeringpregnancy", "centeringparenting"],
        "links": [("Centering Healthcare", "http://www.centeringhealthcare.nl")],
        "source_page": "19–22",
    },
    {
        "code": "S06",
        "place": "Eindhoven",
        "title": "Stichting Omnia: opvoedsteun in zeven talen",
        "standfirst": (
            "De meeste jeugdzorg is wit, de stad niet. Stichting Omnia in Eindhoven werkt met hulpverleners van "
            "allerlei achtergronden en geeft cursussen waar ouders al zijn: op school, in de moskee of het buurthuis."
        ),
        "sections": [
            (
                "Een trainer die je kent",
                "De 48 hulpverleners van Omnia hebben verschillende culturele achtergronden. Cursussen kunnen in onder meer het Turks, Arabisch, Pools, Spaans, Somalisch en Engels; Nederlands blijft de voertaal.",
            ),
            (
                "Ik moet veranderen",
                "In acht weken werken ouders aan opvoedvragen, onder meer met Triple P. Na een paar bijeenkomsten zeggen veel ouders dat niet hun kind, maar zij zelf iets anders moeten doen.",
            ),
            (
                "Rots en Water voor jongens",
                "In een pilot op twee basisscholen gaven een Nederlandse en een Marokkaanse trainster samen Rots en Water, vooral voor jongens die het moeilijk hebben.",
            ),
        ],
        "quote": ("Daar waar de ouders zijn, zijn wij.", "Najat Toub, stichting Omnia"),
        "spokespeople": [
            ("Najat Toub", "medewerker", "Stichting Omnia"),
            ("Heinz Faber", "adviseur en projectleider", "Gemeente Eindhoven"),
        ],
        "initiator": "Stichting Omnia",
        "target_group": "Ouders en kinderen in Eindhoven, met aandacht voor gezinnen met een migratieachtergrond.",
        "life_stages": ["ouders", "4-12", "0-4"],
        "settings": ["School", "Moskee", "Buurthuis"],
        "domains": ["Jeugdhulp", "Welzijn"],
        "themes": ["opvoedondersteuning", "diversiteit", "normaliseren"],
        "prevention_levels": ["universeel", "selectief"],
        "partners": ["WIJeindhoven", "Peutersport"],
        "start_year": 2015,
        "status": "running",
        "figures": [
            ("hulpverleners", "48", "hulpverleners", None, SEED_003_PAGES),
            ("cursusbijeenkomsten", "8", "weken", None, SEED_003_PAGES),
            ("basisscholen in de Rots en Water-pilot", "2", "scholen", None, SEED_003_PAGES),
        ],
        "success": "<p>Organisatie die lijkt op de mensen die je wilt bereiken; problemen normaliseren.</p>",
        "challenges": "<p>De groei gaat soms te snel; de gemeente bespreekt dat met Omnia in haar contractgesprekken.</p>",
        "next_steps": "<p>Workshops over sociale media en een ‘vita lounge’ met gezonde drankjes als alternatief voor shishalounges.</p>",
        "methods": ["triple-p", "rots-en-water", "peutersport"],
        "source_page": "23–25",
    },
    {
        "code": "S07",
        "place": "Oss",
        "title": "Maatwerkfabriek Oss: kleuren buiten de lijntjes",
        "standfirst": (
            "In Oss leren medewerkers van de sociale teams, Wmo en werk en inkomen eerst te vragen wat een inwoner "
            "nodig heeft, en pas daarna wat de regels zeggen. Dat levert onorthodoxe oplossingen op die beter en "
            "duurzamer zijn. “Soms is een Mercedes nodig, soms volstaat een Daihatsu.”"
        ),
        "sections": [
            (
                "Drie principes",
                "Betrokkenheid (de inwoner steunt de oplossing), legitimiteit (je kunt uitleggen waarom het past bij de bedoeling van de wet) en rendement (niet hetzelfde als laagste kosten).",
            ),
            (
                "25 casussen, 10 blokkades",
                "Het Instituut voor Publieke Waarde zocht met lokale partners maatwerk voor 25 casussen en vond daarbij 10 blokkades, zoals te weinig kamers voor 18-plussers die nog begeleiding nodig hebben.",
            ),
        ],
        "vignette": (
            "Amira",
            "Een alleenstaande minderjarige asielzoekster dreigde zonder diploma van school te gaan omdat haar taallessen stopten. Een consulent stelde voor die lessen uit de Jeugdwet te betalen, zodat ze een beroepsopleiding kan volgen.",
        ),
        "quote": ("Echte preventie ontstaat als medewerkers de juiste mindset hebben.", "Miriam Kettani, gemeente Oss"),
        "spokespeople": [("Miriam Kettani", "senior beleidsadviseur Maatschappelijke Ontwikkeling", "Gemeente Oss")],
        "initiator": "Gemeente Oss met het Instituut voor Publieke Waarde",
        "target_group": "Inwoners die bij een loket in het sociaal domein aankloppen, met extra aandacht voor jongeren van 18 tot 23 jaar.",
        "age_min": 18,
        "age_max": 23,
        "life_stages": ["18-23", "professionals"],
        "settings": ["Wijkteam"],
        "domains": ["Jeugdhulp", "Werk en inkomen", "Wonen"],
        "themes": ["maatwerk", "18-/18+", "transformatie"],
        "prevention_levels": ["geindiceerd"],
        "partners": ["Instituut voor Publieke Waarde", "Welzijnsorganisatie (sociale teams)"],
        "start_year": 2015,
        "status": "running",
        "figures": [
            ("casussen met maatwerk", "25", "casussen", None, SEED_003_PAGES),
            ("blokkades gevonden", "10", "blokkades", None, SEED_003_PAGES),
        ],
        "success": "<p>Een gedeelde taal voor professionals, managers en raad; successen vieren en laten zien.</p>",
        "challenges": "<p>Zonder beslisbomen voelen medewerkers zich onzeker; het gelijkheidsbeginsel botst met maatwerk.</p>",
        "next_steps": "<p>De blokkades slechten: kamers met ambulante begeleiding, autisme beter herkennen, een integrale aanpak voor 18–23-jarigen.</p>",
        "source_page": "26–29",
    },
    {
        "code": "S08",
        "place": "Sliedrecht",
        "title": "Kids & Koffie op de kinderboerderij",
        "standfirst": (
            "Elke maandagochtend drinken ouders, een oma en soms een alleenstaande vader koffie op de "
            "kinderboerderij, terwijl de kinderen spelen. Informeel, dichtbij en vrijwel vanzelf lopend. "
            "“De kracht is dat het eigenlijk vanzelf gaat.”"
        ),
        "sections": [
            (
                "Weg van het CJG-gebouw",
                "De inloop begon bij het CJG, maar ouders bleven weg: ze waren bang dat er iets van hun kind gevonden werd. Op de kinderboerderij, die bijna elk Sliedrechts kind kent, komen ze wel.",
            ),
            (
                "Voor en door Sliedrecht",
                "Sprekers komen uit het dorp zelf: over borstvoeding, tandenpoetsen of zingen en dansen. Vrijwilligers signaleren als er meer nodig is en verwijzen door naar het CJG.",
            ),
        ],
        "quote": (
            "Het gaat heel natuurlijk, omdat het zo eenvoudig en laagdrempelig is.",
            "Jackie Danel-Lanser, gemeente Sliedrecht",
        ),
        "spokespeople": [
            ("Jackie Danel-Lanser", "beleidsmedewerker", "Gemeente Sliedrecht"),
            ("Giovanna", "vrijwilliger en gastvrouw", "Kids & Koffie"),
        ],
        "initiator": "Gemeente Sliedrecht en het CJG",
        "target_group": "Ouders en verzorgers van kinderen van 0 tot 4 jaar.",
        "age_min": 0,
        "age_max": 4,
        "life_stages": ["0-4", "ouders"],
        "settings": ["Kinderboerderij"],
        "domains": ["Welzijn", "Jeugdgezondheidszorg en geboortezorg"],
        "themes": ["ontmoeting", "opvoedondersteuning"],
        "prevention_levels": ["universeel"],
        "partners": ["CJG Sliedrecht", "Kinderboerderij De Hooizolder"],
        "status": "running",
        "figures": [
            ("ouders en verzorgers per ochtend", "10–20", "bezoekers", None, SEED_003_PAGES),
            ("vrijwilligers per bijeenkomst", "3", "vrijwilligers", None, SEED_003_PAGES),
        ],
        "success": "<p>Een vertrouwde, laagdrempelige plek; minimale sturing; diversiteit onder de bezoekers.</p>",
        "methods": ["kids-en-koffie"],
        "links": [("Kids & Koffie op Facebook", "https://www.facebook.com/kids.koffie/")],
        "source_page": "31–33",
    },
    {
        "code": "S09",
        "place": "De Marne",
        "title": "De jeugdsoos als hart van de jeugdhulp",
        "standfirst": (
            "Toen de alcoholgrens in 2014 naar 18 ging, dreigden de jeugdsozen in Noord-Groningen om te vallen. "
            "Jongerenwerk Barkema & De Haan maakte ze partner van het CJG: jongeren verdienen hun soos door zelf "
            "preventie te organiseren."
        ),
        "sections": [
            (
                "Een onmogelijk dilemma",
                "Zonder alcohol aan 16-plussers halveerde de omzet; met alcohol zou de gemeente de soos sluiten. Intussen ontstonden zuipketen waar op één avond tientallen kratten bier stonden.",
            ),
            (
                "Betaald voor preventie",
                "Een soos krijgt € 300 per filmpje met een preventieve boodschap, € 600 als minstens 40% van de jongeren de informatie via Facebook deelt, en € 600 voor een meidengroep.",
            ),
            (
                "Kwaitwel weet het wel",
                "De informatiesite kwaitwel.nl trekt jaarlijks 50.000 bezoekers, in vier gemeenten met samen 20.000 inwoners.",
            ),
        ],
        "quote": ("Jongeren houden de jeugdsoos zelf in stand.", "Teye Barkema, jongerenwerker"),
        "spokespeople": [("Teye Barkema", "jongerenwerker en mede-eigenaar", "Jongerenwerk Barkema & De Haan")],
        "initiator": "Jongerenwerk Barkema & De Haan",
        "target_group": "Jongeren van 12 tot 18 jaar en ouder in de dorpen van De Marne, met aparte meidengroepen.",
        "age_min": 12,
        "age_max": 23,
        "life_stages": ["12-18", "18-23"],
        "settings": ["Jongerencentrum", "Online"],
        "domains": ["Welzijn", "Jeugdgezondheidszorg en geboortezorg"],
        "themes": ["alcohol", "jeugdsoos", "jongerenwerk", "sociale media"],
        "prevention_levels": ["universeel"],
        "partners": ["CJG", "Eemsmond", "Winsum", "Bedum"],
        "start_year": 2015,
        "status": "running",
        "figures": [
            ("vergoeding per preventiefilmpje", "300", "euro", None, SEED_003_PAGES),
            ("bezoekers kwaitwel.nl per jaar", "50.000", "bezoekers", None, SEED_003_PAGES),
            ("hits kwaitwel.nl per jaar", "250.000", "hits", None, SEED_003_PAGES),
            ("inwoners van de vier deelnemende gemeenten", "20.000", "inwoners", None, SEED_003_PAGES),
        ],
        "costs": "<p>Begeleiding van de sozen zonder extra kosten voor de gemeente, dankzij stagiairs multimedia en SHW uit de regio.</p>",
        "success": "<p>Echt contact met jongeren, online en offline; jongeren verantwoordelijkheid geven.</p>",
        "challenges": "<p>De hogere alcoholgrens werd niet gedragen door jongeren en ouders; de sozen liepen tijdelijk leeg.</p>",
        "links": [
            ("Kwaitwel", "http://www.kwaitwel.nl"),
            ("Jongerenwerk Barkema & De Haan", "http://www.jongerenwerk.com"),
        ],
        "source_page": "34–37",
    },
    {
        "code": "S10",
        "place": "Rotterdam",
        "title": "Bureau Frontlijn en de Moeders van Rotterdam",
        "standfirst": (
            "Ruim 120.000 Rotterdammers leven rond of onder de armoedegrens, onder wie 38.500 kinderen. Bureau "
            "Frontlijn stuurt goed opgeleide frontlijnwerkers op huisbezoek en begint bij kwetsbare zwangeren. "
            "“Over opvoeding praten terwijl de koelkast leeg is, heeft geen zin.”"
        ),
        "sections": [
            (
                "Begonnen aan de voordeur",
                "Rond 2000 ging de gemeente in sommige straten aanbellen. Wat daar werd gezien, leidde in 2006 tot bureau Frontlijn: mensen die over alle schotten heen kijken.",
            ),
            (
                "Moeders van Rotterdam",
                "Ziekenhuizen en verloskundigen melden zwangeren met sociale problemen direct aan. Eerst worden crises opgelost, dan leren moeders vaardigheden, na de geboorte staat hechting centraal.",
            ),
            (
                "Compassie als succesfactor",
                "Armoede en stress vernauwen het denken. Wie dat begrijpt, kan met compassie naast mensen gaan staan.",
            ),
        ],
        "quote": ("Ieder kind dat geboren wordt is goud waard.", "Barend Rombout, bureau Frontlijn"),
        "spokespeople": [("Barend Rombout", "hoofd", "Bureau Frontlijn, gemeente Rotterdam")],
        "initiator": "Bureau Frontlijn, gemeente Rotterdam",
        "target_group": "Kwetsbare zwangere vrouwen en gezinnen in armoede in Rotterdamse achterstandswijken.",
        "life_stages": ["zwangerschap-geboorte", "0-4", "ouders"],
        "settings": ["Thuis"],
        "domains": ["Jeugdgezondheidszorg en geboortezorg", "Werk en inkomen", "Wonen"],
        "themes": ["armoede", "eerste 1000 dagen", "frontlijnwerk"],
        "prevention_levels": ["selectief"],
        "partners": ["Ziekenhuizen", "Verloskundigen"],
        "start_year": 2006,
        "status": "scaling",
        "figures": [
            ("inwoners van Rotterdam", "620.000", "inwoners", None, SEED_003_PAGES),
            ("inwoners op of onder de armoedegrens", "120.000", "inwoners", None, SEED_003_PAGES),
            ("kinderen in armoede", "38.500", "kinderen", None, SEED_003_PAGES),
            ("medewerkers bij de start", "12", "mensen", 2006, SEED_003_PAGES),
            ("medewerkers nu, van wie ongeveer 70 in vaste dienst", "200–250", "mensen", None, SEED_003_PAGES),
        ],
        "success": "<p>Een brede, integrale blik; een planmatige aanpak; compassie.</p>",
        "challenges": "<p>Overdracht van werkende methodieken aan andere organisaties lukt niet altijd: zij missen de tijd en de brede blik.</p>",
        "next_steps": "<p>De aanpak uitbreiden met aandacht voor taal en ontwikkeling in de eerste drie levensjaren.</p>",
        "methods": ["moeders-van-rotterdam"],
        "links": [
            ("Bureau Frontlijn", "http://bureaufrontlijn.nl"),
            ("Moeders van Rotterdam", "http://moedersvanrotterdam.nl"),
        ],
        "source_page": "38–41",
    },
    {
        "code": "S11",
        "place": "Leiden",
        "title": "Het BUURbook van Leiden",
        "standfirst": (
            "Leiden begon met BUURbook als digitaal preventieloket waar professionals elkaars aanbod konden zien. "
            "Op verzoek van bewoners groeit het uit tot een platform voor de hele buurt. “It takes a village to "
            "raise a child.”"
        ),
        "sections": [
            (
                "Zichtbaar aanbod",
                "Hulpverleners ontdekken via het platform wat collega’s elders doen, en dat iemand met zware problemen ook baat kan hebben bij een gewone activiteit.",
            ),
            (
                "Van jeugd naar buurt",
                "Begin 2017 besloot Leiden ook bewoners te betrekken: wonen, werken en ontspannen, per wijk ingericht.",
            ),
        ],
        "side_box": (
            "Tips van Leiden",
            "Houd vol, want omslagen kosten tijd. Betrek de mensen om wie het gaat. En begin gewoon: ook Facebook gebruikten we zonder handleiding.",
        ),
        "quote": (
            "Hulpverleners hebben er baat bij te zien wat collega’s elders doen.",
            "Karin Fahner, gemeente Leiden",
        ),
        "spokespeople": [("Karin Fahner", "projectleider transformatie", "Gemeente Leiden")],
        "initiator": "Regio Holland Rijnland",
        "target_group": "Professionals in jeugd en preventie, en bewoners van Leidse wijken.",
        "life_stages": ["professionals", "buurt"],
        "settings": ["Online"],
        "domains": ["Welzijn"],
        "themes": ["sociale kaart", "participatie"],
        "prevention_levels": ["universeel"],
        "partners": ["Gemeenten in Holland Rijnland", "Het Gebouw (De Kooi)"],
        "start_year": 2015,
        "status": "scaling",
        "figures": [("jaar van de start in Holland Rijnland", "2015", "", 2015, SEED_003_PAGES)],
        "challenges": "<p>Het platform is nog stadsbreed; bewoners willen vooral hun eigen wijk zien.</p>",
        "next_steps": "<p>Wijkgericht inrichten en een publiekscampagne.</p>",
        "methods": ["buurbook"],
        "source_page": "42–45",
    },
    {
        "code": "S12",
        "place": "Dordrecht",
        "title": "VoorZorg: de vroegste preventie in Dordrecht",
        "standfirst": (
            "Hoe eerder hoe beter: VoorZorg begint al in de eerste zwangerschap. Een verpleegkundige van Careyn "
            "steunt kwetsbare aanstaande moeders tot hun kind twee is. “Het zijn de extra handen aan het ledikantje.”"
        ),
        "sections": [
            (
                "Streng geselecteerd",
                "Het gaat om ongeveer een half procent van de geboortes per jaar: vrouwen met duidelijke risico’s, zoals eerdere jeugdzorg of opgroeien in armoede.",
            ),
            (
                "Geworteld in het netwerk",
                "Careyn peilde eerst bij alle partners of VoorZorg paste. Nu komen aanmeldingen van consultatiebureau, verloskundigen, wijkteam, huisarts en ziekenhuis, en zit het programma aan zijn maximum.",
            ),
        ],
        "vignette": (
            "Sanne",
            "Ze gebruikte al jong drugs en leefde jaren met schulden en geweld. Toen ze zwanger werd, wees de verloskundige haar op VoorZorg. Twee jaar later zegt ze dat het precies zo ging als ze wilde.",
        ),
        "quote": (
            "De VoorZorg-coach wordt door alle disciplines gemakkelijk gevonden.",
            "Stephan Haksteeg, gemeente Dordrecht",
        ),
        "spokespeople": [
            ("Stephan Haksteeg", "beleidsmedewerker Onderwijs en Jeugd", "Gemeente Dordrecht"),
            ("Stefan Oosterhof", "strategisch adviseur", "Gemeente Dordrecht"),
        ],
        "initiator": "Careyn",
        "target_group": "Laagopgeleide vrouwen die hun eerste kind verwachten en met psychosociale problemen kampen.",
        "life_stages": ["zwangerschap-geboorte", "0-4", "ouders"],
        "settings": ["Thuis"],
        "domains": ["Jeugdgezondheidszorg en geboortezorg"],
        "themes": ["eerste 1000 dagen", "kindermishandeling", "tienermoeders"],
        "prevention_levels": ["selectief"],
        "partners": ["Careyn", "Consultatiebureau", "Verloskundigen", "Sociaal wijkteam", "Huisartsen", "Ziekenhuis"],
        "status": "at_capacity",
        "figures": [
            ("vrouwen met een VoorZorg-coach", "13", "vrouwen", None, SEED_003_PAGES),
            ("aandeel van de geboortes per jaar", "0,5", "%", None, SEED_003_PAGES),
            ("gemeenten die met VoorZorg zijn begonnen", "meer dan 50", "gemeenten", None, SEED_003_PAGES),
        ],
        "success": "<p>Harde cijfers uit Amerikaans onderzoek (Nurse Family Partnership); een rekentool van de Vrije Universiteit laat per gemeente zien wat VoorZorg na 2,5 jaar oplevert.</p>",
        "challenges": "<p>De strenge selectie maakt de groep klein; het programma zit aan zijn maximum.</p>",
        "methods": ["voorzorg"],
        "links": [("Nederlands Centrum Jeugdgezondheid", "https://ncj.nl")],
        "source_page": "46–48",
    },
    {
        "code": "S13",
        "place": "Dronten",
        "title": "De Dronter Koers brengt jeugdhulp naar school",
        "standfirst": (
            "Kinderen met problemen hoeven in Dronten niet meer naar een apart gebouwtje. De jeugdhulp komt naar "
            "school, waar leraren meteen meeleren. Ouders geven de aanpak een 8."
        ),
        "sections": [
            (
                "Kort en dichtbij",
                "Een leraar, intern begeleider of ouder meldt een zorg. Het zorgadviesteam kijkt of schoolmaatschappelijk werk, Sterk in de Klas of GGZ op School helpt; anders is er een snelle route via de gemeentelijke gidsen.",
            ),
            (
                "Coaching in plaats van cursus",
                "Een hulpverlener loopt mee in de klas en laat zien wat werkt. De leraar blijft leraar en de hulpverlener hulpverlener.",
            ),
        ],
        "quote": (
            "We werken aan het welbevinden van leerling, ouders én leerkracht.",
            "Joyce Visscher, gemeente Dronten",
        ),
        "spokespeople": [("Joyce Visscher", "Preventief Jeugdbeleid", "Gemeente Dronten")],
        "initiator": "Gemeente Dronten en het onderwijs",
        "target_group": "Leerlingen in het primair onderwijs (en voorschoolse groepen), hun ouders en leraren.",
        "age_min": 4,
        "age_max": 12,
        "life_stages": ["4-12", "ouders"],
        "settings": ["School"],
        "domains": ["Onderwijs", "Jeugdhulp"],
        "themes": ["passend onderwijs", "jeugdhulp op school"],
        "prevention_levels": ["universeel", "selectief"],
        "partners": ["Scholen in Dronten", "Academische werkplaats Samen op school"],
        "status": "running",
        "figures": [("rapportcijfer van ouders", "8", "", None, SEED_003_PAGES)],
        "costs": "<p>De gemeente stelde geld beschikbaar, het onderwijs formatie.</p>",
        "challenges": "<p>Effecten aantonen: iedere partij registreert op zijn eigen manier.</p>",
        "next_steps": "<p>Met partners onderzoeken hoe de effecten in kaart te brengen zijn.</p>",
        "methods": ["sterk-in-de-klas", "ggz-op-school"],
        "source_page": "49–51",
    },
    {
        "code": "S14",
        "place": "Apeldoorn",
        "title": "Apeldoorn: geen jongere op de bank",
        "standfirst": (
            "Elke jongere gaat naar school, werk of dagbesteding, of is op weg daarheen. Dat lukt alleen als "
            "ouders, scholen, hulpverleners en gemeente hetzelfde doel hebben. “Vraag: hoe zou je het voor je eigen "
            "kind willen?”"
        ),
        "sections": [
            (
                "Wie is deze jongere?",
                "De jongere die slecht presteert op school is vaak ook degene die overlast geeft, somber is of voor zijn moeder zorgt. Daarom begint elke instantie met dezelfde vragen: wie is dit, wat heeft hij nodig?",
            ),
            (
                "Co-ouderschap van professionals",
                "Alle partijen zijn samen verantwoordelijk. Een jongen die bij zijn vriendin in een instelling ging wonen, kreeg geen ‘nee’ maar een plek en begeleiding.",
            ),
        ],
        "quote": (
            "Organisaties willen structuur van ons, terwijl we die niet kunnen bieden.",
            "Cindy Kamp, gemeente Apeldoorn",
        ),
        "spokespeople": [("Cindy Kamp", "beleidsmedewerker", "Gemeente Apeldoorn")],
        "initiator": "Gemeente Apeldoorn",
        "target_group": "Jongeren die dreigen uit te vallen uit school of werk.",
        "life_stages": ["12-18", "18-23"],
        "settings": ["School", "Wijkteam"],
        "domains": ["Onderwijs", "Werk en inkomen", "Jeugdhulp"],
        "themes": ["schooluitval", "sluitende aanpak", "18-/18+"],
        "prevention_levels": ["selectief"],
        "status": "running",
        "figures": [("jaren dat de sluitende aanpak loopt", "3", "jaar", None, SEED_003_PAGES)],
        "success": "<p>Beleidsmedewerkers denken mee op casusniveau; wekelijks bewust terug naar het doel.</p>",
        "challenges": "<p>Veel weerstand: organisaties vallen terug op vertrouwde loketten en regels.</p>",
        "source_page": "52–54",
    },
    {
        "code": "S15",
        "place": "Diemen",
        "title": "Diemen zet ouder- en kindcoaches in de school",
        "standfirst": (
            "“Kom maar even mee naar Christa” werkt beter dan een verwijsbrief. In Diemen zitten ouder- en "
            "kindcoaches op de basisschool, aan de andere kant van de gang, en gaan ze ook bij ouders thuis langs."
        ),
        "sections": [
            (
                "Zichtbaar op school",
                "De foto van de coach hangt op de gang, ze komt op ouderavonden en spreekt de intern begeleiders vaak. Een leraar die ziet dat een moeder met een tweeling worstelt, weet haar meteen te vinden.",
            ),
            (
                "Generalist én coach",
                "Alle coaches werken ook in het sociale wijkteam. Zo loopt de hulp door na school en kunnen ze ook helpen bij bijvoorbeeld geldzorgen.",
            ),
            (
                "Samen betalen",
                "Gemeente en school delen de kosten, ongeveer 80 en 20 procent. Dat houdt beide partijen betrokken.",
            ),
        ],
        "quote": ("Het is echt een gezamenlijk proces.", "Natalie van Nieuwenhuijzen, gemeente Diemen"),
        "spokespeople": [
            ("Christa Sigling", "ouder- en kindcoach", "Sociaal wijkteam Diemen"),
            ("Natalie van Nieuwenhuijzen", "beleidsmedewerker", "Gemeente Diemen"),
        ],
        "initiator": "Gemeente Diemen en het onderwijs",
        "target_group": "Leerlingen van de basisschool, hun ouders en leerkrachten.",
        "age_min": 4,
        "age_max": 12,
        "life_stages": ["4-12", "ouders"],
        "settings": ["School", "Thuis"],
        "domains": ["Onderwijs", "Jeugdhulp"],
        "themes": ["jeugdhulp op school", "passend onderwijs"],
        "prevention_levels": ["selectief"],
        "partners": ["Basisscholen in Diemen", "Sociaal wijkteam", "GGD"],
        "start_year": 2015,
        "status": "running",
        "figures": [
            ("kostenverdeling gemeente / school", "80 / 20", "%", None, SEED_003_PAGES),
            ("basisscholen per coach", "2", "scholen", None, SEED_003_PAGES),
        ],
        "costs": "<p>Ongeveer 80% gemeente en 20% school.</p>",
        "success": "<p>Commitment van beide kanten; coaches die zichtbaar en dichtbij zijn.</p>",
        "challenges": "<p>Preventieve effecten zijn lastig te meten; het aantal verwijzingen is (nog) niet gedaald.</p>",
        "next_steps": "<p>Een coach voor 0–5-jarigen bij peuterspeelzalen en kinderdagverblijven; meer trainingen en ‘kinderkringen’.</p>",
        "source_page": "55–57",
    },
    {
        "code": "S16",
        "place": "Schiedam",
        "title": "Het JIT: hulpverlener en jongerenwerker samen op straat",
        "standfirst": (
            "Schiedamse jongeren met problemen raakten uit beeld tussen de loketten. SWS Welzijn en Flexus "
            "Jeugdplein vormden daarom één team dat jongeren zelf opzoekt. “De perfecte combinatie van de "
            "bedachtzame hulpverlener en de extraverte jongerenwerker.”"
        ),
        "sections": [
            (
                "Een kring, geen keten",
                "In plaats van door te verwijzen brengt het team de deskundigheid van meerdere organisaties naar de jongere: op straat, in het buurthuis, op school of thuis. Gezin, school en zelfs de kapper worden ingeschakeld als dat helpt.",
            ),
            (
                "Bureaucratie naar nul",
                "Elke jongere wordt gevolgd met een eigen monitor, er wordt één keer per jongere aan de gemeente gerapporteerd, en de teamleden kunnen de hele dag de straat op.",
            ),
        ],
        "vignette": (
            "Lisa",
            "Een zwangere jonge vrouw met schulden, zonder contact met haar familie en met een loverboy aan haar zijde meldde zich bij het JIT. Het team ruimde haar huis op, richtte een kinderkamer in, pakte de schulden aan en regelde een plek op een opleiding met kinderopvang.",
        ),
        "quote": (
            "Wie uitgaat van de kracht van het netwerk rond het kind, haalt het meeste rendement.",
            "Jan van Gerwen, Flexus Jeugdplein",
        ),
        "spokespeople": [
            ("Gregor Gips", "manager SWS Jong", "SWS Welzijn"),
            ("Jan van Gerwen", "stafmedewerker", "Flexus Jeugdplein"),
        ],
        "initiator": "SWS Welzijn Schiedam",
        "target_group": "Jongeren van 15 tot 23 jaar met problemen op meerdere leefgebieden.",
        "age_min": 15,
        "age_max": 23,
        "life_stages": ["12-18", "18-23"],
        "settings": ["Straat", "Thuis", "School", "Buurthuis"],
        "domains": ["Welzijn", "Jeugdhulp", "Onderwijs"],
        "themes": ["schooluitval", "outreachend werken", "jongerenwerk"],
        "prevention_levels": ["selectief", "geindiceerd"],
        "partners": ["SWS Welzijn", "Flexus Jeugdplein", "Lentiz LIFE College"],
        "status": "running",
        "figures": [
            ("jongeren geholpen", "77", "jongeren", 2010, JIT_ARTICLE),
            ("met wie het goed gaat, van die 77", "ongeveer driekwart", "", 2010, JIT_ARTICLE),
            (
                "succesvolle trajecten",
                "35 van 68",
                "deelnemers",
                2009,
                "Jaarrapportage 2009 JIT, via de methodebeschrijving JIT Schiedam (databank, 1 november 2011)",
            ),
            (
                "afgesloten casussen met opgeloste problemen",
                "18 van 35",
                "casussen",
                2010,
                "Rapportage 2010 JIT, via de methodebeschrijving JIT Schiedam (databank, 1 november 2011)",
            ),
        ],
        "success": "<p>Goede samenwerking tussen jongerenwerkers en jeugdhulpverleners; een persoonlijke, proactieve houding.</p>",
        "challenges": "<p>Resultaten zijn een momentopname; de monitoring laat niet zien of uitval echt is voorkomen.</p>",
        "methods": ["jongeren-interventie-team-jit"],
        "working_factors": [3, 5, 10, 12],
        "source_publication": JIT_ARTICLE,
        "source_year": 2011,
    },
    {
        "code": "S17",
        "place": "Hilversum",
        "title": "Sociaal Netwerkcafé: hulpverleners in de wijk leren elkaar kennen",
        "standfirst": (
            "In de Hilversumse buurt Liebergen zien huisarts, wijkcentrum, thuiszorg en vluchtelingenwerk dezelfde "
            "kwetsbare mensen, maar kennen ze elkaar niet. Twee keer per jaar brengt een opbouwwerker hen samen."
        ),
        "sections": [
            (
                "Speeddaten met stellingen",
                "Voor de eerste bijeenkomst waren alle sleutelfiguren in de wijk uitgenodigd. Met prikkelende stellingen maakten ze kort en laagdrempelig kennis.",
            ),
            (
                "Beter doorverwijzen",
                "Wie weet wat de ander doet, verwijst gerichter door. Een eenzame patiënt van de huisarts kan bij het wijkcentrum terecht voor een activiteit of een lunch met buurtgenoten.",
            ),
        ],
        "quote": (
            "Door verschillende mensen rond één tafel te zetten, versterken we elkaars kennis.",
            "Tukkie Tuk, Versa Welzijn",
        ),
        "spokespeople": [("Tukkie Tuk", "opbouwwerker", "Versa Welzijn")],
        "initiator": "Versa Welzijn",
        "target_group": "Professionals en vrijwilligersorganisaties in de wijk, en via hen kwetsbare bewoners.",
        "life_stages": ["professionals", "buurt"],
        "settings": ["Buurthuis"],
        "domains": ["Welzijn"],
        "themes": ["netwerken", "samenwerking in de wijk"],
        "prevention_levels": ["universeel"],
        "partners": ["Buurtzorg", "HilverZorg", "Huisartsengroepen", "Vluchtelingenwerk", "Sociaal Cultureel Werk"],
        "start_year": 2011,
        "status": "running",
        "figures": [
            ("bijeenkomsten per jaar", "2", "bijeenkomsten", None, JIT_ARTICLE),
            ("jaren opbouwwerk in de wijk", "24", "jaar", None, JIT_ARTICLE),
        ],
        "working_factors": [3, 5, 13],
        "source_publication": JIT_ARTICLE,
        "source_year": 2011,
    },
]
