"""Demo methods in the databank format, from the seeds (see DOMAIN.md §2), in our own words.

Keys: slug → fields. `steps` and `elements` become StreamField lists; `evidence` is a list of
(level slug, committee, status, reason). Evidence levels in this demo set are illustrative: the
seeds do not state them, so every method that carries one says so in its research text.
"""

DEMO_EVIDENCE_NOTE = (
    "<p><em>Let op: de erkenning bij deze demomethode is ter illustratie ingevuld. Controleer het actuele "
    "oordeel in de databank van het Nederlands Jeugdinstituut of Loket Gezond Leven.</em></p>"
)

SEED_001 = "Methodebeschrijving JIT Schiedam (databank, 1 november 2011)"
SEED_003 = "Van nul tot later als ik groot ben (VWS/VNG, koplopersnetwerk jeugdpreventie, circa 2017)"
SEED_004 = "ST-RAW Jaarboek 2018"

METHODS = {
    "jongeren-interventie-team-jit": {
        "title": "Jongeren Interventie Team Schiedam",
        "acronym": "JIT",
        "kind": "intervention",
        "summary": (
            "Jongerenwerkers en jeugdhulpverleners trekken samen op met Schiedamse jongeren van 15 tot 23 jaar "
            "die op meer dan één leefgebied vastlopen. Ze zoeken de jongere op straat, thuis of op school op en "
            "blijven betrokken tot het weer loopt."
        ),
        "aim": "<p>Voorkomen dat jongeren maatschappelijk uitvallen, en uitval herstellen waar die al is begonnen.</p>",
        "target_group": (
            "<p>Jongeren in Schiedam van 15 tot en met 22 jaar met (beginnende) problemen op meerdere "
            "leefterreinen, zoals school, schulden, wonen of justitie.</p>"
        ),
        "age_min": 15,
        "age_max": 23,
        "life_stages": ["12-18", "18-23"],
        "prevention_levels": ["selectief", "geindiceerd"],
        "settings": ["Straat", "Thuis", "School", "Buurthuis"],
        "domains": ["Welzijn", "Jeugdhulp", "Onderwijs"],
        "themes": ["schooluitval", "outreachend werken", "jongerenwerk"],
        "steps": [
            (
                "Aanmelding en intake",
                "Ketenpartners, familie of de jongere zelf melden aan; de jongere krijgt een schriftelijke uitnodiging voor een intakegesprek.",
            ),
            (
                "Hulpvraag bepalen",
                "Jongere en begeleider formuleren samen de hulpvraag; de backoffice vult aan met onderzoek en analyse.",
            ),
            (
                "Trajectplan opstellen",
                "De individuele jongerenbegeleider legt doelen en afspraken vast in een plan dat beide ondertekenen.",
            ),
            (
                "Trajectplan uitvoeren",
                "Begeleiden, aanmoedigen en motiveren, kort of langdurig, zolang het plan loopt.",
            ),
            (
                "Evaluatie en nazorg",
                "Het traject stopt als het doel bereikt is, of als de jongere zich niet aan de afspraken houdt.",
            ),
        ],
        "elements": [
            "Een gedeeld online registratiesysteem (‘Jongeren in Kaart’) geeft alle ketenpartners hetzelfde beeld van de jongere.",
            "De jongere maakt zelf afspraken over persoonlijke doelen en committeert zich eraan.",
            "Competenties en probleemoplossend vermogen van de jongere worden versterkt.",
            "Het vertrouwen van de jongerenwerker laat het zelfvertrouwen van de jongere groeien.",
            "Laagdrempelig en proactief: de stad is het werkterrein, de buurt het kantoor.",
            "Een breed netwerk van de jongerenwerkers maakt snel doorschakelen mogelijk.",
            "Een kring van solidariteit rond de jongere: de oplossing wordt gezocht waar het probleem ontstaat.",
        ],
        "research": (
            "<p>Twee praktijkpublicaties (SWS Welzijn en Flexus Jeugdplein, 2010; Gips, Voorspuij en Van Gerwen, 2010) "
            "beschrijven de ervaringen van de uitvoerders. Zij noemen de samenwerking tussen jongerenwerk en "
            "jeugdhulp de belangrijkste voorwaarde, en daarnaast een persoonlijke, vraaggerichte en proactieve houding.</p>"
        ),
        "studies": [
            {
                "title": "Jaarrapportage 2009 JIT ‘Hoe je net het verschil kunt maken!’",
                "design": "monitoring",
                "year": 2009,
                "result": "35 van de 68 deelnemers rondden hun traject succesvol af.",
                "limitations": "Monitoring zonder vergelijkingsgroep: of uitval echt is voorkomen, valt hieruit niet af te leiden.",
                "source": SEED_001,
            },
            {
                "title": "Rapportage 2010 JIT Schiedam ‘De straat als front office’",
                "design": "monitoring",
                "year": 2010,
                "result": "Bij 18 van de 35 afgesloten casussen waren de problemen van de jongere opgelost.",
                "limitations": "Ook hier geen vergelijkingsgroep; de uitkomst zegt niets over uitval op langere termijn.",
                "source": SEED_001,
            },
        ],
        "developer_name": "SWS Welzijn Schiedam, met Flexus Jeugdplein",
        "developer_address": "’s-Gravelandseweg 557\n3119 XT Schiedam",
        "contact_name": "Remey Weekers",
        "dosage": "Individueel traject, kort of langdurend; het team (drie mannen en één vrouw uit beide organisaties) werkt ook ’s avonds en op straat.",
        "team": "Jongerenwerkers van SWS Welzijn en jeugdhulpverleners van Flexus Jeugdplein in één team; een gedragsdeskundige denkt mee.",
        "referral": "Aanmelding door ketenpartners, familie of de jongere zelf. Het traject eindigt als het doel bereikt is of de jongere zich niet aan de inspanningsverplichting houdt.",
        "reach": "77 jongeren geholpen in 2010 (tijdschriftartikel over JIT).",
        "origin": "Schiedam; methodiek ontwikkeld met emeritus hoogleraar orthopedagogiek Juliaan van Acker.",
        "publication_date": "2011-11-01",
    },
    "think-op-school": {
        "title": "THINK op school",
        "kind": "intervention",
        "summary": (
            "Een wekelijks lesuur sociaal-emotionele vaardigheden in de brugklas, gegeven door de mentor samen "
            "met gastdocenten van maatschappelijke organisaties. De 4 G’s uit de RET vormen de rode draad."
        ),
        "aim": "<p>Jongeren leren nadenken over hun keuzes, vriendschappen en gevoelens, en onderwijs en zorg verbinden zonder dat mentoren er uren aan kwijt zijn.</p>",
        "target_group": "<p>Leerlingen in het eerste jaar van het voortgezet onderwijs (12–13 jaar), hun mentoren en ouders.</p>",
        "age_min": 12,
        "age_max": 13,
        "life_stages": ["12-18"],
        "prevention_levels": ["universeel"],
        "settings": ["School"],
        "domains": ["Onderwijs", "Welzijn"],
        "themes": ["sociaal-emotionele vaardigheden", "weerbaarheid", "brugklas"],
        "steps": [
            (
                "Onderwerpen kiezen",
                "Leerlingen, ouders en leraren bepalen samen welke onderwerpen op hun school belangrijk zijn.",
            ),
            (
                "Leerlijn ordenen",
                "De THINK-medewerker zet de onderwerpen in een logische volgorde en koppelt aan elk onderwerp een deskundige.",
            ),
            (
                "Les geven",
                "Elke week één uur, als vast vak; de mentor is er altijd bij, de gastdocent brengt de inhoud.",
            ),
            ("Evalueren", "Halverwege het jaar een tussenevaluatie met mentoren en gastdocenten."),
        ],
        "elements": [
            "De 4 G’s van de Rationeel Emotieve Therapie: gebeurtenis, gedachten, gevoel en gedrag.",
            "De mentor blijft aanwezig en zorgt voor veiligheid; de gastdocent zorgt voor de inhoud.",
            "Scholen kiezen niet meer uit losse folders; organisaties hoeven niet meer te werven.",
        ],
        "developer_name": "Marieke Snel (De Kern) met TalentStad Beroepscollege, Zwolle",
        "dosage": "1 lesuur per week in de eerste klas; op TalentStad ook in de tweede klas; themablokken voor de bovenbouw.",
        "reach": "Start op 6 van de 11 vo-scholen in Zwolle (Van nul tot later, p. 7).",
        "origin": "Zwolle",
    },
    "centeringpregnancy": {
        "title": "CenteringPregnancy",
        "kind": "intervention",
        "summary": (
            "Verloskundige zorg in groepen: zwangeren met een vergelijkbare zwangerschapsduur komen samen voor "
            "controles, uitleg en uitwisseling, in plaats van korte individuele consulten."
        ),
        "aim": "<p>Zwangeren beter voorbereiden op bevalling en ouderschap en een netwerk van moeders laten ontstaan dat elkaar steunt.</p>",
        "target_group": "<p>Alle zwangere vrouwen in de praktijk; deelname is vrijwillig naast de gewone route.</p>",
        "life_stages": ["zwangerschap-geboorte", "ouders"],
        "prevention_levels": ["universeel"],
        "settings": ["Verloskundigenpraktijk"],
        "domains": ["Jeugdgezondheidszorg en geboortezorg"],
        "themes": ["eerste 1000 dagen", "groepszorg", "ouderschap"],
        "steps": [
            ("Individuele intake", "Eerste gesprek met de eigen verloskundige."),
            ("Groepsbijeenkomsten", "9 bijeenkomsten van 2 uur met 8–14 zwangeren; de controles gebeuren in de groep."),
            ("Laatste maand individueel", "De laatste controles zijn weer één op één."),
            ("Terugkombijeenkomst", "Na de bevalling komt de groep nog één keer samen, met de baby’s."),
        ],
        "elements": [
            "Tijd voor vragen en uitwisseling naast de medische controle.",
            "Een vaste groep die na de zwangerschap contact houdt.",
        ],
        "evidence": [("goed-onderbouwd", "Erkenningscommissie Interventies", "recognised", "")],
        "dosage": "Groepen van 8 tot 14 zwangeren, 9 bijeenkomsten van 2 uur.",
        "reach": "In Huizen kiest ongeveer 70% van de zwangeren in de praktijk voor de groepszorg.",
        "cost": "De reguliere vergoeding dekt de groepszorg niet; Huizen subsidieert de praktijk.",
        "origin": "Verenigde Staten",
    },
    "centeringparenting": {
        "title": "CenteringParenting",
        "kind": "intervention",
        "summary": "Het vervolg op CenteringPregnancy: consultatiebureaubezoeken in het eerste levensjaar in groepsverband.",
        "aim": "<p>Ouders samen laten leren over de ontwikkeling van hun baby en het contact uit de zwangerschapsgroep voortzetten.</p>",
        "target_group": "<p>Ouders met een baby in het eerste levensjaar, bij voorkeur uit dezelfde CenteringPregnancy-groep.</p>",
        "age_min": 0,
        "age_max": 1,
        "life_stages": ["0-4", "ouders"],
        "prevention_levels": ["universeel"],
        "settings": ["Consultatiebureau"],
        "domains": ["Jeugdgezondheidszorg en geboortezorg"],
        "themes": ["eerste 1000 dagen", "groepszorg"],
        "origin": "Verenigde Staten",
    },
    "voorzorg": {
        "title": "VoorZorg",
        "kind": "intervention",
        "summary": (
            "Een speciaal opgeleide jeugdverpleegkundige begeleidt kwetsbare vrouwen die hun eerste kind "
            "verwachten, vanaf de zwangerschap tot het kind twee jaar is."
        ),
        "aim": "<p>Kindermishandeling voorkomen en moeder en kind een goede start geven, zodat de moeder ook zelf verder komt.</p>",
        "target_group": "<p>Vrouwen die zwanger zijn van hun eerste kind en duidelijke risicofactoren hebben, zoals armoede of eerdere jeugdzorg.</p>",
        "age_min": 0,
        "age_max": 2,
        "life_stages": ["zwangerschap-geboorte", "0-4", "ouders"],
        "prevention_levels": ["selectief"],
        "settings": ["Thuis"],
        "domains": ["Jeugdgezondheidszorg en geboortezorg"],
        "themes": ["eerste 1000 dagen", "kindermishandeling", "tienermoeders"],
        "elements": [
            "Huisbezoeken door een vaste verpleegkundige.",
            "Praktische hulp, zoals samen de post openen en meegaan naar afspraken.",
        ],
        "evidence": [("effectief-goede-aanwijzingen", "Erkenningscommissie Interventies", "recognised", "")],
        "dosage": "Huisbezoeken vanaf de zwangerschap tot het kind 2 jaar is.",
        "reach": "Meer dan 50 gemeenten zijn met VoorZorg begonnen (Van nul tot later, p. 47).",
        "origin": "Verenigde Staten (Nurse Family Partnership)",
    },
    "triple-p": {
        "title": "Triple P",
        "acronym": "Triple P",
        "kind": "intervention",
        "summary": "Positive Parenting Program: trainingen positief opvoeden voor ouders, op verschillende niveaus van intensiteit.",
        "aim": "<p>Emotionele en gedragsproblemen bij kinderen voorkomen door ouders positieve opvoedvaardigheden te leren.</p>",
        "target_group": "<p>Ouders van kinderen van 0 tot 16 jaar met opvoedvragen.</p>",
        "age_min": 0,
        "age_max": 16,
        "life_stages": ["ouders", "4-12", "0-4"],
        "prevention_levels": ["universeel", "selectief"],
        "settings": ["School", "Buurthuis", "Moskee"],
        "domains": ["Jeugdhulp", "Welzijn"],
        "themes": ["opvoedondersteuning", "positief opvoeden"],
        "evidence": [("effectief-eerste-aanwijzingen", "Erkenningscommissie Interventies", "recognised", "")],
        "dosage": "Bij Omnia in Eindhoven: 8 groepsbijeenkomsten.",
        "origin": "Australië",
    },
    "rots-en-water": {
        "title": "Rots en Water",
        "kind": "training",
        "summary": "Een weerbaarheidstraining waarin kinderen met oefeningen leren stevig te staan (rots) en mee te bewegen (water).",
        "aim": "<p>Kinderen weerbaarder maken en ze leren omgaan met hun emoties en met druk van anderen.</p>",
        "target_group": "<p>Kinderen in het basisonderwijs; in Eindhoven vooral jongens met een migratieachtergrond.</p>",
        "age_min": 8,
        "age_max": 12,
        "life_stages": ["4-12"],
        "prevention_levels": ["universeel"],
        "settings": ["School"],
        "domains": ["Onderwijs", "Welzijn"],
        "themes": ["weerbaarheid", "sociaal-emotionele vaardigheden"],
        "evidence": [("goed-onderbouwd", "Erkenningscommissie Interventies", "recognised", "")],
        "dosage": "Groepstraining in de klas; in de Eindhovense pilot 2 klassen met 2 trainsters.",
    },
    "peutersport": {
        "title": "Peutersport",
        "kind": "intervention",
        "summary": "Beweegactiviteiten voor jonge kinderen met overgewicht, met aandacht voor de opvoedvragen van hun ouders.",
        "aim": "<p>Jonge kinderen meer laten bewegen en hun ouders steunen bij gezonde leefstijl en opvoeding.</p>",
        "target_group": "<p>Ouders met kinderen van 0 tot 5 jaar met overgewicht.</p>",
        "age_min": 0,
        "age_max": 5,
        "life_stages": ["0-4", "ouders"],
        "prevention_levels": ["selectief"],
        "settings": ["Buurthuis"],
        "domains": ["Jeugdgezondheidszorg en geboortezorg", "Welzijn"],
        "themes": ["overgewicht", "bewegen"],
    },
    "sterk-in-de-klas": {
        "title": "Sterk in de Klas",
        "kind": "approach",
        "summary": "Jeugdhulp die de school binnenkomt: ondersteuning voor leerlingen, leerkrachten en ouders zonder aparte verwijzing.",
        "aim": "<p>Leerlingen met gedrags- of ontwikkelingsvragen snel en dichtbij helpen, zodat ze in het gewone onderwijs kunnen blijven.</p>",
        "target_group": "<p>Leerlingen in het basisonderwijs en hun leerkrachten.</p>",
        "age_min": 4,
        "age_max": 12,
        "life_stages": ["4-12"],
        "prevention_levels": ["selectief"],
        "settings": ["School"],
        "domains": ["Onderwijs", "Jeugdhulp"],
        "themes": ["passend onderwijs", "jeugdhulp op school"],
    },
    "ggz-op-school": {
        "title": "GGZ op School",
        "kind": "approach",
        "summary": "Een ggz-hulpverlener werkt op school: observeren in de klas, coachen van de leraar en korte behandeling dichtbij.",
        "aim": "<p>Psychische problemen vroeg herkennen en op school aanpakken, zodat zware zorg later minder nodig is.</p>",
        "target_group": "<p>Leerlingen met (vermoedens van) psychische problemen, zoals angst, ADHD of autisme.</p>",
        "age_min": 4,
        "age_max": 12,
        "life_stages": ["4-12"],
        "prevention_levels": ["geindiceerd"],
        "settings": ["School"],
        "domains": ["Onderwijs", "Jeugdhulp"],
        "themes": ["jeugd-ggz", "jeugdhulp op school"],
    },
    "moeders-van-rotterdam": {
        "title": "Moeders van Rotterdam",
        "kind": "intervention",
        "summary": (
            "Frontlijnwerkers begeleiden kwetsbare zwangere vrouwen uit achterstandswijken: eerst crises oplossen "
            "en stress verlagen, dan vaardigheden leren en na de geboorte werken aan hechting."
        ),
        "aim": "<p>Schade aan het ongeboren kind door armoede en stress voorkomen en moeders zelfredzaam maken.</p>",
        "target_group": "<p>Zwangere vrouwen in Rotterdamse achterstandswijken met sociale problemen; ziekenhuizen en verloskundigen melden direct aan.</p>",
        "life_stages": ["zwangerschap-geboorte", "0-4", "ouders"],
        "prevention_levels": ["selectief"],
        "settings": ["Thuis"],
        "domains": ["Jeugdgezondheidszorg en geboortezorg", "Werk en inkomen", "Wonen"],
        "themes": ["armoede", "eerste 1000 dagen", "frontlijnwerk"],
        "steps": [
            ("Zo vroeg mogelijke intake", "Een analyse op alle leefgebieden en een plan met concrete stappen."),
            ("Crises oplossen", "Inkomen, huisvesting en babyspullen regelen om de stress te verlagen."),
            (
                "Vaardigheden leren",
                "Pas als de acute problemen zijn opgelost: omgaan met geld, instanties en boodschappen.",
            ),
            ("Hechting", "Na de geboorte ligt de nadruk op een goede band tussen moeder en kind."),
        ],
        "elements": [
            "Een brede blik op alle leefgebieden en alle gezinsleden.",
            "Planmatig en stap voor stap werken.",
            "Compassie: begrijpen wat armoede en stress met het denken doen.",
        ],
        "developer_name": "Bureau Frontlijn, gemeente Rotterdam",
        "origin": "Rotterdam (bureau Frontlijn, sinds 2006)",
    },
    "social-brokers": {
        "title": "Social Brokers",
        "kind": "approach",
        "summary": "Mensen die jongeren informeel helpen – trainers, buren, familie – herkennen, bedanken en versterken.",
        "aim": "<p>Het natuurlijke vangnet rond jongeren versterken, zodat problemen klein blijven en professionele hulp minder nodig is.</p>",
        "target_group": "<p>Het informele netwerk rond jongeren: familie, vrienden, trainers, winkeliers.</p>",
        "life_stages": ["12-18", "buurt"],
        "prevention_levels": ["universeel"],
        "settings": ["Straat", "Online"],
        "domains": ["Welzijn"],
        "themes": ["informeel netwerk", "eigen kracht"],
        "elements": [
            "Erkenning en bewustwording van de eigen rol.",
            "Ludieke acties op hotspots zoals winkelcentra en sportclubs.",
            "Gelegenheidsteams van vrijwilligers met coaching.",
        ],
        "developer_name": "Innovatiebureau Big Thinking",
    },
    "buurbook": {
        "title": "BUURbook",
        "kind": "instrument",
        "summary": "Een lokaal online platform waarop professionals, bewoners en ondernemers hun activiteiten en aanbod laten zien.",
        "aim": "<p>Het aanbod in de wijk zichtbaar maken, zodat professionals en bewoners het gewone aanbod beter benutten.</p>",
        "target_group": "<p>Professionals in jeugd en preventie, en inmiddels ook bewoners van de buurt.</p>",
        "life_stages": ["professionals", "buurt"],
        "prevention_levels": ["universeel"],
        "settings": ["Online"],
        "domains": ["Welzijn"],
        "themes": ["sociale kaart", "participatie"],
        "origin": "Landelijk platform; in Holland Rijnland sinds 2015.",
    },
    "kids-en-koffie": {
        "title": "Kids & Koffie",
        "kind": "approach",
        "summary": "Een wekelijkse inloopochtend voor ouders en verzorgers van jonge kinderen op een vertrouwde plek, met af en toe een spreker.",
        "aim": "<p>Ouders met elkaar in contact brengen, hun netwerk vergroten en vragen vroeg opvangen.</p>",
        "target_group": "<p>Ouders, grootouders en verzorgers van kinderen van 0 tot 4 jaar.</p>",
        "age_min": 0,
        "age_max": 4,
        "life_stages": ["0-4", "ouders"],
        "prevention_levels": ["universeel"],
        "settings": ["Kinderboerderij"],
        "domains": ["Welzijn", "Jeugdgezondheidszorg en geboortezorg"],
        "themes": ["ontmoeting", "opvoedondersteuning"],
        "dosage": "Elke maandag van 9.30 tot 11.00 uur, met 3 vrijwilligers.",
    },
    "ppd-talents": {
        "title": "PPD Talents",
        "kind": "intervention",
        "summary": "Een traject van ongeveer vier maanden in een professionele studio voor talentvolle jongeren die in de problemen zitten.",
        "aim": "<p>Talent ontwikkelen en via muziek structuur, zelfvertrouwen en vaardigheden voor school en werk opbouwen.</p>",
        "target_group": "<p>Gemotiveerde jongeren met talent voor hiphop, producen of dj-en en problemen thuis, op school of op straat.</p>",
        "life_stages": ["12-18", "18-23"],
        "prevention_levels": ["selectief"],
        "settings": ["Studio", "Jongerencentrum"],
        "domains": ["Welzijn"],
        "themes": ["talentontwikkeling", "jongerenwerk", "muziek"],
        "dosage": "Groepjes van 4 jongeren, ongeveer 4 maanden, minstens 10 uur per week.",
        "cost": "€ 800 tot € 1.000 per jongere (Van nul tot later, p. 15).",
    },
    "samen-veilig-stap-voor-stap": {
        "title": "Samen Veilig Stap voor Stap",
        "acronym": "SVSS",
        "kind": "approach",
        "summary": (
            "Een oplossingsgerichte werkwijze in de jeugdbescherming, verwant aan Signs of Safety: gezin en netwerk "
            "maken samen met de professional een veiligheidsplan."
        ),
        "aim": "<p>De veiligheid van kinderen borgen door de krachten van het gezin en zijn omgeving te benutten.</p>",
        "target_group": "<p>Gezinnen in de jeugdbescherming en de professionals die met hen werken.</p>",
        "life_stages": ["ouders", "professionals"],
        "prevention_levels": ["geindiceerd"],
        "settings": ["Thuis"],
        "domains": ["Jeugdhulp", "Veiligheid"],
        "themes": ["jeugdbescherming", "eigen kracht", "oplossingsgericht werken"],
        "origin": "Verwant aan Signs of Safety (Australië)",
        "publications": ["eigen-kracht-in-de-jeugdbescherming"],
    },
    "vraaganalyse-instrument-vai": {
        "title": "Vraaganalyse-instrument",
        "acronym": "VAI",
        "kind": "instrument",
        "summary": (
            "Een vragenset die wijkteammedewerkers helpt de situatie van een gezin breed in kaart te brengen: "
            "wonen en werk, welzijn van de volwassenen en ontwikkeling van de kinderen."
        ),
        "aim": "<p>Risico’s en sterke kanten vroeg zien, samen met de klant een plan maken en goed onderbouwd doorverwijzen.</p>",
        "target_group": "<p>Medewerkers en leiders van de Rotterdamse wijkteams, en via hen gezinnen met vragen op meerdere leefgebieden.</p>",
        "life_stages": ["professionals"],
        "prevention_levels": ["selectief"],
        "settings": ["Wijkteam"],
        "domains": ["Jeugdhulp", "Welzijn"],
        "themes": ["vraagverheldering", "wijkteams"],
        "elements": [
            "Gebaseerd op het Engelse Framework for the Assessment of Children in Need and their Families.",
            "Hulpmiddelen zoals een maandbegroting en netwerkkaart.",
            "Analyse met de draagkracht-draaglastmethode.",
        ],
        "developer_name": "Yulius, in opdracht van de gemeente Rotterdam",
        "trainings": [
            {
                "name": "Training toepassing VAI (één dag)",
                "provider": "Gemeente Rotterdam, Horizon en Yulius",
                "accredited": True,
                "accreditation": "Geaccrediteerd; 44 trainingen voor 708 wijkteammedewerkers en -leiders",
            },
        ],
        "reach": "Alle Rotterdamse wijkteams getraind: 44 trainingen voor 708 medewerkers en leiders (ST-RAW Jaarboek 2018).",
        "publications": ["vraagverheldering-door-de-wijkteams"],
    },
    "mijn-pad": {
        "title": "Mijn Pad",
        "kind": "instrument",
        "summary": (
            "Een werkboek en app waarmee jongeren zelf kiezen over welke levensgebieden ze praten, scoren hoe "
            "tevreden ze zijn en stap voor stap een eigen plan maken."
        ),
        "aim": "<p>Jongeren regie geven over hun eigen hulpverlening en hun netwerk erbij betrekken.</p>",
        "target_group": "<p>Jongeren zonder duidelijk verwoorde hulpvraag, eerst in de gesloten jeugdhulp en nu ook via wijkteams.</p>",
        "age_min": 12,
        "age_max": 23,
        "life_stages": ["12-18", "18-23"],
        "prevention_levels": ["selectief", "geindiceerd"],
        "settings": ["Wijkteam", "Online"],
        "domains": ["Jeugdhulp"],
        "themes": ["eigen regie", "wijkteams"],
        "developer_name": "Hogeschool Rotterdam (Bramsen, Kuiper, Cardol) met jongeren en professionals",
        "trainings": [
            {
                "name": "Ontdek Mijn Pad!",
                "provider": "Hogeschool Rotterdam (ST-RAW)",
                "accredited": True,
                "accreditation": "SKJ",
            },
        ],
        "reach": "13 jongeren werkten met Mijn Pad; bij 6 van hen deed iemand uit het netwerk mee (ST-RAW Jaarboek 2018).",
        "publications": ["ruimte-voor-regie-met-mijn-pad"],
    },
}
