"""Attacks given as examples of a group's record, counts over several days, campaigns going on, sites named after
towns, and the dates and doers of events told in side clauses."""

from __future__ import annotations

import datetime as dt

from conftest import describe, doers, event_places

PUB = dt.date(2023, 3, 15)


def test_an_attack_told_after_a_groups_record_is_suspected_to_be_its(analyse_text):
    ex = analyse_text("The Harran Front has carried out several major attacks in the south. In May 2019, three "
                      "gunmen attacked a police station in Dargal, killing four officers.", PUB)
    assert doers(ex) == [["Harran Front"]], describe(ex)
    assert ex.events[0].perpetrators[0].attribution == "suspected", describe(ex)


def test_a_group_named_between_ends_the_records_reach(analyse_text):
    ex = analyse_text("The Harran Front has carried out several major attacks in the south. The Lion Brigade "
                      "rejected talks. In May 2019, three gunmen attacked a police station in Dargal, killing four "
                      "officers.", PUB)
    assert doers(ex) == [[]], describe(ex)


def test_a_count_over_several_days_is_no_event(analyse_text):
    ex = analyse_text("At least 47 soldiers were killed in the last four days in Sagaing Region.", PUB)
    assert ex.events == [], describe(ex)


def test_a_campaign_going_on_is_no_event(analyse_text):
    ex = analyse_text("The rebels continued to attack army posts across Sagaing Region.", PUB)
    assert ex.events == [], describe(ex)


def test_a_site_named_after_a_town_is_the_site(analyse_text):
    ex = analyse_text("Five militants were killed on Monday in an operation in New Kahan Marri Camp in Quetta.", PUB)
    assert event_places(ex) == ["Quetta"], describe(ex)
    assert all(m.text != "Kahan" for m in ex.mentions), describe(ex)


def test_a_stock_exchange_named_after_a_city_is_no_person(analyse_text):
    ex = analyse_text("In June 2020, the BLA claimed an attack on the Karachi Stock Exchange that killed four.", PUB)
    assert event_places(ex) == ["Karachi"], describe(ex)


def test_the_city_named_deep_in_the_sentence_is_the_one_named_before(analyse_text):
    ex = analyse_text("Police patrolled Quetta on Sunday. On Monday evening, gunmen killed a civilian when they "
                      "hurled hand grenades at a stall in the city.", PUB)
    assert event_places(ex) == ["Quetta"], describe(ex)


def test_the_doers_of_strikes_in_a_when_clause(analyse_text):
    ex = analyse_text("At least seven soldiers were killed in Madaya Township on Sunday when the Unicorn Guerrilla "
                      "Force conducted drone strikes on a military post.", PUB)
    assert doers(ex) == [["Unicorn Guerrilla Force"]], describe(ex)


def test_a_date_after_a_places_apposition_dates_the_event(analyse_text):
    ex = analyse_text("At least 31 soldiers were killed during clashes with rebels in Pekon Township, southern Shan "
                      "State on Saturday.", PUB)
    assert [e.date for e in ex.events] == ["2023-03-11"], describe(ex)


def test_a_city_sharing_its_regions_name_holds_the_township(analyse_text):
    ex = analyse_text("Seven junta troops killed by drone strikes in Mandalay\n\nAt least seven soldiers were killed "
                      "in Madaya Township on Sunday when rebels dropped bombs on a post.", PUB)
    assert len(ex.events) == 1, describe(ex)


def test_a_title_case_force_is_a_group_and_its_owners_town_no_place(analyse_text):
    ex = analyse_text("Aburraouf Kara's Rada Force abducted a militia commander on 14 August, and fighting went on in "
                      "Tripoli.", PUB)
    assert doers(ex) == [["Rada Force"]], describe(ex)
    assert event_places(ex) == ["Tripoli"], describe(ex)


def test_a_states_task_force_is_no_group(analyse_text):
    ex = analyse_text("The Joint Task Force attacked a rebel camp in Tripoli on Monday, killing 12.", PUB)
    assert not any(m.entity.type == "armed_group" for m in ex.mentions if "Task" in m.text), describe(ex)


def test_fighting_between_those_militias_is_between_the_two_named(analyse_text):
    ex = analyse_text("After the Harran Front seized a commander of the Lion Brigade on Monday, heavy fighting broke "
                      "out between those militias in Tripoli, killing 12.", PUB)
    assert sorted(doers(ex)[0]) == ["Harran Front", "Lion Brigade"], describe(ex)


def test_fighting_broke_out_between_two_named_sides(analyse_text):
    ex = analyse_text("Heavy fighting broke out between the Harran Front and the Lion Brigade in Tripoli on Monday, "
                      "killing 12.", PUB)
    assert sorted(doers(ex)[0]) == ["Harran Front", "Lion Brigade"], describe(ex)


def test_the_cafe_attack_refers_back_to_the_storming_of_a_cafe(analyse_text):
    ex = analyse_text("Police raided a hideout in Dhaka on Monday, killing two militants. The crackdown began after "
                      "attacks in July 2016, when militants stormed a Dhaka cafe, killing 22 people. The raid came "
                      "after police learned of members of the Harran Front, the group that carried out the cafe "
                      "attack.", dt.date(2019, 4, 30))
    stormed = [e for e in ex.events if e.date == "2016-07"]
    assert [[p.entity.name for p in e.perpetrators] for e in stormed] == [["Harran Front"]], describe(ex)


def test_insurgents_the_report_later_says_are_called_a_group_are_that_group(analyse_text):
    ex = analyse_text("Earlier this week, at least 76 paramilitaries were killed in an ambush by hundreds of "
                      "insurgents in Chhattisgarh.\n\nThe government vowed to respond.\n\nThe rebels are often "
                      "called the Maoists, or Naxalites, and are the latest incarnation of armed rebels.",
                      dt.date(2010, 4, 8))
    assert doers(ex) == [["Communist Party of India (Maoist)"]], describe(ex)


def test_insurgents_named_as_two_groups_stay_unnamed(analyse_text):
    ex = analyse_text("At least 12 soldiers were killed in an ambush by insurgents in Chhattisgarh on Monday. The "
                      "rebels are known as the Harran Front. Other rebels are called the Lion Brigade.",
                      dt.date(2010, 4, 8))
    assert doers(ex) == [[]], describe(ex)


def test_a_toll_of_the_conflict_is_no_event(analyse_text):
    ex = analyse_text("An estimated 2.5 million people were displaced and 300,000 killed in the conflict.", PUB)
    assert ex.events == [], describe(ex)


def test_a_toll_running_to_a_date_is_no_event(analyse_text):
    ex = analyse_text("As of 2021, over 7,000 people have been killed and another 13,000 wounded in southern "
                      "Thailand.", PUB)
    assert ex.events == [], describe(ex)


def test_a_toll_of_one_attack_up_to_a_day_is_still_its_toll(analyse_text):
    ex = analyse_text("As of Monday, 12 people have been killed in the attack on a market in Kabul.", PUB)
    assert [e.killed for e in ex.events] == [(12, 12)], describe(ex)
