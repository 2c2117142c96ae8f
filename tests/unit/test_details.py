from datetime import date

import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from services.choropleth import build_choropleth
from services.details import district_rows, offer_rows, office_rows
from services.formatting import format_ages
from services.indicators import INDICATORS_BY_KEY
from services.model import Office, OpeningSlot
from tests.factories import full_offer, sparse_offer


def test_ages_read_like_german_sentences():
    assert format_ages(0.5, 3) == "0,5 bis 3 Jahre"
    assert format_ages(18, None) == "ab 18 Jahren"
    assert format_ages(None, 6) == "bis 6 Jahre"
    assert format_ages(None, None) == "alle Altersgruppen (keine Altersangabe)"


def test_offer_rows_in_the_order_a_family_asks_and_without_empty_fields():
    offer = full_offer(last_verified=date(2026, 3, 13), free_of_charge=None, fee_text="")
    rows = dict(offer_rows(offer, "Altstadt"))
    assert list(rows)[:3] == ["Träger", "Bedarfe", "Alter"]
    assert rows["Bezirk"] == "Altstadt"
    assert rows["Zuletzt geprüft"] == "13.03.2026"
    assert rows["Kosten"] == "nicht bekannt"
    sparse = dict(offer_rows(sparse_offer(), None))
    assert "Bezirk" not in sparse and "Kontakt" not in sparse
    assert sparse["Barrierefrei"] == "unbekannt"


def test_office_rows_name_role_and_approximate_position():
    office = Office("b1", "Quartiersbüro Feuerbachstraße", "Stadt Bottrop, Sozialamt", 51.52, 6.94,
                    address="Feuerbachstraße 13", postcode="46238", staff_role="Lotse",
                    opening_hours=(OpeningSlot(0, "09:00", "12:00"),))
    rows = dict(office_rows(office, "Batenbrock-Süd"))
    assert rows["Ansprechperson"] == "Lotse"
    assert rows["Adresse"] == "Feuerbachstraße 13, 46238 Bottrop (Lage auf der Karte ungefähr)"
    assert "09:00" in rows["Öffnungszeiten"]


def test_district_rows_compare_with_the_city_average_and_count_offers():
    values = pd.DataFrame([dict(district_id="11", indicator_key="sgb2_u15", year=2023, value=48.5,
                                source="Demo", is_demo=True),
                           dict(district_id="12", indicator_key="sgb2_u15", year=2023, value=10.0,
                                source="Demo", is_demo=True)])
    districts = gpd.GeoDataFrame({"id": ["11", "12", "13"], "name": ["Altstadt", "Eigen", "Boy"]},
                                 geometry=[box(i, 0, i + 1, 1) for i in range(3)], crs="EPSG:25832")
    choropleth = build_choropleth(districts, values,
                                  INDICATORS_BY_KEY["sgb2_u15"], 2023, "quantiles")
    shown = pd.DataFrame({"district_id": ["11", "11", "12"]})
    rows = dict(district_rows(choropleth, "11", shown))
    assert rows["SGB-II-Quote unter 15 J. 2023"].startswith("48,5 % (Stadtdurchschnitt ")
    assert rows["Angebote"] == "2 passende Angebote in diesem Bezirk"
    assert dict(district_rows(choropleth, "13", shown))["SGB-II-Quote unter 15 J. 2023"].startswith(
        "keine Daten")
    assert district_rows(choropleth, "99", shown) == []




def test_a_stale_offer_says_since_when_it_was_not_checked():
    offer = full_offer(last_verified=date(2025, 1, 16))
    assert dict(offer_rows(offer, None, stale=True))["Zuletzt geprüft"] == (
        "nicht mehr geprüft seit 16.01.2025")
    assert dict(offer_rows(sparse_offer(), None, stale=True))["Zuletzt geprüft"] == "noch nie geprüft"
