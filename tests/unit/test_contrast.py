"""Text on the map stays readable: marker letters, cluster numbers and labels reach 4.5:1."""

import re
from pathlib import Path

import pytest

from services.contrast import contrast_ratio
from services.taxonomy import NEEDS

AA = 4.5
CSS = Path(__file__).resolve().parents[2] / "static" / "quartiersatlas.css"


def test_the_formula_gives_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("need", NEEDS, ids=lambda n: n.code)
def test_white_marker_letters_on_each_need_colour(need):
    assert contrast_ratio(need.colour, "#ffffff") >= AA


def _rule(selector: str) -> str:
    css = CSS.read_text(encoding="utf-8")
    match = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert match, selector
    return match[1]


def _colour(rule: str, prop: str) -> str:
    return re.search(rf"(?<![-\w]){prop}:\s*(#[0-9a-fA-F]{{6}})", rule)[1]


@pytest.mark.parametrize("selector", [".qa-cluster span", ".qa-office span"])
def test_cluster_and_office_symbols(selector):
    rule = _rule(selector)
    assert contrast_ratio(_colour(rule, "color"), _colour(rule, "background")) >= AA


def test_legend_grey_text_on_white():
    assert contrast_ratio(_colour(_rule(".qa-legend-line"), "color"), "#ffffff") >= AA
    assert contrast_ratio(_colour(_rule(".qa-legend-source"), "color"), "#ffffff") >= AA
