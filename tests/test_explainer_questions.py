"""Explainers written as questions answered by a phrase on the next line ("What do they want?" then "Independence
for ..."), and questions about a toll a group claimed."""

from __future__ import annotations

import datetime as dt

from conftest import claims_of, describe, has_claim, literal_claims

PUB = dt.date(2024, 3, 9)


def test_a_question_heading_answered_by_a_phrase_states_the_fact(analyse_text):
    ex = analyse_text("ETA: a short history\nETA was founded in 1959 as a student group.\nWhat do they want?\n"
                      "Independence for the Basque provinces, four in Spain, three in France.\nWho leads them?\n"
                      "Josu Ternera, a veteran.", PUB)
    assert {"text": "Independence for the Basque provinces"} in literal_claims(ex, "ETA", "ideology"), describe(ex)
    assert has_claim(ex, "ETA", "leader", "Josu Ternera"), describe(ex)


def test_a_question_answered_by_a_sentence_is_left_to_the_sentence(analyse_text):
    ex = analyse_text("Islamic State is a jihadist group.\n\nWhere are IS-K based?\n\nIS-K are based in the eastern "
                      "province of Nangarhar.", PUB)
    assert not has_claim(ex, "Islamic State", "based_in", "Nangarhar"), describe(ex)
    assert has_claim(ex, "IS-K", "based_in", "Nangarhar"), describe(ex)


def test_a_question_of_another_kind_states_nothing(analyse_text):
    ex = analyse_text("ETA is a Basque group.\nWhat do Basques think?\nDivided views, mostly.", PUB)
    assert not claims_of(ex, "ideology"), describe(ex)
