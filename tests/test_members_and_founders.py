"""Who belongs to a group and who founded it, in phrasings met in South Asian and South-East Asian reporting:
portfolio titles ("the operations chief of"), raised copulas ("is believed to be"), "co-founded … with", and
group names that transliteration joins with "-ul-" or "-e-"."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import claims_of, describe, has_claim, literal_claims

PUB = dt.date(2020, 8, 15)


def test_a_name_cut_at_an_urdu_particle_goes_on_through_it(nlp):
    doc = nlp("His uncle was a Tehreek-e-Insaf organiser in Lahore.")
    assert "Tehreek-e-Insaf" in [e.text for e in doc.ents], [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("title", ["operations chief", "intelligence chief", "finance head", "media chief"])
def test_a_portfolio_chief_is_a_member_with_a_role_not_the_leader(analyse_text, title):
    ex = analyse_text(f"Samir Tawfiq was the {title} of Jemaah Islamiyah until his arrest in 2004.", PUB)
    assert has_claim(ex, "Samir Tawfiq", "member_of", "Jemaah Islamiyah"), describe(ex)
    assert [c for c in claims_of(ex, "role", "Samir Tawfiq") if title in c.obj["text"]], describe(ex)
    assert not claims_of(ex, "leader"), describe(ex)


def test_a_description_after_is_believed_to_be_is_reported(analyse_text):
    ex = analyse_text("Abu Sayyaf is a militant group in the southern Philippines. Radulan Sahiron is believed to "
                      "be the group's bomb maker.", PUB)
    member = has_claim(ex, "Radulan Sahiron", "member_of", "Abu Sayyaf")
    assert member and member.modality == "reported", describe(ex)


def test_whom_a_group_was_co_founded_with_founded_it_too(analyse_text):
    ex = analyse_text("Abu Sayyaf is a militant group in the southern Philippines. Abdurajak Janjalani co-founded "
                      "the group with Wahab Akbar in Basilan in 1991.", PUB)
    assert {c.obj.name for c in claims_of(ex, "leader", "Abu Sayyaf")} >= {"Abdurajak Janjalani", "Wahab Akbar"}, \
        describe(ex)
    assert [c for c in literal_claims(ex, "Abu Sayyaf", "founded") if c["date"] == "1991"], describe(ex)


def test_a_military_rank_before_two_names_makes_a_person_not_a_body(analyse_text):
    ex = analyse_text("The town was taken by the Libyan National Army led by Marshal Salem Dabbashi on April 4, 2019. "
                      "The local militia allied itself with Marshal Dabbashi.", PUB)
    assert has_claim(ex, "Libyan National Army", "leader", "Salem Dabbashi"), describe(ex)
    assert not [c for c in ex.claims if "Marshal" in c.subject.name or
                not isinstance(c.obj, dict) and "Marshal" in c.obj.name], describe(ex)


def test_a_rank_word_opening_an_institutions_name_leaves_it_a_body(nlp):
    doc = nlp("General Security Directorate officers arrested him in Beirut.")
    assert not [e for e in doc.ents if e.label_ == "PERSON"], [(e.text, e.label_) for e in doc.ents]


def test_a_phrase_between_dashes_describes_the_name_before_it(analyse_text):
    ex = analyse_text("The camp was raided by gunmen said to be members of the Anti-balaka — a movement of Christian "
                      "farmers — which was formed in 2013.", PUB)
    assert [c for c in literal_claims(ex, "Anti-balaka", "founded") if c["date"] == "2013"], describe(ex)


def test_a_paragraphs_first_word_does_not_make_a_sentence_alone(nlp):
    doc = nlp("The outfit, which has lost many of its ‘commanders’, is still a danger\n\nAzaad Lalhari, the Shopian "
              "‘area commander’ of the Lashkar-e-Taiba, died in a gunfight on May 3.")
    assert not [s for s in doc.sents if len([t for t in s if not t.is_space]) == 1], [s.text for s in doc.sents]
