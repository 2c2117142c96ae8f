import geopandas as gpd
import pandas as pd

from services import filters
from services.model import Office
from services.selection import Selection
from services.snapshot import Snapshot, shared_snapshot
from services.storage import Repository, migrate
from tests.db_fixtures import engine, postgres_url  # noqa: F401  (pytest finds them here)
from tests.faults.files import offer_records


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


def test_a_snapshot_holds_one_data_version_when_an_import_commits_between_its_reads(
    engine, monkeypatch  # noqa: F811  (the fixture)
):
    """The race of issue 7: an import commits while the snapshot is read. The snapshot
    must hold the data of the version it is labelled with (not the new version with the
    old offers), and the next one the new data."""
    migrate(engine)
    repo = Repository(engine)
    repo.upsert_offers(offer_records(3))
    counts = {repo.data_version(): 3}
    read_offices = Repository.offices

    def offices_while_an_import_commits(self):
        monkeypatch.setattr(Repository, "offices", read_offices)
        Repository(engine).upsert_offers(offer_records(5))
        counts[repo.data_version()] = 5
        return read_offices(self)

    monkeypatch.setattr(Repository, "offices", offices_while_an_import_commits)
    first = shared_snapshot(repo)
    assert len(counts) == 2  # the import did commit in the middle
    assert len(first.offers) == counts[first.version]
    latest = shared_snapshot(repo)
    assert latest.version == max(counts) and len(latest.offers) == 5
