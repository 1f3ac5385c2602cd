"""Events across documents: the same happening reported twice becomes one event listing both reports."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.model import Document
from dossier.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.from_path(tmp_path / "kb.db") as s:
        yield s


@pytest.fixture
def write(store, nlp):
    from dossier.pipeline import analyse

    def run(doc_id: str, text: str, published: str) -> None:
        document = Document(id=doc_id, text=text, published=dt.date.fromisoformat(published))
        store.write(analyse(nlp(text), document, store.alias_index()))

    return run


def test_two_reports_of_one_bombing_become_one_event(store, write):
    write("a", "A car bomb exploded in Mogadishu on Saturday, killing at least 13 people.", "2021-08-28")
    write("b", "Al-Shabaab claimed responsibility for a bombing in Mogadishu on Saturday that killed 15 people "
               "and wounded 20.", "2021-08-29")
    events = list(store.iter_events())
    assert len(events) == 1, events
    ev = events[0]
    assert ev["doc_ids"] == ["a", "b"]
    assert ev["date"] == "2021-08-28" and ev["place"]["name"] == "Mogadishu"
    assert [(p["name"], p["attribution"]) for p in ev["perpetrators"]] == [("al-Shabaab", "claimed")]
    # each report keeps its own figures; the event gives the highest floor
    assert [(s["doc_id"], s["killed"]) for s in ev["sources"]] == [("a", 13), ("b", 15)]
    assert ev["killed"] == 15 and ev["injured"] == 20


def test_report_a_day_later_in_the_country_merges(store, write):
    write("a", "A suicide bomber killed 20 people at a market in Maiduguri on Friday.", "2021-08-28")
    write("b", "Boko Haram was blamed for a suicide bombing in Nigeria on Saturday that killed 22 people.",
          "2021-08-29")
    events = list(store.iter_events())
    assert len(events) == 1, events
    assert events[0]["place"]["name"] == "Maiduguri"  # the finer place of the two
    assert events[0]["doc_ids"] == ["a", "b"]


def test_same_day_same_city_different_kinds_stay_two(store, write):
    write("a", "A bomb exploded at a market in Mogadishu on Saturday, killing five people.", "2021-08-28")
    write("b", "Government troops clashed with militants in Mogadishu on Saturday, killing three soldiers.",
          "2021-08-28")
    assert len(list(store.iter_events())) == 2


def test_conflicting_perpetrators_stay_two(store, write):
    write("a", "Al-Shabaab claimed responsibility for a bombing in Mogadishu on Saturday that killed 13 people.",
          "2021-08-28")
    write("b", "The Islamic State claimed responsibility for a bombing in Mogadishu on Saturday that killed two "
               "people.", "2021-08-28")
    events = list(store.iter_events())
    assert len(events) == 2, events


def test_different_days_or_places_stay_two(store, write):
    write("a", "A bomb exploded in Mogadishu on Saturday, killing five people.", "2021-08-28")
    write("b", "A bomb went off in Mogadishu on Saturday, killing six people.", "2021-08-14")
    write("c", "A bomb exploded in Kismayo on Saturday, killing five people.", "2021-08-28")
    assert len(list(store.iter_events())) == 3


def test_events_of_one_report_are_not_merged_together(store, write):
    write("a", "A bomb exploded in Mogadishu on Saturday, killing five people. Separately, gunmen attacked a "
               "police station in another part of Mogadishu on Saturday, killing three officers.", "2021-08-28")
    assert len(list(store.iter_events())) == 2
