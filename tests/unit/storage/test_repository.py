"""The repository on SQLite and PostgreSQL alike: round trips, atomicity, speed.

Every test runs once per backend (the `engine` fixture is parametrized); a backend that
cannot be reached fails the tests rather than skipping them.
"""

from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager
from datetime import date

import geopandas as gpd
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from shapely.geometry import box

from services.config import PROJECT_ROOT
from services.model import ANALYSIS_CRS, Address, IndicatorValue, Offer, Office, OpeningSlot
from services.storage import Repository, migrate, schema
from services.storage.errors import DatabaseError
from services.storage.repository import MIGRATIONS_DIR, create_engine_for, migration_heads
from tests.factories import full_offer, sparse_offer


@pytest.fixture
def repo(engine: sa.Engine) -> Repository:
    migrate(engine)
    return Repository(engine)


@pytest.fixture
def filled(repo: Repository) -> Repository:
    """A repository with two districts, two offers, an office and indicator values."""
    repo.replace_districts(layer("A", "B"), {}, {})
    repo.upsert_offers([full_offer(id="o1", district_id="A"), sparse_offer(id="o2")])
    repo.upsert_offices([full_office(id="f1")])
    repo.upsert_indicator_values([indicator("A", 2023, 12.5), indicator("B", 2023, 3.0)])
    return repo


def full_office(**changes) -> Office:
    values = dict(
        id="f1",
        name="Quartiersbüro Batenbrock",
        operator="Diakonisches Werk",
        lat=51.52,
        lon=6.95,
        address="Batenbrockstraße 5",
        postcode="46238",
        city="Bottrop",
        position_precision="exact",
        district_id="B",
        opening_hours=(OpeningSlot(1, "10:00", "12:00"),),
        hours_note="und nach Vereinbarung",
        phone="02041 555",
        email="buero@example.org",
        contact="Sprechstunde dienstags",
        staff_role="Lotse",
        programme="Soziale Stadt",
        source="Stadt Bottrop",
        is_demo=True,
    )
    return Office(**(values | changes))


def indicator(district_id: str, year: int, value: float, key: str = "sgb2_u15"):
    return IndicatorValue(district_id, key, year, value, "Stadt Bottrop", False)


def layer(*ids: str, size: float = 1000.0) -> gpd.GeoDataFrame:
    """Square districts side by side in EPSG:25832, each `size` metres wide."""
    return gpd.GeoDataFrame(
        {
            "id": list(ids),
            "name": [f"Bezirk {i} – Süd" for i in ids],
            "stadtbezirk": ["Mitte"] * len(ids),
            "is_demo": [True] * len(ids),
        },
        geometry=[
            box(350_000 + n * size, 5_710_000, 350_000 + (n + 1) * size, 5_710_000 + size)
            for n in range(len(ids))
        ],
        crs=ANALYSIS_CRS,
    )


def snapshot(repo: Repository) -> dict:
    """Everything a reader can see, for checking that a failed write changed nothing."""
    districts = repo.districts()
    return {
        "version": repo.data_version(),
        "offers": repo.offers(),
        "offices": repo.offices(),
        "indicators": repo.indicator_values().to_dict("records"),
        "districts": districts.drop(columns="geometry").to_dict("records"),
        "geometry": list(districts.geometry.to_wkb()),
    }


@contextmanager
def failing_on(engine: sa.Engine, statement_start: str):
    """Make the database call starting with `statement_start` raise, as a crash would."""

    def fail(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(statement_start.upper()):
            raise RuntimeError(f"injected failure at {statement_start}")

    sa.event.listen(engine, "before_cursor_execute", fail)
    try:
        yield
    finally:
        sa.event.remove(engine, "before_cursor_execute", fail)


# migrations


def test_migrate_is_idempotent(engine: sa.Engine):
    migrate(engine)
    migrate(engine)
    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head
    repo = Repository(engine)
    assert repo.data_version() == 0
    assert repo.is_empty()


def test_the_quick_check_finds_the_heads_alembic_finds():
    assert migration_heads() == frozenset(ScriptDirectory(str(MIGRATIONS_DIR)).get_heads())


def test_an_up_to_date_database_is_opened_without_loading_alembic(tmp_path):
    """Alembic costs ~0.2 s of a cold start; it is needed only when there is something to
    migrate (a fresh process, as the app's first page view)."""
    url = f"sqlite:///{tmp_path / 'qa.db'}"
    migrate(create_engine_for(url))
    code = ("import sys; from services.storage.repository import create_engine_for, migrate; "
            f"migrate(create_engine_for({url!r})); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "False"


def test_migrations_downgrade_and_upgrade_again(engine: sa.Engine):
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    migrate(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == ["alembic_version"]
    migrate(engine)
    assert Repository(engine).is_empty()


def test_migrations_create_exactly_the_schema_of_schema_py(engine: sa.Engine):
    migrate(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), schema.metadata) == []


def test_code_rows_need_their_offer(repo: Repository, engine: sa.Engine):
    """Foreign keys are enforced on both backends (SQLite only with the pragma)."""
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(
            sa.insert(schema.offer_needs),
            {"offer_id": "missing", "need_code": "lernen", "position": 0},
        )


def test_empty_database_reads_as_empty_frames(repo: Repository):
    districts = repo.districts()
    assert districts.empty and districts.crs == ANALYSIS_CRS
    assert list(districts.columns) == ["id", "name", "stadtbezirk", "is_demo", "geometry"]
    indicator_columns = list(IndicatorValue.__dataclass_fields__)
    assert list(repo.indicator_values().columns) == indicator_columns
    assert repo.offers() == [] and repo.offices() == []


# offers and offices


def test_offer_round_trip_keeps_every_field(repo: Repository):
    offers = [full_offer(district_id="A"), sparse_offer()]
    repo.upsert_offers(offers)
    assert repo.get_offer("o1") == offers[0]
    assert repo.get_offer("o2") == offers[1]
    assert repo.offers() == offers
    assert repo.get_offer("nope") is None


def test_offers_frame_holds_python_values(repo: Repository):
    offers = [full_offer(district_id="A"), sparse_offer()]
    repo.upsert_offers(offers)
    frame = repo.offers_frame()
    assert [Offer(**row) for row in frame.to_dict("records")] == offers
    sparse = frame.iloc[1]
    assert sparse.min_age is None and sparse.valid_from is None
    assert sparse.barrier_free is None and sparse.district_id is None
    assert isinstance(frame.iloc[0].valid_from, date)
    assert frame.iloc[0].opening_hours == full_offer().opening_hours


def test_empty_offers_frame_has_all_columns(repo: Repository):
    frame = repo.offers_frame()
    assert list(frame.columns) == list(Offer.__dataclass_fields__)
    assert frame.empty


def test_lists_sort_by_id_the_same_on_both_backends(repo: Repository):
    """PostgreSQL collations order case and umlauts differently; Python order wins."""
    ids = ["b", "B", "a", "Ä", "10", "9"]
    repo.upsert_offers([sparse_offer(id=i) for i in ids])
    repo.upsert_offices([full_office(id=i) for i in ids])
    repo.replace_districts(layer(*ids), {i: None for i in ids}, {i: None for i in ids})
    assert [o.id for o in repo.offers()] == sorted(ids)
    assert list(repo.offers_frame().id) == sorted(ids)
    assert [o.id for o in repo.offices()] == sorted(ids)
    assert list(repo.districts().id) == sorted(ids)


def test_upsert_replaces_offer_with_its_child_rows(repo: Repository, engine: sa.Engine):
    repo.upsert_offers([full_offer(district_id="A"), sparse_offer()])
    changed = full_offer(district_id="A", needs=("gesundheit",), audience=("familien",),
                         languages=())
    repo.upsert_offers([changed])
    assert repo.offers() == [changed, sparse_offer()]
    with engine.connect() as conn:
        for table, expected in ((schema.offer_needs, 2), (schema.offer_audiences, 2),
                                (schema.offer_languages, 1)):  # fmt: skip
            count = conn.scalar(sa.select(sa.func.count()).select_from(table))
            assert count == expected, table.name


def test_office_round_trip_and_replace(repo: Repository):
    first = full_office()
    repo.upsert_offices([first, full_office(id="f2", district_id=None, opening_hours=())])
    assert repo.get_office("f1") == first
    renamed = full_office(name="Stadtteilbüro Batenbrock", opening_hours=())
    repo.upsert_offices([renamed])
    assert repo.get_office("f1") == renamed
    assert [o.id for o in repo.offices()] == ["f1", "f2"]
    assert repo.get_office("nope") is None


# districts and indicator values


def test_district_geometry_round_trip_keeps_crs_and_area(repo: Repository):
    repo.replace_districts(layer("A", "B", size=750.0), {}, {})
    districts = repo.districts()
    assert districts.crs == ANALYSIS_CRS
    assert list(districts.columns) == ["id", "name", "stadtbezirk", "is_demo", "geometry"]
    assert list(districts.area) == pytest.approx([750.0**2] * 2)
    assert districts.iloc[0]["name"] == "Bezirk A – Süd"
    assert bool(districts.iloc[0].is_demo) is True


def test_district_layer_in_another_crs_is_stored_in_the_analysis_crs(repo: Repository):
    repo.replace_districts(layer("A").to_crs("EPSG:4326"), {}, {})
    districts = repo.districts()
    assert districts.crs == ANALYSIS_CRS
    assert districts.area.iloc[0] == pytest.approx(1000.0**2, rel=1e-6)


def test_district_layer_without_crs_is_rejected(repo: Repository):
    with pytest.raises(ValueError, match="CRS"):
        repo.replace_districts(layer("A").set_crs(None, allow_override=True), {}, {})
    assert repo.data_version() == 0


def test_replace_districts_keeps_indicator_values_and_reassigns(filled: Repository):
    before = filled.indicator_values()
    filled.replace_districts(layer("B", "C"), {"o1": "C", "o2": None}, {"f1": "B"})
    assert list(filled.districts().id) == ["B", "C"]
    assert [o.district_id for o in filled.offers()] == ["C", None]
    assert filled.get_office("f1").district_id == "B"
    assert filled.indicator_values().equals(before)  # "A" survives, to be reported


@pytest.mark.parametrize(
    "offer_map, office_map, message",
    [
        ({"o1": "A"}, {"f1": "A"}, "exactly the stored ids"),  # o2 missing
        ({"o1": "A", "o2": None, "x": "A"}, {"f1": "A"}, "exactly the stored ids"),
        ({"o1": "A", "o2": None}, {"f1": "Z"}, "not in the new layer"),
    ],
)
def test_replace_districts_rejects_mappings_that_do_not_fit(
    filled: Repository, offer_map, office_map, message
):
    before = snapshot(filled)
    with pytest.raises(ValueError, match=message):
        filled.replace_districts(layer("A"), offer_map, office_map)
    assert snapshot(filled) == before


def test_indicator_values_upsert_replaces_by_key_and_filters(repo: Repository):
    repo.upsert_indicator_values(
        [
            indicator("A", 2022, 1.0),
            indicator("A", 2023, 2.0),
            indicator("A", 2023, 9.0, key="alleinerziehende"),
        ]
    )
    repo.upsert_indicator_values([indicator("A", 2023, 2.5)])
    frame = repo.indicator_values("sgb2_u15")
    assert list(frame.columns) == ["district_id", "indicator_key", "year", "value",
                                   "source", "is_demo"]  # fmt: skip
    assert list(zip(frame.year, frame.value)) == [(2022, 1.0), (2023, 2.5)]
    assert len(repo.indicator_values()) == 3
    assert repo.indicator_values("unknown").empty


# data_version and atomicity


def test_every_write_bumps_data_version(repo: Repository):
    writes = [
        lambda: repo.replace_districts(layer("A"), {}, {}),
        lambda: repo.upsert_indicator_values([indicator("A", 2023, 1.0)]),
        lambda: repo.upsert_offers([sparse_offer()]),
        lambda: repo.upsert_offices([full_office()]),
        lambda: repo.upsert_offers([sparse_offer(name="neu")]),
        repo.clear,
        lambda: repo.replace_all(layer("A"), [], [], []),
    ]
    for expected, write in enumerate(writes, start=1):
        write()
        assert repo.data_version() == expected


def test_clear_deletes_all_data(filled: Repository, engine: sa.Engine):
    version = filled.data_version()
    filled.clear()
    assert filled.is_empty()
    assert filled.offices() == [] and filled.indicator_values().empty
    assert filled.data_version() == version + 1
    with engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(schema.offer_needs)) == 0


def test_replace_all_swaps_everything_at_once(filled: Repository):
    filled.replace_all(layer("C"), [indicator("C", 2023, 7.0)], [full_office()],
                       [sparse_offer(id="x1", district_id="C")])
    assert list(filled.districts()["id"]) == ["C"]
    assert [o.id for o in filled.offers()] == ["x1"] and filled.offers()[0].district_id == "C"
    assert list(filled.indicator_values()["value"]) == [7.0]
    assert len(filled.offices()) == 1


# addresses


def test_addresses_round_trip_sorted_and_replaced_as_a_whole(repo: Repository):
    first = [Address("Feuerbachstraße", 13, 51.5226, 6.9478, "a", "46238", True),
             Address("Feuerbachstraße", 13, 51.5225, 6.9477),
             Address("Ärztehausweg", 2, 51.53, 6.93)]  # fmt: skip
    repo.replace_addresses(first)
    assert repo.addresses() == [first[1], first[0], first[2]]  # "Ä" sorts after "F" in Python
    repo.replace_addresses([Address("Hansastraße", 1, 51.5236, 6.924)])
    assert [a.id for a in repo.addresses()] == ["Hansastraße 1"]
    assert repo.data_version() == 2


@pytest.mark.parametrize("read", ["data_version", "districts", "indicator_values", "offers",
                                  "offers_frame", "offices", "addresses"])
def test_every_read_turns_a_database_fault_into_a_german_error(engine: sa.Engine, read: str):
    """No raw SQLAlchemy error (with its SQL) reaches a caller; here the tables are missing."""
    with pytest.raises(DatabaseError) as raised:
        getattr(Repository(engine), read)()
    assert raised.value.message and "SELECT" not in str(raised.value)


def test_a_read_transaction_sees_one_state_while_a_write_commits(filled: Repository):
    with filled.reading() as tx:
        before = tx.data_version()
        filled.upsert_offers([sparse_offer(id="neu")])
        assert tx.data_version() == before and "neu" not in {o.id for o in tx.offers()}
    assert filled.data_version() == before + 1


def test_addresses_twice_in_one_batch_are_refused(repo: Repository):
    twice = [Address("Hansastraße", 1, 51.5236, 6.924)] * 2
    with pytest.raises(ValueError, match="address given more than once"):
        repo.replace_addresses(twice)
    assert repo.addresses() == [] and repo.data_version() == 0


def test_replace_all_and_clear_include_addresses(filled: Repository):
    filled.replace_all(layer("C"), [], [], [], addresses=[Address("Hansastraße", 1, 51.5236, 6.924)])
    assert len(filled.addresses()) == 1
    filled.clear()
    assert filled.addresses() == []


def test_is_empty_until_districts_or_offers_exist(repo: Repository):
    assert repo.is_empty()
    repo.replace_districts(layer("A"), {}, {})
    assert not repo.is_empty()
    repo.clear()
    repo.upsert_offers([sparse_offer()])
    assert not repo.is_empty()


FAILING_WRITES = {
    "duplicate offer id in batch": (
        lambda repo: repo.upsert_offers([sparse_offer(id="o1"), full_offer(id="o1")]),
        ValueError,
        None,
    ),
    "duplicate need within an offer": (  # fails in the database, after offers changed
        lambda repo: repo.upsert_offers([full_offer(name="neu", needs=("lernen",) * 2)]),
        DatabaseError,  # German message, no SQL (services/storage/errors.py)
        None,
    ),
    "crash at the last statement of upsert_offers": (
        lambda repo: repo.upsert_offers([full_offer(name="neu"), sparse_offer(id="o3")]),
        RuntimeError,
        "INSERT INTO offer_languages",
    ),
    "crash while re-assigning offices": (
        lambda repo: repo.replace_districts(layer("C"), {"o1": "C", "o2": None}, {"f1": "C"}),
        RuntimeError,
        "UPDATE offices",
    ),
    "crash while inserting indicator values": (
        lambda repo: repo.upsert_indicator_values([indicator("A", 2023, 99.0)]),
        RuntimeError,
        "INSERT INTO indicator_values",
    ),
    "duplicate indicator key in batch": (
        lambda repo: repo.upsert_indicator_values([indicator("C", 2023, 1.0)] * 2),
        ValueError,
        None,
    ),
    "crash while clearing": (Repository.clear, RuntimeError, "DELETE FROM districts"),
    "crash at the last step of replace_all": (
        lambda repo: repo.replace_all(layer("C"), [indicator("C", 2023, 1.0)], [full_office()],
                                      [sparse_offer(district_id="C")]),
        RuntimeError,
        "INSERT INTO offer_languages",
    ),
}


@pytest.mark.parametrize("case", FAILING_WRITES)
def test_failed_write_leaves_database_unchanged(
    filled: Repository, engine: sa.Engine, case: str
):
    write, error, fail_at = FAILING_WRITES[case]
    before = snapshot(filled)
    with pytest.raises(error):
        if fail_at is None:
            write(filled)
        else:
            with failing_on(engine, fail_at):
                write(filled)
    assert snapshot(filled) == before


# scale


def test_ten_thousand_offers_load_in_a_constant_number_of_queries(repo: Repository, engine: sa.Engine):
    """A city-wide directory loads without a query per offer (timings live in bench/)."""
    offers = [
        full_offer(id=f"o{n:05d}", needs=("sprache", "lernen"), audience=("kinder",),
                   languages=("de",))
        for n in range(10_000)
    ]
    repo.upsert_offers(offers)

    statements = []

    def record(conn, cursor, statement, *_):
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", record)
    frame = repo.offers_frame()
    assert len(statements) <= 3, statements
    assert len(frame) == 10_000 and frame.iloc[-1].needs == ("sprache", "lernen")
