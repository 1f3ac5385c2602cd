"""Factions called after their leaders, doers hedged as "thought to be from" a group, strength told as "numbers",
presidents of groups, legal sieges, and a war's toll told in the perfect."""

from __future__ import annotations

import datetime as dt

from conftest import claims_of, describe, doers, has_claim, literal_claims

PUB = dt.date(2024, 3, 9)


def test_a_faction_called_after_a_man_is_the_doer_not_the_man(analyse_text):
    ex = analyse_text("Abubakar Shekau's faction was blamed for the killing of four farmers near Molai on "
                      "Thursday.", PUB)
    assert doers(ex) == [["Abubakar Shekau's faction"]], describe(ex)
    assert ex.events[0].perpetrators[0].attribution == "blamed", describe(ex)


def test_fighters_thought_to_be_from_a_group_are_its_suspects(analyse_text):
    ex = analyse_text("On Tuesday, fighters thought to be from Ansaru shot dead three herders near Tubba.", PUB)
    assert doers(ex) == [["Ansaru"]], describe(ex)
    assert ex.events[0].perpetrators[0].attribution == "suspected", describe(ex)


def test_strength_told_as_numbers_is_a_size(analyse_text):
    ex = analyse_text("Experts place al-Shabaab's numbers around 7,000, with 2,000 allied gunmen.", PUB)
    assert [c.get("value") for c in literal_claims(ex, "al-Shabaab", "size")] == [7000], describe(ex)


def test_a_group_that_numbers_thousands_still_has_a_size(analyse_text):
    ex = analyse_text("The Nujaba Movement numbers 8,000-10,000 operatives.", PUB)
    assert {"low": 8000, "high": 10000} in literal_claims(ex, "Harakat Hezbollah al-Nujaba", "size"), describe(ex)


def test_claiming_ties_is_no_aim(analyse_text):
    ex = analyse_text("Al-Shabaab claims to have ties to al-Qaeda.", PUB)
    assert not claims_of(ex, "ideology"), describe(ex)
    assert has_claim(ex, "al-Shabaab", "linked_to", "al-Qaeda"), describe(ex)


def test_a_name_a_who_clause_describes_is_a_person_and_a_president_leads(analyse_text):
    ex = analyse_text("M23 is a rebel group. Its senior leaders include Bishop Jean-Marie Runiga Lugerero who "
                      "serves as its president.", PUB)
    assert has_claim(ex, "M23", "leader", "Bishop Jean-Marie Runiga Lugerero"), describe(ex)


def test_a_state_of_siege_is_no_siege(analyse_text):
    ex = analyse_text("The government declared a state of siege in North Kivu in May.", PUB)
    assert not ex.events, describe(ex)


def test_a_wars_toll_in_the_perfect_is_no_event_of_its_own(analyse_text):
    ex = analyse_text("Gunmen killed four farmers near Molai on Thursday. The insurgency began in 2009. Some 27,000 "
                      "people have been killed and two million displaced.", PUB)
    assert [e.killed[0] for e in ex.events] == [4], describe(ex)


def test_a_count_inside_a_name_is_no_size(analyse_text):
    ex = analyse_text("The 400 Mawozo (400 Lame Men) gang is the largest criminal group in Haiti.", PUB)
    assert not claims_of(ex, "size"), describe(ex)


def test_a_condition_is_no_aim(analyse_text):
    ex = analyse_text("If the ELN really wants peace, it must free its hostages, the minister said.", PUB)
    assert not claims_of(ex, "ideology"), describe(ex)


def test_a_suspect_is_no_post(analyse_text):
    ex = analyse_text("The minister said the suspect, Jorge Ramos Diaz, 56, died in the blast.", PUB)
    assert not claims_of(ex, "role", "Jorge Ramos Diaz"), describe(ex)


def test_a_month_inside_the_leads_year_tells_the_same_event(analyse_text):
    ex = analyse_text("The group was linked to a 2017 double murder in Tampa.\n\nIn May 2017, according to "
                      "prosecutors, Devon Arthurs shot and killed his two roommates.", PUB)
    assert [(e.date, e.place.name if e.place else None) for e in ex.events] == [("2017-05", "Tampa")], describe(ex)
    assert doers(ex) == [["Devon Arthurs"]], describe(ex)


def test_the_head_of_a_group_in_one_country_is_its_man_there(analyse_text):
    ex = analyse_text("JNIM is a jihadist group. Officials said Ousmane Dicko, head of JNIM in Burkina Faso, had "
                      "appeared in a video.", PUB)
    assert has_claim(ex, "Ousmane Dicko", "member_of", "JNIM"), describe(ex)
    assert not claims_of(ex, "leader"), describe(ex)
    assert {"text": "head of JNIM in Burkina Faso"} in literal_claims(ex, "Ousmane Dicko", "role"), describe(ex)


def test_a_militia_set_beside_a_name_is_the_one_its_leader_runs(analyse_text):
    ex = analyse_text("AAH broke away from the Mahdi Army (JAM), the militia run by influential Shiite cleric Muqtada "
                      "al-Sadr, in 2006.", PUB)
    assert has_claim(ex, "Mahdi Army", "leader", "Muqtada al-Sadr"), describe(ex)
    assert not has_claim(ex, "AAH", "leader", "Muqtada al-Sadr"), describe(ex)


def test_people_who_began_being_attacked_by_a_group_are_its_targets(analyse_text):
    ex = analyse_text("In 2001, teachers, civil servants and Buddhist monks began being attacked by Muslim "
                      "militants.", PUB)
    assert {"text": "Buddhist monks"} in literal_claims(ex, "Muslim militants", "targets"), describe(ex)
    assert has_claim(ex, "Muslim militants", "targets", "teachers"), describe(ex)
