"""German strings drawn on the map itself (layers, legend, tooltips): one place for them.

The JavaScript glue (static/quartiersatlas.js) contains no German text; everything it
shows arrives from here as data. Templates use str.format placeholders.
"""

# Layer control
LAYER_DISTRICTS = "Stadtteile (Indikator)"
LAYER_DISTRICTS_PLAIN = "Stadtteile"
LAYER_DISTRICT_NAMES = "Stadtteilnamen"
LAYER_OFFICES = "Quartiersbüros"
LAYER_OFFERS = "Angebote"
LAYER_TILES = "Hintergrundkarte"
LAYER_OUTLINE = "Gewählter Bezirk"
LAYER_CONTROL = "Kartenebenen"

# Leaflet's own controls
ZOOM_IN = "Vergrößern"
ZOOM_OUT = "Verkleinern"
ATTRIBUTION_PREFIX = "Leaflet"

# Legend and district tooltip
NO_DATA = "keine Daten"
LEGEND_UNIT_YEAR = "Einheit: {unit} · Stand: {year}"
LEGEND_SOURCE = "Quelle: {sources}"
LEGEND_NO_SOURCE = "Quelle: –"
SOURCE_SEPARATOR = "; "
DISTRICT_VALUE = "{indicator} {year}: {value}"
CITY_AVERAGE_WEIGHTED = "Stadtdurchschnitt (gewichtet nach Einwohnern 0–17 J.): {value}"
CITY_AVERAGE_MEAN = "Stadtdurchschnitt (Mittel der Bezirke): {value}"
LEGEND_AVERAGE_WEIGHTED = "Ø Stadt: {value} (gewichtet)"
LEGEND_AVERAGE_MEAN = "Ø Stadt: {value} (Bezirksmittel)"
# Which years' values set the class breaks (services/choropleth.py, scope)
LEGEND_CLASSES_ALL_YEARS = "Klassen fest für {first}–{last}: Jahre vergleichbar"
LEGEND_CLASSES_ONE_YEAR = "Klassen je Jahr: nur aus den Werten von {year}"

# Point layers
OFFICE_KIND = "Quartiersbüro"
DEMO_TAG = "Demo-Eintrag (erfunden)"
# in the tooltip of an offer not verified within QA_STALE_MONTHS (services/freshness.py)
STALE_TAG = "seit über {months} Monaten nicht geprüft"
CLUSTER_TIP = "{n} Angebote – zum Vergrößern klicken"
# On the map when its offer file could not be loaded (services/map/layers.offer_store)
OFFERS_NOT_LOADED = "Die Angebote konnten nicht geladen werden. Bitte laden Sie die Seite neu."

# Planning maps (pages/planung.py, the map page's optional layer)
LAYER_GAPS = "Versorgungslücken (Lückenwert)"
LAYER_SCENARIO = "Szenario: angenommene Angebote"
LAYER_REPORTED = "Gemeldete Bedarfe"
GAP_LEGEND_TITLE = "Versorgungslücke: {need}"
GAP_LEGEND_SCENARIO = "mit Szenario „{name}“ (angenommene Angebote)"
# The legend's short class labels (the long ones, services/texts/analysis.GAP_CLASS_LABELS,
# are in tooltips and exports): a legend that covers the map helps nobody on a laptop.
GAP_LEGEND_CLASSES = (
    "unter −1,5: deutlich kleiner",
    "−1,5 bis −0,5: kleiner",
    "−0,5 bis +0,5: mittel",
    "+0,5 bis +1,5: größer",
    "über +1,5: deutlich größer",
)
GAP_LEGEND_LINES = ("Lückenwert = z(Bedarf) − z(Abdeckung)", "Fußweg bis {distance} m · {ages}")
GAP_TIP_SCORE = "Lückenwert: {score} (Rang {rank} von {total})"
GAP_TIP_COVERAGE = "Abdeckung: {coverage} · {per_1000} Angebote je 1.000 Kinder"
SCENARIO_TAG = "Szenario – angenommenes Angebot, kein echtes"
SCENARIO_MARK = "S"
REPORTED_TITLE = "Gemeldete Bedarfe: {count}"
REPORTED_TITLE_NEED = "Gemeldete Bedarfe „{need}“: {count}"
REPORTED_PER_NEED = "{need} {count}"
REPORTED_PER_NEED_SEPARATOR = " · "
REPORTED_DEMO = "davon Demo-Einträge (erfunden): {count}"
REPORTED_DETAIL = "{district}, {period}"
