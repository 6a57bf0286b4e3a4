"""Blocking of event reports by place cells (aggregate.py): near places meet across a cell border."""

from newsgraph.aggregate import NEAR_KM, _cells_near, _km


def test_two_places_near_each_other_across_a_cell_border_share_a_cell():
    # 24 km apart, one on each side of the 34.5 degree cell border
    a, b = (34.607, 43.679), (34.391, 43.679)
    assert _km(a, b) <= NEAR_KM
    assert _cells_near(a) & _cells_near(b)


def test_far_places_share_no_cell():
    assert not _cells_near((34.6, 43.7)) & _cells_near((36.3, 43.1))
