"""Where groups act and who their people are, in the phrasings of unseen reporting: control, presence,
'one of X's gangs', a bare title that refers back to a named person, a name after a rank."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import claims_of, describe, has_claim, literal_claims

PUB = dt.date(2022, 6, 1)

ACTIVE_IN = [
    ("The port town of Kismayo is under al-Shabaab control.", "al-Shabaab", "Kismayo"),
    ("Kismayo, which remained under al-Shabaab control for years, was retaken.", "al-Shabaab", "Kismayo"),
    ("The gang is one of the most feared of Haiti's armed groups, and Gran Grif is one of Haiti's gangs.",
     "Gran Grif", "Haiti"),
    ("Officials say Ansaroul Islam, a jihadist group operating within Burkina Faso, has grown.",
     "Ansaroul Islam", "Burkina Faso"),
    ("Remnants of the Shining Path are present in remote valleys of Peru.", "Shining Path", "Peru"),
    ("The Arakan Army became active in Rakhine State after 2015.", "Arakan Army", "Rakhine State"),
    ("The M23 controls three of the main towns in North Kivu.", "M23", "North Kivu"),
]


@pytest.mark.parametrize(("text", "group", "place"), ACTIVE_IN)
def test_active_in(analyse_text, text, group, place):
    ex = analyse_text(text, PUB)
    assert has_claim(ex, group, "active_in", place), describe(ex)


def test_a_bare_title_refers_to_the_person_just_named(analyse_text):
    ex = analyse_text("Commander Sultani Makenga, whose men took Goma, has kept out of sight for months. "
                      "Sought by the courts, the leader of the M23 says he wants talks.", PUB)
    assert has_claim(ex, "M23", "leader", "Sultani Makenga"), describe(ex)


def test_a_bare_title_with_no_person_nearby_stays_unresolved(analyse_text):
    ex = analyse_text("The talks stalled in May. Sought by the courts, the leader of the M23 says he wants talks.", PUB)
    assert not [c for c in ex.claims if c.predicate == "leader"], describe(ex)


def test_a_name_after_a_rank_is_whole(analyse_text):
    # "Loreto" is also a region of Peru: the rank before it and the surname after it make it a person
    ex = analyse_text("Army spokesman Colonel Loreto Maguddayao told reporters the convoy was hit.", PUB)
    roles = literal_claims(ex, "Loreto Maguddayao", "role")
    assert any("spokesman" in r.get("text", "") for r in roles), describe(ex)


@pytest.mark.parametrize("text", [
    "Police arrested Dairo Antonio Usuga, who is the head of the Gulf Clan, on Saturday.",
    "Police arrested Dairo Antonio Usuga, the head of the Gulf Clan, on Saturday.",
    "Police arrested a drug lord named Dairo Antonio Usuga, popularly known as Otoniel, who is the head of the "
    "Gulf Clan.",
])
def test_the_head_of_a_group_leads_it(analyse_text, text):
    # a name after "the" that a place also begins ("the Gulf") is still the group's
    ex = analyse_text(text, PUB)
    claim = has_claim(ex, "Clan del Golfo", "leader", "Dairo Antonio Usuga")
    assert claim is not None, describe(ex)
    if "Otoniel" in text:
        assert "Otoniel" in claim.obj.aliases, describe(ex)


def test_the_head_of_a_groups_wing_does_not_lead_the_group(analyse_text):
    ex = analyse_text("Abu Yusuf, who is the head of al-Shabaab's media wing, was killed.", PUB)
    assert not [c for c in ex.claims if c.predicate == "leader"], describe(ex)


def test_an_organisation_named_after_a_country_is_whole(analyse_text):
    ex = analyse_text("Luis Izquiel, a criminology professor at the Central University of Venezuela, said the gang "
                      "grew in prisons.", PUB)
    assert has_claim(ex, "Luis Izquiel", "member_of", "Central University of Venezuela"), describe(ex)


@pytest.mark.parametrize(("text", "name"), [
    ("Army spokesman Brig. Gen. Maximo Dela Pena said the patrol returned.", "Maximo Dela Pena"),
    ("Army spokesman Major General Zaw Min Tun said the patrol returned.", "Zaw Min Tun"),
])
def test_ranks_between_a_title_and_a_name_are_no_person(analyse_text, text, name):
    ex = analyse_text(text, PUB)
    people = {m.entity.name for m in ex.mentions if m.entity.type == "person"}
    assert people == {name}, describe(ex)


def test_the_day_of_a_claim_is_not_the_day_of_the_attack(analyse_text):
    ex = analyse_text("Islamic State on Thursday claimed responsibility for an ambush that killed 28 soldiers "
                      "near Tongo Tongo in Niger on Tuesday.", dt.date(2019, 5, 17))
    assert [e.date for e in ex.events] == ["2019-05-14"], describe(ex)


@pytest.mark.parametrize(("text", "person", "nickname"), [
    ("Ahmad “Abu Hussein” al-Hamidawi, the leader of Kataib Hezbollah, said the attacks would go on.",
     "Ahmad al-Hamidawi", "Abu Hussein"),
    # where the NER stops at the opening quote
    ("Police say the town was the birthplace of CJNG leader Nemesio “El Mencho” Oseguera Cervantes.",
     "Nemesio Oseguera Cervantes", "El Mencho"),
])
def test_a_quoted_nickname_is_an_alias_not_part_of_the_name(analyse_text, text, person, nickname):
    ex = analyse_text(text, PUB)
    group = next(c.subject.name for c in claims_of(ex, "leader"))
    claim = has_claim(ex, group, "leader", person)
    assert claim is not None and nickname in claim.obj.aliases, describe(ex)


def test_a_group_within_a_group_is_part_of_it(analyse_text):
    ex = analyse_text("Kataib Hezbollah is a major militia within the Popular Mobilization Forces (PMF).", PUB)
    assert has_claim(ex, "Kataib Hezbollah", "part_of", "Popular Mobilization Forces"), describe(ex)


def test_a_verb_like_reach_is_a_toll_only_with_a_toll(analyse_text):
    ex = analyse_text("The unrest has reached a new level since April 11, when heavy fighting between the Myanmar army "
                      "and the Kachin Independence Army erupted in Hpakant.", dt.date(2018, 5, 1))
    assert [e.date for e in ex.events] == ["2018-04-11"], describe(ex)


def test_a_rank_alone_is_no_role_but_an_office_is(analyse_text):
    ex = analyse_text("Lt. Col. Charlie Banaag said three gunmen were killed. President Yoweri Museveni said "
                      "the army would pursue them.", PUB)
    roles = {c.subject.name: c.obj["text"] for c in ex.claims if c.predicate == "role"}
    assert "Charlie Banaag" not in roles, describe(ex)
    assert roles.get("Yoweri Museveni") == "President", describe(ex)


def test_a_name_after_alias_is_the_same_person(analyse_text):
    ex = analyse_text("The Clan del Golfo was led by Dairo Antonio Usuga, alias “Otoniel”, until 2021. "
                      "Otoniel was arrested in Antioquia.", PUB)
    assert has_claim(ex, "Clan del Golfo", "leader", "Dairo Antonio Usuga"), describe(ex)
    people = {m.entity.key for m in ex.mentions if m.entity.type == "person"}
    assert len(people) == 1, describe(ex)


def test_founded_between_two_years_keeps_the_span(analyse_text):
    ex = analyse_text("The New IRA was formed between 2011 and 2012 after a merger of smaller groups.", PUB)
    [claim] = [c for c in ex.claims if c.predicate == "founded"]
    assert claim.obj["date"] == "2011" and claim.qualifiers.get("note") == "between 2011 and 2012", describe(ex)


def test_attacks_targeting_x_belong_to_the_clause_subject(analyse_text):
    ex = analyse_text("As well as attacks targeting teachers, the Ambazonia Defence Forces are kidnapping "
                      "civilians.", PUB)
    assert "Ambazonia Defence Forces --targets--> teachers" in describe(ex), describe(ex)


@pytest.mark.parametrize(("text", "person", "role"), [
    ("Deputy Commissioner Kurram Javedullah Mehsud said the road was closed.", "Javedullah Mehsud",
     "Deputy Commissioner Kurram"),
    ("Assistant Commissioner Khar Imran Yousafzai said the toll had risen.", "Imran Yousafzai",
     "Assistant Commissioner Khar"),
])
def test_the_town_an_office_serves_is_the_titles_not_the_holders_name(analyse_text, text, person, role):
    ex = analyse_text(text, PUB)
    assert [(c.subject.name, c.obj["text"]) for c in claims_of(ex, "role")] == [(person, role)], describe(ex)
