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


@pytest.mark.parametrize("text", [
    "Al-Shabaab has carried out attacks across Somalia for years.",
    "At least 13 soldiers have been killed since the start of this year, according to UN estimates.",
    "Mullah Omar took control of the Taliban on 15 August.",
    # many deeds with no day to them, and the killing they caused
    "The Zomi Revolutionary Army has carried out several bomb attacks in Manipur, killing eight police officers.",
    "The Zomi Revolutionary Army has staged a series of raids on army posts.",
    # a war's toll, in a sentence dated only by the war's age, or counted since a year
    "Tens of thousands have been killed in the 12-year-old conflict in the northeast.",
    "More than 5,000 people have been killed in Mali's war since French troops arrived in 2013, the UN said.",
    # a span of fighting, not one fight
    "The ADF is a rebel group that has been battling the Ugandan government for over two decades.",
])
def test_general_statement_is_not_an_event(analyse_text, text):
    ex = analyse_text(text, PUB)
    assert ex.events == [], describe(ex)


def test_blamed_on_however_the_parser_hangs_it(analyse_text):
    # "blamed" hung on "border", not on the attack
    ev = one_event(analyse_text("Five soldiers were killed in a bomb attack near the Venezuelan border blamed on "
                                "ELN guerrillas, the army said on Saturday.", PUB))
    assert [(p.entity.name, p.attribution) for p in ev.perpetrators] == [
        ("National Liberation Army (Colombia)", "blamed")], ev


def test_extract_events_on_raw_doc(parse):
    doc = parse("A bomb exploded in Mogadishu on Saturday, killing five people.", PUB)
    raw = extract_events(doc)
    assert len(raw) == 1
    assert raw[0].date.iso == "2021-08-28" and raw[0].place.text == "Mogadishu"
    assert raw[0].killed.low == 5


MON = dt.date(2023, 7, 31)  # a Monday


def test_toll_update_date_is_not_the_event_date(analyse_text):
    ex = analyse_text("The death toll from a suicide bombing at a political rally in Khar rose to 45 on Monday. "
                      "The bombing took place on Sunday.", MON)
    ev = one_event(ex)
    assert ev.date == "2023-07-30" and ev.killed == (45, 45)


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("The TTP conducted a suicide attack on a military convoy in Mingora on Sunday (13 killed, 25 wounded).",
     (13, 13), (25, 25)),
    ("A bomb exploded in Kabul on Sunday. The death toll from the attack rose to 100 on Monday.", (100, 100), None),
    ("A truck bomb exploded in Kabul on Sunday, killing 90 people. More than 460 people were wounded in the "
     "bombing.", (90, 90), (460, None)),
])
def test_figures_across_sentences(analyse_text, text, killed, injured):
    ev = one_event(analyse_text(text, MON))
    assert ev.killed == killed
    if injured is not None:
        assert ev.injured == injured


def test_one_report_one_event(analyse_text):
    ex = analyse_text("Pakistan bombing: ISIS claims suicide attack as death toll rises. The death toll from a "
                      "suicide bombing at a rally in north-west Pakistan rose to 45 on Monday. Dozens more were "
                      "injured in the attack, which occurred in Bajaur on Sunday.", MON)
    ev = one_event(ex)
    assert ev.date == "2023-07-30" and ev.place.name == "Bajaur"
    assert ev.killed == (45, 45) and ev.injured == (24, 99)


def test_perpetrator_named_in_a_later_sentence(analyse_text):
    ex = analyse_text("Twin blasts ripped through Kampala on Sunday. A group called al-Shabaab has claimed "
                      "responsibility for the attacks, which killed 74.", "2010-07-12")
    ev = one_event(ex)
    assert ev.date == "2010-07-11" and ev.place.name == "Kampala" and ev.killed == (74, 74)
    assert [(p.entity.name, p.attribution) for p in ev.perpetrators] == [("al-Shabaab", "claimed")]


def test_suspected_in_a_sentence_of_its_own(analyse_text):
    ex = analyse_text("At least 10 people were killed in an attack in Kamwenge on Monday night. The victims were "
                      "hacked to death by assailants suspected to be members of the Allied Democratic Forces.",
                      "2023-12-19")
    ev = one_event(ex)
    assert ev.date == "2023-12-18" and ev.killed == (10, None)
    assert [p.attribution for p in ev.perpetrators] == ["suspected"]


def test_date_from_the_dateline(analyse_text):
    ex = analyse_text("April 2, 2015\n\nAl-Shabab says it is behind an attack on a university campus in Garissa "
                      "that has killed at least 15 people.", "2015-04-02")
    ev = one_event(ex)
    assert ev.date == "2015-04-02" and ev.place.name == "Garissa"
    assert [p.attribution for p in ev.perpetrators] == ["claimed"]


@pytest.mark.parametrize("text", [
    "When the Taliban took over Kabul on 15 August, the group released prisoners.",
    "The Taliban seized the town of Kunduz on 15 August.",
    "The Taliban took control of Kunduz on 15 August.",
    # the parser hangs the name on the adverb, and the speaker's clause is above it
    "The Taliban briefly took over Kunduz on 15 August, said the BBC.",
    "The Taliban seized control of the capital Kabul on 15 August.",
])
def test_takeovers_are_strategic_developments(analyse_text, text):
    ev = one_event(analyse_text(text, PUB))
    assert ev.type == "strategic_development" and ev.date == "2021-08-15"
    assert [(p.entity.name, p.attribution) for p in ev.perpetrators] == [("Taliban", "stated")]


def test_pledge_of_allegiance_is_a_strategic_development(analyse_text):
    ev = one_event(analyse_text("In January 2015, Shahidullah Shahid pledged allegiance to the Islamic State.", PUB))
    assert ev.type == "strategic_development" and ev.date == "2015-01"
    assert "Shahidullah Shahid" in [p.entity.name for p in ev.perpetrators]


def test_origin_is_not_the_place(analyse_text):
    ev = one_event(analyse_text("Hamas launched a surprise attack from Gaza into Israel on October 7.",
                                "2023-10-31"))
    assert ev.place.name == "Israel" and ev.date == "2023-10-07"


def test_targets(analyse_text):
    ev = one_event(analyse_text("Gunmen attacked a Sikh temple in Kabul on Saturday, killing 25 worshippers.", PUB))
    assert "institutions" in ev.targets and "civilians" in ev.targets


def test_security_forces_target(analyse_text):
    ev = one_event(analyse_text("Militants ambushed a police convoy in Aguililla on Monday, killing 13 officers.",
                                "2019-10-15"))
    assert "security forces" in ev.targets and ev.killed == (13, 13)


def test_the_place_that_witnessed_the_attack_places_it(analyse_text):
    ex = analyse_text("Boko Haram fighters attacked a village in Borno State on Saturday, killing 20 people. "
                      "\"Konduga witnessed a massacre on Saturday after Boko Haram attacked twice,\" a resident said.",
                      PUB)
    ev = one_event(ex)
    assert ev.place is not None and ev.place.name == "Konduga", describe(ex)


def test_a_town_naming_a_site_places_the_attack(analyse_text):
    ev = one_event(analyse_text("Ansaru fighters stormed Kuje prison on Saturday and freed hundreds of inmates.", PUB))
    assert ev.place is not None and ev.place.name == "Kuje" and ev.place.country == "NG", ev


@pytest.mark.parametrize("doer", ["Junta forces", "Government troops", "Regime soldiers"])
def test_the_states_own_forces_are_the_reports_countrys(analyse_text, doer):
    ev = one_event(analyse_text(f"{doer} killed four villagers in Sagaing Region, Myanmar, on Saturday.", PUB))
    assert [p.entity.name for p in ev.perpetrators] == ["Myanmar Armed Forces"], ev


def test_a_parent_acting_where_its_named_branch_is_is_the_branch(analyse_text):
    ex = analyse_text("Al-Qaeda gunmen killed six soldiers in Abyan province on Saturday. The attack shows the "
                      "threat posed by al-Qaeda in the Arabian Peninsula (AQAP).", PUB)
    ev = one_event(ex)
    assert [p.entity.name for p in ev.perpetrators] == ["al-Qaeda in the Arabian Peninsula"], describe(ex)
    ex = analyse_text("Al-Qaeda gunmen killed six soldiers in Mogadishu on Saturday. The attack shows the "
                      "threat posed by al-Qaeda in the Arabian Peninsula (AQAP).", PUB)
    assert [p.entity.name for p in one_event(ex).perpetrators] == ["al-Qaeda"], describe(ex)


def test_a_faction_at_home_is_not_the_group_acting_there(analyse_text):
    ex = analyse_text("The Taliban took over Kabul on Saturday. The Haqqani network now runs security in the city.",
                      PUB)
    assert [p.entity.name for p in one_event(ex).perpetrators] == ["Taliban"], describe(ex)


def test_a_record_of_attacks_still_tells_whom_the_group_hits(analyse_text):
    ex = analyse_text("The Zomi Revolutionary Army has carried out several bomb attacks in Manipur, killing eight "
                      "police officers.", PUB)
    hit = [c for c in ex.claims if c.predicate == "targets" and c.subject.name == "Zomi Revolutionary Army"]
    assert any(isinstance(c.obj, dict) and c.obj.get("force") == "police" or
               getattr(c.obj, "type", "") == "force" for c in hit), describe(ex)


def test_a_dated_attack_among_many_words_is_still_an_event(analyse_text):
    ex = analyse_text("The Zomi Revolutionary Army has carried out several bomb attacks in Imphal on Monday, "
                      "killing eight police officers.", PUB)
    assert len(ex.events) == 1 and ex.events[0].killed == (8, 8), describe(ex)


def test_a_village_named_after_the_region_places_the_event_and_keeps_the_region(analyse_text):
    """ "in Borno State" ... "near Gudumbali in the Lake Chad region": the village no gazetteer knows is the
    event's place, located by the region the report gave first."""
    ex = analyse_text("Jihadist fighters killed nine soldiers in an attack in Borno State on Tuesday. Officials said "
                      "the army patrol was ambushed near Gudumbali in the Lake Chad region on Tuesday night.", PUB)
    place = one_event(ex).place
    assert (place.name, place.admin1, place.country, place.precision) == ("Gudumbali", "Borno", "NG", "region")


def test_an_attack_on_an_armed_groups_positions_is_a_battle(analyse_text):
    ev = one_event(analyse_text("Government troops attacked KIA positions near Laiza on Tuesday.", PUB))
    assert (ev.type, ev.sub_type) == ("battles", "armed clash"), ev


@pytest.mark.parametrize(("text", "state", "place"), [
    ("An Israeli airstrike killed five people in Khan Younis on Monday.", "Israel", "Khan Yunis"),
    ("A Turkish drone strike killed three PKK militants in Sinjar on Monday.", "Turkey", "Sinjar"),
    # the province named in the sentence before
    ("Fighting flared again in Shabwa province on Sunday. A US air raid on the province on Monday killed two AQAP "
     "commanders.", "United States", "Shabwa"),
])
def test_the_state_whose_aircraft_struck_is_the_doer_not_the_place(analyse_text, text, state, place):
    ex = analyse_text(text, PUB)
    strikes = [e for e in ex.events if any(p.entity.name == state for p in e.perpetrators)]
    assert [e.place.name for e in strikes] == [place], describe(ex)


def test_a_clause_set_against_the_first_tells_its_own_event_with_its_own_date_and_place(analyse_text):
    ex = analyse_text("The Karen National Union signed a ceasefire with the army in 2012, but fighting resumed in "
                      "2021 when soldiers attacked KNU positions east of Hpa-an.", PUB)
    assert sorted((e.date, e.place.name if e.place else None) for e in ex.events) == [
        ("2012", None), ("2021", "Hpa-An")], describe(ex)


def test_an_attack_by_a_group_and_a_raid_that_killed_its_men_stay_two_events(analyse_text):
    ex = analyse_text("Four soldiers killed in suspected al-Qaeda attack\n\nA US air raid on Marib last month killed "
                      "an AQAP commander, the Pentagon said. Gunmen opened fire on an army checkpoint in Marib on "
                      "Saturday, killing four soldiers.", PUB)
    got = sorted((e.date, e.type, [p.entity.name for p in e.perpetrators]) for e in ex.events)
    assert got == [("2021-07", "explosions_remote_violence", ["United States"]),
                   ("2021-08-28", "battles", ["al-Qaeda in the Arabian Peninsula"])], describe(ex)


def test_an_attack_that_comes_after_another_leaves_the_sentence_to_the_other(analyse_text):
    ex = analyse_text("Militants killed six soldiers in a bomb attack near Turbat on Friday. The attack occurred in "
                      "the Kalatuk area, police said. This latest attack comes after an incident last month, in "
                      "which militants hijacked a bus in Kech and killed nine passengers.", PUB)
    got = sorted((e.date, e.place.name if e.place else None, e.killed[0]) for e in ex.events)
    assert got == [("2021-07", "Kech", 9), ("2021-08-27", "Kalatuk", 6)], describe(ex)


def test_soldiers_who_died_in_an_attack_were_its_targets(analyse_text):
    ev = one_event(analyse_text("More than a dozen soldiers died on Monday during a major attack by armed groups in "
                                "northern Mali, the army said.", PUB))
    assert ev.targets == ["security forces"], ev
