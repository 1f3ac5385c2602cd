"""Events told in phrasings met on South and South-East Asian reporting: a claim made by a participle after a
video or statement, and the village of an ambush named only by its distance from a town."""

from __future__ import annotations

import datetime as dt

from conftest import describe, doers, event_places

PUB = dt.date(2021, 11, 14)


def test_a_video_claiming_responsibility_names_who_posted_it(analyse_text):
    ex = analyse_text("On Oct. 3, 2021, gunmen attacked two police posts in Maungdaw and killed five officers. "
                      "The Arakan Army later posted a video on Facebook claiming responsibility.", PUB)
    assert doers(ex) == [["Arakan Army"]], describe(ex)
    assert ex.events[0].perpetrators[0].attribution == "claimed", describe(ex)


def test_a_bare_name_measured_from_a_town_is_where_the_attack_was(analyse_text):
    ex = analyse_text("Two soldiers were killed in an ambush by militants on Saturday in Manipur's Chandel district. "
                      "Three others were injured in the attack at Khengjoy, about 40 kilometres from the district "
                      "headquarters.", PUB)
    assert event_places(ex) == ["Khengjoy"], describe(ex)


def test_a_spoken_acronym_written_in_title_case_is_the_known_group(analyse_text):
    ex = analyse_text("Members of Codeco retaliated by killing 12 people in the town of Djugu on Tuesday.", PUB)
    assert doers(ex) == [["CODECO"]], describe(ex)


def test_a_people_named_before_rebels_is_no_armed_group(analyse_text):
    ex = analyse_text("Officials said Karialan leads a bigger group of rogue Moro rebels. Many of them were once "
                      "members of the Moro Islamic Liberation Front.", PUB)
    assert not [c for c in ex.claims if c.predicate == "leader"], describe(ex)


def test_a_town_written_with_its_country_is_a_place_and_taking_it_is_an_event(analyse_text):
    ex = analyse_text("A mass grave was found in Bani Walid, Libya, last week. Bani Walid was taken by the Libyan "
                      "National Army on May 2, 2019. Fighters loyal to the GNA took back Bani Walid on June 9, "
                      "2020.", PUB)
    assert event_places(ex) == ["Bani Walid", "Bani Walid"], describe(ex)
    assert doers(ex)[0] == ["Libyan National Army"], describe(ex)


def test_taking_hostages_is_no_capture(analyse_text):
    ex = analyse_text("The militants took two hostages in Kabul on Monday.", PUB)
    assert not [e for e in ex.events if e.type == "strategic_development"], describe(ex)


def test_forces_loyal_to_a_government_took_the_town_for_it(analyse_text):
    ex = analyse_text("A mass grave was found in Bani Walid, Libya. Forces loyal to the Government of National Accord "
                      "(GNA) took back Bani Walid on June 9, 2020.", PUB)
    assert doers(ex) == [["Government of National Accord"]], describe(ex)


def test_a_massacre_its_toll_and_the_men_alleged_to_be_members_of_a_group(analyse_text):
    ex = analyse_text("Violence has grown across the region\n\nThe massacre of at least 40 Dogon (Habbe) in the "
                      "village of Sobane in early June shocked the country. The village was attacked by about 50 "
                      "armed men who are alleged to be members of the Katiba Macina.", None)
    massacre = next(e for e in ex.events if e.place is not None and e.place.name == "Sobane")
    assert massacre.killed[0] == 40, describe(ex)
    assert [p.entity.name for p in massacre.perpetrators] == ["Katiba Macina"], describe(ex)


def test_an_attack_two_days_later_in_retaliation_is_another_event(analyse_text):
    ex = analyse_text("Gunmen killed 12 herders in Djibo on Monday. Two days later, five farmers were killed in "
                      "Djibo in a retaliation attack. The Koglweogo militia is often accused of such killings.", PUB)
    assert len(ex.events) == 2, describe(ex)
    assert not [p for e in ex.events for p in e.perpetrators], describe(ex)


def test_the_person_identified_as_the_leader_who_coordinated_the_attack_did_it(analyse_text):
    ex = analyse_text("A jailed MS-13 leader, identified as Marvin Quintanilla, coordinated the attack on a bus in "
                      "San Salvador on Monday.", PUB)
    assert [c for c in ex.claims if c.subject.name == "Marvin Quintanilla" and "leader" in str(c.obj)], describe(ex)
    assert doers(ex) == [["Marvin Quintanilla"]], describe(ex)
