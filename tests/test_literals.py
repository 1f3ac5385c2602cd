"""Literals: dates with their precision, relative dates, counts and ranges, money.

The parsers are tested directly, then inside sentences through the full pipeline
(founding dates, group sizes, event dates), with the real spaCy model.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import describe, literal_claims

from dossier.extract.literals import DateValue, parse_date, parse_money, parse_quantity, shifted

SATURDAY = dt.date(2021, 8, 28)  # a Saturday
WEDNESDAY = dt.date(2022, 3, 16)


# ---------------------------------------------------------------- absolute dates


@pytest.mark.parametrize(("text", "iso", "precision"), [
    ("26 August 2021", "2021-08-26", "day"),
    ("August 26, 2021", "2021-08-26", "day"),
    ("3rd March 2019", "2019-03-03", "day"),
    ("2019-03-04", "2019-03-04", "day"),
    ("January 2015", "2015-01", "month"),
    ("in March of 2011", "2011-03", "month"),
    ("in 2006", "2006", "year"),
    ("the summer of 2017", "2017", "year"),
])
def test_absolute_dates_keep_their_precision(text, iso, precision):
    value = parse_date(text, None)
    assert value is not None, text
    assert (value.iso, value.precision) == (iso, precision)


def test_absolute_date_ignores_publication_date():
    assert parse_date("26 August 2019", SATURDAY).iso == "2019-08-26"


def test_decade_is_not_a_year():
    value = parse_date("the 1990s", None)
    assert value is not None and value.precision == "decade"


def test_impossible_day_is_rejected():
    assert parse_date("31 February 2020", None) is None


def test_text_without_a_date():
    assert parse_date("the fighters withdrew", SATURDAY) is None


# ---------------------------------------------------------------- relative dates


@pytest.mark.parametrize(("text", "published", "iso", "precision"), [
    ("on Saturday", SATURDAY, "2021-08-28", "day"),  # the day of publication itself
    ("on Friday", SATURDAY, "2021-08-27", "day"),
    ("on Monday", SATURDAY, "2021-08-23", "day"),
    ("last Saturday", SATURDAY, "2021-08-21", "day"),
    ("on Sunday", WEDNESDAY, "2022-03-13", "day"),
    ("yesterday", SATURDAY, "2021-08-27", "day"),
    ("today", SATURDAY, "2021-08-28", "day"),
    ("last month", SATURDAY, "2021-07", "month"),
    ("last month", dt.date(2022, 1, 10), "2021-12", "month"),  # across the new year
    ("this month", SATURDAY, "2021-08", "month"),
    ("last year", SATURDAY, "2020", "year"),
    ("this year", SATURDAY, "2021", "year"),
    ("26 August", SATURDAY, "2021-08-26", "day"),
    ("August 26", SATURDAY, "2021-08-26", "day"),
    ("in March", SATURDAY, "2021-03", "month"),
    ("last March", SATURDAY, "2021-03", "month"),
    ("last August", SATURDAY, "2020-08", "month"),  # written in August: the August before
    ("a week ago", SATURDAY, "2021-08-21", "day"),
    ("three days ago", SATURDAY, "2021-08-25", "day"),
    ("two weeks ago", SATURDAY, "2021-08-14", "week"),  # a day in the week up to then
    ("last week", SATURDAY, "2021-08-22", "week"),  # the days up to the Sunday that ended it
    ("a month ago", SATURDAY, "2021-07", "month"),
    ("at the weekend", WEDNESDAY, "2022-03-13", "week"),  # the days up to the latest Sunday
    ("over the weekend", SATURDAY, "2021-08-28", "week"),  # written on the weekend itself
])
def test_relative_dates_resolve_against_publication(text, published, iso, precision):
    value = parse_date(text, published)
    assert value is not None, text
    assert (value.iso, value.precision) == (iso, precision)


def test_day_month_after_publication_is_last_year():
    """A day and month later in the year than publication must be last year's."""
    assert parse_date("15 December", SATURDAY).iso == "2020-12-15"
    assert parse_date("in November", SATURDAY).iso == "2020-11"


@pytest.mark.parametrize("text", ["on Saturday", "yesterday", "last month", "26 August", "August 26", "in March",
                                  "last year", "this year", "today", "a week ago"])
def test_unknown_publication_date_guesses_no_year(text):
    assert parse_date(text, None) is None


# ---------------------------------------------------------------- numbers and ranges


@pytest.mark.parametrize(("text", "low", "high", "qualifier"), [
    ("about 3,000", 3000, 3000, "about"),
    ("around 400", 400, 400, "about"),
    ("some 1,200", 1200, 1200, "about"),
    ("7,000", 7000, 7000, None),
    ("twelve", 12, 12, None),
    ("1.5 million", 1_500_000, 1_500_000, None),
    ("between 1,500 and 2,200", 1500, 2200, None),
    ("from 60 to 70", 60, 70, None),
    ("3,000-4,000", 3000, 4000, None),
    ("2,000 to 3,000", 2000, 3000, None),
    ("at least 13", 13, None, "at least"),
    ("more than 200", 200, None, "at least"),
    ("up to 500", None, 500, "at most"),
    ("fewer than 50", None, 50, "at most"),
])
def test_quantities(text, low, high, qualifier):
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize("text", ["several hundred", "dozens", "hundreds", "thousands", "a few hundred",
                                  "several thousand", "tens of thousands"])
def test_vague_quantities_are_ranges(text):
    q = parse_quantity(text)
    assert q is not None and q.qualifier == "vague", text
    assert q.low is not None and q.high is not None and q.low < q.high


def test_vague_ranges_are_ordered_by_size():
    dozens, hundreds, several_hundred, thousands = (parse_quantity(t) for t in
                                                    ("dozens", "hundreds", "several hundred", "thousands"))
    assert dozens.high < hundreds.low <= several_hundred.low < thousands.low
    assert 300 <= several_hundred.low and several_hundred.high < 1000


def test_quantity_literals_follow_the_contract():
    assert parse_quantity("about 3,000").literal()["value"] == 3000
    assert {k: v for k, v in parse_quantity("between 1,500 and 2,200").literal().items()
            if k in {"low", "high"}} == {"low": 1500, "high": 2200}
    assert parse_quantity("at least 13").literal()["value"] == 13


def test_no_number_no_quantity():
    assert parse_quantity("the fighters") is None


# ---------------------------------------------------------------- money


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("$5m", 5_000_000, "USD"),
    ("$5 million", 5_000_000, "USD"),
    ("$1.5m", 1_500_000, "USD"),
    ("£2bn", 2_000_000_000, "GBP"),
    ("€300,000", 300_000, "EUR"),
    ("a ransom of $250,000", 250_000, "USD"),
])
def test_money(text, amount, currency):
    assert parse_money(text) == {"amount": amount, "currency": currency}


def test_money_needs_a_currency_sign():
    assert parse_money("5 million people") is None


# ---------------------------------------------------------------- literals in sentences


@pytest.mark.parametrize(("text", "subject", "date"), [
    ("Al-Shabaab was founded in 2006.", "al-Shabaab", {"date": "2006", "precision": "year"}),
    ("The Red Hand Brigade was founded in March 2011.", "Red Hand Brigade", {"date": "2011-03", "precision": "month"}),
    ("The Red Hand Brigade was set up in 1998.", "Red Hand Brigade", {"date": "1998", "precision": "year"}),
    ("The Red Hand Brigade was established in 1998.", "Red Hand Brigade", {"date": "1998", "precision": "year"}),
    ("Boko Haram was formed in 2002.", "Boko Haram", {"date": "2002", "precision": "year"}),
])
def test_founding_dates_in_sentences(analyse_text, text, subject, date):
    ex = analyse_text(text, published=SATURDAY)
    assert date in literal_claims(ex, subject, "founded"), describe(ex)


@pytest.mark.parametrize(("text", "subject", "wanted"), [
    ("Boko Haram has about 7,000 fighters.", "Boko Haram", {"value": 7000}),
    ("The ELN has between 2,500 and 5,000 fighters.", "ELN", {"low": 2500, "high": 5000}),
    ("The ELN has more than 2,000 members.", "ELN", {"value": 2000, "qualifier": "at least"}),
    ("Boko Haram has several thousand fighters.", "Boko Haram", {"qualifier": "vague"}),
    ("Hezbollah numbers about 20,000 fighters.", "Hezbollah", {"value": 20000}),
    ("Hezbollah controls around 30,000 fighters in Lebanon and Syria.", "Hezbollah", {"value": 30000}),
    # a range whose first figure alone the NER marked; a group described "with" its strength
    ("It is believed the ADF now consists of as few as 400 to 600 fighters.", "ADF", {"low": 400, "high": 600}),
    ("The UWSA remains the largest ethnic armed group in Myanmar with up to 25,000 troops.", "UWSA",
     {"value": 25000, "qualifier": "at most"}),
])
def test_sizes_in_sentences(analyse_text, text, subject, wanted):
    ex = analyse_text(text, published=SATURDAY)
    sizes = literal_claims(ex, subject, "size")
    assert any(wanted.items() <= s.items() for s in sizes), describe(ex)


def test_relative_event_date_in_a_sentence(analyse_text):
    ex = analyse_text("A bomb exploded in Mogadishu last month, killing five people.", published=SATURDAY)
    assert [(e.date, e.date_precision) for e in ex.events] == [("2021-07", "month")], describe(ex)


@pytest.mark.parametrize("when", ["on Saturday", "on 26 August", "last month"])
def test_event_date_unknown_without_publication_date(analyse_text, when):
    ex = analyse_text(f"A bomb exploded in Mogadishu {when}, killing five people.", published=None)
    assert len(ex.events) == 1, describe(ex)
    assert ex.events[0].date is None and ex.events[0].date_precision is None


def test_event_full_date_without_publication_date(analyse_text):
    ex = analyse_text("A bomb exploded in Mogadishu on 26 August 2021, killing five people.", published=None)
    assert [e.date for e in ex.events] == ["2021-08-26"], describe(ex)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Thirty-three", 33, 33), ("forty five", 45, 45), ("twenty-five to thirty", 25, 30), ("10-15", 10, 15)])
def test_a_compound_number_word_is_one_number_not_a_range(text, low, high):
    q = parse_quantity(text)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize("text, anchor, iso, precision", [
    ("Two months earlier", DateValue("2024-02", "month"), "2023-12", "month"),
    ("three days later", DateValue("2024-02-27", "day"), "2024-03-01", "day"),
    ("a week before", DateValue("2024-03-05", "day"), "2024-02-27", "week"),
    ("a year after", DateValue("2019-06", "month"), "2020", "year"),
    ("two months later", DateValue("2019", "year"), None, None),  # a year moved by months: unsure
    ("later that day", DateValue("2019-06-01", "day"), None, None),
])
def test_a_time_counted_from_an_anchor_date(text, anchor, iso, precision):
    value = shifted(text, anchor)
    assert (value.iso, value.precision) == (iso, precision) if iso else value is None
