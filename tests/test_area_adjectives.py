"""Where a group operates, told by an adjective for a region or a country ("several Central Asian regions",
"three Afghan provinces") and by an adjective phrase set before the group ("Active in ..., the group")."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import describe, has_claim

PUB = dt.date(2015, 5, 24)


@pytest.mark.parametrize(("word", "area"), [("Central Asian", "Central Asia"), ("West African", "West Africa"),
                                            ("Middle Eastern", "Middle East"), ("Sahelian", "Sahel"),
                                            ("Balkan", "Balkans")])
def test_an_adjective_names_its_area(word, area):
    from dossier.nlp.places import gazetteer

    found = gazetteer().area_of_adjective(word)
    assert found is not None and found.name == area, found


def test_a_nationality_is_no_area():
    from dossier.nlp.places import gazetteer

    assert gazetteer().area_of_adjective("Afghan") is None


def test_a_fronted_active_in_area_adjective_places_the_group(analyse_text):
    ex = analyse_text("The Islamic Movement of Uzbekistan is an insurgent group. Active in several Central Asian "
                      "regions, the group has been under strict monitoring.", PUB)
    assert has_claim(ex, "Islamic Movement of Uzbekistan", "active_in", "Central Asia"), describe(ex)


def test_provinces_named_by_a_nationality_are_that_country(analyse_text):
    ex = analyse_text("The Taliban operate in several Afghan provinces.", PUB)
    assert has_claim(ex, "Taliban", "active_in", "Afghanistan"), describe(ex)
