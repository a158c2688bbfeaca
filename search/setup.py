"""The starting set of synonyms and abbreviations (DOMAIN.md §5); editors extend it in the admin.

`python manage.py setup_site` runs `ensure_synonyms`. Once there are synonyms they belong to the
editors (Admin → Synoniemen): a set they changed or removed because it gave wrong results must
not come back on the next deploy, so only an empty synonym list gets the starting set.
"""

from .models import Synonym

# Abbreviations from the seeds that the first starting set missed (issue 17: an acronym finds its
# expansion and the other way round). Existing sites get them once from migration 0006.
ACRONYM_SETS = [
    "SDT, Samen DOEN-team, buurtteam Samen DOEN",
    "ZAT, zorg- en adviesteam, zorg en advies team",
    "RET, rationeel-emotieve therapie",
    "NJi, Nederlands Jeugdinstituut",
    "FACT, Flexible Assertive Community Treatment",
    "IVO, Instituut voor Onderzoek naar Leefwijzen en Verslaving",
    "mbo, middelbaar beroepsonderwijs",
]

SYNONYM_SETS = [
    ("wijkteam, buurtteam, sociaal wijkteam, sociaal team, gebiedsteam", "Lokale teams"),
    ("jeugd- en gezinsteam, ouder- en kindteam, OKT, CJG-team", "Lokale teams voor gezinnen"),
    ("jongvolwassenen, 18-23-jarigen, 18+", ""),
    ("overgang 18-/18+, 18 worden, verlengde jeugdhulp", ""),
    ("schooluitval, voortijdig schoolverlaten, VSV, voortijdig schoolverlaters, thuiszitter", ""),
    ("spijbelen, schoolverzuim, verzuim", ""),
    ("brugklas, eerste klas", ""),
    ("middelbare school, voortgezet onderwijs, vo", ""),
    ("jongerencentrum, jeugdsoos, jeugdsozen, jongerenwerk", ""),
    ("tienermoeder, jonge moeder, zwangere jongere, tienerzwangerschap", ""),
    ("LVB, licht verstandelijke beperking", "Afkorting"),
    ("jeugd-GGZ, geestelijke gezondheidszorg jeugd, GGZ", ""),
    ("schuldhulpverlening, schulddienstverlening, schuldsanering", ""),
    ("dakloos, thuisloos, zwerfjongeren", ""),
    ("eigen kracht, zelfredzaamheid, eigen regie", ""),
    ("outreachend, vindplaatsgericht", ""),
    ("zuipkeet, zuipketen, drinkkeet", "Onregelmatig meervoud"),
    ("loverboy, lover boy, mensenhandel", "Spellingsvariant"),
    ("sociaal-emotioneel, sociaalemotioneel, sociaal emotioneel", "Schrijfwijzen"),
    ("ouder- en kindcoach, ouderkindcoach, ouder-kindcoach", "Schrijfwijzen"),
    ("CJG, Centrum voor Jeugd en Gezin", "Afkorting"),
    ("GGD, gemeentelijke gezondheidsdienst", "Afkorting"),
    ("JGZ, jeugdgezondheidszorg", "Afkorting"),
    ("SMW, schoolmaatschappelijk werk", "Afkorting"),
    ("OKA, ouder- en kindadviseur", "Afkorting"),
    ("GI, gecertificeerde instelling", "Afkorting"),
    ("RIBW, regionale instelling voor beschermd wonen", "Afkorting"),
    ("SKJ, Stichting Kwaliteitsregister Jeugd", "Afkorting"),
    ("Wmo, Wet maatschappelijke ondersteuning", "Afkorting"),
    ("VAI, Vraaganalyse-instrument, vraaganalyse", "Afkorting"),
    ("JIT, Jongeren Interventie Team", "Afkorting"),
    ("Triple P, Positive Parenting Program", "Methode"),
    ("CenteringPregnancy, Centering Pregnancy, groepszorg zwangerschap", "Methode"),
    ("VoorZorg, Nurse Family Partnership", "Methode"),
    ("zwangere, zwangerschap, aanstaande moeder", ""),
    ("opvoedondersteuning, opvoedingsondersteuning, opvoedcursus, opvoedingscursus", ""),
    ("armoede, minima, gezinnen in armoede", ""),
    *[(terms, "Afkorting") for terms in ACRONYM_SETS],
]


def ensure_synonyms(log=lambda message: None):
    if Synonym.objects.exists():
        return
    for terms, note in SYNONYM_SETS:
        Synonym.objects.create(terms=terms, note=note)
    log(f"Synoniemen: {len(SYNONYM_SETS)} aangemaakt.")
