"""District layers: formats, CRS, field choice, geometry repair; point-in-district."""

from __future__ import annotations

import zipfile

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Polygon

from services.geo import assign_districts, repair_geometries, to_web_crs
from services.io.districts import read_districts
from services.io.errors import ImportFailed
from tests.unit.io.helpers import ORIGIN_X, ORIGIN_Y, SIDE, centre, lat_lon, layer

# Writing the test Shapefiles warns about 10-character field names and a missing CRS.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Column names longer:UserWarning", "ignore:'crs' was not provided:UserWarning",
    "ignore:Normalized/laundered field name:RuntimeWarning",
)


def problems_of(path, **fields) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        read_districts(path, **fields)
    return [str(p) for p in failed.value.problems]


def test_geojson_in_utm(tmp_path):
    path = tmp_path / "bezirke.geojson"
    layer().to_file(path, driver="GeoJSON")
    districts, warnings = read_districts(path)
    assert warnings == []
    assert districts.crs == "EPSG:25832"
    assert list(districts.columns) == ["id", "name", "stadtbezirk", "is_demo", "geometry"]
    assert list(districts["id"]) == ["A1", "B2", "C3"]
    assert districts.geometry.iloc[0].area == pytest.approx(SIDE * SIDE)


def test_geojson_in_wgs84_is_reprojected(tmp_path):
    path = tmp_path / "bezirke.geojson"
    to_web_crs(layer()).to_file(path, driver="GeoJSON")
    districts, _ = read_districts(path)
    assert districts.crs == "EPSG:25832"
    assert districts.geometry.iloc[1].centroid.x == pytest.approx(ORIGIN_X + 1.5 * SIDE, abs=0.5)


def zipped_shapefile(tmp_path, gdf, name="bezirke") -> str:
    folder = tmp_path / "shp"
    folder.mkdir()
    gdf.to_file(folder / f"{name}.shp")
    archive = tmp_path / f"{name}.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in folder.iterdir():
            zf.write(part, part.name)
    return archive


def test_zipped_shapefile_with_own_field_names(tmp_path):
    gdf = layer().rename(columns={"id": "BEZ_NR", "name": "BEZ_NAME", "stadtbezirk": "SBZ"})
    gdf["BEZ_NR"] = [31, 32, 41]  # numbers, as statistics offices number their districts
    archive = zipped_shapefile(tmp_path, gdf.drop(columns="is_demo"))
    districts, _ = read_districts(archive, id_field="bez_nr", name_field="BEZ_NAME",
                                  stadtbezirk_field="sbz")
    assert list(districts["id"]) == ["31", "32", "41"]
    assert list(districts["name"]) == ["Altstadt", "Batenbrock-Süd", "Welheim"]
    assert list(districts["stadtbezirk"]) == ["Mitte", "Süd", "Süd"]
    assert list(districts["is_demo"]) == [False] * 3


def test_geopackage(tmp_path):
    layer().to_file(tmp_path / "bezirke.gpkg", driver="GPKG")
    districts, _ = read_districts(tmp_path / "bezirke.gpkg")
    assert len(districts) == 3


def test_no_crs_is_a_problem(tmp_path):
    archive = zipped_shapefile(tmp_path, layer().set_crs(None, allow_override=True))
    assert problems_of(archive) == [
        "bezirke.zip: Die Datei hat kein Koordinatenbezugssystem; bitte mit Bezugssystem "
        "speichern (z. B. EPSG:25832)"
    ]


def test_missing_field_lists_the_available_ones(tmp_path):
    layer().to_file(tmp_path / "b.geojson", driver="GeoJSON")
    assert problems_of(tmp_path / "b.geojson", id_field="BEZ_NR") == [
        "b.geojson, Feld 'BEZ_NR': Feld fehlt in der Datei "
        "(vorhandene Felder: id, name, stadtbezirk, is_demo)"
    ]


def test_bowtie_is_repaired_with_a_warning(tmp_path):
    x, y = ORIGIN_X + 3 * SIDE, ORIGIN_Y
    bowtie = Polygon([(x, y), (x + SIDE, y + SIDE), (x + SIDE, y), (x, y + SIDE), (x, y)])
    gdf = gpd.GeoDataFrame(
        {"id": ["A1", "D4"], "name": ["Altstadt", "Fliege"]},
        geometry=[layer().geometry.iloc[0], bowtie], crs="EPSG:25832",
    )
    gdf.to_file(tmp_path / "b.geojson", driver="GeoJSON")
    districts, warnings = read_districts(tmp_path / "b.geojson")
    assert [str(w) for w in warnings] == [
        "b.geojson, Objekt 2: Ungültige Geometrie (Umring überschneidet sich selbst) "
        "wurde repariert"
    ]
    fixed = districts.geometry.iloc[1]
    assert fixed.is_valid and fixed.geom_type == "MultiPolygon"
    assert fixed.area == pytest.approx(SIDE * SIDE / 2)


def test_attribute_and_geometry_problems_all_at_once(tmp_path):
    squares = layer()
    gdf = gpd.GeoDataFrame(
        {"id": ["A1", "a1", "", "E5"], "name": ["Altstadt", "Boy", "Ebel", "Boy"]},
        geometry=[squares.geometry.iloc[0], squares.geometry.iloc[1], squares.geometry.iloc[2],
                  LineString([(ORIGIN_X, ORIGIN_Y), (ORIGIN_X + 5, ORIGIN_Y + 5)])],
        crs="EPSG:25832",
    )
    gdf.to_file(tmp_path / "b.geojson", driver="GeoJSON")
    assert problems_of(tmp_path / "b.geojson") == [
        "b.geojson, Objekt 2, Feld 'id': Die Bezirks-ID 'a1' kommt mehrfach vor "
        "(zuerst in Objekt 1)",
        "b.geojson, Objekt 3, Feld 'id': Wert fehlt (Pflichtfeld)",
        "b.geojson, Objekt 4, Feld 'name': Der Bezirksname 'Boy' kommt mehrfach vor "
        "(zuerst in Objekt 2)",
        "b.geojson, Objekt 4: Geometrie ist ein LineString, erwartet wird eine Fläche (Polygon)",
    ]


def test_assign_districts_inside_and_outside():
    points = [centre(0), centre(2), centre(1, dx=-SIDE / 2 + 1), lat_lon(ORIGIN_X - 10, ORIGIN_Y)]
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    assert assign_districts(lats, lons, layer()) == ["A1", "C3", "B2", None]
    assert assign_districts([], [], layer()) == []
    assert assign_districts([float("nan")], [6.9], layer()) == [None]


def test_a_point_in_two_districts_gets_the_smallest_id_whatever_the_order():
    """Shared borders (and overlaps in sloppy layers) must not depend on row order."""
    squares = layer()
    cover = gpd.GeoDataFrame({"id": ["AA"]}, geometry=[squares.union_all()], crs=squares.crs)
    both = gpd.GeoDataFrame(gpd.pd.concat([squares, cover]), crs=squares.crs)
    lats, lons = zip(centre(0), centre(2))
    assert assign_districts(lats, lons, both) == ["A1", "AA"]
    assert assign_districts(lats, lons, both.iloc[::-1]) == ["A1", "AA"]


def test_a_point_exactly_on_a_border_gets_one_district():
    wgs = to_web_crs(layer())  # in the layer's own CRS the shared vertex is exact
    shared = wgs.geometry.iloc[1].intersection(wgs.geometry.iloc[2])
    x, y = shared.coords[0]
    assert assign_districts([y], [x], wgs) == ["B2"]
    assert assign_districts([y], [x], wgs.iloc[::-1]) == ["B2"]


def test_repair_reports_empty_geometries():
    gdf = gpd.GeoDataFrame({"id": ["x"]}, geometry=[Polygon()], crs="EPSG:25832")
    repaired, issues = repair_geometries(gdf)
    assert repaired.geometry.iloc[0] is None
    assert [(i.position, i.reason, i.repaired) for i in issues] == [(0, "empty", False)]
