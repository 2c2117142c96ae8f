"""German strings of the Lotse's address search and nearby offers (services/addresses.py,
services/nearest.py). Templates use str.format placeholders.
"""

CITY = "Bottrop"

# Address candidates (services/addresses.py, MatchKind)
MATCH_NEAREST_NUMBER = (
    "Hausnummer {requested} nicht im Adressverzeichnis – nächstgelegene Hausnummer {used}"
)
MATCH_STREET_MIDDLE = "ohne Hausnummer: Mitte der Straße"
DEMO_ADDRESSES = "Demo-Adressen (ungefähre Lage)"

# Walking distance (services/nearest.py)
DISTANCE_M = "ca. {metres} m"
DISTANCE_KM = "ca. {km} km"
WALK = "{distance}, ca. {minutes} Min. zu Fuß"

# Why a result fits (ReasonKind), and what does not fit
REASON_CHILD = "passt für das Kind ({age})"
REASON_CHILD_NOT = "nicht für das Kind ({age})"
REASON_PARENTS = "für Eltern und Familien"
REASON_NEED = "hilft bei: {label}"
REASON_LANGUAGE = "auf {language}"
REASON_LANGUAGE_MISSING = "nur {languages}"
REASON_FREE = "kostenlos"
REASON_BARRIER_FREE = "barrierefrei"
REASON_OPEN = "geöffnet {weekday} {clock} Uhr"
REASON_ON_REQUEST = "Termine nach Vereinbarung"
REASON_HOURS_UNKNOWN = "Öffnungszeiten nicht bekannt – bitte erfragen"
AGE_YEARS = "{age} J."
AGE_BABY = "unter 1 J."

# When nothing fits within the chosen distance
NOTHING_WITHIN = (
    "Im Umkreis von {distance} passt kein Angebot. Die nächsten passenden Angebote "
    "liegen weiter entfernt:"
)
NOTHING_AT_ALL = "Kein Angebot passt zu diesen Angaben – auch nicht weiter entfernt."
