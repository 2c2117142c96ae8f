"""Regenerate the demo data in geodata/: districts, indicators, offices, offers, unmet needs,
addresses.

    .venv/bin/python scripts/make_demo_data.py [--out DIR] [--outline FILE]

Why a script: the demo data must be reproducible and reviewable. Everything synthetic is
derived from the tables below and fixed random seeds, so two runs write byte-identical files
and a change to the data is a change to this file. The only input file is the city outline
(geodata/outline.geojson by default), which is copied to the output unchanged.
geodata/README.md explains which figures are real, which are invented and why.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import shapely
from pyproj import Transformer
from shapely.geometry import MultiPoint, Point, mapping, shape

# Run as a plain script (the documented command), so the project root is not on sys.path.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from services.indicators import INDICATORS  # noqa: E402
from services.io.addresses import ADDRESS_COLUMNS  # noqa: E402
from services.io.columns import (  # noqa: E402
    INDICATOR_COLUMNS,
    OFFER_COLUMNS,
    OFFICE_COLUMNS,
)
from services.io.unmet_needs import UNMET_NEED_COLUMNS  # noqa: E402
from services.model import ANALYSIS_CRS, WEB_CRS, WEEKDAYS  # noqa: E402

DEFAULT_OUT = PROJECT_ROOT / "geodata"
SEED = "quartiersatlas-bottrop-demo-v1"

YEARS = (2019, 2020, 2021, 2022, 2023)
CITY_RESIDENTS_2023 = 118_705  # published, 31.12.2023
CITY_U18_2023 = 20_180  # 17 % of the residents
CITY_KINDER_BG = 20.4  # published city average (Batenbrock-Südwest figures, Sozialbericht)
CALIBRATION_YEAR = 2019  # assumed data year of the Sozialbericht 2020
DEMO_OFFER_TARGET = 180
MIN_OFFERS_PER_DISTRICT = 3

INDICATOR_SOURCE = "Demo-Daten (synthetisch, angelehnt an Sozialbericht Bottrop 2020)"
DEMO_OFFER_SOURCE = "Demo-Daten (synthetisch)"
HOURS_ON_REQUEST = "Öffnungszeiten bitte telefonisch erfragen"
ZIQ_PROGRAMME = "Zusammen im Quartier – Kinder stärken – Zukunft sichern"
ZIQ_SOURCE = "Stadt Bottrop, Webseite 'Zusammen im Quartier'"
PRESS_SOURCE = "Presseberichte (WAZ Bottrop)"

TO_METRIC = Transformer.from_crs(WEB_CRS, ANALYSIS_CRS, always_xy=True)
TO_WEB = Transformer.from_crs(ANALYSIS_CRS, WEB_CRS, always_xy=True)


# --------------------------------------------------------------------------------------
# Districts
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DistrictSpec:
    """One district of the demo division and the invented profile its figures follow.

    Name, point, Stadtbezirk and area are the shared demo_district_points.csv; everything
    else is an assumption chosen to match the published statements (see README).
    """

    id: str
    name: str
    stadtbezirk: str
    lat: float
    lon: float
    area_km2: float
    density: int  # assumed residents per km²
    u18_share: float  # assumed share of under-18s among residents
    place: str  # short place name used in offer and provider names
    postcode: str
    streets: tuple[str, ...]  # used for the (fictitious) addresses of demo offers
    kinder_bg: float  # % under 18 in Bedarfsgemeinschaften, 2023, before calibration
    single_parents: float  # % single-parent households among households with children
    unemployment: float  # % unemployed among 15- to 64-year-olds
    migration: float  # % of under-18s with migration background


# fmt: off
DISTRICTS: tuple[DistrictSpec, ...] = (
    DistrictSpec("11", "Altstadt", "Mitte", 51.5300, 6.9252, 2.2, 4500, 0.185, "Altstadt",
                 "46236", ("Hochstraße", "Kirchplatz", "Gladbecker Straße", "Altmarkt"),
                 50.0, 29.0, 15.2, 68.0),
    DistrictSpec("12", "Süd-West", "Mitte", 51.5190, 6.9216, 2.5, 4200, 0.170, "Innenstadt",
                 "46236", ("Poststraße", "Essener Straße", "Südring", "Gerichtsstraße"),
                 33.0, 25.0, 11.5, 56.0),
    DistrictSpec("13", "Nord-Ost", "Mitte", 51.5368, 6.9417, 0.9, 6500, 0.185, "Nord-Ost",
                 "46236", ("Ostring", "Horster Straße", "Lindenstraße"),
                 34.0, 26.0, 14.0, 61.0),
    DistrictSpec("21", "Fuhlenbrock-Heide", "Mitte", 51.5210, 6.9002, 1.4, 4500, 0.165,
                 "Fuhlenbrock", "46242", ("Heidestraße", "Schulstraße", "Birkenweg"),
                 11.5, 19.0, 7.0, 38.0),
    DistrictSpec("22", "Fuhlenbrock-Wald", "Mitte", 51.5391, 6.8933, 5.3, 1500, 0.160,
                 "Fuhlenbrock-Wald", "46242", ("Waldweg", "Am Sportplatz", "Eichenstraße"),
                 9.5, 17.5, 5.5, 32.0),
    DistrictSpec("31", "Stadtwald", "Mitte", 51.5515, 6.9107, 5.8, 1100, 0.160, "Stadtwald",
                 "46236", ("Scharnhölzstraße", "Kirchhellener Straße", "Parkstraße"),
                 9.0, 17.0, 4.5, 28.0),
    DistrictSpec("32", "Eigen", "Mitte", 51.5472, 6.9396, 4.4, 2600, 0.165, "Eigen",
                 "46240", ("Am Eigenen Markt", "Gartenstraße", "Feldstraße"),
                 11.0, 19.5, 7.5, 40.0),
    DistrictSpec("41", "Batenbrock-Nord", "Süd", 51.5332, 6.9490, 0.9, 6500, 0.180,
                 "Batenbrock", "46238", ("Batenbrockstraße", "Tannenstraße", "Horster Straße"),
                 21.0, 23.0, 10.0, 55.0),
    DistrictSpec("42", "Batenbrock-Süd", "Süd", 51.5232, 6.9460, 1.7, 5500, 0.190,
                 "Batenbrock-Süd", "46238", ("Prosperstraße", "Blankenstraße", "Im Beckedal"),
                 30.5, 27.0, 12.5, 63.0),
    DistrictSpec("51", "Boy", "Süd", 51.5361, 6.9726, 5.0, 2000, 0.175, "Boy",
                 "46240", ("Boyer Straße", "Am Boyer Markt", "Kirchstraße"),
                 17.5, 21.0, 9.0, 57.0),
    DistrictSpec("52", "Welheim", "Süd", 51.5281, 6.9862, 1.7, 3200, 0.185, "Welheim",
                 "46238", ("Welheimer Straße", "Gartenstadtweg", "Lerchenweg"),
                 29.0, 24.5, 13.8, 64.0),
    DistrictSpec("61", "Ebel/Welheimer Mark", "Süd", 51.5116, 6.9624, 7.4, 600, 0.175, "Ebel",
                 "46242", ("Ebelstraße", "Am Kanal", "Mühlenweg"),
                 16.0, 20.5, 9.5, 50.0),
    DistrictSpec("71", "Lehmkuhle/Vonderort", "Süd", 51.5093, 6.9235, 3.1, 1800, 0.165,
                 "Vonderort", "46242", ("Osterfelder Straße", "Bahnhofstraße", "Ringstraße"),
                 12.0, 19.0, 7.5, 42.0),
    DistrictSpec("81", "Grafenwald", "Kirchhellen", 51.5702, 6.8857, 12.2, 550, 0.175,
                 "Grafenwald", "46244",
                 ("Schneiderstraße", "Grafenwalder Straße", "Am Wäldchen"),
                 6.5, 16.0, 3.8, 22.0),
    DistrictSpec("91", "Kirchhellen-Mitte", "Kirchhellen", 51.6045, 6.9250, 0.9, 4000, 0.165,
                 "Kirchhellen", "46244", ("Hauptstraße", "Hackfurthstraße", "Kirchhellener Ring"),
                 8.5, 17.5, 4.5, 24.0),
    DistrictSpec("92", "Kirchhellen-Nord/Feldhausen", "Kirchhellen", 51.6108, 6.8996, 31.1,
                 150, 0.180, "Feldhausen", "46244", ("Feldhausener Straße", "Dorfstraße"),
                 5.0, 15.5, 3.4, 16.0),
    DistrictSpec("93", "Kirchhellen-Ost/Overhagen", "Kirchhellen", 51.6063, 6.9480, 14.3, 250,
                 0.175, "Overhagen", "46244", ("Overhagener Straße", "Am Hof", "Wiesenweg"),
                 5.5, 15.5, 3.5, 18.0),
)
# fmt: on
DISTRICTS_BY_ID = {d.id: d for d in DISTRICTS}


def to_metric(lat: float, lon: float) -> Point:
    """A WGS84 position in the metric CRS, where areas, buffers and distances are true."""
    return Point(*TO_METRIC.transform(lon, lat))


def reproject(geometry: shapely.Geometry, transformer: Transformer) -> shapely.Geometry:
    return shapely.transform(geometry, transformer.transform, interleaved=False)


def load_outline(path: Path) -> shapely.Geometry:
    """The outline's (single) feature geometry, in the metric CRS."""
    feature = json.loads(path.read_text(encoding="utf-8"))["features"][0]
    return reproject(shape(feature["geometry"]), TO_METRIC)


def district_cells(outline: shapely.Geometry) -> dict[str, shapely.Geometry]:
    """Voronoi cells of the district points clipped to the outline, in the metric CRS.

    Computed in EPSG:25832 because Voronoi cells are only fair (equidistant borders) in a
    metric CRS. A schematic cut: plain, unweighted, reproducible.
    """
    points = [to_metric(d.lat, d.lon) for d in DISTRICTS]
    cells = shapely.voronoi_polygons(MultiPoint(points), extend_to=outline, ordered=True)
    result = {}
    for spec, point, cell in zip(DISTRICTS, points, cells.geoms, strict=True):
        if not cell.contains(point):
            raise RuntimeError(f"Voronoi cell order mismatch at {spec.name}")
        result[spec.id] = cell.intersection(outline)
    return result


def web_polygon(cell: shapely.Geometry) -> shapely.Geometry:
    """A cell in WGS84 snapped to 5 decimals (about 1 m): small files, still valid."""
    snapped = shapely.set_precision(reproject(cell, TO_WEB), 1e-5)
    if snapped.geom_type not in ("Polygon", "MultiPolygon") or not snapped.is_valid:
        raise RuntimeError(f"invalid district geometry: {snapped.geom_type}")
    return snapped


def rounded_coordinates(value):
    """GeoJSON coordinates as lists, rounded to 5 decimals (hides float noise)."""
    if isinstance(value, float):
        return round(value, 5)
    return [rounded_coordinates(v) for v in value]


def districts_geojson(cells: dict[str, shapely.Geometry]) -> str:
    """One feature per line, so a change to one district is a one-line diff."""
    lines = []
    for spec in DISTRICTS:
        geometry = mapping(web_polygon(cells[spec.id]))
        feature = {
            "type": "Feature",
            "properties": {
                "id": spec.id,
                "name": spec.name,
                "stadtbezirk": spec.stadtbezirk,
                "demo": "ja",
            },
            "geometry": {
                "type": geometry["type"],
                "coordinates": rounded_coordinates(geometry["coordinates"]),
            },
        }
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    header = {
        "type": "FeatureCollection",
        "name": "Demo-Gliederung Bottrop (17 statistische Bezirke, schematisch)",
        "note": "Demo-Gliederung: Voronoi-Zellen der Bezirkspunkte, auf den Stadtumriss "
        "zugeschnitten. Nicht die amtliche Abgrenzung; IDs teils erfunden (geodata/README.md).",
    }
    opening = json.dumps(header, ensure_ascii=False, separators=(",", ":"))
    return opening[:-1] + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"


# --------------------------------------------------------------------------------------
# Indicators
# --------------------------------------------------------------------------------------

# City-wide trend per indicator, relative to 2023: the shape of the years, not the level.
TRENDS: dict[str, dict[int, float]] = {
    # Child poverty eased until 2022, then rose again with refugees arriving from Ukraine.
    "kinder_bg_u18": {2019: 1.00, 2020: 1.01, 2021: 0.99, 2022: 0.97, 2023: 1.00},
    "alleinerziehende": {2019: 0.99, 2020: 0.99, 2021: 1.00, 2022: 1.00, 2023: 1.00},
    # The pandemic raised unemployment in 2020/21.
    "arbeitslosenquote": {2019: 0.97, 2020: 1.04, 2021: 1.02, 2022: 0.98, 2023: 1.00},
    "migration_u18": {2019: 0.94, 2020: 0.95, 2021: 0.97, 2022: 0.99, 2023: 1.00},
    "einwohner_u18": {2019: 0.985, 2020: 0.987, 2021: 0.99, 2022: 1.00, 2023: 1.00},
    # All ages: a slight decline until 2021, then growth with refugees from Ukraine.
    "einwohner_gesamt": {2019: 0.992, 2020: 0.990, 2021: 0.988, 2022: 0.997, 2023: 1.00},
}
# Plausible ranges from the published figures (bottrop-facts.md); drift must not leave them.
RANGES: dict[str, tuple[float, float]] = {
    "kinder_bg_u18": (3.0, 60.0),
    "sgb2_u15": (3.0, 65.0),
    "alleinerziehende": (15.0, 30.0),
    "arbeitslosenquote": (3.0, 16.0),
    "migration_u18": (10.0, 80.0),
}
U15_RATIO = (1.05, 1.10)  # the under-15 rate runs slightly above the under-18 rate
DRIFT_SD = 0.015  # relative year-to-year random walk per district
RESIDENTS_DRIFT_SD = 0.005  # all ages move less than the children


def drift_path(rng: random.Random, sd: float = DRIFT_SD) -> dict[int, float]:
    """A small random walk back in time from 1.0 in the last year.

    Districts then do not move in lockstep, while the last year keeps the profile's level.
    """
    factor, path = 1.0, {}
    for year in reversed(YEARS):
        path[year] = factor
        factor *= 1.0 + rng.gauss(0.0, sd)
    return path


def clamp(key: str, value: float) -> float:
    """Keep a drifted value inside the indicator's plausible range."""
    low, high = RANGES[key]
    return min(max(value, low), high)


def u18_counts(rng: random.Random) -> dict[tuple[str, int], int]:
    """Under-18 residents: area × assumed density × share, scaled to the city total."""
    raw = {d.id: d.area_km2 * d.density * d.u18_share for d in DISTRICTS}
    scale = CITY_U18_2023 / sum(raw.values())
    counts = {}
    for spec in DISTRICTS:
        path = drift_path(rng)
        for year in YEARS:
            value = raw[spec.id] * scale * TRENDS["einwohner_u18"][year] * path[year]
            counts[spec.id, year] = round(value)
    return counts


def resident_counts() -> dict[tuple[str, int], int]:
    """Residents of all ages: area × assumed density, scaled to the city total of 2023.

    The same area × density as the under-18s (u18_counts), so each district's share of
    children stays near its assumed u18_share. Its own random stream, so adding it left
    every other demo figure unchanged.
    """
    rng = random.Random(f"{SEED}/residents")
    raw = {d.id: d.area_km2 * d.density for d in DISTRICTS}
    scale = CITY_RESIDENTS_2023 / sum(raw.values())
    counts = {}
    for spec in DISTRICTS:
        path = drift_path(rng, RESIDENTS_DRIFT_SD)
        for year in YEARS:
            value = raw[spec.id] * scale * TRENDS["einwohner_gesamt"][year] * path[year]
            counts[spec.id, year] = round(value)
    return counts


def profile_series(rng: random.Random, key: str, attribute: str) -> dict[tuple[str, int], float]:
    """A percentage indicator: the district's 2023 level × city trend × district drift."""
    series = {}
    for spec in DISTRICTS:
        path = drift_path(rng)
        for year in YEARS:
            value = getattr(spec, attribute) * TRENDS[key][year] * path[year]
            series[spec.id, year] = clamp(key, value)
    return series


def weighted_mean(series: dict, weights: dict, year: int) -> float:
    """City average of a rate: weighted by the under-18s, as a city-wide rate would be."""
    total = sum(weights[d.id, year] for d in DISTRICTS)
    return sum(series[d.id, year] * weights[d.id, year] for d in DISTRICTS) / total


def calibrated_child_poverty(
    rng: random.Random, u18: dict[tuple[str, int], int]
) -> dict[tuple[str, int], float]:
    """kinder_bg_u18, scaled so the city average of the calibration year is the published 20.4 %.

    The district levels come from the published statements (Altstadt one in two, Nord-Ost
    and Süd-West one in three, ...); only their common scale is calibrated.
    """
    series = profile_series(rng, "kinder_bg_u18", "kinder_bg")
    factor = CITY_KINDER_BG / weighted_mean(series, u18, CALIBRATION_YEAR)
    return {k: clamp("kinder_bg_u18", v * factor) for k, v in series.items()}


def under15_series(
    rng: random.Random, kinder_bg: dict[tuple[str, int], float]
) -> dict[tuple[str, int], float]:
    """sgb2_u15 follows kinder_bg_u18 closely: young children are poorer more often."""
    series = {}
    for spec in DISTRICTS:
        ratio = rng.uniform(*U15_RATIO)
        for year in YEARS:
            noise = 1.0 + rng.gauss(0.0, 0.005)
            series[spec.id, year] = clamp("sgb2_u15", kinder_bg[spec.id, year] * ratio * noise)
    return series


def indicator_rows() -> list[dict[str, str]]:
    """All districts × all catalogue indicators × all years, in long form."""
    rng = random.Random(f"{SEED}/indicators")
    u18 = u18_counts(rng)
    counts = {"einwohner_u18": u18, "einwohner_gesamt": resident_counts()}
    kinder_bg = calibrated_child_poverty(rng, u18)
    series = {
        "sgb2_u15": under15_series(rng, kinder_bg),
        "kinder_bg_u18": kinder_bg,
        "alleinerziehende": profile_series(rng, "alleinerziehende", "single_parents"),
        "arbeitslosenquote": profile_series(rng, "arbeitslosenquote", "unemployment"),
        "migration_u18": profile_series(rng, "migration_u18", "migration"),
    }
    rows = []
    for spec in DISTRICTS:
        for indicator in INDICATORS:
            for year in YEARS:
                if indicator.key in counts:
                    value = str(counts[indicator.key][spec.id, year])
                else:
                    value = f"{series[indicator.key][spec.id, year]:.1f}"
                rows.append(
                    {
                        "bezirk": spec.id,
                        "indikator": indicator.key,
                        "jahr": str(year),
                        "wert": value,
                        "quelle": INDICATOR_SOURCE,
                        "demo": "ja",
                    }
                )
    return rows


# --------------------------------------------------------------------------------------
# Real contact points (offices and offers)
# --------------------------------------------------------------------------------------

# Estimated positions (lat, lon): the real coordinates are not known. Each lies inside the
# demo district given as "bezirk" (checked, not written), near the district point or, in
# the Innenstadt, near the Rathaus and Berliner Platz landmarks.
# fmt: off
REAL_OFFICES: tuple[dict[str, str], ...] = (
    {"id": "real-quartiersbuero-feuerbachstrasse", "name": "Quartiersbüro Feuerbachstraße",
     "traeger": "Stadt Bottrop, Sozialamt", "adresse": "Feuerbachstraße 13", "plz": "46238",
     "lat": "51.5226", "lon": "6.9478", "bezirk": "42",
     "kontakt": "Beratung vor Ort; Bedarfe können im Quartiersbüro angemeldet werden",
     "rolle": "Lotse", "programm": ZIQ_PROGRAMME, "quelle": ZIQ_SOURCE},
    {"id": "real-stadtteilbuero-batenbrock", "name": "Stadtteilbüro Batenbrock",
     "traeger": "AG Soziale Brennpunkte Bottrop e.V.", "adresse": "Horster Straße 228",
     "plz": "46238", "lat": "51.5338", "lon": "6.9508", "bezirk": "41",
     "rolle": "Quartiersmanagement", "quelle": PRESS_SOURCE},
    {"id": "real-quartiersbuero-morianstrasse", "name": "Quartiersbüro Morianstraße",
     "traeger": "AWO (Arbeiterwohlfahrt)", "adresse": "Morianstraße 32", "plz": "46238",
     "lat": "51.5240", "lon": "6.9445", "bezirk": "42",
     "quelle": "Öffentliche Angaben (Presse, Webseiten), Stand 2023"},
    {"id": "real-innenstadtbuero-rathausviertel",
     "name": "Innenstadtbüro / Quartiersmanagement Rathausviertel",
     "traeger": "Quartiersmanagement Rathausviertel", "adresse": "Hansastraße 1",
     "plz": "46236", "lat": "51.5236", "lon": "6.9240", "bezirk": "12",
     "rolle": "Quartiersmanagement",
     "quelle": "Öffentliche Angaben (Quartiersmanagement Rathausviertel)"},
)

REAL_OFFERS: tuple[dict[str, str], ...] = (
    {"id": "real-kinderschutzbund-bottrop",
     "name": "Deutscher Kinderschutzbund Ortsverband Bottrop",
     "traeger": "Deutscher Kinderschutzbund, Ortsverband Bottrop",
     "beschreibung": "Anlaufstelle für Kinder und Familien: Hausaufgaben, Spielen, "
                     "Mittagessen, Beratung für Eltern.",
     "bedarfe": "lernen;ernaehrung;familienberatung", "min_alter": "6", "max_alter": "13",
     "zielgruppe": "kinder;eltern", "adresse": "Prosperstraße 99", "plz": "46238",
     "lat": "51.5219", "lon": "6.9441", "bezirk": "42",
     "quelle": PRESS_SOURCE + "; " + ZIQ_SOURCE},
    {"id": "real-falken-f-kinder-jugendkulturhaus",
     "name": "F! Kinder- & Jugendkulturhaus (Falken)",
     "traeger": "Falken Bildungs- und Freizeitwerk Bottrop e.V.",
     "beschreibung": "Offenes Kinder- und Jugendhaus mit Kreativ- und Werkräumen.",
     "bedarfe": "freizeit;teilhabe", "min_alter": "6", "max_alter": "21",
     "zielgruppe": "kinder", "adresse": "Hackfurthstraße 52", "plz": "46244",
     "lat": "51.6052", "lon": "6.9228", "bezirk": "91", "quelle": PRESS_SOURCE},
    {"id": "real-agsb-familienzentrum-rappelkiste", "name": "Familienzentrum Rappelkiste",
     "traeger": "AG Soziale Brennpunkte Bottrop e.V.",
     "beschreibung": "Familienzentrum für Kinder im Kita-Alter und ihre Eltern.",
     "bedarfe": "fruehe_hilfen;familienberatung;teilhabe", "min_alter": "0",
     "max_alter": "6", "zielgruppe": "kinder;eltern;familien", "adresse": "Borsigweg",
     "lat": "51.5322", "lon": "6.9525", "bezirk": "41",
     "quelle": "Öffentliche Angaben (AG Soziale Brennpunkte Bottrop, Presse)"},
    {"id": "real-agsb-jugendcafe-jubo", "name": "Jugendcafé \"JuBo\"",
     "traeger": "AG Soziale Brennpunkte Bottrop e.V.",
     "beschreibung": "Offener Treff für Kinder und Jugendliche mit vielen Räumen zum "
                     "Reden, Spielen und Gestalten.",
     "bedarfe": "freizeit;teilhabe", "min_alter": "10", "max_alter": "21",
     "zielgruppe": "kinder", "adresse": "Borsigweg", "lat": "51.5325", "lon": "6.9530",
     "bezirk": "41", "quelle": PRESS_SOURCE},
    {"id": "real-caritas-familienort-hochstrasse", "name": "Familienort der Caritas",
     "traeger": "Caritasverband für die Stadt Bottrop e.V.",
     "beschreibung": "Treffpunkt und Beratung für Familien in der Innenstadt.",
     "bedarfe": "familienberatung;fruehe_hilfen;teilhabe", "min_alter": "0",
     "max_alter": "17", "zielgruppe": "eltern;familien", "adresse": "Hochstraße",
     "plz": "46236", "lat": "51.5266", "lon": "6.9258", "bezirk": "11",
     "quelle": "Öffentliche Angaben (Caritasverband Bottrop)"},
)
# fmt: on


def check_inside(row: dict[str, str], cells: dict[str, shapely.Geometry]) -> None:
    """An estimated position must lie in the district it is documented for."""
    point = to_metric(float(row["lat"]), float(row["lon"]))
    if not cells[row["bezirk"]].buffer(-20).contains(point):
        raise RuntimeError(f"{row['id']} is not inside district {row['bezirk']}")


# What is unknown about the real offers stays visibly unknown (free of charge is not claimed).
REAL_OFFER_DEFAULTS = {
    "sprachen": "de",
    "status": "aktiv",
    "kosten_hinweis": "Kosten bitte beim Träger erfragen",
}


def real_row(
    template: dict[str, str], columns: dict[str, str], defaults: dict[str, str]
) -> dict[str, str]:
    """A real contact point: position approximate, hours unknown, no contact data invented."""
    row = {column: "" for column in columns}
    row.update(defaults)
    row.update({k: v for k, v in template.items() if k in columns})
    row.update(
        {
            "ort": "Bottrop",
            "lat": f"{float(template['lat']):.6f}",
            "lon": f"{float(template['lon']):.6f}",
            "lagegenauigkeit": "ungefaehr",
            "oeffnungszeiten_hinweis": HOURS_ON_REQUEST,
            "demo": "nein",
        }
    )
    return row


# --------------------------------------------------------------------------------------
# Demo offers
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OfferTemplate:
    """A kind of offer that occurs in many quarters; `{ort}` becomes the place name."""

    name: str
    needs: tuple[str, ...]
    min_age: float | None
    max_age: float | None
    audience: tuple[str, ...]
    providers: tuple[str, ...]
    hours: str  # key of HOURS
    description: str
    fee: str = ""  # set: not free, and this is the fee note
    languages: tuple[str, ...] = ()  # typical extra languages besides German
    course: bool = False  # runs for one school year (gueltig_von/gueltig_bis)


WELFARE = ("AWO Ortsverein {ort}", "Caritasverband", "Diakonie", "Ev. Kirchengemeinde {ort}",
           "Kath. Kirchengemeinde {ort}")
CITY_YOUTH = ("Stadt Bottrop, Jugendamt",)
CITY_HEALTH = ("Stadt Bottrop, Gesundheitsamt",)
NEIGHBOURS = ("Nachbarschaftsverein {ort} e.V.", "Förderverein der Grundschule {ort}",
              "Bürgerverein {ort} e.V.")
SPORTS = ("Sportverein {ort} e.V.", "Turnverein {ort} e.V.", "Sportjugend Bottrop")
EDUCATION = ("Stadt Bottrop, Volkshochschule", "Familienbildungsstätte Bottrop")
ADVICE = ("Caritasverband", "Diakonie", "AWO Beratungsdienste")

# fmt: off
TEMPLATES: tuple[OfferTemplate, ...] = (
    OfferTemplate("Hausaufgabenhilfe im Treff {ort}", ("lernen",), 6, 13, ("kinder",),
                  WELFARE + NEIGHBOURS, "afternoon",
                  "Hilfe bei Hausaufgaben in kleinen Gruppen, mit Ehrenamtlichen."),
    OfferTemplate("Lernwerkstatt „Lesen, Rechnen, Schreiben“", ("lernen", "sprache"), 6, 10,
                  ("kinder",), NEIGHBOURS, "afternoon",
                  "Spielerisches Üben für Grundschulkinder."),
    OfferTemplate("Nachhilfe für Schülerinnen und Schüler", ("lernen",), 10, 17, ("kinder",),
                  EDUCATION + WELFARE, "afternoon", "Nachhilfe in Mathe, Deutsch und Englisch.",
                  fee="5 € pro Stunde, mit Leistungen aus Bildung und Teilhabe (BuT) kostenlos"),
    OfferTemplate("Lesepaten in {ort}", ("lernen", "sprache"), 5, 10, ("kinder",),
                  NEIGHBOURS, "afternoon", "Ehrenamtliche lesen mit Kindern."),
    OfferTemplate("Sprachcafé für Mütter", ("sprache", "teilhabe"), None, None, ("eltern",),
                  WELFARE + EDUCATION, "morning",
                  "Deutsch sprechen üben bei Kaffee und Tee, Kinderbetreuung vor Ort.",
                  languages=("tr", "ar", "uk")),
    OfferTemplate("Deutschkurs mit Kinderbetreuung", ("sprache", "ausbildung"), None, None,
                  ("eltern",), EDUCATION, "morning",
                  "Deutschkurs für Eltern; kleine Kinder werden in der Zeit betreut.",
                  fee="Kursgebühr nach Kursart, mit Berechtigungsschein kostenlos",
                  languages=("ar", "uk", "fa"), course=True),
    OfferTemplate("Sprachförderung „Wortschatz“ für Kita-Kinder", ("sprache",), 3, 6,
                  ("kinder",), CITY_YOUTH + WELFARE, "morning",
                  "Sprachspiele und Lieder in kleinen Gruppen."),
    OfferTemplate("Eltern-Kind-Café", ("fruehe_hilfen", "teilhabe"), 0, 3,
                  ("eltern", "kinder"), WELFARE + NEIGHBOURS, "morning",
                  "Offenes Frühstück für Eltern mit Babys und Kleinkindern."),
    OfferTemplate("Babymassage", ("fruehe_hilfen", "gesundheit"), 0.25, 1, ("eltern",),
                  EDUCATION + CITY_HEALTH, "morning", "Kurs für Eltern mit Babys.",
                  fee="20 € für 5 Termine, ermäßigt kostenlos"),
    OfferTemplate("Krabbelgruppe „Kleine Entdecker“", ("fruehe_hilfen",), 0.5, 3,
                  ("eltern", "kinder"), WELFARE + EDUCATION, "morning",
                  "Spielen, Singen und Austausch für Eltern mit Kleinkindern."),
    OfferTemplate("Familienhebammen-Sprechstunde", ("fruehe_hilfen", "gesundheit"), 0, 1,
                  ("eltern",), CITY_HEALTH + CITY_YOUTH, "advice",
                  "Beratung rund um Schwangerschaft, Geburt und das erste Lebensjahr."),
    OfferTemplate("Willkommensbesuch für Neugeborene", ("fruehe_hilfen", "familienberatung"),
                  0, 0.5, ("eltern", "familien"), CITY_YOUTH, "appointment",
                  "Besuch zu Hause mit Informationen zu Angeboten im Stadtteil."),
    OfferTemplate("Erziehungsberatung", ("familienberatung",), 0, 17, ("eltern", "familien"),
                  ADVICE, "advice", "Vertrauliche Beratung bei Fragen zur Erziehung.",
                  languages=("tr", "ru")),
    OfferTemplate("Elternkurs „Gelassen durch die Pubertät“", ("familienberatung",), 10, 17,
                  ("eltern",), EDUCATION + ADVICE, "evening",
                  "Kurs an sechs Abenden für Eltern von Jugendlichen.",
                  fee="15 € für den Kurs, ermäßigt kostenlos", course=True),
    OfferTemplate("Familiensprechstunde im Quartier", ("familienberatung", "notlagen"), 0, 17,
                  ("familien",), CITY_YOUTH + WELFARE, "advice",
                  "Offene Sprechstunde für alle Fragen rund um die Familie."),
    OfferTemplate("Trennungs- und Scheidungsberatung", ("familienberatung",), 0, 17,
                  ("eltern",), ADVICE, "appointment",
                  "Beratung für Eltern in Trennung, mit Blick auf die Kinder."),
    OfferTemplate("Gesundheitssprechstunde für Familien", ("gesundheit", "familienberatung"),
                  0, 17, ("familien",), CITY_HEALTH, "advice",
                  "Fragen zu Impfungen, Vorsorge und Entwicklung."),
    OfferTemplate("Zahnputz-Aktion in der Kita", ("gesundheit",), 3, 6, ("kinder",),
                  CITY_HEALTH, "morning", "Zahnputzschule für Kita-Kinder."),
    OfferTemplate("Psychosoziale Beratung für Jugendliche", ("gesundheit", "familienberatung"),
                  12, 21, ("kinder",), ADVICE, "appointment",
                  "Vertrauliche Beratung bei Sorgen, Stress und Konflikten.",
                  languages=("en", "tr")),
    OfferTemplate("Mittagstisch für Kinder", ("ernaehrung", "teilhabe"), 6, 13, ("kinder",),
                  WELFARE + NEIGHBOURS, "lunch", "Warmes Mittagessen nach der Schule.",
                  fee="1 € pro Mahlzeit, mit BuT kostenlos"),
    OfferTemplate("Gesundes Frühstück in der Grundschule", ("ernaehrung", "gesundheit"), 6, 10,
                  ("kinder",), NEIGHBOURS, "school_breakfast", "Frühstück vor dem Unterricht."),
    OfferTemplate("Kochen & Klönen – Kochkurs für Familien", ("ernaehrung", "teilhabe"), 6, 14,
                  ("familien",), EDUCATION + WELFARE, "evening",
                  "Gemeinsam günstig und gesund kochen."),
    OfferTemplate("Lebensmittelausgabe für Familien", ("ernaehrung", "notlagen"), 0, 17,
                  ("familien",), WELFARE, "advice",
                  "Lebensmittel für Familien mit wenig Geld, Nachweis erforderlich.",
                  fee="2 € Kostenbeitrag pro Einkauf"),
    OfferTemplate("Fußball-AG", ("bewegung",), 8, 14, ("kinder",), SPORTS, "sport",
                  "Fußballtraining für Anfängerinnen und Anfänger."),
    OfferTemplate("Kinderturnen", ("bewegung",), 3, 6, ("kinder",), SPORTS, "sport",
                  "Turnen, Klettern und Balancieren.",
                  fee="Mitgliedsbeitrag 6 € im Monat, mit BuT kostenlos"),
    OfferTemplate("Schwimmkurs für Anfänger", ("bewegung", "gesundheit"), 5, 10, ("kinder",),
                  SPORTS, "sport", "Seepferdchen-Kurs in kleinen Gruppen.",
                  fee="40 € pro Kurs, mit BuT kostenlos", course=True),
    OfferTemplate("Mädchensport „Move it“", ("bewegung", "teilhabe"), 10, 17, ("kinder",),
                  SPORTS + CITY_YOUTH, "sport", "Tanz, Fitness und Spiele nur für Mädchen."),
    OfferTemplate("Bewegungsbaustelle für Kleinkinder", ("bewegung", "fruehe_hilfen"), 1.5, 4,
                  ("eltern", "kinder"), SPORTS, "morning",
                  "Krabbeln, Klettern und Rutschen mit Eltern."),
    OfferTemplate("Spiel & Spaß „Kleine Strolche“", ("freizeit",), 3, 6, ("kinder",),
                  NEIGHBOURS + WELFARE, "afternoon", "Spielgruppe für Kinder im Kita-Alter."),
    OfferTemplate("Offener Kinder- und Jugendtreff {ort}", ("freizeit", "teilhabe"), 6, 21,
                  ("kinder",), CITY_YOUTH + WELFARE, "youth",
                  "Kicker, Billard, Spiele und Ausflüge."),
    OfferTemplate("Ferienprogramm „Sommer im Quartier“", ("freizeit", "bewegung"), 6, 12,
                  ("kinder",), CITY_YOUTH, "appointment",
                  "Ausflüge und Workshops in den Sommerferien, Anmeldung nötig."),
    OfferTemplate("Kreativwerkstatt Malen & Basteln", ("freizeit",), 6, 12, ("kinder",),
                  NEIGHBOURS + WELFARE, "afternoon", "Malen, Basteln und Werken."),
    OfferTemplate("Theater-AG „Bühne frei“", ("freizeit", "teilhabe"), 10, 16, ("kinder",),
                  CITY_YOUTH + NEIGHBOURS, "youth", "Theater spielen und eigene Stücke proben."),
    OfferTemplate("Bandprojekt für Jugendliche", ("freizeit",), 12, 18, ("kinder",),
                  CITY_YOUTH, "youth", "Proberaum und Instrumente zum Ausprobieren."),
    OfferTemplate("Schuldnerberatung", ("notlagen",), 18, None, ("eltern", "familien"),
                  ADVICE, "appointment", "Hilfe bei Schulden, Mahnungen und Pfändungen.",
                  languages=("tr", "ru", "pl")),
    OfferTemplate("Beratung zu Bürgergeld und Kinderzuschlag", ("notlagen", "familienberatung"),
                  0, 17, ("eltern", "familien"), ADVICE + CITY_YOUTH, "advice",
                  "Welche Leistungen stehen der Familie zu? Wir helfen beim Antrag.",
                  languages=("ar", "uk")),
    OfferTemplate("Hilfe bei Anträgen (BuT, Wohngeld)", ("notlagen",), 0, 17, ("eltern",),
                  WELFARE + NEIGHBOURS, "advice", "Unterstützung beim Ausfüllen von Anträgen.",
                  languages=("tr", "ar")),
    OfferTemplate("Wohnungsnotfallberatung für junge Erwachsene", ("notlagen",), 18, 26,
                  ("kinder",), ADVICE, "appointment",
                  "Beratung bei drohendem Wohnungsverlust."),
    OfferTemplate("Bewerbungstraining", ("ausbildung",), 15, 25, ("kinder",),
                  EDUCATION + CITY_YOUTH, "afternoon",
                  "Lebenslauf, Anschreiben und Vorstellungsgespräch üben."),
    OfferTemplate("Ausbildungslotsen – Beratung für den Berufseinstieg", ("ausbildung",), 14, 24,
                  ("kinder",), CITY_YOUTH + ADVICE, "advice",
                  "Beratung zu Ausbildung, Praktikum und Schulabschluss."),
    OfferTemplate("Jugendwerkstatt Holz & Metall", ("ausbildung", "freizeit"), 16, 26,
                  ("kinder",), WELFARE, "afternoon", "Handwerk ausprobieren, mit Zertifikat."),
    OfferTemplate("Berufsorientierung für Mütter", ("ausbildung", "sprache"), 18, None,
                  ("eltern",), EDUCATION, "morning",
                  "Wege in Ausbildung und Arbeit, auch in Teilzeit.", languages=("ar", "tr")),
    OfferTemplate("Nachbarschaftsfrühstück", ("teilhabe", "ernaehrung"), None, None,
                  ("familien",), NEIGHBOURS, "morning",
                  "Einmal in der Woche gemeinsam frühstücken.",
                  fee="Spende erbeten"),
    OfferTemplate("Interkultureller Frauentreff", ("teilhabe", "sprache"), None, None,
                  ("eltern",), WELFARE, "morning", "Austausch, Ausflüge und Informationen.",
                  languages=("tr", "ar", "ku", "fa")),
    OfferTemplate("Mädchentreff \"Mittendrin\"", ("teilhabe", "freizeit"), 10, 17,
                  ("kinder",), CITY_YOUTH + WELFARE, "youth", "Ein Raum nur für Mädchen."),
    OfferTemplate("Treffpunkt 'Zwischenraum' für Jugendliche", ("teilhabe", "freizeit"), 14, 21,
                  ("kinder",), CITY_YOUTH, "youth", "Abends chillen, reden, Musik hören."),
    OfferTemplate("Familienpatenschaften", ("teilhabe", "familienberatung"), 0, 17,
                  ("familien",), WELFARE, "appointment",
                  "Ehrenamtliche Patinnen und Paten begleiten Familien im Alltag."),
    OfferTemplate("Spielgruppe für geflüchtete Familien",
                  ("fruehe_hilfen", "sprache", "teilhabe"), 0.5, 3, ("familien",), WELFARE,
                  "morning",
                  "Spielen und Ankommen für Familien mit Kleinkindern.",
                  languages=("uk", "ar", "fa")),
)
# fmt: on


@dataclass(frozen=True, slots=True)
class HoursPattern:
    """When an offer of one kind typically opens; no days means by appointment only."""

    days: tuple[str, ...]  # weekday pool
    fewest: int
    most: int
    slots: tuple[str, ...]  # one is chosen and used on every day
    notes: tuple[str, ...]  # oeffnungszeiten_hinweis choices, "" = none


WORKDAYS = ("Mo", "Di", "Mi", "Do", "Fr")
SCHOOL_NOTES = ("", "", "", "In den Schulferien geschlossen", "Anmeldung erbeten")
GROUP_NOTES = ("", "", "Anmeldung erbeten", "Einstieg jederzeit möglich")
# fmt: off
HOURS: dict[str, HoursPattern] = {
    "afternoon": HoursPattern(WORKDAYS, 2, 4, ("14:00-16:00", "14:30-16:30", "15:00-17:30"),
                              SCHOOL_NOTES),
    "morning": HoursPattern(WORKDAYS, 1, 2, ("09:00-11:00", "09:30-11:30", "10:00-12:00"),
                            GROUP_NOTES),
    "evening": HoursPattern(WORKDAYS[:4], 1, 1, ("18:00-20:00", "18:30-20:30"),
                            ("Anmeldung erforderlich",)),
    "youth": HoursPattern(WORKDAYS + ("Sa",), 3, 5, ("15:00-20:00", "16:00-21:00"),
                          ("", "", "In den Ferien mit Ferienprogramm")),
    "sport": HoursPattern(WORKDAYS, 1, 2, ("16:00-17:30", "17:00-18:30"), SCHOOL_NOTES),
    "advice": HoursPattern(WORKDAYS, 1, 3, ("09:00-12:00", "14:00-17:00"),
                           ("", "", "Ohne Anmeldung", "Weitere Termine nach Vereinbarung")),
    "lunch": HoursPattern(WORKDAYS, 3, 5, ("12:30-14:30", "13:00-14:30"), SCHOOL_NOTES),
    "school_breakfast": HoursPattern(WORKDAYS, 2, 5, ("07:15-08:00",),
                                     ("An Schultagen",)),
    "appointment": HoursPattern((), 0, 0, (), ("Termine nach Vereinbarung",)),
}
# fmt: on

EXTRA_LANGUAGES = ("tr", "ar", "ru", "pl", "uk", "en", "ku", "fa")
COURSE_PERIOD = ("2026-09-01", "2027-07-09")  # school year 2026/27
VERIFIED_RANGE = ("2025-01-13", "2026-11-20")


def offer_counts() -> dict[str, int]:
    """Offers per district: residents weighted by need, so dense, poorer quarters get more.

    Mirrors reality: social offers cluster where many families with low incomes live.
    """
    weights = {
        d.id: d.area_km2 * d.density * (1.0 + d.kinder_bg / 25.0) for d in DISTRICTS
    }
    total = sum(weights.values())
    return {
        key: max(MIN_OFFERS_PER_DISTRICT, round(DEMO_OFFER_TARGET * w / total))
        for key, w in weights.items()
    }


def random_position(
    rng: random.Random, spec: DistrictSpec, cell: shapely.Geometry
) -> tuple[float, float]:
    """A point in the district, clustered around its centre like real settlements.

    Kept 60 m inside the border so the 5-decimal district file still contains it.
    """
    inner = cell.buffer(-60)
    centre = to_metric(spec.lat, spec.lon)
    sigma = min(max(0.35 * math.sqrt(cell.area), 250.0), 1200.0)
    while True:
        point = Point(rng.gauss(centre.x, sigma), rng.gauss(centre.y, sigma))
        if inner.contains(point):
            lon, lat = TO_WEB.transform(point.x, point.y)
            return lat, lon


def opening_hours(rng: random.Random, pattern: HoursPattern) -> tuple[str, str]:
    """(oeffnungszeiten, oeffnungszeiten_hinweis) in the file format "Mo 09:00-12:00; ..."."""
    note = rng.choice(pattern.notes)
    if not pattern.days:
        return "", note
    days = rng.sample(pattern.days, rng.randint(pattern.fewest, pattern.most))
    slot = rng.choice(pattern.slots)
    hours = "; ".join(f"{day} {slot}" for day in sorted(days, key=WEEKDAYS.index))
    return hours, note


def languages(rng: random.Random, template: OfferTemplate) -> str:
    """German always; typical extra languages for some offers, a random one for a few."""
    extra = list(template.languages)
    if not extra and rng.random() < 0.3:
        extra = [rng.choice(EXTRA_LANGUAGES)]
    return ";".join(["de", *extra])


def age_text(age: float | None) -> str:
    """6 rather than 6.0, but 0.5 stays 0.5 (decimal ages are months)."""
    if age is None:
        return ""
    return str(int(age)) if float(age).is_integer() else str(age)


def iso_date_between(rng: random.Random, first: str, last: str) -> str:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return (start + timedelta(days=rng.randint(0, (end - start).days))).isoformat()


def status(rng: random.Random) -> str:
    """Mostly active; a few inactive or closed, so the app's status handling has data."""
    roll = rng.random()
    if roll < 0.03:
        return "inaktiv"
    if roll < 0.06:
        return "voruebergehend_geschlossen"
    return "aktiv"


def demo_offer(
    rng: random.Random,
    number: int,
    spec: DistrictSpec,
    template: OfferTemplate,
    cell: shapely.Geometry,
) -> dict[str, str]:
    """One synthetic offer: fictitious contacts (02041 99…, example.org), no person named."""
    offer_id = f"demo-{number:03d}"
    lat, lon = random_position(rng, spec, cell)
    hours, hours_note = opening_hours(rng, HOURS[template.hours])
    valid_from, valid_to = COURSE_PERIOD if template.course else ("", "")
    return {
        "id": offer_id,
        "name": template.name.format(ort=spec.place),
        "traeger": rng.choice(template.providers).format(ort=spec.place),
        "beschreibung": template.description,
        "bedarfe": ";".join(template.needs),
        "min_alter": age_text(template.min_age),
        "max_alter": age_text(template.max_age),
        "zielgruppe": ";".join(template.audience),
        "adresse": f"{rng.choice(spec.streets)} {rng.randint(1, 160)}",
        "plz": spec.postcode,
        "ort": "Bottrop",
        "lat": f"{lat:.6f}",
        "lon": f"{lon:.6f}",
        "lagegenauigkeit": rng.choices(("exakt", "strasse", "ungefaehr"), (5, 4, 1))[0],
        "oeffnungszeiten": hours,
        "oeffnungszeiten_hinweis": hours_note,
        "kostenlos": "nein" if template.fee else "ja",
        "kosten_hinweis": template.fee,
        "sprachen": languages(rng, template),
        "barrierefrei": rng.choice(("ja", "ja", "nein", "")),
        "telefon": f"02041 99{number:04d}" if rng.random() < 0.85 else "",
        "email": f"{offer_id}@example.org" if rng.random() < 0.6 else "",
        "website": f"https://example.org/angebote/{offer_id}" if rng.random() < 0.5 else "",
        "status": status(rng),
        "gueltig_von": valid_from,
        "gueltig_bis": valid_to,
        "zuletzt_geprueft": iso_date_between(rng, *VERIFIED_RANGE),
        "quelle": DEMO_OFFER_SOURCE,
        "demo": "ja",
    }


def demo_offers(cells: dict[str, shapely.Geometry]) -> list[dict[str, str]]:
    """Synthetic offers, district by district; no template twice in one district."""
    rng = random.Random(f"{SEED}/offers")
    counts = offer_counts()
    rows = []
    for spec in DISTRICTS:
        for template in rng.sample(TEMPLATES, counts[spec.id]):
            rows.append(demo_offer(rng, len(rows) + 1, spec, template, cells[spec.id]))
    return rows


# --------------------------------------------------------------------------------------
# Demo addresses (for the Lotse's address search)
# --------------------------------------------------------------------------------------

SYNTHETIC_NUMBERS_PER_STREET = 10
STREET_LENGTH_M = 700.0  # each demo street is a straight line this long through its anchor
SIDE_OFFSET_M = 10.0  # odd numbers on one side, even ones on the other
SUFFIX_SHARE = 0.08  # share of synthetic numbers that also get an "a" house
_NUMBERED = re.compile(r"^(.*\S)\s+(\d+)\s*([a-z]?)$")


@dataclass(frozen=True, slots=True)
class DemoAddress:
    street: str
    number: int
    suffix: str
    postcode: str
    point: Point  # metric CRS


def known_addresses(rows: list[dict[str, str]]) -> list[DemoAddress]:
    """The numbered addresses of offices and offers (first one wins), at their positions."""
    found: dict[tuple[str, int, str], DemoAddress] = {}
    for row in rows:
        match = _NUMBERED.match(row["adresse"].strip())
        if match:
            street, number, suffix = match.group(1), int(match.group(2)), match.group(3)
            point = to_metric(float(row["lat"]), float(row["lon"]))
            found.setdefault((street, number, suffix),
                             DemoAddress(street, number, suffix, row.get("plz", ""), point))
    return list(found.values())


def street_names(rows: list[dict[str, str]]) -> list[str]:
    """Every street the demo uses: district streets and those of the real contact points."""
    names = {street for spec in DISTRICTS for street in spec.streets}
    for row in rows:
        match = _NUMBERED.match(row["adresse"].strip())
        names.add(match.group(1) if match else row["adresse"].strip())
    return sorted(n for n in names if n)


def street_anchor(street: str, known: list[DemoAddress], rows: list[dict[str, str]]) -> Point:
    """Where a demo street runs: the middle of its known places, else its district point."""
    points = [a.point for a in known if a.street == street]
    points += [to_metric(float(r["lat"]), float(r["lon"])) for r in rows
               if r["adresse"].strip() == street]  # unnumbered, e.g. "Borsigweg"
    if not points:
        spec = next(d for d in DISTRICTS if street in d.streets)
        points = [to_metric(spec.lat, spec.lon)]
    return Point(sum(p.x for p in points) / len(points), sum(p.y for p in points) / len(points))


def synthetic_street(
    rng: random.Random, street: str, anchor: Point, known: list[DemoAddress],
    outline: shapely.Geometry,
) -> list[DemoAddress]:
    """A few house numbers along a straight line through the anchor, inside the city."""
    own = [a for a in known if a.street == street]
    postcodes = Counter(a.postcode for a in own if a.postcode)
    postcode = postcodes.most_common(1)[0][0] if postcodes else ""
    top = max([60] + [a.number + 10 for a in own])
    taken = {a.number for a in own}
    numbers = rng.sample([n for n in range(1, top + 1) if n not in taken],
                         SYNTHETIC_NUMBERS_PER_STREET)
    angle = rng.uniform(0.0, math.pi)
    along = (math.cos(angle), math.sin(angle))
    across = (-along[1], along[0])
    result = []
    for number in sorted(numbers):
        offset = (number / top - 0.5) * STREET_LENGTH_M
        side = SIDE_OFFSET_M if number % 2 else -SIDE_OFFSET_M
        point = Point(anchor.x + along[0] * offset + across[0] * side,
                      anchor.y + along[1] * offset + across[1] * side)
        if not outline.contains(point):
            continue
        result.append(DemoAddress(street, number, "", postcode, point))
        if rng.random() < SUFFIX_SHARE:
            beside = Point(point.x + along[0] * 6, point.y + along[1] * 6)
            result.append(DemoAddress(street, number, "a", postcode, beside))
    return result


def demo_addresses(
    places: list[dict[str, str]], outline: shapely.Geometry
) -> list[dict[str, str]]:
    """The address table of the demo: every numbered office and offer address at its
    position, plus synthetic numbers on every street the demo uses. All positions are
    approximate, so every row is demo ("Demo-Adressen (ungefähre Lage)")."""
    rng = random.Random(f"{SEED}/addresses")
    known = known_addresses(places)
    addresses = list(known)
    for street in street_names(places):
        anchor = street_anchor(street, known, places)
        addresses += synthetic_street(rng, street, anchor, known, outline)
    rows = []
    for a in sorted(addresses, key=lambda a: (a.street, a.number, a.suffix)):
        lon, lat = TO_WEB.transform(a.point.x, a.point.y)
        rows.append({"strasse": a.street, "hausnummer": str(a.number), "zusatz": a.suffix,
                     "plz": a.postcode, "lat": f"{lat:.6f}", "lon": f"{lon:.6f}",
                     "demo": "ja"})
    return rows


# --------------------------------------------------------------------------------------
# Reported unmet needs („Bedarf anmelden“), invented
# --------------------------------------------------------------------------------------

UNMET_NEED_COUNT = 140
REPORT_RANGE = ("2025-12-01", "2026-11-27")  # twelve months up to the data's reference day
# Which districts each real office's families mostly come from (its quarter first), and how
# busy the office is; about one report in twenty comes from anywhere else in the city.
# fmt: off
OFFICE_CATCHMENTS: dict[str, tuple[int, tuple[tuple[str, int], ...]]] = {
    "real-quartiersbuero-feuerbachstrasse": (5, (("42", 6), ("41", 2), ("12", 1))),
    "real-quartiersbuero-morianstrasse": (3, (("42", 5), ("12", 2), ("11", 1))),
    "real-stadtteilbuero-batenbrock": (3, (("41", 5), ("42", 2), ("13", 2), ("51", 1))),
    "real-innenstadtbuero-rathausviertel": (2, (("11", 5), ("12", 3), ("13", 2))),
}
REPORTED_NEEDS: dict[str, tuple[int, tuple[str, ...]]] = {  # weight, age groups it concerns
    "lernen": (6, ("6-9", "10-13", "14-17")),
    "sprache": (5, ("3-5", "6-9", "eltern")),
    "fruehe_hilfen": (3, ("0-2", "3-5")),
    "familienberatung": (2, ("eltern", "6-9", "10-13")),
    "gesundheit": (1, ("0-2", "3-5", "6-9")),
    "ernaehrung": (1, ("3-5", "6-9")),
    "bewegung": (3, ("6-9", "10-13")),
    "freizeit": (2, ("10-13", "14-17")),
    "notlagen": (3, ("eltern",)),
    "ausbildung": (2, ("14-17", "18-26")),
    "teilhabe": (1, ("eltern", "14-17")),
}
AGE_ORDER = ("0-2", "3-5", "6-9", "10-13", "14-17", "18-26", "eltern")
REPORT_LANGUAGES = (("de", 40), ("ar", 14), ("tr", 12), ("uk", 9), ("fa", 7), ("ru", 5),
                    ("ku", 4), ("pl", 3), ("ro", 3), ("bg", 3))
MISSING_WEIGHTS = (("voll", 4), ("zu_weit", 3), ("kein_angebot", 3), ("zeit", 2),
                   ("sprache", 1), ("kosten", 1))
REPORT_NOTES = (
    "Kita-Platz ab 7 Uhr gesucht", "Hausaufgabenhilfe endet um 15 Uhr, Eltern arbeiten",
    "Warteliste bis zum Sommer", "Schwimmkurs für Anfänger fehlt im Quartier",
    "Beratung auf Arabisch gewünscht", "Abends fährt kein Bus zum Angebot",
    "Kurs kostet 30 € im Monat", "Sprachkurs mit Kinderbetreuung gesucht",
    "Mittagstisch auch in den Ferien gewünscht", "Eltern arbeiten im Schichtdienst",
    "Angebot nur vormittags", "Sportverein ohne Beitrag gesucht",
)
# fmt: on


def unmet_need_rows() -> list[dict[str, str]]:
    """Plausible, invented reports, oldest first; no note says who or where exactly."""
    rng = random.Random(f"{SEED}/unmet-needs")
    offices = list(OFFICE_CATCHMENTS)
    needs = list(REPORTED_NEEDS)
    reports = []
    for _ in range(UNMET_NEED_COUNT):
        office = rng.choices(offices, [OFFICE_CATCHMENTS[o][0] for o in offices])[0]
        catchment = OFFICE_CATCHMENTS[office][1]
        if rng.random() < 0.05:
            district = rng.choice(DISTRICTS).id
        else:
            district = rng.choices([d for d, _ in catchment], [w for _, w in catchment])[0]
        chosen = sorted(set(rng.choices(needs, [REPORTED_NEEDS[n][0] for n in needs],
                                        k=rng.choice((1, 1, 2)))), key=needs.index)  # fmt: skip
        ages = sorted({rng.choice(REPORTED_NEEDS[n][1]) for n in chosen}, key=AGE_ORDER.index)
        language = rng.choices(*zip(*REPORT_LANGUAGES))[0]
        languages = ["de"] if language == "de" else [language] + (["de"] * rng.choice((0, 1)))
        missing = {rng.choices(*zip(*MISSING_WEIGHTS))[0]}
        if language != "de" and rng.random() < 0.4:
            missing.add("sprache")
        reports.append({
            "datum": iso_date_between(rng, *REPORT_RANGE),
            "quartiersbuero": office,
            "bezirk": district,
            "altersgruppen": ";".join(ages),
            "bedarfe": ";".join(chosen),
            "sprachen": ";".join(languages),
            "fehlte": ";".join(sorted(missing, key=[m for m, _ in MISSING_WEIGHTS].index)),
            "notiz": rng.choice(REPORT_NOTES) if rng.random() < 0.3 else "",
            "demo": "ja",
        })  # fmt: skip
    reports.sort(key=lambda r: r["datum"])
    return [{"id": f"demo-bedarf-{n:03d}"} | r for n, r in enumerate(reports, start=1)]


# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------


def write_csv(path: Path, columns: dict[str, str], rows: list[dict[str, str]]) -> None:
    """UTF-8, comma, minimal quoting and "\\n" line ends, so output is byte-stable."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(rows)


def generate(out: Path, outline_path: Path) -> None:
    """Write all demo files into `out`; checks run before anything is written."""
    out.mkdir(parents=True, exist_ok=True)
    outline_bytes = outline_path.read_bytes()  # read first: source and target may coincide
    cells = district_cells(load_outline(outline_path))
    for template in REAL_OFFICES + REAL_OFFERS:
        check_inside(template, cells)

    (out / "outline.geojson").write_bytes(outline_bytes)
    (out / "districts.geojson").write_text(districts_geojson(cells), encoding="utf-8")
    write_csv(out / "indicators.csv", INDICATOR_COLUMNS, indicator_rows())
    offices = [real_row(t, OFFICE_COLUMNS, {"status": "aktiv"}) for t in REAL_OFFICES]
    write_csv(out / "offices.csv", OFFICE_COLUMNS, offices)
    offers = [real_row(t, OFFER_COLUMNS, REAL_OFFER_DEFAULTS) for t in REAL_OFFERS]
    offers += demo_offers(cells)
    write_csv(out / "offers.csv", OFFER_COLUMNS, offers)
    write_csv(out / "unmet_needs.csv", UNMET_NEED_COLUMNS, unmet_need_rows())
    outline = shapely.union_all(list(cells.values()))
    write_csv(out / "addresses.csv", ADDRESS_COLUMNS, demo_addresses(offices + offers, outline))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument(
        "--outline",
        type=Path,
        default=DEFAULT_OUT / "outline.geojson",
        help="city outline GeoJSON (copied to the output unchanged)",
    )
    args = parser.parse_args(argv)
    generate(args.out, args.outline)


if __name__ == "__main__":
    main()
