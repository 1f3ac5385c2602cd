"""Normalise literal values: dates (with their precision), counts and ranges, money.

Relative dates ("on Saturday", "last month", "26 August") are resolved against the
publication date; without one, a date that needs it stays unknown instead of guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, names in enumerate([
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")], start=1) for m in names}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
SEASONS = {"spring": 4, "summer": 7, "fall": 10, "autumn": 10, "winter": 1}

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "a hundred": 100, "hundred": 100, "a dozen": 12, "dozen": 12})
_COMPOUND_WORDS = re.compile(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
                             r"(one|two|three|four|five|six|seven|eight|nine)\b")
SCALES = {"hundred": 100, "thousand": 1000, "k": 1000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
          "billion": 1_000_000_000, "bn": 1_000_000_000}
# vague quantities: (low, high)
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
         "tens of thousands": (20000, 99999), "several hundred": (300, 900), "several thousand": (3000, 9000),
         "a few hundred": (200, 500), "a few thousand": (2000, 5000), "several dozen": (36, 99),
         "a handful": (3, 9), "several": (3, 9), "a few": (2, 5)}

_YEAR = r"(1[89]\d\d|20\d\d)"


@dataclass(frozen=True)
class DateValue:
    iso: str
    precision: str  # day | week (publication day of a report naming none) | month | year | decade

    def literal(self) -> dict:
        return {"date": self.iso, "precision": self.precision}

    def last_day(self) -> dt.date:
        """The latest day the date can stand for: "2011" -> 31 December 2011, "2010s" -> 31 December 2019."""
        if self.precision == "decade":
            return dt.date(int(self.iso) * 10 + 9, 12, 31)
        parts = [int(p) for p in self.iso.split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], calendar.monthrange(*parts)[1])
        return dt.date(parts[0], 12, 31)


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _year_for(month: int, day: int | None, published: dt.date | None) -> int | None:
    """The year of a date written without one: the last such date not after publication."""
    if published is None:
        return None
    year = published.year
    candidate = (month, day or 1)
    if candidate > (published.month, published.day + 1):
        year -= 1
    return year


def parse_date(text: str, published: dt.date | None = None) -> DateValue | None:
    """A date phrase -> ISO date as precise as the text says; None when it cannot be placed."""
    t = " ".join(text.replace("–", "-").split()).strip(" ,.")
    low = t.lower()
    m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+([A-Za-z]{{3,9}})\.?,?\s+{_YEAR}\b", t)
    if m and _month(m[2]):
        return _day(int(m[3]), _month(m[2]), int(m[1]))
    m = re.search(rf"\b([A-Za-z]{{3,9}})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", t)
    if m and _month(m[1]):
        return _day(int(m[3]), _month(m[1]), int(m[2]))
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if m:
        return _day(int(m[1]), int(m[2]), int(m[3]))
    m = re.search(rf"\b([A-Za-z]{{3,9}})\.?,?\s+(?:of\s+)?{_YEAR}\b", t)
    if m and _month(m[1]):
        return DateValue(f"{m[2]}-{_month(m[1]):02d}", "month")
    m = re.search(rf"\b(spring|summer|fall|autumn|winter)\s+(?:of\s+)?{_YEAR}\b", low)
    if m:
        return DateValue(m[2], "year")
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\b"
                  r"|\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b", t)
    if m:
        day, month = (int(m[1]), _month(m[2])) if m[1] else (int(m[4]), _month(m[3]))
        if month and 1 <= day <= 31:
            year = _year_for(month, day, published)
            return _day(year, month, day) if year else None
    m = re.search(rf"\b{_YEAR}s\b", t)
    if m:
        return DateValue(m[1][:3], "decade")
    m = re.search(rf"\b{_YEAR}\b", t)
    if m:
        return DateValue(m[1], "year")
    return _relative(low, published)


def shifted(text: str, anchor: DateValue) -> DateValue | None:
    """ "two months earlier", "three days later", "a week before": the date so far from an anchor date (the event
    told before), as precise as both the anchor and the unit allow."""
    m = re.fullmatch(r"(?:some |about )?(a|an|one|\d{1,2}|[a-z]+)\s+(day|week|month|year)s?\s+"
                     r"(earlier|later|before|after)", text.lower().strip())
    if not m:
        return None
    count = 1 if m[1] in {"a", "an"} else int(m[1]) if m[1].isdigit() else NUMBER_WORDS.get(m[1])
    if not count:
        return None
    sign = -1 if m[3] in {"earlier", "before"} else 1
    parts = [int(p) for p in anchor.iso.split("-")]
    if m[2] == "year":
        return DateValue(str(parts[0] + sign * count), "year")
    if len(parts) == 1:
        return None  # a year moved by days or months falls in a year or the next: unsure
    if m[2] == "month":
        months = parts[0] * 12 + parts[1] - 1 + sign * count
        return DateValue(f"{months // 12}-{months % 12 + 1:02d}", "month")
    if len(parts) == 2:
        return None
    d = dt.date(*parts) + dt.timedelta(days=sign * count * (7 if m[2] == "week" else 1))
    return DateValue(d.isoformat(), "day" if m[2] == "day" else "week")


def _relative(low: str, published: dt.date | None) -> DateValue | None:
    if published is None:
        return None
    for word, wd in WEEKDAYS.items():
        if re.search(rf"\b{word}\b", low):
            back = (published.weekday() - wd) % 7
            if "last" in low.split() and back == 0:
                back = 7
            d = published - dt.timedelta(days=back)
            return DateValue(d.isoformat(), "day")
    if re.search(r"\b(today|tonight|this morning|this evening)\b", low):
        return DateValue(published.isoformat(), "day")
    if re.search(r"\byesterday\b", low):
        return DateValue((published - dt.timedelta(days=1)).isoformat(), "day")
    m = re.search(r"\b(a|an|one|\d{1,2}|[a-z]+)\s+(day|week|month)s?\s+ago\b", low)
    if m:  # "a week ago", "three days ago": counted back from the day of the report, as precise as the unit
        count = 1 if m[1] in {"a", "an"} else int(m[1]) if m[1].isdigit() else NUMBER_WORDS.get(m[1])
        if count:
            if m[2] == "month":
                d = published - dt.timedelta(days=30 * count)
                return DateValue(f"{d.year}-{d.month:02d}", "month")
            d = published - dt.timedelta(days=count * (7 if m[2] == "week" else 1))
            return DateValue(d.isoformat(), "day" if m[2] == "day" or count == 1 else "week")
    if re.search(r"\bweekend\b", low):  # "at the weekend", "last weekend": the days up to the latest Sunday
        back = 0 if published.weekday() == 5 else (published.weekday() + 1) % 7
        return DateValue((published - dt.timedelta(days=back)).isoformat(), "week")
    if re.search(r"\blast week\b", low):  # the days up to the Sunday that ended the week before publication
        return DateValue((published - dt.timedelta(days=published.weekday() + 1)).isoformat(), "week")
    if re.search(r"\blast month\b", low):
        d = published.replace(day=1) - dt.timedelta(days=1)
        return DateValue(f"{d.year}-{d.month:02d}", "month")
    if re.search(r"\bthis month\b", low):
        return DateValue(f"{published.year}-{published.month:02d}", "month")
    if re.search(r"\blast year\b", low):
        return DateValue(str(published.year - 1), "year")
    if re.search(r"\bthis year\b", low):
        return DateValue(str(published.year), "year")
    for word in re.findall(r"[a-z]{3,9}", low):
        month = MONTHS.get(word)
        if month and (word != "may" or re.match(r"(in |last |early |late |mid-)?may\b", low)):
            year = _year_for(month, None, published)
            if year and month == published.month and re.search(rf"\blast {word}\b", low):
                year -= 1  # "last August", written in August, is the year before's
            return DateValue(f"{year}-{month:02d}", "month") if year else None
    return None


def _day(year: int | None, month: int | None, day: int) -> DateValue | None:
    if not year or not month:
        return None
    try:
        return DateValue(dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


# ---------------------------------------------------------------- numbers

@dataclass(frozen=True)
class Quantity:
    low: int | None
    high: int | None
    qualifier: str | None = None  # about | at least | more than | up to | vague
    words: str | None = None  # a vague figure's own words ("several dozen"), which the range only estimates

    def literal(self) -> dict:
        if self.low is not None and self.low == self.high:
            out: dict = {"value": self.low}
        elif self.low is not None and self.high is not None:
            out = {"low": self.low, "high": self.high}
        else:
            out = {"value": self.low if self.low is not None else self.high}
        if self.qualifier:
            out["qualifier"] = self.qualifier
        if self.words:
            out["words"] = self.words
        return out


_NUM = r"\d[\d,]*(?:\.\d+)?"


def _number(token: str) -> float | None:
    token = token.strip().lower()
    if re.fullmatch(_NUM, token):
        return float(token.replace(",", ""))
    return NUMBER_WORDS.get(token)


def parse_quantity(text: str) -> Quantity | None:
    """ "about 3,000" -> 3000 (about); "between 60 and 70" -> 60-70; "dozens" -> 24-99 (vague)."""
    low = " ".join(text.lower().replace("–", "-").split()).strip(" ,.")
    # "thirty-three", "forty five": one number, not a range
    low = _COMPOUND_WORDS.sub(lambda m: str(NUMBER_WORDS[m[1]] + NUMBER_WORDS[m[2]]), low)
    for phrase, (lo, hi) in sorted(VAGUE.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{phrase}\b", low) and not re.search(r"\d", low):
            return Quantity(lo, hi, "vague", phrase)
    words_re = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    num = rf"(?:{_NUM}|{words_re})"
    scale = r"(?:\s*(hundred|thousand|million|billion|k|m|mn|bn)\b)?"
    m = re.search(rf"(?:between|from)\s+({num}){scale}\s+(?:and|to|-)\s+({num}){scale}", low) or \
        re.search(rf"({num}){scale}\s*(?:-|to)\s*({num}){scale}", low)
    if m:
        a, b = _number(m[1]), _number(m[3])
        if a is not None and b is not None:
            sa, sb = SCALES.get(m[2] or m[4] or "", 1), SCALES.get(m[4] or "", 1)
            return Quantity(int(a * sa), int(b * sb))
    m = re.search(rf"({num}){scale}", low)
    if not m:
        return None
    n = _number(m[1])
    if n is None:
        return None
    value = int(n * SCALES.get(m[2] or "", 1))
    qual = None
    if re.search(r"\b(about|around|approximately|roughly|some|nearly|almost|an estimated|estimated|up to)\b", low):
        qual = "about"
    if re.search(r"\b(at least|more than|over|upwards of|in excess of|at minimum)\b", low):
        return Quantity(value, None, "at least")
    if re.search(r"\b(up to|at most|fewer than|less than|under)\b", low):
        return Quantity(None, value, "at most")
    return Quantity(value, value, qual)


def parse_money(text: str) -> dict | None:
    """ "$5m" -> {"amount": 5000000, "currency": "USD"}."""
    m = re.search(r"([$£€])\s*(\d[\d,]*(?:\.\d+)?)\s*(m|mn|million|bn|billion|k|thousand)?\b", text, re.IGNORECASE)
    if not m:
        return None
    amount = float(m[2].replace(",", "")) * SCALES.get((m[3] or "").lower(), 1)
    return {"amount": int(amount), "currency": {"$": "USD", "£": "GBP", "€": "EUR"}[m[1]]}
