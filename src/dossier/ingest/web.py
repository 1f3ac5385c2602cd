"""Web pages by URL: a polite fetcher (timeouts, size limit, robots.txt, per-host rate limit).

    fetcher = Fetcher(timeout=20, max_bytes=5_000_000, delay=1.0)
    for item in read_url("https://example.org/article", fetcher):
        ...  # a Document, or a ReadError whose message is one line: what went wrong — what to do

A page is read by the HTML reader of saved pages (`webpage.read_html`); a feed (RSS/Atom,
by content type or by its first bytes) is handed to `feeds.read_feed`. A document read from
a URL has that URL as its id, so fetching it again is a no-op for the store.
"""

from __future__ import annotations

import hashlib
import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from dossier.ingest.errors import ReadError
from dossier.model import Document

USER_AGENT = "dossier/0.1 (news reader; respects robots.txt)"
ROBOTS_AGENT = "dossier"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_DELAY = 1.0
MAX_REDIRECTS = 5
ID_MAX = 255  # the store's document id column

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+xml")
TEXT_TYPES = ("text/plain", "text/markdown")

Known = Callable[[str], bool]


def is_url(value: object) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def url_id(url: str) -> str:
    """A document id for a URL: the URL itself, or a hash of it when too long for the store."""
    if len(url) <= ID_MAX:
        return url
    return "url-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


class FetchError(Exception):
    """A URL that could not be fetched; `permanent` when trying again later will not help."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # media type only, lower case ("text/html")
    data: bytes


class Fetcher:
    """Fetches URLs politely: one robots.txt per host (RFC 9309), at most one request per
    `delay` seconds per host (or the site's Crawl-delay, if longer), `timeout` seconds for a whole
    response, and no more than `max_bytes` of body."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                 delay: float = DEFAULT_DELAY, user_agent: str = USER_AGENT,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.delay = delay
        self.user_agent = user_agent
        self._sleep = sleep
        self._clock = clock
        self._client: httpx.Client | None = None
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=httpx.Timeout(self.timeout), follow_redirects=False,
                                        headers={"User-Agent": self.user_agent})
        return self._client

    def fetch(self, url: str) -> Fetched:
        """The body of `url`, following up to MAX_REDIRECTS redirects (each checked against robots.txt).

        Raises FetchError with a one-line message."""
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"not an http(s) URL: {url!r} — give an address starting with http:// or https://",
                                 permanent=True)
            if not self.allowed(url):
                raise FetchError("disallowed by the site's robots.txt — dossier does not fetch pages a site "
                                 "excludes; save the page yourself if you may use it", permanent=True)
            status, headers, data = self._get(url)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                url = urljoin(url, headers["location"])
                continue
            if status >= 400:
                raise FetchError(f"HTTP {status} {httpx.codes.get_reason_phrase(status)}".rstrip()
                                 + (" — check the address" if status < 500 else " — the site failed; try again later"),
                                 permanent=400 <= status < 500 and status not in (408, 429))
            media = headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(url, media, data)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects — open the address in a browser to see where it leads",
                         permanent=True)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's site lets dossier fetch it."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._load_robots(site)
        robots = self._robots[site]
        return True if robots is None else robots.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; None (all allowed) when it has no robots.txt (4xx)."""
        robots = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        try:
            status, _, data = self._get(site + "/robots.txt", redirects=True)
        except FetchError:
            return None  # unreachable: the page request itself will say why
        if status in (401, 403) or status >= 500:
            robots.disallow_all = True  # RFC 9309: an unreachable robots.txt means "disallow"
        elif status < 400:
            robots.parse(data.decode("utf-8", errors="replace").splitlines())
        else:
            return None
        return robots

    def _crawl_delay(self, host_url: str) -> float:
        robots = self._robots.get(host_url)
        delay = robots.crawl_delay(ROBOTS_AGENT) if robots is not None else None
        return max(self.delay, float(delay or 0))

    def _wait_turn(self, url: str) -> None:
        """Sleep until `delay` (or the site's Crawl-delay) has passed since the last request to the host ended."""
        parts = urlsplit(url)
        host = parts.netloc.lower()
        last = self._last.get(host)
        if last is not None:
            wait = last + self._crawl_delay(f"{parts.scheme}://{parts.netloc}") - self._clock()
            if wait > 0:
                self._sleep(wait)

    def _get(self, url: str, redirects: bool = False) -> tuple[int, httpx.Headers, bytes]:
        """One GET within the time and size limits: (status, headers, body)."""
        self._wait_turn(url)
        start = self._clock()
        try:
            with self.client.stream("GET", url, follow_redirects=redirects) as response:
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > self.max_bytes:
                    raise self._too_large()
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise self._too_large()
                    if self._clock() - start > self.timeout:
                        raise httpx.ReadTimeout("overall deadline")
                    chunks.append(chunk)
                return response.status_code, response.headers, b"".join(chunks)
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.timeout:g}s — the site is slow or down; try again later "
                             "or raise --timeout") from None
        except httpx.TransportError as e:
            raise FetchError(f"cannot connect ({_reason(e)}) — check the address and the network") from None
        finally:
            self._last[urlsplit(url).netloc.lower()] = self._clock()  # the next request waits from the end of this one

    def _too_large(self) -> FetchError:
        return FetchError(f"larger than the {self.max_bytes:,}-byte limit — raise --max-bytes, or save the page "
                          "and ingest the file", permanent=True)


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:120]


def sniff_feed(data: bytes) -> bool:
    """True when the bytes look like an RSS, RSS 1.0 (RDF) or Atom document."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return False
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def fetch_document(url: str, fetcher: Fetcher) -> Document:
    """The article at `url` as a Document (id = the URL). Raises FetchError."""
    return page_document(url, fetcher.fetch(url))


def page_document(url: str, got: Fetched) -> Document:
    """A fetched page as a Document, read by the saved-page readers. Raises FetchError."""
    from dossier.ingest.plaintext import read_txt
    from dossier.ingest.webpage import read_html

    if got.content_type in TEXT_TYPES:
        reader = read_txt
    elif got.content_type in HTML_TYPES or not got.content_type or got.content_type.startswith("text/"):
        reader = read_html
    else:
        raise FetchError(f"not a web page (content type {got.content_type}) — give the address of an article "
                         "or a feed", permanent=True)
    items = list(reader(url, got.data))  # the saved-file readers only print their `path`: give them the URL
    doc = next((item for item in items if isinstance(item, Document)), None)
    if doc is None:
        error = next((item for item in items if isinstance(item, ReadError)), None)
        message = error.message if error else "no text found"
        raise FetchError(message.replace("save the article page itself", "give the article's own address"),
                         permanent=True)
    doc.id = url_id(url)
    doc.url = doc.url or got.url
    doc.source = url
    return doc


def read_url(url: str, fetcher: Fetcher, known: Known | None = None) -> Iterator[Document | ReadError]:
    """The page at `url` as one Document, or every item of the feed at `url`; a ReadError on failure."""
    from dossier.ingest.feeds import read_feed

    try:
        got = fetcher.fetch(url)
    except FetchError as e:
        yield ReadError(url, None, str(e))
        return
    if got.content_type in FEED_TYPES or sniff_feed(got.data):
        yield from read_feed(url, got.data, fetcher, known=known)
        return
    try:
        yield page_document(url, got)
    except FetchError as e:
        yield ReadError(url, None, str(e))
