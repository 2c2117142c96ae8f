"""The checks of a scenario and its hypothetical offers (German messages)."""

from __future__ import annotations

from services.scenario import HypotheticalOffer, Scenario, scenario_problems


def test_every_problem_is_named():
    bad = Scenario(" ", (
        HypotheticalOffer("", ("zaubern",), 51.5, 6.9, min_age=9, max_age=3),
        HypotheticalOffer("Treff", ("lernen",), 95.0, 6.9, audience=("opa",)),
    ))  # fmt: skip
    assert scenario_problems(bad) == [
        "Das Szenario braucht einen Namen.",
        "Angenommenes Angebot 1: Der Name fehlt.",
        "Angenommenes Angebot 1: Bitte mindestens einen Bedarf aus der Liste wählen.",
        "Angenommenes Angebot 1: Das Alter muss zwischen 0 und 120 liegen, das Mindestalter "
        "darf nicht über dem Höchstalter liegen.",
        "Angenommenes Angebot 2 (Treff): Unbekannte Zielgruppe.",
        "Angenommenes Angebot 2 (Treff): Die Position liegt nicht auf der Erde.",
    ]


def test_a_good_scenario_has_none():
    good = Scenario("Gut", (HypotheticalOffer("Treff", ("lernen", "sprache"), 51.5, 6.9, 6, 13),))
    assert scenario_problems(good) == [] and scenario_problems(Scenario("Leer")) == []
