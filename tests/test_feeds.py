"""RSS and Atom feeds, as files and by URL from a real HTTP server on 127.0.0.1, and `dossier watch`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_web_ingest import ARTICLE, ROBOTS, Site
from typer.testing import CliRunner

from dossier.cli import app
from dossier.ingest import Fetcher, ReadError, parse_duration, poll, read_paths
from dossier.model import Document
from dossier.pipeline import ingest
from dossier.store import Store

FULL_TEXT = ("Al-Shabaab is an affiliate of al-Qaeda. It is led by Ahmad Umar. A car bomb exploded in Mogadishu on "
             "Saturday, killing at least 13 people. Al-Shabaab claimed responsibility for the bombing. The group "
             "has fought the Somali government for more than fifteen years, officials say.")


def rss(base: str, items: list[str]) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>{base}/</link><description>News</description>
{''.join(items)}
</channel></rss>"""


def full_item(base: str) -> str:
    return f"""<item><title>Bombing in Mogadishu</title><link>{base}/somalia/bomb</link>
<guid>{base}/somalia/bomb</guid><pubDate>Sat, 28 Aug 2021 10:00:00 +0000</pubDate>
<description>A car bomb in Mogadishu.</description>
<content:encoded><![CDATA[<p>{FULL_TEXT}</p>]]></content:encoded></item>"""


def summary_item(base: str, path: str = "/sahel/attack", title: str = "Attack on army post") -> str:
    return f"""<item><title>{title}</title><link>{base}{path}</link>
<pubDate>Sun, 29 Aug 2021 08:00:00 +0000</pubDate>
<description>Militants attacked an army post near Djibo.</description></item>"""


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Monitor</title><id>urn:x</id>
<updated>2022-03-16T12:00:00Z</updated>
<entry><title>Boko Haram strength</title><id>urn:item:1</id><link href="{base}/lake-chad"/>
<updated>2022-03-16T12:00:00Z</updated>
<content type="html">&lt;p&gt;According to researchers, Boko Haram has about 5,000 fighters. Boko Haram was formed in
2002. The group has attacked villages around Lake Chad for more than a decade, officials said.&lt;/p&gt;</content>
</entry></feed>"""


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        s.add("/robots.txt", ROBOTS, content_type="text/plain")
        s.add("/sahel/attack", ARTICLE)
        yield s


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(timeout=1.0, delay=0.0) as f:
        yield f


def docs_of(items: list) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def test_rss_file_reads_every_item_and_fetches_summary_only_articles(site: Site, fetcher: Fetcher,
                                                                     tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(rss(site.base, [full_item(site.base), summary_item(site.base)]), encoding="utf-8")
    items = list(read_paths([feed], fetcher=fetcher))
    full, fetched = items
    assert isinstance(full, Document) and isinstance(fetched, Document)
    assert full.text == FULL_TEXT  # from content:encoded, no request for it
    assert site.requested("/somalia/bomb") == 0
    assert full.id == full.url == f"{site.base}/somalia/bomb"
    assert full.title == "Bombing in Mogadishu" and full.publisher == "Example Wire"
    assert full.published == dt.date(2021, 8, 28)
    assert "killing 12 soldiers" in fetched.text  # the linked article, not the one-line summary
    assert site.requested("/sahel/attack") == 1
    assert fetched.id == f"{site.base}/sahel/attack"
    assert fetched.title == "Attack on army post" and fetched.published == dt.date(2021, 8, 28)


def test_atom_feed_by_url(site: Site, fetcher: Fetcher) -> None:
    url = site.add("/atom.xml", ATOM.format(base=site.base), content_type="application/atom+xml")
    (doc,) = list(read_paths([url], fetcher=fetcher))
    assert isinstance(doc, Document)
    assert doc.text.startswith("According to researchers, Boko Haram has about 5,000 fighters.")
    assert doc.publisher == "Sahel Monitor" and doc.published == dt.date(2022, 3, 16)
    assert doc.id == f"{site.base}/lake-chad"
    assert site.requested("/lake-chad") == 0


def test_feed_served_as_text_xml_is_sniffed(site: Site, fetcher: Fetcher) -> None:
    url = site.add("/feed", rss(site.base, [full_item(site.base)]), content_type="text/html")
    (doc,) = list(read_paths([url], fetcher=fetcher))
    assert isinstance(doc, Document) and doc.text == FULL_TEXT


def test_article_gone_falls_back_to_the_summary_but_a_slow_one_is_retried_later(site: Site, tmp_path: Path) -> None:
    site.add("/slow", ARTICLE, delay=2.0)
    feed = tmp_path / "wire.rss"
    feed.write_text(rss(site.base, [summary_item(site.base, "/gone", "Gone"), summary_item(site.base, "/slow", "Slow"),
                                    summary_item(site.base, "/private/x", "Private")]), encoding="utf-8")
    with Fetcher(timeout=0.4, delay=0.0) as quick:
        gone, slow, private = list(read_paths([feed], fetcher=quick))
    assert isinstance(gone, Document) and gone.text == "Militants attacked an army post near Djibo."
    assert isinstance(private, Document) and site.requested("/private/x") == 0  # robots: summary only
    assert isinstance(slow, ReadError)
    assert str(slow).startswith(f"{feed} item 2 ({site.base}/slow): timed out after 0.4s")


def test_known_items_are_not_fetched_again(site: Site, fetcher: Fetcher, tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(rss(site.base, [summary_item(site.base)]), encoding="utf-8")
    (doc,) = list(read_paths([feed], fetcher=fetcher, known=lambda doc_id: doc_id.endswith("/sahel/attack")))
    assert isinstance(doc, Document) and doc.id == f"{site.base}/sahel/attack"
    assert site.requested("/sahel/attack") == 0


def test_invalid_feed_is_a_read_error(tmp_path: Path, fetcher: Fetcher) -> None:
    feed = tmp_path / "broken.rss"
    feed.write_text("this is not <xml", encoding="utf-8")
    (err,) = list(read_paths([feed], fetcher=fetcher))
    assert isinstance(err, ReadError) and err.message.startswith("not a valid RSS or Atom feed")


def test_xml_files_in_folders_are_left_alone(tmp_path: Path, fetcher: Fetcher) -> None:
    (tmp_path / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Hezbollah is backed by Iran.", encoding="utf-8")
    (doc,) = list(read_paths([tmp_path], fetcher=fetcher))
    assert isinstance(doc, Document) and doc.text.startswith("Hezbollah")


def test_ingesting_a_feed_twice_stores_nothing_new(site: Site, fetcher: Fetcher, tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(rss(site.base, [full_item(site.base), summary_item(site.base)]), encoding="utf-8")
    with Store.from_path(tmp_path / "kb.db") as store:
        first = ingest([feed], store, fetcher=fetcher)
        second = ingest([feed], store, fetcher=fetcher)
    assert (first.documents, first.errors) == (2, [])
    assert (second.documents, second.skipped) == (0, 2)
    assert site.requested("/sahel/attack") == 1  # the second run did not fetch the article again


def test_watch_polls_and_ingests_only_new_items(site: Site, tmp_path: Path) -> None:
    url = site.add("/feed.rss", rss(site.base, [full_item(site.base), summary_item(site.base)]),
                   content_type="application/rss+xml")
    db = str(tmp_path / "kb.db")
    runner = CliRunner()
    result = runner.invoke(app, ["--db", db, "watch", url, "--every", "0s", "--max-rounds", "2", "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert "round 1" in result.output and "round 2" in result.output
    rounds = [line for line in result.output.splitlines() if line.startswith("round ")]
    assert "2 documents" in rounds[0] and "0 documents" in rounds[1]
    assert site.requested("/feed.rss") == 2 and site.requested("/sahel/attack") == 1
    site.add("/sahel/second", ARTICLE.replace("12 soldiers", "7 soldiers"))
    site.add("/feed.rss", rss(site.base, [summary_item(site.base, "/sahel/second", "Second"), full_item(site.base),
                                          summary_item(site.base)]), content_type="application/rss+xml")
    again = runner.invoke(app, ["--db", db, "watch", url, "--every", "0s", "--max-rounds", "1", "--delay", "0"])
    assert again.exit_code == 0, again.output
    assert "1 documents" in again.output and "2 skipped" in again.output
    assert site.requested("/sahel/attack") == 1 and site.requested("/sahel/second") == 1


def test_watch_rejects_a_bad_interval(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "kb.db"), "watch", "http://127.0.0.1:9/f", "--every",
                                      "soon", "--max-rounds", "1"])
    assert result.exit_code == 2 and "not a duration" in result.output


def test_poll_runs_rounds_on_schedule() -> None:
    now = [0.0]
    slept: list[float] = []
    ran: list[int] = []

    def round_(n: int) -> None:
        ran.append(n)
        now[0] += 2.0  # each round takes 2 s

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    assert poll(round_, every=10, max_rounds=3, sleep=sleep, clock=lambda: now[0]) == 3
    assert ran == [1, 2, 3] and slept == [8.0, 8.0]  # start to start, no sleep after the last


def test_parse_duration() -> None:
    assert [parse_duration(v) for v in ("90", "30s", "15m", "2h", "1d", "0.5m")] == [90, 30, 900, 7200, 86400, 30]
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration("fortnightly")
