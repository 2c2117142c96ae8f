"""z-scores: sample standard deviation, missing values kept, no spread means average."""

from __future__ import annotations

import numpy as np
import pytest

from services.analysis.standardise import Spread, spread, zscores


def test_zscores_use_the_sample_standard_deviation():
    assert zscores(np.array([10.0, 20.0, 30.0])).tolist() == [-1.0, 0.0, 1.0]
    assert spread(np.array([10.0, 20.0, 30.0])) == Spread(20.0, 10.0)


def test_missing_values_stay_missing_and_do_not_count():
    z = zscores(np.array([10.0, np.nan, 30.0]))
    assert np.isnan(z[1]) and z[[0, 2]] == pytest.approx([-1 / np.sqrt(2), 1 / np.sqrt(2)])


def test_no_spread_gives_every_value_zero():
    assert zscores(np.array([5.0, 5.0, np.nan])).tolist()[:2] == [0.0, 0.0]
    assert zscores(np.array([7.0])).tolist() == [0.0]
    assert spread(np.array([np.nan])).sd == 0.0


def test_a_reference_spread_measures_against_another_distribution():
    assert zscores(np.array([0.5, 1.0]), Spread(0.5, 0.5)).tolist() == [0.0, 1.0]
