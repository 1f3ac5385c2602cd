"""Questions answered from a real knowledge base: ingest a small corpus, then ask."""

from __future__ import annotations

import json
import re

import pytest
from conftest import build_kb
from typer.testing import CliRunner

from dossier.cli import app
from dossier.query import ask, find_paths, parse, resolve_name
from dossier.store import Store

# Short documents written for these tests.
DOCS = [
    {"id": "t-isk", "url": None, "title": "A note on IS-K", "publisher": "Test Desk", "published": "2023-05-02",
     "text": "IS-K is the regional affiliate of the Islamic State group in Afghanistan. "
             "The group has about 4,000 fighters, according to a 2023 UN report. "
             "IS-K is based in Nangarhar. "
             "According to researchers, there are strong links between IS-K and the Haqqani network."},
    {"id": "t-haqqani", "url": None, "title": "The Haqqanis", "publisher": "Test Desk", "published": "2023-06-10",
     "text": "The Haqqani network is part of the Taliban. "
             "It is based in North Waziristan, in Pakistan."},
    {"id": "t-attack", "url": None, "title": "Bombing in Jalalabad", "publisher": "Test Wire",
     "published": "2015-04-19",
     "text": "A suicide bomber killed 33 people outside a bank in Jalalabad on 18 April 2015. "
             "IS-K claimed responsibility for the bombing."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_kb(tmp_path_factory.mktemp("kb"), DOCS)


@pytest.fixture()
def store(db):
    with Store.from_path(db) as s:
        yield s


@pytest.mark.parametrize("question,intent,subject", [
    ("How many members does IS-K have?", "size", "IS-K"),
    ("How many fighters does the ELN have now?", "size", "ELN"),
    ("How large is al-Shabaab?", "size", "al-Shabaab"),
    ("When was the TTP formed?", "founded", "TTP"),
    ("Who founded Lashkar-e-Islam?", "founder", "Lashkar-e-Islam"),
    ("Where is the Haqqani network based?", "based", "Haqqani network"),
    ("Who is the leader of JNIM?", "leader", "JNIM"),
    ("Who leads Boko Haram?", "leader", "Boko Haram"),
    ("Who is M23's official leader?", "leader", "M23"),
    ("Who is the de facto leader of the Tatmadaw?", "leader", "Tatmadaw"),
    ("Is IS-K linked to the Taliban?", "linked", "IS-K"),
    ("How is the Haqqani network related to the Taliban?", "linked", "Haqqani network"),
    ("Which groups is the TTP linked to?", "links", "TTP"),
    ("Who are Hezbollah's enemies?", "enemies", "Hezbollah"),
    ("Who funds IS-K?", "funding", "IS-K"),
    ("What attacks has al-Shabaab carried out?", "attacks", "al-Shabaab"),
    ("Who is al-Shabaab's spokesman?", "role_holder", "al-Shabaab"),
    ("Who is Sirajuddin Haqqani?", "who_is", "Sirajuddin Haqqani"),
    ("In which states does the Arakan Army operate?", "active", "Arakan Army"),
    ("What is Syed Salahuddin's real name?", "real_name", "Syed Salahuddin"),
])
def test_intents(question, intent, subject):
    parsed = parse(question)
    assert (parsed.name, parsed.subject) == (intent, subject)


@pytest.mark.parametrize("question,intent", [
    ("How many people were killed in the suicide attack in Jalalabad?", "event_killed"),
    ("How many soldiers did JNIM claim to have killed in the Djibo attack?", "event_killed"),
    ("How many were wounded in the Kabul truck bombing of May 2017?", "event_injured"),
    ("Who claimed responsibility for the bombing of the mosque in Peshawar?", "event_perpetrator"),
    ("Which cartel is suspected of the ambush in Michoacan?", "event_perpetrator"),
    ("Who ambushed the army convoy near Tibu?", "event_perpetrator"),
    ("Which group stormed the prison in Kuje?", "event_perpetrator"),
    ("Who killed the soldiers in Djibo?", "event_perpetrator"),
    ("Who was killed in the raid on Djibo?", "event_victims"),
    ("When did the attack on the university in Garissa take place?", "event_date"),
    ("What happened in Kabul?", "events_in"),
])
def test_event_intents(question, intent):
    parsed = parse(question)
    assert parsed.name == intent
    assert parsed.event


def test_resolve_name_by_alias_possessive_and_partial(store):
    exact = resolve_name(store, "ISKP")
    assert exact is not None
    assert resolve_name(store, "IS-K's").ids == exact.ids
    haqqani = resolve_name(store, "the Haqqani network")
    assert haqqani is not None and haqqani.ids != exact.ids
    assert resolve_name(store, "Atlantis Liberation Front") is None


def test_size_question_gives_the_number_with_a_citation(store):
    answer = ask(store, "How many fighters does IS-K have?")
    assert answer.intent == "size"
    assert re.search(r"4,?000", answer.answer)
    assert re.search(r"\[\d+\]", answer.answer)
    assert answer.sources and answer.sources[0]["doc_id"] == "t-isk"
    assert "4,000" in answer.sources[0]["evidence"]
    assert len(answer.answer) <= 400


def test_linked_question_finds_a_two_hop_path(store):
    isk, taliban = resolve_name(store, "IS-K"), resolve_name(store, "Taliban")
    paths = find_paths(store, isk.ids, taliban.ids)
    assert paths, "no path from IS-K to the Taliban"
    assert len(paths[0]) == 2
    assert "haqqani" in paths[0].names[1].casefold()
    answer = ask(store, "Is IS-K linked to the Taliban?")
    assert "Haqqani" in answer.answer
    assert len(answer.sources) >= 2
    assert {s["doc_id"] for s in answer.sources} >= {"t-isk", "t-haqqani"}


def test_event_question_finds_the_toll(store):
    answer = ask(store, "How many people were killed in the bombing in Jalalabad?")
    assert "33" in answer.answer
    assert answer.sources and answer.sources[0]["doc_id"] == "t-attack"


def test_a_toll_asked_of_its_doer_finds_the_event(store):
    parsed = parse("How many people did IS-K kill in Jalalabad in April 2015?")
    assert parsed.name == "event_killed"
    assert "33" in ask(store, "How many people did IS-K kill in Jalalabad in April 2015?").answer
    assert parse("How many civilians has IS-K killed since 2015?").name != "event_killed"  # a tally over time


def test_absent_fact_is_not_known(store):
    for question in ("When was the Haqqani network founded?", "How many fighters does Hezbollah have?",
                     "Who leads the Atlantis Liberation Front?"):
        answer = ask(store, question)
        assert answer.answer.startswith("Not known"), answer.answer
        assert not answer.sources


def test_cli_json_has_the_contract_keys(db):
    result = CliRunner().invoke(app, ["--db", str(db), "ask", "Where is IS-K based?", "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert {"question", "intent", "subject", "answer", "claims", "sources"} <= set(out)
    assert "Nangarhar" in out["answer"]
    assert out["claims"] and out["claims"][0]["predicate"] == "based_in"


def test_cli_text_and_not_known_exit_zero(db):
    result = CliRunner().invoke(app, ["--db", str(db), "ask", "How many fighters does the ELN have?"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Not known")


def test_leader_not_known_says_so_even_with_a_passage(store):
    answer = ask(store, "Who leads the Haqqani network?")
    assert re.search(r"not known|no information", answer.answer, re.I), answer.answer
    assert len(answer.answer) <= 350


def test_answers_to_every_kind_stay_short(store):
    for question in ("Who is IS-K?", "What are the goals of IS-K?", "What attacks has IS-K carried out?",
                     "How many people were injured in the bombing in Jalalabad?", "What happened in Jalalabad?"):
        answer = ask(store, question)
        assert len(answer.answer) <= 350, (question, answer.answer)


def test_claims_are_trimmed_per_statement_with_a_count(store):
    from dossier.query import lookup

    isk = resolve_name(store, "IS-K")
    every = lookup.claims(store, subject_ids=isk.ids, per_group=None)
    trimmed = lookup.claims(store, subject_ids=isk.ids)
    assert trimmed and len(trimmed) <= len(every)
    assert all(c["_n"] >= 1 for c in trimmed)


def test_claim_lookups_and_link_search_read_the_composite_indexes(store):
    """`ask`'s look-ups by entity (claims of a predicate, most recent first; the link search) are answered from
    the composite indexes of migration 0004, not by reading every claim row of the entity or of the predicate.
    SQLite's plans do not depend on table size here, so a small knowledge base shows a large one's plan."""
    from sqlalchemy import event

    from dossier.query import lookup

    statements: list[tuple[str, tuple]] = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        if "FROM claims" in statement:
            statements.append((statement, parameters))

    isk, taliban = resolve_name(store, "IS-K"), resolve_name(store, "Taliban")
    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        assert lookup.claims(store, subject_ids=isk.ids, predicates=("size",))
        assert find_paths(store, isk.ids, taliban.ids)
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    assert len(statements) >= 3
    with store.engine.connect() as conn:
        for statement, parameters in statements:
            plan = " | ".join(row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
            claim_steps = [step for step in plan.split(" | ") if " claims " in f"{step} "]
            assert claim_steps and all("ix_claims_subject_predicate" in step or "ix_claims_object_predicate" in step
                                       or "PRIMARY KEY" in step for step in claim_steps), plan


def test_event_candidates_are_those_of_one_or_over_every_condition(store):
    """The candidate events of an event question, read condition by condition, are the events the single
    OR over all conditions selected (the former query, kept here as the reference)."""
    from sqlalchemy import or_, select
    from sqlalchemy.orm import Session

    from dossier.query import events as ev
    from dossier.store.schema import DocumentRow, EntityRow, EventPerpetratorRow, EventRow, EventSourceRow

    found = []
    for phrase in ("the suicide bombing in Jalalabad", "the bombing by IS-K in April 2015", "the bank attack",
                   "What happened in Bank Jalalabad"):
        q = ev.analyse(store, phrase)
        conds = []
        place_ids = [i for _, ids in q.places for i in ids]
        if place_ids:
            names = [n for n, _ in q.places]
            conds += [EventRow.place_entity_id.in_(place_ids), EventRow.place_entity_id.in_(
                select(EntityRow.id).where(or_(EntityRow.admin1.in_(names), EntityRow.name.in_(names))))]
        if q.groups:
            conds.append(EventRow.id.in_(select(EventPerpetratorRow.event_id).where(
                EventPerpetratorRow.entity_id.in_([i for _, ids in q.groups for i in ids]))))
        for t in [n for n, _ in q.places] + q.names:
            conds.append(EventRow.id.in_(select(EventSourceRow.event_id).where(EventSourceRow.evidence.ilike(f"%{t}%"))))
            conds.append(EventRow.id.in_(select(EventSourceRow.event_id).join(DocumentRow).where(
                DocumentRow.title.ilike(f"%{t}%"))))
        if q.date and len(q.date) >= 7:
            conds.append(EventRow.date.like(f"{q.date[:7]}%"))
        with Session(store.engine) as session:
            expected = set(session.scalars(select(EventRow.id).where(or_(*conds)))) if conds else set()
            if expected and q.countries:
                docs = select(EventSourceRow.doc_id).where(EventSourceRow.event_id.in_(expected))
                expected |= set(session.scalars(select(EventSourceRow.event_id).where(EventSourceRow.doc_id.in_(docs))))
            assert ev._candidate_ids(session, q) == expected, phrase
        found.append(expected)
    assert any(found)


def test_event_dicts_read_in_bulk_are_the_orm_ones(store):
    """The Core bulk reader the event questions use gives what `event_dict` gives from ORM rows."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from dossier.store.reader import event_dict, event_dicts
    from dossier.store.schema import EventRow

    with Session(store.engine) as session:
        rows = session.scalars(select(EventRow).order_by(EventRow.id)).all()
        assert rows
        bulk = event_dicts(session, [r.id for r in reversed(rows)])
        assert [{k: v for k, v in ev.items() if k != "_place_id"} for ev in bulk] == [event_dict(r) for r in rows]
        assert [ev["_place_id"] for ev in bulk] == [r.place_entity_id for r in rows]
        assert any(len(ev["place"]["aliases"]) > 1 for ev in bulk if ev["place"])


def test_a_country_asked_about_as_the_doer_picks_its_strike(tmp_path):
    docs = [
        {"id": "t-strike", "url": None, "title": "Strike", "publisher": "Test Wire", "published": "2022-03-04",
         "text": "The United States killed a senior militant commander in a drone strike in Kandahar on 3 March "
                 "2022."},
        {"id": "t-raid", "url": None, "title": "Raid", "publisher": "Test Desk", "published": "2011-07-01",
         "text": "In June 2011, Taliban fighters attacked a US convoy in Kandahar, killing four soldiers."},
    ]
    with Store.from_path(build_kb(tmp_path, docs)) as store:
        answer = ask(store, "Who was killed in the US drone strike in Kandahar?")
    assert "2022" in answer.answer and "2011" not in answer.answer, answer.answer


def test_a_passage_answers_in_the_reports_words_not_the_headlines(tmp_path):
    from dossier.query.passages import best_passage

    docs = [{"id": "t-ied", "url": None, "title": "Two soldiers killed in bomb attack by rebels", "publisher": "Wire",
             "published": "2024-07-15",
             "text": "Two soldiers killed in bomb attack by rebels in Narino\n\nThe attack took place on Sunday in "
                     "the municipality of Policarpa. The rebels carried out the attack with improvised explosive "
                     "devices."}]
    with Store.from_path(build_kb(tmp_path, docs)) as store:
        passage = best_passage(store, "What weapons did the rebels use in the attack in Policarpa?",
                               doc_ids=["t-ied"])
    assert passage is not None and "improvised explosive devices" in passage.quote, passage


def test_a_group_known_by_one_fact_is_described_by_its_source_too(tmp_path):
    docs = [{"id": "t-aqap", "url": None, "title": "Attack in Abyan", "publisher": "Wire", "published": "2023-08-02",
             "text": "The attack shows the threat posed by al-Qaeda's Yemeni faction, referred to as al-Qaeda in "
                     "the Arabian Peninsula (AQAP)."}]
    with Store.from_path(build_kb(tmp_path, docs)) as store:
        answer = ask(store, "What is AQAP?").answer
    assert "part of al-Qaeda" in answer and "Yemeni faction" in answer, answer


def test_has_anyone_claimed_says_who_or_that_no_one_has(tmp_path):
    docs = [
        {"id": "t-jolo", "url": None, "title": "Blasts", "publisher": "Test Wire", "published": "2020-08-25",
         "text": "Two bombs exploded in Jolo on Monday, killing 15 people. Authorities suspect Abu Sayyaf carried "
                 "out the twin bombing."},
        {"id": "t-bank", "url": None, "title": "Bank", "publisher": "Test Desk", "published": "2015-04-19",
         "text": "A suicide bomber killed 33 people outside a bank in Jalalabad on 18 April 2015. IS-K claimed "
                 "responsibility for the bombing."},
    ]
    with Store.from_path(build_kb(tmp_path, docs)) as store:
        none = ask(store, "Has any group claimed the Jolo bombing?").answer
        some = ask(store, "Has anyone claimed the Jalalabad bombing?").answer
    assert none.startswith("No group has claimed") and "Abu Sayyaf" in none, none
    assert some.startswith("Yes") and "Khorasan" in some, some


def test_a_real_name_is_the_name_an_alias_stands_for(tmp_path):
    docs = [{"id": "t-hm", "url": None, "title": "HM", "publisher": "Test Desk", "published": "2017-08-17",
             "text": "The Hizbul Mujahideen is headed by Mohammad Yusuf Shah, who goes by the alias Syed "
                     "Salahuddin. Salahuddin lives in Muzaffarabad."}]
    with Store.from_path(build_kb(tmp_path, docs)) as store:
        answer = ask(store, "What is Syed Salahuddin's real name?").answer
        unknown = ask(store, "What is the real name of Abu Bakr?").answer
    assert "Mohammad Yusuf Shah" in answer, answer
    assert unknown.startswith("Not known"), unknown


def test_who_did_a_deed_named_by_its_verb(tmp_path):
    docs = [{"id": "t-ab", "url": None, "title": "Raid", "publisher": "Test Desk", "published": "2023-03-10",
             "text": "Al-Shabaab fighters stormed a hotel in Kismayo on Thursday, killing nine guests. "
                     "The group claimed the attack."}]
    with Store.from_path(build_kb(tmp_path, docs)) as store:
        answer = ask(store, "Who stormed the hotel in Kismayo?")
    assert answer.intent == "event_perpetrator", answer
    assert "Shabaab" in answer.answer and answer.sources, answer.answer


@pytest.mark.parametrize("question,subject", [
    ("Who is fighting the ADF?", "ADF"),
    ("Which forces are battling al-Shabaab?", "al-Shabaab"),
    ("Who fought the Taliban?", "Taliban"),
])
def test_who_fights_a_group_asks_its_enemies(question, subject):
    assert (parse(question).name, parse(question).subject) == ("enemies", subject)
    assert parse("Who is fighting whom in Sudan?").name != "enemies"  # no group named


def test_attacks_asked_of_a_place_and_time_are_those_there_and_then(tmp_path):
    docs = [
        {"id": "t-a", "url": None, "title": "Attack", "publisher": "Test Wire", "published": "2016-10-25",
         "text": "Al-Shabaab fighters killed 12 people in an attack on a guest house in Mandera on Tuesday."},
        {"id": "t-b", "url": None, "title": "Attack", "publisher": "Test Wire", "published": "2014-12-03",
         "text": "Al-Shabaab fighters killed 36 quarry workers near Mandera on Tuesday."},
        {"id": "t-c", "url": None, "title": "Attack", "publisher": "Test Desk", "published": "2015-04-03",
         "text": "Al-Shabaab gunmen killed 148 people at a university in Garissa on Thursday."},
    ]
    with Store.from_path(build_kb(tmp_path, docs)) as store:
        before = ask(store, "What attacks has al-Shabaab carried out in Mandera before October 2016?").answer
        assert "36" in before and "148" not in before and "12 killed" not in before, before
        in_garissa = ask(store, "What attack did al-Shabaab carry out in Garissa in April 2015?").answer
        assert "148" in in_garissa and "Mandera" not in in_garissa, in_garissa
        assert ask(store, "What attacks has al-Shabaab carried out in Lamu?").answer.startswith("Not known")


def test_where_a_group_came_from_names_the_group_it_came_out_of(tmp_path):
    docs = [{"id": "t-o", "url": None, "title": "ISWAP", "publisher": "Test Desk", "published": "2020-01-02",
             "text": "ISWAP emerged from a split within Boko Haram in 2016. It now controls islands in Lake Chad."}]
    with Store.from_path(build_kb(tmp_path, docs)) as store:
        answer = ask(store, "Where did ISWAP come from?")
    assert "came out of Boko Haram" in answer.answer and answer.sources, answer.answer


def test_other_names_of_a_group_are_its_aliases(store):
    assert parse("What is the Houthis' formal name?").name == "names"
    assert parse("What else is IS-K called?").subject == "IS-K"
    answer = ask(store, "What other names does IS-K go by?").answer
    assert "Islamic State Khorasan Province" in answer and not answer.startswith("Not known"), answer


def _answers(tmp_path, text: str, *questions: str) -> list[str]:
    """The answers to `questions` from a knowledge base of one report of `text`."""
    docs = [{"id": "t-1", "url": None, "title": "T", "publisher": "Test Wire", "published": "2022-03-04", "text": text}]
    with Store.from_path(build_kb(tmp_path, docs)) as store:
        return [ask(store, q).answer for q in questions]


def test_a_base_never_stated_is_not_known_before_where_the_group_is_active(tmp_path):
    (answer,) = _answers(tmp_path, "The Zomi Revolutionary Army is active in Manipur and Mizoram.",
                         "Where is the Zomi Revolutionary Army headquartered?")
    assert answer.startswith("Not known") and "Manipur" in answer, answer


def test_what_a_group_is_says_what_kind_of_part_the_sources_call_it(tmp_path):
    answer, leader = _answers(tmp_path, "The Karen National Liberation Army is the armed wing of the Karen National "
                              "Union (KNU). Musa Kamara is the founder of the Karen National Union.",
                              "What is the Karen National Liberation Army?", "Who leads the Karen National Union?")
    assert "the armed wing of Karen National Union" in answer, answer
    assert leader.startswith("Karen National Union was founded by Musa Kamara [1]; no other leader"), leader


def test_an_earlier_name_is_the_one_a_source_gives_not_the_names_it_has_now(tmp_path):
    text = ("Hayat Tahrir al-Sham (HTS) is the strongest rebel faction in Idlib. In its former incarnation as the "
            "Nusra Front, HTS declared allegiance to al-Qaeda. It broke those ties in 2016 and rebranded.")
    before, also = _answers(tmp_path, text, "What was HTS called before it rebranded?", "What else is HTS called?")
    assert "Nusra" in before and "also known as" not in before, before
    assert "also known as" in also, also


def test_other_names_the_sources_write_come_before_the_gazetteers(tmp_path):
    (answer,) = _answers(tmp_path, "The Gulf Clan is Colombia's largest cartel. The group is also known as Los "
                         "Urabenos, a name given to it by the government.",
                         "What other name is the Gulf Clan known by?")
    assert answer.startswith("Gulf Clan is also known as"), answer
    assert "Urabenos" in answer.split("A source says")[0], answer  # in the structured answer, not only the passage


def test_what_a_name_means_is_what_a_source_says_it_means(tmp_path):
    assert parse("What does anti-balaka mean?").name == "meaning"
    assert parse("What is the meaning of the name Boko Haram?").subject == "Boko Haram"
    meant, unknown = _answers(tmp_path, "The anti-balaka militias formed in 2013. Anti-balaka fighters (the name "
                              "means anti-machete in the Sango language) attacked Bangui in December.",
                              "What does anti-balaka mean?", "What does Seleka mean?")
    assert "anti-machete" in meant, meant
    assert unknown.startswith("Not known"), unknown


def test_a_vague_size_is_answered_in_the_texts_own_words_with_the_estimate(tmp_path):
    (answer,) = _answers(tmp_path, "The Tubas Brigade is believed to consist of several dozen members.",
                         "How many members does the Tubas Brigade have?")
    assert "several dozen" in answer and "36–99" in answer, answer


def test_where_a_group_is_active_falls_back_to_the_places_of_its_attacks(tmp_path):
    docs = [{"id": "t-rask", "url": None, "title": "Police killed", "publisher": "Wire", "published": "2023-12-15",
             "text": "Gunmen killed 11 policemen in an attack on a police station in Rask on Friday. Jaish al-Adl "
                     "claimed responsibility for the attack."}]
    with Store.from_path(build_kb(tmp_path, docs)) as store:
        answer = ask(store, "Where is Jaish al-Adl active?")
    assert answer.answer.startswith("Not known where") and "Rask" in answer.answer, answer.answer
