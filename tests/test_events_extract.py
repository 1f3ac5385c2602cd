"""Events: type, date, place, perpetrators and casualties from short sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import describe

from dossier.extract.events import extract_events

PUB = dt.date(2021, 8, 28)  # a Saturday


def one_event(ex):
    assert len(ex.events) == 1, describe(ex)
    return ex.events[0]


def test_bombing_with_date_place_and_casualties(analyse_text):
    ev = one_event(analyse_text("A car bomb exploded in Mogadishu on Saturday, killing at least 13 people and "
                                "wounding 20 others.", PUB))
    assert ev.type == "explosions_remote_violence"
    assert (ev.date, ev.date_precision) == ("2021-08-28", "day")
    assert ev.place is not None and ev.place.name == "Mogadishu" and ev.place.country == "SO"
    assert ev.killed == (13, None)  # "at least": a floor, no ceiling
    assert ev.injured == (20, 20)


@pytest.mark.parametrize(("text", "killed"), [
    ("At least 13 people were killed in a bombing in Mogadishu on Saturday.", (13, None)),
    ("A bomb exploded in Mogadishu on Saturday, killing five people.", (5, 5)),
    ("Officials blamed al-Shabaab for a bombing in Mogadishu on Friday that killed 13 people.", (13, 13)),
    ("The ELN attacked a military base in Arauca on 26 August, killing between 10 and 15 soldiers.", (10, 15)),
    ("Dozens of people were killed in an attack in Maiduguri on Friday.", (24, 99)),
    ("An airstrike killed 10 militants in Jilib on Friday.", (10, 10)),
])
def test_casualty_figures(analyse_text, text, killed):
    assert one_event(analyse_text(text, PUB)).killed == killed


def test_several_hundred_killed_is_a_range(analyse_text):
    ev = one_event(analyse_text("Several hundred people were killed in an attack in Maiduguri on Friday.", PUB))
    low, high = ev.killed
    assert low is not None and high is not None and 100 < low < high < 1000


def test_killed_and_wounded_in_one_clause(analyse_text):
    ev = one_event(analyse_text("At least 13 people were killed and 20 wounded in a bombing in Mogadishu on "
                                "Saturday.", PUB))
    assert ev.killed == (13, None) and ev.injured == (20, 20)


@pytest.mark.parametrize(("when", "date", "precision"), [
    ("on Saturday", "2021-08-28", "day"),
    ("on Friday", "2021-08-27", "day"),
    ("on 26 August", "2021-08-26", "day"),
    ("last month", "2021-07", "month"),
    ("on 3 March 2019", "2019-03-03", "day"),
    ("in March 2019", "2019-03", "month"),
])
def test_event_dates(analyse_text, when, date, precision):
    ev = one_event(analyse_text(f"A bomb exploded in Mogadishu {when}, killing five people.", PUB))
    assert (ev.date, ev.date_precision) == (date, precision)


def test_claimed_event(analyse_text):
    ev = one_event(analyse_text("Al-Shabaab claimed responsibility for a bombing in Mogadishu on Friday that killed "
                                "at least 13 people.", PUB))
    assert [(p.entity.name, p.attribution) for p in ev.perpetrators] == [("al-Shabaab", "claimed")]
    assert ev.date == "2021-08-27" and ev.place.name == "Mogadishu" and ev.killed == (13, None)


def test_blamed_event(analyse_text):
    ev = one_event(analyse_text("Officials blamed al-Shabaab for a bombing in Mogadishu on Friday that killed "
                                "13 people.", PUB))
    assert [(p.entity.name, p.attribution) for p in ev.perpetrators] == [("al-Shabaab", "blamed")]


def test_claim_in_a_later_sentence_joins_the_event(analyse_text):
    ex = analyse_text("A bomb exploded in Mogadishu on Saturday, killing five people. Al-Shabaab claimed "
                      "responsibility for the bombing.", PUB)
    ev = one_event(ex)
    assert ev.killed == (5, 5) and ev.place.name == "Mogadishu"
    assert [(p.entity.name, p.attribution) for p in ev.perpetrators] == [("al-Shabaab", "claimed")]


def test_kidnapping_is_violence_against_civilians(analyse_text):
    ev = one_event(analyse_text("Boko Haram kidnapped 20 students in Kaduna on Friday.", PUB))
    assert ev.type == "violence_against_civilians"
    assert ev.place.name == "Kaduna" and ev.date == "2021-08-27"


def test_two_different_events_same_day_same_city_stay_two(analyse_text):
    ex = analyse_text("A bomb exploded at a market in Mogadishu on Saturday, killing five people. Gunmen attacked "
                      "a police station in Mogadishu on Saturday, killing three officers.", PUB)
    assert len(ex.events) == 2, describe(ex)
    assert sorted(e.killed for e in ex.events) == [(3, 3), (5, 5)]
    assert {e.date for e in ex.events} == {"2021-08-28"}
    assert {e.type for e in ex.events} == {"explosions_remote_violence", "battles"}


def test_separately_marked_events_stay_two(analyse_text):
    ex = analyse_text("A bomb exploded at a market in Mogadishu on Saturday, killing five people. Separately, "
                      "gunmen attacked a police station in another part of Mogadishu on Saturday, killing three "
                      "officers.", PUB)
    assert len(ex.events) == 2, describe(ex)


def test_events_in_different_cities_stay_apart(analyse_text):
    ex = analyse_text("A bomb exploded in Mogadishu on Saturday, killing five people. A bomb exploded in Kismayo "
                      "on Friday, killing two people.", PUB)
    assert len(ex.events) == 2, describe(ex)
    assert {(e.place.name, e.date) for e in ex.events} == {("Mogadishu", "2021-08-28"), ("Kismayo", "2021-08-27")}


def test_event_provenance_points_at_the_sentence(analyse_text):
    text = "Boko Haram is a jihadist group. A bomb exploded in Maiduguri on Friday, killing five people."
    ev = one_event(analyse_text(text, PUB, doc_id="d-ev"))
    assert ev.provenance.doc_id == "d-ev" and ev.provenance.sentence == 1
    assert ev.provenance.evidence.startswith("A bomb exploded")
    assert ev.trigger in ev.provenance.evidence


def test_general_statement_is_not_an_event(analyse_text):
    ex = analyse_text("Al-Shabaab has carried out attacks across Somalia for years.", PUB)
    assert ex.events == [], describe(ex)


def test_extract_events_on_raw_doc(parse):
    doc = parse("A bomb exploded in Mogadishu on Saturday, killing five people.", PUB)
    raw = extract_events(doc)
    assert len(raw) == 1
    assert raw[0].date.iso == "2021-08-28" and raw[0].place.text == "Mogadishu"
    assert raw[0].killed.low == 5
