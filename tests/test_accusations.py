"""What a group is accused of says where it is active and whom it targets, as an allegation: "is accused of
dozens of attacks in X", "blamed for the attacks against Y villagers in Z"."""

from __future__ import annotations

import datetime as dt

from conftest import claims_of, describe, has_claim

PUB = dt.date(2019, 5, 2)


def test_attacks_a_group_is_accused_of_place_it_as_an_allegation(analyse_text):
    ex = analyse_text("Abu Sayyaf is a militant group. It is accused of scores of kidnappings in Sabah since 2000, "
                      "as well as involvement in bombings in Jolo, and of plotting attacks on churches in Manila.",
                      PUB)
    places = {c.obj.name: c for c in claims_of(ex, "active_in", "Abu Sayyaf")}
    assert {"Sabah", "Jolo"} <= set(places), describe(ex)
    assert all(c.modality == "alleged" for c in places.values()), describe(ex)
    assert "Manila" not in places, describe(ex)  # a plot is no attack there


def test_the_people_an_accused_group_attacked_are_its_targets(analyse_text):
    ex = analyse_text("The Koglweogo militia is often blamed for the attacks against Fulani villagers in northern "
                      "Burkina Faso.", PUB)
    target = has_claim(ex, "Koglweogo", "targets", "Fulani")
    assert target and target.modality == "alleged", describe(ex)
    assert has_claim(ex, "Koglweogo", "active_in", "Burkina Faso"), describe(ex)


def test_a_clause_after_the_named_ally_is_about_the_group_described(analyse_text):
    ex = analyse_text("Abu Sayyaf is a violent extremist group linked to al Qaeda which operates in the southern "
                      "Philippines.", PUB)
    assert has_claim(ex, "Abu Sayyaf", "active_in", "Philippines"), describe(ex)
    assert not claims_of(ex, "active_in", "al-Qaeda"), describe(ex)
