"""An adjective for a region ("Central Asian", "West African") names that area, so that "several Central Asian
regions" places a group there; a nationality names a country, never an area. (The claims this makes are cases of
`ENTITY_CLAIMS` in test_relations.py.)"""

from __future__ import annotations

import pytest

from dossier.nlp.places import gazetteer


@pytest.mark.parametrize(("word", "area"), [("Central Asian", "Central Asia"), ("West African", "West Africa"),
                                            ("Middle Eastern", "Middle East"), ("Sahelian", "Sahel"),
                                            ("Balkan", "Balkans")])
def test_an_adjective_names_its_area(word, area):
    found = gazetteer().area_of_adjective(word)
    assert found is not None and found.name == area, found


def test_a_nationality_is_no_area():
    assert gazetteer().area_of_adjective("Afghan") is None
