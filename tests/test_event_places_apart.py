"""Where an event happened when the text puts a district inside a city, names a place only in its source, or
tells two deeds in one sentence, each in a place of its own; and a designation that is no founding."""

from __future__ import annotations

import datetime as dt

from conftest import describe, doers, event_places, has_claim, literal_claims

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


def test_events_listed_one_after_another_keep_their_own_dates_places_and_tolls(analyse_text):
    ex = analyse_text("Other attacks included a March 1994 bombing in Kandy, which killed 12 soldiers; the June 1995 "
                      "murder of a judge; and an April 1997 truck bomb attack on a bank in Galle that killed 40 "
                      "people.", PUB)
    seen = {(e.date, e.place.name if e.place else None) for e in ex.events}
    assert seen == {("1994-03", "Kandy"), ("1995-06", None), ("1997-04", "Galle")}, describe(ex)
    assert [e.killed for e in ex.events if e.date == "1994-03"] == [(12, 12)], describe(ex)


def test_a_states_jets_are_its_army(analyse_text):
    ex = analyse_text("Israeli jets killed a commander of the group in Gaza on Friday.", PUB)
    assert doers(ex) == [["Israel Defense Forces"]], describe(ex)


def test_the_jets_alone_name_no_force(analyse_text):
    ex = analyse_text("The jets killed 12 people in Gaza on Friday.", PUB)
    assert doers(ex) == [[]], describe(ex)


def test_a_squad_sent_by_an_agency_is_the_agencys_doing(analyse_text):
    ex = analyse_text("The group's founder was assassinated in Malta in 1995 by a hit squad sent by Israel's spy "
                      "agency, Mossad.", PUB)
    assert doers(ex) == [["Mossad"]], describe(ex)


def test_one_of_the_groups_attacks_is_the_groups(analyse_text):
    ex = analyse_text("Islamic Jihad has fought Israel for decades. One of the group's deadliest attacks was in 1989 "
                      "on a bus near Haifa that killed 16 people.", PUB)
    assert doers(ex) == [["Palestinian Islamic Jihad"]], describe(ex)


def test_many_bombings_over_years_are_no_event(analyse_text):
    ex = analyse_text("Islamic Jihad claimed responsibility for many suicide bombings in Israel from 2000 to 2005.",
                      PUB)
    assert ex.events == [], describe(ex)


def test_a_wing_known_by_a_name_is_what_was_founded(analyse_text):
    ex = analyse_text("The Harran Front was founded in 1981. In 1992, the Harran Front's armed wing, known as the "
                      "Qadisiya Brigade, was founded.", PUB)
    assert [c["date"] for c in literal_claims(ex, "Harran Front", "founded")] == ["1981"], describe(ex)
    assert [c["date"] for c in literal_claims(ex, "Qadisiya Brigade", "founded")] == ["1992"], describe(ex)


def test_a_country_set_beside_a_city_only_says_which_city(analyse_text):
    ex = analyse_text("The Harran Front is a militant group. Its leaders are based in Damascus, Syria.", PUB)
    assert has_claim(ex, "Harran Front", "based_in", "Damascus"), describe(ex)
    assert not has_claim(ex, "Harran Front", "based_in", "Syria"), describe(ex)


def test_a_dateline_after_captions_is_where_the_report_was_filed(analyse_text):
    ex = analyse_text("Rebels kill two soldiers\nFive soldiers were also injured in the ambush.\n\nArmy troops near "
                      "the ambush site. (Photo: AP)\n\nGuwahati: Two soldiers were killed in an ambush by rebels in "
                      "Tinsukia district on Sunday.", PUB)
    assert event_places(ex) == ["Tinsukia"], describe(ex)


def test_one_of_the_groups_members_accused_does_not_make_the_group_the_doer(analyse_text):
    ex = analyse_text("The Harran Front is a militant group. The organization gained attention in 2017 when one of "
                      "their former members was accused in a double murder in Tampa.", PUB)
    assert doers(ex) == [[]], describe(ex)
