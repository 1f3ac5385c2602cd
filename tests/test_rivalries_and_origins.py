"""Where a gang came from and whom it fights, in phrasings met in Latin American crime reporting: "began as a
dissidence of X in 2019", "sought to take down X", "went independent and became enemies of X", and "the members
of A and B clashed"."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import describe, has_claim, literal_claims

PUB = dt.date(2023, 8, 10)


def test_what_a_gang_began_as_is_what_it_split_from_and_when(analyse_text):
    ex = analyse_text("Los Tiguerones began as a dissidence of the Los Choneros criminal group in 2018, mainly in "
                      "Esmeraldas.", PUB)
    assert has_claim(ex, "Los Tiguerones", "split_from", "Los Choneros"), describe(ex)
    assert [d for d in literal_claims(ex, "Los Tiguerones", "founded") if d["date"] == "2018"], describe(ex)


@pytest.mark.parametrize("text", [
    "Los Tiguerones rose to prominence in 2021 and sought to take down Los Lobos.",
    "Since 2021 Los Tiguerones have gone independent and became enemies of Los Lobos.",
    "In a prison in Guayaquil, the members of Los Tiguerones and Los Lobos clashed violently.",
])
def test_hostility_told_as_an_aim_a_new_enmity_or_a_clash_of_members(analyse_text, text):
    ex = analyse_text(text, PUB)
    assert has_claim(ex, "Los Tiguerones", "opposes", "Los Lobos") or \
        has_claim(ex, "Los Lobos", "opposes", "Los Tiguerones"), describe(ex)


def test_a_subject_the_parser_took_into_according_to_is_still_the_subject(analyse_text):
    ex = analyse_text("According to the weekly Vistazo Los Tiguerones began as a dissidence of the Los Choneros gang "
                      "in 2018.", PUB)
    split = has_claim(ex, "Los Tiguerones", "split_from", "Los Choneros")
    assert split and split.attributed_to == "weekly Vistazo", describe(ex)
