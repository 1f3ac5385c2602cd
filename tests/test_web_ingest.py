"""Pages by URL, against a real HTTP server on 127.0.0.1 (never the internet): text, title and date
through the saved-page reader; robots.txt, 404, size limit, timeout, redirects and the per-host rate limit."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.ingest import Fetcher, ReadError, read_paths
from dossier.ingest.web import is_url, sniff_feed, url_id
from dossier.model import Document

ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Attack on army post | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2021-08-28T09:00:00Z">
<link rel="canonical" href="https://news.example.org/sahel/attack">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Attack on army post</h1>
<p>JNIM is the Sahel branch of al-Qaeda. JNIM operates in Burkina Faso and Niger.</p>
<p>Militants attacked an army post near Djibo on Saturday, killing 12 soldiers, officials said.</p>
<p>The group has attacked army posts in the border area for several years, analysts say.</p>
</article><footer>Copyright Example Wire</footer></body></html>"""

ROBOTS = "User-agent: *\nDisallow: /private/\n"


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds before answering
    headers: dict[str, str] = field(default_factory=dict)
    length: bool = True  # send Content-Length


class Site:
    """A tiny web site on 127.0.0.1 serving `routes` (path -> Route); `hits` logs (path, time) of each request."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, float]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.hits.append((self.path, time.monotonic()))
                route = site.routes.get(self.path)
                if route is None:
                    route = Route(b"<html><body>Not here</body></html>", status=404)
                if route.delay:
                    time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    if route.length:
                        self.send_header("Content-Length", str(len(route.body)))
                    for name, value in route.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout, size limit): expected

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes, **kwargs: object) -> str:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **kwargs)
        return self.url(path)

    def requested(self, path: str) -> int:
        return sum(1 for p, _ in self.hits if p == path)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        s.add("/robots.txt", ROBOTS, content_type="text/plain")
        yield s


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(timeout=1.0, max_bytes=200_000, delay=0.0) as f:
        yield f


def read(url: str, fetcher: Fetcher) -> list[Document | ReadError]:
    return list(read_paths([url], fetcher=fetcher))


def test_a_page_is_fetched_and_read_like_a_saved_page(site: Site, fetcher: Fetcher) -> None:
    url = site.add("/sahel/attack", ARTICLE)
    (doc,) = read(url, fetcher)
    assert isinstance(doc, Document)
    assert "killing 12 soldiers" in doc.text and "JNIM is the Sahel branch" in doc.text
    assert "Copyright" not in doc.text and "Home" not in doc.text  # boilerplate left out
    assert doc.title == "Attack on army post"
    assert doc.published == dt.date(2021, 8, 28)
    assert doc.publisher == "Example Wire"
    assert doc.url == "https://news.example.org/sahel/attack"  # the page's canonical address
    assert doc.id == url and doc.source == url  # re-ingesting the same URL is a no-op for the store


def test_the_user_agent_names_dossier(site: Site, fetcher: Fetcher) -> None:
    seen = []
    site.add("/a", ARTICLE)
    original = site.server.RequestHandlerClass.do_GET

    def spy(handler):  # noqa: ANN001
        seen.append(handler.headers.get("User-Agent"))
        original(handler)

    site.server.RequestHandlerClass.do_GET = spy
    read(site.url("/a"), fetcher)
    assert seen and all(agent.startswith("dossier/") for agent in seen)


def test_robots_disallow_is_respected_and_the_page_never_requested(site: Site, fetcher: Fetcher) -> None:
    url = site.add("/private/report", ARTICLE)
    (err,) = read(url, fetcher)
    assert isinstance(err, ReadError)
    assert str(err) == (f"{url}: disallowed by the site's robots.txt — dossier does not fetch pages a site excludes; "
                        "save the page yourself if you may use it")
    assert site.requested("/private/report") == 0
    assert site.requested("/robots.txt") == 1


def test_robots_is_read_once_per_site(site: Site, fetcher: Fetcher) -> None:
    for i in range(3):
        site.add(f"/p{i}", ARTICLE.replace("12 soldiers", f"{i} soldiers"))
        read(site.url(f"/p{i}"), fetcher)
    assert site.requested("/robots.txt") == 1


def test_a_site_without_robots_txt_may_be_fetched(fetcher: Fetcher) -> None:
    with Site() as bare:  # robots.txt is a 404 here
        (doc,) = read(bare.add("/a", ARTICLE), fetcher)
    assert isinstance(doc, Document)


def test_a_404_is_a_one_line_error(site: Site, fetcher: Fetcher) -> None:
    url = site.url("/missing")
    (err,) = read(url, fetcher)
    assert isinstance(err, ReadError)
    assert str(err) == f"{url}: HTTP 404 Not Found — check the address"
    assert "\n" not in str(err)


def test_a_server_error_says_to_try_later(site: Site, fetcher: Fetcher) -> None:
    url = site.add("/broken", "oops", status=503)
    (err,) = read(url, fetcher)
    assert isinstance(err, ReadError) and err.message.startswith("HTTP 503")
    assert "try again later" in err.message


def test_an_oversized_page_is_refused(site: Site) -> None:
    big = ARTICLE.replace("</article>", "<p>" + "word " * 5000 + "</p></article>")
    with Fetcher(timeout=2.0, max_bytes=10_000, delay=0.0) as small:
        (err,) = read(site.add("/big", big), small)
        assert isinstance(err, ReadError)
        assert err.message.startswith("larger than the 10,000-byte limit — raise --max-bytes")
        # without a Content-Length the limit holds while reading
        (err,) = read(site.add("/big-stream", big, length=False), small)
        assert isinstance(err, ReadError) and err.message.startswith("larger than the 10,000-byte limit")


def test_a_slow_page_times_out(site: Site) -> None:
    url = site.add("/slow", ARTICLE, delay=3.0)
    with Fetcher(timeout=0.5, delay=0.0) as quick:
        start = time.monotonic()
        (err,) = read(url, quick)
        took = time.monotonic() - start
    assert isinstance(err, ReadError)
    assert err.message.startswith("timed out after 0.5s") and "--timeout" in err.message
    assert took < 2.5


def test_an_unreachable_host_is_a_one_line_error(fetcher: Fetcher) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens once it is closed
    (err,) = read(f"http://127.0.0.1:{port}/x", fetcher)
    assert isinstance(err, ReadError) and err.message.startswith("cannot connect (")
    assert "\n" not in str(err)


def test_requests_to_one_host_are_spaced_by_the_delay(site: Site) -> None:
    for i in range(3):
        site.add(f"/r{i}", ARTICLE.replace("12 soldiers", f"{i + 20} soldiers"))
    with Fetcher(timeout=2.0, delay=0.3) as polite:
        docs = list(read_paths([site.url(f"/r{i}") for i in range(3)], fetcher=polite))
    assert all(isinstance(d, Document) for d in docs)
    times = [t for _, t in site.hits]  # robots.txt, then the three pages
    assert len(times) == 4
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.28


def test_redirects_are_followed_and_each_hop_checked_against_robots(site: Site, fetcher: Fetcher) -> None:
    target = site.add("/final", ARTICLE)
    site.add("/old", "", status=301, headers={"Location": "/final"})
    (doc,) = read(site.url("/old"), fetcher)
    assert isinstance(doc, Document) and doc.id == site.url("/old")
    assert site.requested("/final") == 1 and target.endswith("/final")
    site.add("/sneaky", "", status=302, headers={"Location": "/private/x"})
    (err,) = read(site.url("/sneaky"), fetcher)
    assert isinstance(err, ReadError) and "robots.txt" in err.message
    assert site.requested("/private/x") == 0


def test_a_binary_file_is_not_a_page(site: Site, fetcher: Fetcher) -> None:
    url = site.add("/report.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    (err,) = read(url, fetcher)
    assert isinstance(err, ReadError)
    assert err.message.startswith("not a web page (content type application/pdf)")


def test_a_page_without_main_text_is_an_error(site: Site, fetcher: Fetcher) -> None:
    url = site.add("/empty", "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")
    (err,) = read(url, fetcher)
    assert isinstance(err, ReadError) and err.message.startswith("no main text found")


def test_plain_text_by_url(site: Site, fetcher: Fetcher) -> None:
    url = site.add("/notes.txt", "Hezbollah is backed by Iran.\n", content_type="text/plain")
    (doc,) = read(url, fetcher)
    assert isinstance(doc, Document) and doc.text.startswith("Hezbollah") and doc.id == url


def test_helpers() -> None:
    assert is_url("https://a.example/x") and is_url("HTTP://a") and not is_url("notes.txt")
    assert url_id("https://a/" + "x" * 300).startswith("url-") and len(url_id("https://a/" + "x" * 300)) < 255
    assert sniff_feed(b'<?xml version="1.0"?>\n<rss version="2.0">') and not sniff_feed(b"<!DOCTYPE html><html>")


def test_cli_ingests_a_url_and_reports_a_bad_one(site: Site, tmp_path) -> None:
    url = site.add("/sahel/attack", ARTICLE)
    db = str(tmp_path / "kb.db")
    runner = CliRunner()
    result = runner.invoke(app, ["--db", db, "ingest", url, "--delay", "0", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.output
    again = runner.invoke(app, ["--db", db, "ingest", url, "--delay", "0", "--no-progress"])
    assert "0 documents" in again.output and "1 skipped" in again.output
    bad = runner.invoke(app, ["--db", db, "ingest", site.url("/gone"), "--delay", "0", "--no-progress"])
    assert bad.exit_code == 1
    assert f"error {site.url('/gone')}: HTTP 404 Not Found — check the address" in bad.output
    export = runner.invoke(app, ["--db", db, "export", "claims"])
    assert url in export.output  # claims cite the URL as their document
