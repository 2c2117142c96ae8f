"""German strings drawn on the map itself (layers, legend, tooltips): one place for them.

The JavaScript glue (static/quartiersatlas.js) contains no German text; everything it
shows arrives from here as data. Templates use str.format placeholders.
"""

# Layer control
LAYER_DISTRICTS = "Stadtteile (Indikator)"
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
CLUSTER_TIP = "{n} Angebote – zum Vergrößern klicken"
