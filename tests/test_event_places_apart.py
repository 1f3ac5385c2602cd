"""Where an event happened when the text puts a district inside a city, names a place only in its source, or
tells two deeds in one sentence, each in a place of its own; and a designation that is no founding."""

from __future__ import annotations

import datetime as dt

from conftest import describe, event_places, literal_claims

PUB = dt.date(2024, 10, 25)


def test_a_district_of_a_city_places_the_event_the_city_was_named_for(analyse_text):
    ex = analyse_text("Rebels claim attack on arms factory in Ankara\n\nThe Harran Front said it carried out "
                      "Wednesday's attack on an arms factory in Ankara.\n\nThe factory in Ankara's eastern "
                      "Mamakoy district was attacked by two gunmen on Wednesday. Four people were killed.", PUB)
    assert event_places(ex) == ["Mamakoy"], describe(ex)
    assert ex.events[0].place.admin1 == "Ankara", describe(ex)


def test_a_place_named_only_in_the_source_is_not_where_it_happened(analyse_text):
    ex = analyse_text("According to an officer who spoke to Radio Kabul, the attacks were launched on a police post "
                      "near the village of Dashtak on Sunday.", PUB)
    assert event_places(ex) == ["Dashtak"], describe(ex)


def test_two_deeds_joined_in_one_sentence_each_in_its_own_place_are_two_events(analyse_text):
    ex = analyse_text("The militia is accused of kidnapping 30 farmers in Tel Maraq in 2019, and killing 12 in "
                      "Wadi Safran.", PUB)
    assert sorted(event_places(ex)) == ["Tel Maraq", "Wadi Safran"], describe(ex)
    tolls = {e.place.name: e.killed for e in ex.events}
    assert tolls["Tel Maraq"] == (None, None) and tolls["Wadi Safran"] == (12, 12), describe(ex)


def test_two_deeds_joined_in_one_place_stay_one_event(analyse_text):
    ex = analyse_text("Gunmen stormed a school in Tel Maraq on Monday, and killed 12 teachers in Tel Maraq.", PUB)
    assert len(ex.events) == 1, describe(ex)


def test_declaring_a_group_as_a_terrorist_organisation_is_no_founding(analyse_text):
    ex = analyse_text("The Harran Front was founded in 2011. Washington declared the group as a terrorist "
                      "organisation in 2015.", PUB)
    assert [c["date"] for c in literal_claims(ex, "Harran Front", "founded")] == ["2011"], describe(ex)
