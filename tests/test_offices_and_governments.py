"""Offices held, forces counted and governments opposed, in phrasings met in factboxes and profiles: "holds the
position of", "serves as", "the force numbers about", a nationality the NER took for an organisation, and a bare
"the government" of the one country its sentence names."""

from __future__ import annotations

import datetime as dt

from conftest import describe, has_claim, literal_claims

PUB = dt.date(2023, 5, 9)


def test_holding_the_position_of_a_title_gives_the_role_and_the_body(analyse_text):
    ex = analyse_text("The militia is led by Ali Kushayb, who currently holds the position of deputy chairman of "
                      "the Transitional Council.", PUB)
    role = [c.obj["text"] for c in ex.claims if c.predicate == "role" and c.subject.name == "Ali Kushayb"]
    assert role == ["deputy chairman of the Transitional Council"], describe(ex)
    assert has_claim(ex, "Ali Kushayb", "member_of", "Transitional Council"), describe(ex)



def test_the_force_named_for_its_name_is_counted(analyse_text):
    ex = analyse_text("The Rapid Support Forces took the airport on Saturday. Analysts estimate the force numbers "
                      "about 40,000, with bases across the country.", PUB)
    assert literal_claims(ex, "Rapid Support Forces", "size") == [{"value": 40000, "qualifier": "about"}], \
        describe(ex)


def test_the_security_forces_are_not_the_group_called_forces(analyse_text):
    ex = analyse_text("The Rapid Support Forces took the airport on Saturday. The security forces number about "
                      "90,000.", PUB)
    assert literal_claims(ex, "Rapid Support Forces", "size") == [], describe(ex)


def test_a_nationality_before_a_title_is_no_body_the_person_belongs_to(analyse_text):
    ex = analyse_text("The rebels want to unseat Ugandan President Yoweri Museveni.", PUB)
    assert not [c for c in ex.claims if c.predicate == "member_of"], describe(ex)


def test_the_government_is_that_of_the_one_country_its_sentence_names(analyse_text):
    ex = analyse_text("The Allied Democratic Forces is a rebel group in Congo. It was set up in 1995 by men hostile "
                      "to Ugandan President Yoweri Museveni, seeking to overthrow the government.", PUB)
    assert has_claim(ex, "Allied Democratic Forces", "opposes", "Ugandan government"), describe(ex)
    assert not has_claim(ex, "Allied Democratic Forces", "opposes", "Congolese government"), describe(ex)


def test_a_surname_before_a_title_is_the_person_not_a_body(analyse_text):
    ex = analyse_text("Donald Trump has sanctioned the gang. Trump's Secretary of Homeland Security Kristi Noem said "
                      "a hotel was its base.", PUB)
    roles = [c.obj["text"] for c in ex.claims if c.predicate == "role" and c.subject.name == "Kristi Noem"]
    assert roles == ["Trump's Secretary of Homeland Security"], describe(ex)
    assert not [c for c in ex.claims if c.predicate == "member_of" and "Trump" in c.obj.name], describe(ex)
