"""Events told in phrasings met on South and South-East Asian reporting: a claim made by a participle after a
video or statement, and the village of an ambush named only by its distance from a town."""

from __future__ import annotations

import datetime as dt

from conftest import describe, doers, event_places

PUB = dt.date(2021, 11, 14)


def test_a_video_claiming_responsibility_names_who_posted_it(analyse_text):
    ex = analyse_text("On Oct. 3, 2021, gunmen attacked two police posts in Maungdaw and killed five officers. "
                      "The Arakan Army later posted a video on Facebook claiming responsibility.", PUB)
    assert doers(ex) == [["Arakan Army"]], describe(ex)
    assert ex.events[0].perpetrators[0].attribution == "claimed", describe(ex)


def test_a_bare_name_measured_from_a_town_is_where_the_attack_was(analyse_text):
    ex = analyse_text("Two soldiers were killed in an ambush by militants on Saturday in Manipur's Chandel district. "
                      "Three others were injured in the attack at Khengjoy, about 40 kilometres from the district "
                      "headquarters.", PUB)
    assert event_places(ex) == ["Khengjoy"], describe(ex)


def test_a_spoken_acronym_written_in_title_case_is_the_known_group(analyse_text):
    ex = analyse_text("Members of Codeco retaliated by killing 12 people in the town of Djugu on Tuesday.", PUB)
    assert doers(ex) == [["CODECO"]], describe(ex)


def test_a_people_named_before_rebels_is_no_armed_group(analyse_text):
    ex = analyse_text("Officials said Karialan leads a bigger group of rogue Moro rebels. Many of them were once "
                      "members of the Moro Islamic Liberation Front.", PUB)
    assert not [c for c in ex.claims if c.predicate == "leader"], describe(ex)
