import geopandas as gpd
import pandas as pd

from services import filters
from services.model import Office
from services.selection import Selection
from services.snapshot import Snapshot


def _snapshot() -> Snapshot:
    offers = pd.DataFrame([dict(id="o1", name="Treff", provider="AWO", description="", address="",
                                lat=51.53, lon=6.92, is_demo=True)])
    return Snapshot(
        version=1,
        districts=gpd.GeoDataFrame({"id": [], "name": [], "is_demo": []}, geometry=[], crs="EPSG:25832"),
        indicator_values=pd.DataFrame(
            columns=["district_id", "indicator_key", "year", "value", "source", "is_demo"]),
        offers=filters.prepare(offers),
        offices=(Office("b1", "Quartiersbüro", "Stadt", 51.52, 6.94),),
    )


def test_position_of_a_selected_offer_or_office():
    snap = _snapshot()
    ref = Selection.parse
    assert snap.position_of(ref("o:o1")) == (51.53, 6.92)
    assert snap.position_of(ref("b:b1")) == (51.52, 6.94)
    assert snap.position_of(ref("o:missing")) is None
    assert snap.position_of(ref("d:11")) is None and snap.position_of(None) is None


def test_demo_flags_follow_the_data():
    snap = _snapshot()
    assert snap.demo_offers and not snap.demo_districts and not snap.demo_values
