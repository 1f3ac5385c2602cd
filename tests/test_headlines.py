"""Headlines: clipped phrasing ("6 soldiers killed in X", "Gunmen kill doctor in X - official") still tells an
event, dated by the report's day and placed where the headline says."""

from __future__ import annotations

import datetime as dt

from conftest import describe, event_places

PUB = dt.date(2024, 3, 9)


def test_a_count_of_dead_in_a_headline_is_an_event(analyse_text):
    ex = analyse_text("Nine soldiers killed in northern Mali on Friday", PUB)
    assert event_places(ex) == ["Mali"], describe(ex)
    assert ex.events[0].killed[0] == 9, describe(ex)


def test_a_count_among_the_dead_is_an_event(analyse_text):
    ex = analyse_text("Two policemen among seven killed in Kandahar, weapons seized.", PUB)
    assert event_places(ex) == ["Kandahar"], describe(ex)


def test_the_dead_told_as_known_are_no_new_event(analyse_text):
    ex = analyse_text("The 12 people killed in the attack on the market were buried in Mopti on Friday.", PUB)
    assert [e.trigger for e in ex.events] in ([], ["attack"]), describe(ex)


def test_a_headline_source_after_a_dash_does_not_hide_the_place(analyse_text):
    ex = analyse_text("Gunmen kill teacher, his driver in eastern Uganda - police", PUB)
    assert event_places(ex) == ["Uganda"], describe(ex)


def test_a_nationality_before_its_noun_is_still_no_place(analyse_text):
    ex = analyse_text("Gunmen kill two Ugandan officials at a market", PUB)
    assert "Uganda" not in event_places(ex), describe(ex)
