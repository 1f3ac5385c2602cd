"""A report's event told again in later sentences that say more precisely where and when it happened: a raid
named again with its village, a device found in a town, a building named after its town, "the incident" near a
village; and counts and quotations that must not open or date an event of their own."""

from __future__ import annotations

import datetime as dt

from conftest import describe, event_places

SATURDAY = dt.date(2022, 3, 12)


def event_dates(ex) -> list[str | None]:
    return [e.date for e in ex.events]


def test_a_raid_told_again_with_its_village_and_day_is_one_event_there(analyse_text):
    ex = analyse_text("Insurgents in Mozambique killed five people in a raid on a police post in Cabo Delgado "
                      "province, officials said Saturday. The night raid on Thursday involved \"armed insurgent "
                      "groups\" and claimed the lives of three policemen and two farmers at Batibo, a statement "
                      "said.", SATURDAY)
    assert event_places(ex) == ["Batibo"], describe(ex)
    assert event_dates(ex) == ["2022-03-10"], describe(ex)


def test_a_name_said_to_sit_on_a_border_is_a_place(analyse_text):
    text = "Troops pushed back an assault on the army post at Batibo on Friday, killing three rebels."
    assert event_places(analyse_text(text, SATURDAY)) == [None]  # the NER takes the name for an organisation
    ex = analyse_text(text + " Batibo sits on the border between the Northwest province and the West province.",
                      SATURDAY)
    assert event_places(ex) == ["Batibo"], describe(ex)


def test_the_device_found_in_a_city_places_and_dates_the_bombing_claimed_last_week(analyse_text):
    ex = analyse_text("The Free Ulster Army has claimed responsibility for an attempt to kill a prison officer with "
                      "a car bomb in Northern Ireland last week. The group said in a statement on Friday night that "
                      "it planted the device that was found under the officer's car at a sports club in Belfast on "
                      "Sunday. Two cars linked to the attempted bomb attack were found burnt out in Lisburn.",
                      SATURDAY)
    assert event_places(ex) == ["Belfast"], describe(ex)
    assert event_dates(ex) == ["2022-03-06"], describe(ex)


def test_a_station_named_after_a_city_is_in_that_city(analyse_text):
    ex = analyse_text("On March 3, 2022, at least 12 people were killed when a suicide bomber blew himself up near "
                      "the ticket office of the Peshawar Railway Station in Khyber Pakhtunkhwa.", SATURDAY)
    assert event_places(ex) == ["Peshawar"], describe(ex)


def test_this_morning_in_a_quoted_claim_does_not_date_the_attack_to_the_report(analyse_text):
    ex = analyse_text("On March 9, 2022, a suicide bomber killed 20 soldiers at a checkpoint in Quetta. The Free "
                      "Hills Army claimed the attack. \"This morning, a fidayee attack was carried out on an army "
                      "unit in Quetta,\" its spokesman said.", SATURDAY)
    assert event_dates(ex) == ["2022-03-09"], describe(ex)


def test_the_incident_near_a_village_places_the_attack_told_before(analyse_text):
    ex = analyse_text("Seven policemen died in Bastar district on Friday after rebels blew up their vehicle with a "
                      "roadside bomb. A police officer said that the incident occurred near Kodenar village.",
                      SATURDAY)
    assert event_places(ex) == ["Kodenar"], describe(ex)
    assert len(ex.events) == 1, describe(ex)


def test_the_incident_alone_opens_no_event(analyse_text):
    ex = analyse_text("Police said the incident occurred near Kodenar village on Friday.", SATURDAY)
    assert ex.events == [], describe(ex)


def test_a_count_kept_since_a_year_is_no_event(analyse_text):
    ex = analyse_text("Seven policemen were killed in a roadside bombing in Bastar district on Friday. The bombing "
                      "came after security forces killed 180 rebels in encounters since January 1, 2021.", SATURDAY)
    assert [e.killed for e in ex.events] == [(7, 7)], describe(ex)


def test_a_province_is_looked_up_in_the_country_the_report_names(analyse_text):
    # ("Northwest province" alone would be South Africa's; beside Cameroon it is Cameroon's)
    ex = analyse_text("Gunmen killed five soldiers at an army post in Cameroon on Friday, officials said. Gunmen "
                      "killed five people at an army post in the troubled English-speaking Northwest province on "
                      "Friday.", SATURDAY)
    assert len(ex.events) == 1, describe(ex)
    assert ex.events[0].place.country == "CM", describe(ex)


def test_people_shot_dead_are_an_attack(analyse_text):
    ex = analyse_text("Two policemen were shot dead in Quetta on Friday.", SATURDAY)
    assert event_places(ex) == ["Quetta"], describe(ex)
