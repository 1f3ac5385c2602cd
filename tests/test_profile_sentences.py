"""Sentences of kinds met in profiles and attack reports from the Middle East, Africa, Latin America and Asia:
leaders named through the name they use, sizes and founding dates said in roundabout ways, attacks a group answers
for, a threatened offensive, dates and doers of events told in side clauses. (The cases that make a single claim
are in `ENTITY_CLAIMS` of test_relations.py.)"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import claims_of, describe, has_claim, literal_claims

from dossier.nlp.places import gazetteer

PUB = dt.date(2024, 3, 1)


def test_the_nationality_before_a_name_leads_nothing(analyse_text):
    ex = analyse_text("Harakat al-Nujaba is a militia. The group's current leader, an Iraqi who uses the nom de "
                      "guerre Abu Karim, fought in Syria.", PUB)
    assert [c.obj.name for c in claims_of(ex, "leader")] == ["Abu Karim"], describe(ex)


def test_a_former_leader_keeps_the_word_former(analyse_text):
    ex = analyse_text("Al-Shabaab has ties to al-Qaeda, and its former leader Ahmed Godane was killed.", PUB)
    assert [c.qualifiers.get("role") for c in claims_of(ex, "leader")] == ["former leader"], describe(ex)


def test_a_merger_dated_founds_the_whole(analyse_text):
    ex = analyse_text("AQIM is the outcome of a 2007 merger of al-Qaeda's Algerian and Tunisian cells.", PUB)
    assert literal_claims(ex, "AQIM", "founded") == [{"date": "2007", "precision": "year"}], describe(ex)
    assert not has_claim(ex, "al-Qaeda", "part_of", "AQIM"), describe(ex)


def test_a_size_estimated_for_the_men_a_group_consists_of(analyse_text):
    ex = analyse_text("Hayat Tahrir al-Sham is a jihadist alliance. The group consists mostly of Syrian jihadists, "
                      "estimated at about 25,000 fighters.", PUB)
    assert {"value": 25000, "qualifier": "about"} in literal_claims(ex, "Hayat Tahrir al-Sham", "size"), describe(ex)


@pytest.mark.parametrize("text", [
    "The government is threatening an offensive to retake Idlib from the rebels.",
    "The army is preparing for an assault on Idlib.",
])
def test_a_threatened_or_planned_offensive_is_no_event(analyse_text, text):
    ex = analyse_text(text, PUB)
    assert not ex.events, describe(ex)


def test_an_em_dash_glued_to_a_bracket_stands_alone(parse):
    doc = parse("Al-Qaeda in the Arabian Peninsula (AQAP)—operating from Yemen—threatens shipping.")
    words = [t.text for t in doc]
    i = words.index("AQAP")
    assert words[i:i + 4] == ["AQAP", ")", "—", "operating"], words


def test_a_court_declaring_a_group_terrorist_founds_nothing(analyse_text):
    ex = analyse_text("Last month, the Cairo Court for Urgent Matters declared Ansar Beit al-Maqdes a terrorist "
                      "organisation.", PUB)
    assert not claims_of(ex, "founded") and not claims_of(ex, "leader"), describe(ex)


def test_a_body_named_after_a_city_is_no_person(analyse_text):
    ex = analyse_text("Ansar Beit al-Maqdes claimed the bombing of the Giza Security Directorate.", PUB)
    assert not [m.text for m in ex.mentions if m.entity.type == "person"], describe(ex)
    assert [e.place.name for e in ex.events if e.place] == ["Giza"], describe(ex)


def test_attacks_a_group_answers_for_are_particular(analyse_text):
    ex = analyse_text("JNIM has claimed responsibility for attacks on the army in Boni.", PUB)
    assert [e.place.name for e in ex.events if e.place] == ["Boni"], describe(ex)


PROFILE_CLAIMS = [
    # a strength fronted with "With", said of the clause's subject
    ("With an estimated strength of 3,000-4,000 fighters, the KNLA mostly operates in Kayin State.", "KNLA", "size",
     {"low": 3000, "high": 4000}),
    # a date the parser hangs on the place where the group was founded
    ("Barrio 18 was founded in the crowded, poor districts of Los Angeles in the 1960s.", "Barrio 18", "founded",
     {"date": "196", "precision": "decade"}),
    # a group another one spawned, named beside its group noun
    ("Al-Qaeda in Iraq spawned the jihadist group Islamic State in 2006.", "Islamic State", "founded",
     {"date": "2006", "precision": "year"}),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "literal"), PROFILE_CLAIMS,
                         ids=[f"{p}:{t[:40]}" for t, _s, p, _o in PROFILE_CLAIMS])
def test_profile_literals(analyse_text, text, subject, predicate, literal):
    ex = analyse_text(text, PUB)
    assert literal in literal_claims(ex, subject, predicate), describe(ex)


def test_places_listed_where_the_parser_hung_one_on_the_other(analyse_text):
    ex = analyse_text("The KIA operates in Kachin State and northern Shan State.", PUB)
    assert has_claim(ex, "KIA", "active_in", "Kachin") and has_claim(ex, "KIA", "active_in", "Shan"), describe(ex)


@pytest.mark.parametrize(("written", "known"), [("MS13", "MS-13"), ("M-23", "M23")])
def test_an_acronym_with_a_number_is_known_with_or_without_its_hyphen(analyse_text, written, known):
    ex = analyse_text(f"The {written} gang was founded in 1985.", PUB)
    assert [m.entity.key for m in ex.mentions if m.text == written and m.entity.key.startswith("gaz:")], describe(ex)


def test_a_peoples_name_is_no_place(parse):
    doc = parse("The KIA speaks for the Kachin people and the Kachin ethnic minority of Kachin State.")
    assert [(e.text, e.label_) for e in doc.ents if e.text.startswith("Kachin")] == [
        ("Kachin", "NORP"), ("Kachin", "NORP"), ("Kachin State", "GPE")]


def test_militias_a_force_is_made_of_are_its_parts(analyse_text):
    ex = analyse_text("The Popular Mobilization Forces is dominated by Shiite militias such as Kataib Hezbollah and "
                      "the Badr Organization.", PUB)
    assert has_claim(ex, "Kataib Hezbollah", "part_of", "Popular Mobilization Forces"), describe(ex)
    assert has_claim(ex, "Badr Organization", "part_of", "Popular Mobilization Forces"), describe(ex)
    assert not claims_of(ex, "recruits_from"), describe(ex)


def test_members_of_a_tribe_a_group_is_made_of_are_still_its_pool(analyse_text):
    ex = analyse_text("The Haqqani network is mostly composed of members of the Zadran tribe.", PUB)
    assert [c.obj for c in claims_of(ex, "recruits_from")] == [{"text": "members of the Zadran tribe"}], describe(ex)


def test_an_attack_believed_organised_by_a_group_is_suspected_of_it(analyse_text):
    ex = analyse_text("The bomb attack on the barracks in Derry at the weekend is now believed to have been "
                      "organised by the Real IRA.", PUB)
    assert [[(p.entity.name, p.attribution) for p in e.perpetrators] for e in ex.events] == [
        [("Real IRA", "suspected")]], describe(ex)


def test_a_claim_joined_to_a_side_clause_is_the_main_subjects(analyse_text):
    ex = analyse_text("The CIRA has grown active again since the start of the year as a police seizure of explosives "
                      "in Cork showed, and also claimed responsibility for a bomb attack on a pub in Enniskillen two "
                      "weeks ago.", PUB)
    assert [[(p.entity.name, p.attribution) for p in e.perpetrators] for e in ex.events] == [
        [("Continuity IRA", "claimed")]], describe(ex)


@pytest.mark.parametrize("name", ["Al-Tor", "El Tor", "Al Arish"])
def test_the_arabic_article_is_written_many_ways(name):
    assert gazetteer().lookup(name) is not None and gazetteer().lookup(name).country == "EG"


def test_a_dated_bombing_with_another_toll_is_another_event(analyse_text):
    ex = analyse_text("Ansar Beit al-Maqdes claimed two attacks in South Sinai on Friday. A third bombing targeting a "
                      "bus outside Sharm el-Sheikh killed one. The group had also claimed the car bombing near the "
                      "security directorate on December 24, killing 14 people.", PUB)
    assert sorted(e.killed for e in ex.events if e.killed[0]) == [(1, 1), (14, 14)], describe(ex)


def test_explosions_dated_in_the_clause_that_tells_them(analyse_text):
    ex = analyse_text("Sulu (PNA, January 29) — The army is sure the Abu Sayyaf group is behind the deadly twin "
                      "explosions that rocked a cathedral in Jolo on Sunday.", dt.date(2019, 1, 29))
    assert [e.date for e in ex.events] == ["2019-01-27"], describe(ex)


def test_an_event_a_fronted_after_clause_tells_is_that_long_before_the_report(analyse_text):
    ex = analyse_text("Three weeks after rebels seized the town of Bunia, aid has begun to arrive.", PUB)
    assert [(e.date, e.date_precision) for e in ex.events] == [("2024-02-09", "week")], describe(ex)


def test_a_body_named_after_a_militant_word_is_still_a_group(analyse_text):
    ex = analyse_text("Fighters of the separatist Ambazonia Defence Union attacked a school in Bamenda.", PUB)
    assert [m.entity.type for m in ex.mentions if m.text.endswith("Union")] == ["armed_group"], describe(ex)
