"""Towns the gazetteer knows only abroad, attacks attributed to a group in quotes, and attackers named as members of
a group in a sentence of their own."""

from __future__ import annotations

import datetime as dt

from conftest import describe, doers, event_places

PUB = dt.date(2024, 6, 22)


def test_a_town_known_only_abroad_keeps_its_own_name_and_no_foreign_country(analyse_text):
    ex = analyse_text("Four civilians killed in attack in Darra district of Oromia\n\nAt least four civilians were "
                      "killed in an attack last week in the Darra district of Ethiopia's Oromia region.", PUB)
    assert [(e.place.name, e.place.country) for e in ex.events] == [("Darra", None)], describe(ex)


def test_two_spellings_of_an_unknown_town_are_one_event(analyse_text):
    ex = analyse_text("Four civilians killed in attack in Darra district of Oromia\n\nAn attack in the Dara district "
                      "of Ethiopia's Oromia region killed four civilians on 15 June, 2024.", PUB)
    assert len(ex.events) == 1, describe(ex)


def test_an_attack_attributed_to_quoted_militants_is_blamed_on_them(analyse_text):
    ex = analyse_text("Four civilians were killed in an attack in Darra on Saturday. Residents attributed the attack "
                      "to “Fano militants.”", PUB)
    assert doers(ex) == [["Fano"]], describe(ex)
    assert ex.events[0].perpetrators[0].attribution == "blamed", describe(ex)


def test_an_attacker_said_to_be_a_member_of_a_group_blames_it(analyse_text):
    ex = analyse_text("A suicide bomber blew himself up outside the US embassy in Ankara on Friday, killing a "
                      "guard.\n\nThe prime minister said the bomber was a member of the DHKP-C, a far-left group.",
                      PUB)
    assert doers(ex) == [["Revolutionary People's Liberation Party-Front"]], describe(ex)
    assert ex.events[0].perpetrators[0].attribution == "blamed", describe(ex)


def test_the_main_suspect_named_apart_is_suspected(analyse_text):
    ex = analyse_text("A suicide bomber blew himself up outside the US embassy in Ankara on Friday, killing a "
                      "guard.\n\nUS officials said that the DHKP-C was the main suspect.", PUB)
    assert doers(ex) == [["Revolutionary People's Liberation Party-Front"]], describe(ex)
    assert ex.events[0].perpetrators[0].attribution == "suspected", describe(ex)


def test_a_village_named_later_places_the_headline_event(analyse_text):
    ex = analyse_text("Maoist IED blast kills 8 jawans in Bijapur\n\nEight jawans were killed on Monday when their "
                      "vehicle was blown up by Maoists in Bijapur district.\n\nThe incident took place near Ambeli "
                      "village under Kutru police station.", PUB)
    assert event_places(ex) == ["Ambeli"], describe(ex)


def test_the_agent_of_a_passive_blast_is_the_doer(analyse_text):
    ex = analyse_text("On April 26, 2023, nine jawans were killed when the vehicle in which they were travelling "
                      "was blown up in an IED blast by Maoists in Dantewada district.", PUB)
    assert doers(ex) == [["Maoists"]], describe(ex)


def test_an_event_referred_to_keeps_its_place_beside_the_one_it_came_after(analyse_text):
    ex = analyse_text("Gunmen killed seven people in Israel on Friday night.\n\nThe shooting in Jerusalem came "
                      "after the killing of 10 Palestinians a day earlier in Jenin.", PUB)
    assert [e.place.name for e in ex.events][:1] == ["Jerusalem"], describe(ex)
    assert not [v for e in ex.events[:1] for v in e.targets if "Palestinian" in v], describe(ex)


def test_a_page_date_on_its_own_line_does_not_date_the_caption_after_it(analyse_text):
    ex = analyse_text("Group claims Jerusalem shooting\n\n22 June, 2024\nThe shooting in Jerusalem left seven "
                      "dead.\n\nThe group claimed the shooting in Jerusalem on Friday night, which killed seven.",
                      PUB)
    assert [e.date for e in ex.events] == ["2024-06-21"], describe(ex)
