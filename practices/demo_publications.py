"""Demo research publications: the seed 002 study and four seed 004 reports with their reflections."""

SEED_002 = "Jongeren & wijkteams (verkennend onderzoek, 2016)"
SEED_004 = "ST-RAW Jaarboek 2018"

PUBLICATIONS = {
    "jongeren-en-wijkteams": {
        "owner": "Hogeschool Inholland",
        "title": "Jongeren & wijkteams",
        "subtitle": "Verkennend onderzoek in Amsterdam, Haarlem en Rotterdam naar wijkgerichte steun aan jongeren en jongvolwassenen in het sociale domein",
        "publication_type": "exploratory",
        "publication_year": 2016,
        "summary": (
            "Drie lectoraten brachten in kaart hoe Amsterdam, Haarlem en Rotterdam de zorg en steun voor jongeren "
            "van 12 tot 23 jaar hebben ingericht sinds Jeugdwet, Participatiewet en Wmo in 2015 ingingen, en welke "
            "plek de wijkteams daarin hebben."
        ),
        "research_period": "september 2015 – juni 2016",
        "institutions_text": "Lectoraat Maatschappelijk Werk\nLectoraat Dynamiek van de Stad\nLectoraat Leefwerelden van Jeugd\nOnderzoeksgroep Welzijn, domein Gezondheid, Sport en Welzijn",
        "authors": "Drie onderzoekers en drie lectoren van de betrokken lectoraten",
        "funders": "Wmo-werkplaatsen Noord-Holland en Rotterdam (VWS)\nJeugdwerkplaatsen DWARS-plus en KeTJA (ZonMw)",
        "cities": "Amsterdam (o.a. Bos en Lommer)\nHaarlem\nRotterdam",
        "ages": "12–23 jaar",
        "age_min": 12,
        "age_max": 23,
        "life_stages": ["12-18", "18-23", "professionals"],
        "laws": "Jeugdwet, Participatiewet, Wmo 2015",
        "themes": ["wijkteams", "18-/18+", "transformatie"],
        "questions": [
            "Welke rol vervullen sociale wijkteams in de lokale infrastructuur van zorg en steun voor jongeren van 12 tot 23 jaar?",
            "Hoe is die infrastructuur ingericht, en waar zijn taken als jeugdzorg, onderwijs, werk en inkomen belegd?",
            "Welke positie hebben wijkteams: welk type team, welke samenstelling, hoe werken ze samen met jongeren en mede-opvoeders?",
            "Welke verschillen, overeenkomsten, knelpunten en veelbelovende ervaringen zijn er tussen de drie steden?",
        ],
        "methods_used": "<p>Documentstudie, interviews met 38 informanten (van wijkteamprofessional tot beleidsadviseur) en een portret van één wijkteam per stad.</p>",
        "findings": (
            "<p>Het nieuwe stelsel blijkt complexer dan verwacht en verschilt sterk tussen en binnen de steden. Zelfs "
            "de betrokkenen hebben maar ten dele zicht op het geheel. Voor jongeren na hun 18e ontbreekt nog "
            "continuïteit in de zorg.</p>"
        ),
        "dilemmas": (
            "<p>Verplichte registratie schrikt zorgmijdende jongeren af; procedures voor aanmelding en intake vertragen; "
            "casusregie volgens ‘één gezin, één plan, één regisseur’ komt moeilijk van de grond door personeelswisselingen "
            "en sturing vanuit meerdere moederorganisaties.</p>"
        ),
        "recommendations": (
            "<p>Vervolgonderzoek met een praktijkgericht karakter: welke groepen jongeren blijven buiten beeld, en welke "
            "voorbeelden van outreachend contact met kwetsbare jongeren zijn te benutten?</p>"
        ),
        "figures": [
            ("informanten geïnterviewd", "38", "informanten", 2016, f"{SEED_002}, paragraaf 3.3"),
            ("Ouder- en Kindteams in Amsterdam", "27", "teams", 2015, f"{SEED_002}, paragraaf 2.4"),
            ("integrale wijkteams in Rotterdam", "42", "teams", 2015, f"{SEED_002}, paragraaf 2.4"),
        ],
        "validity_note": "Illustratief en indicatief, niet representatief: het beeld geeft de situatie in 2015–2016 weer, in een stelsel dat volop in beweging is.",
    },
    "tussenmeting-rotterdams-jeugdstelsel-2016": {
        "owner": "ST-RAW, academische werkplaats Rotterdam",
        "title": "Continuïteit en een begin van transformatie",
        "subtitle": "Tussenmeting Evaluatie Nieuw Rotterdams Jeugdstelsel 2016",
        "publication_type": "evaluation",
        "publication_year": 2018,
        "summary": (
            "Een jaar na de decentralisatie zijn de structuren in Rotterdam veranderd, maar lijken de praktijk en de "
            "resultaten nog sterk op die van daarvoor. De meerjarige evaluatie volgt cliënten, professionals, "
            "managers en beleidsmakers in de hele jeugdhulpketen."
        ),
        "research_period": "nulmeting 2014, tussenmeting 2016, eindmeting 2018",
        "institutions_text": "Gemeente Rotterdam, afdeling Onderzoek & Business Intelligence",
        "authors": "Justine Anschutz\nToine Wentink",
        "cities": "Rotterdam",
        "life_stages": ["0-4", "4-12", "12-18", "18-23", "ouders"],
        "laws": "Jeugdwet",
        "themes": ["evaluatie jeugdstelsel", "eigen kracht", "wijkteams"],
        "findings": (
            "<p>Van de beoogde verschuiving naar lichtere hulp is nog weinig te zien. Wel nam het aantal jongeren met "
            "een ondertoezichtstelling of jeugdreclassering sinds 2013 flink af, groeide het bereik van het "
            "schoolmaatschappelijk werk en komt basishulp sneller op gang.</p>"
        ),
        "recommendations": (
            "<p>Meer duidelijkheid over doelen en taken in de keten; netwerkvorming met huisartsen, kinderopvang en "
            "woningcorporaties; laagdrempelige groepsaanbod op wijkniveau; een lerende organisatie en betere triage.</p>"
        ),
        "figures": [
            ("afname ondertoezichtstellingen sinds 2013", "14", "%", 2016, SEED_004),
            ("afname jeugdreclassering sinds 2013", "19", "%", 2016, SEED_004),
            ("cliënten tevreden over de hulp", "9 van 10", "cliënten", 2016, SEED_004),
            ("gemiddelde wachttijd nieuwe cliënten", "1,8", "maanden", 2016, SEED_004),
        ],
        "validity_note": "Tussenmeting: de eindmeting van 2018 volgt nog.",
        "reflections": [
            (
                "Bram Steijn",
                "hoogleraar HRM in de publieke sector, Erasmus Universiteit Rotterdam",
                "research",
                "Veranderen kost tijd",
                (
                    "<p>Hervormingen worden bijna altijd overschat in hun snelheid: mensen gaan niet van de ene dag op de "
                    "andere anders werken. Werken in teams vraagt bovendien om goede leiding, samenstelling en stabiliteit. "
                    "En wie decentraliseert, krijgt verscheidenheid; daar met bureaucratie grip op zoeken, staat haaks op "
                    "leren. Leer daarom ook van hoe andere gemeenten het doen.</p>"
                ),
            ),
        ],
    },
    "eigen-kracht-in-de-jeugdbescherming": {
        "owner": "ST-RAW, academische werkplaats Rotterdam",
        "title": "Eigen kracht bevorderen in de jeugdbescherming, een reis op zich",
        "subtitle": "De implementatie van Samen Veilig Stap voor Stap bij Jeugdbescherming Rotterdam Rijnmond",
        "publication_type": "implementation",
        "publication_year": 2018,
        "summary": (
            "Hoe ervaren professionals de invoering van een oplossingsgerichte werkwijze in de jeugdbescherming? "
            "Professionals voelen zich competent en willen veranderen, maar voelen de noodzaak minder en worden te "
            "weinig gefaciliteerd door hun organisatie."
        ),
        "research_period": "voorjaar 2015",
        "institutions_text": "Nederlands Jeugdinstituut\nErasmus School of Health Policy & Management",
        "authors": "Brigit Rijbroek (NJi)\nMathilde Strating (Erasmus School of Health Policy & Management)",
        "funders": "ZonMw",
        "cities": "Rotterdam",
        "life_stages": ["professionals"],
        "themes": ["jeugdbescherming", "implementatie", "oplossingsgericht werken"],
        "methods_used": "<p>Vragenlijst onder 138 professionals over competenties, veranderbereidheid en steun van team, organisatie en context, met het Meetinstrument voor Determinanten van Innovaties (MIDI).</p>",
        "findings": (
            "<p>Getrainde en ongetrainde professionals voelen zich even competent, maar getrainden passen de werkwijze "
            "vaker toe. Teams zijn reflectief, maar hun potentieel wordt niet benut voor de invoering.</p>"
        ),
        "recommendations": "<p>Een vervolgimplementatie op meerdere niveaus tegelijk, met meer facilitering door de organisatie en doorlopende monitoring.</p>",
        "figures": [("professionals bevraagd", "138", "professionals", 2015, SEED_004)],
        "reflections": [
            (
                "Anja Bremer",
                "Raad voor de Kinderbescherming, regio Rotterdam-Dordrecht",
                "management",
                "Tijd en ruimte in een tijd van wachtlijsten",
                (
                    "<p>Professionals willen wel veranderen, maar zien de noodzaak niet: het gaat toch goed? Naast tijd en "
                    "ruimte hebben ze ook verleiding nodig om iets nieuws te proberen, zodat nieuwe overtuigingen kunnen "
                    "groeien.</p>"
                ),
            ),
            (
                "Rajinder Poetai",
                "jongerencoach",
                "practice",
                "Wie getraind is, doet het",
                "<p>Opvallend is dat ook wie geen training volgde zich competent voelt, terwijl alleen de getrainden de werkwijze echt toepassen. Training overtuigt.</p>",
            ),
        ],
    },
    "vraagverheldering-door-de-wijkteams": {
        "owner": "ST-RAW, academische werkplaats Rotterdam",
        "title": "Vraagverheldering door de wijkteams",
        "subtitle": "Gebruikerservaringen met het vraaganalyse-instrument (VAI)",
        "publication_type": "user_study",
        "publication_year": 2018,
        "summary": (
            "Wijkteammedewerkers zijn positief over de steun die het VAI geeft bij breed uitvragen, maar het "
            "gedachtegoed erachter is nog onvoldoende op de werkvloer geland."
        ),
        "research_period": "november 2016 – februari 2017",
        "institutions_text": "Yulius Academie\nGemeente Rotterdam, onderzoeksafdeling",
        "authors": "Ingrid Kruizinga (Yulius Academie)",
        "cities": "Rotterdam",
        "life_stages": ["professionals"],
        "themes": ["vraagverheldering", "wijkteams"],
        "methods_used": "<p>Interviews met 26 wijkteammedewerkers en 5 wijkteamleiders uit 15 wijkteams.</p>",
        "findings": (
            "<p>Het is voor sommigen onduidelijk welke onderdelen verplicht zijn en hoe het VAI zich verhoudt tot andere "
            "instrumenten. Medewerkers vinden het lastig de brede uitvraag tegenover de klant te verantwoorden en een "
            "samenhangende analyse te maken.</p>"
        ),
        "recommendations": "<p>Investeren in professionalisering, het VAI opnemen in een nieuw registratiesysteem en de besluitvorming in wijkteams verder onderzoeken.</p>",
        "figures": [
            ("VAI-trainingen gegeven", "44", "trainingen", None, SEED_004),
            ("wijkteammedewerkers en -leiders getraind", "708", "mensen", None, SEED_004),
            ("geïnterviewde medewerkers en leiders", "26 + 5", "mensen", 2017, SEED_004),
        ],
        "validity_note": "Kleine steekproef in verhouding tot alle Rotterdamse wijkteammedewerkers; situatie eind 2016 – begin 2017.",
        "reflections": [
            (
                "Berend Veerbeek",
                "wijkteamleider Rotterdam",
                "management",
                "Kennis en oefening",
                "<p>De juiste vragen stellen vraagt kennis van wat probleemgedrag veroorzaakt en in stand houdt, en veel oefening. De gedragsdeskundige van het team en terugkerende gesprekstrainingen met acteurs kunnen daarbij helpen.</p>",
            ),
            (
                "Rowan den Hollander",
                "wijkteammedewerker",
                "practice",
                "Een hulpmiddel, geen vragenlijst",
                "<p>In de workshop leerden we het VAI te gebruiken om in te zoomen op wat de cliënt vertelt. Jammer dat bij de invoering de boodschap was dat alle vragen één voor één moeten worden doorlopen.</p>",
            ),
        ],
    },
    "ruimte-voor-regie-met-mijn-pad": {
        "owner": "ST-RAW, academische werkplaats Rotterdam",
        "title": "Ruimte voor regie met Mijn Pad",
        "subtitle": "Een nieuwe tool die jongeren een stem geeft",
        "publication_type": "practice",
        "publication_year": 2018,
        "summary": "Eerste ervaringen met de SKJ-geaccrediteerde training ‘Ontdek Mijn Pad!’ voor jeugdhulpverleners in wijkteams, en twee dilemma’s: sturen of loslaten, en sociaal wenselijke antwoorden.",
        "institutions_text": "Hogeschool Rotterdam\nHorizon Jeugdzorg & Onderwijs",
        "authors": "Inge Bramsen\nChris Kuiper\nMieke Cardol",
        "cities": "Rotterdam",
        "age_min": 12,
        "age_max": 23,
        "life_stages": ["12-18", "18-23", "professionals"],
        "themes": ["eigen regie", "wijkteams"],
        "findings": "<p>Hoe meer de coach de regie bij de jongere laat, hoe vloeiender het gesprek en hoe meer de jongere zelf inbrengt.</p>",
        "figures": [
            ("jongeren die met Mijn Pad werkten", "13", "jongeren", None, SEED_004),
            ("jongeren bij wie iemand uit het netwerk meedeed", "6", "jongeren", None, SEED_004),
            ("coaches nu in training", "16", "coaches", None, SEED_004),
        ],
    },
}
