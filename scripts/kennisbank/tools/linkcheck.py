"""`make links`: check that every external web address in the content still answers.

Needs the internet, so it never runs in `make test`; a weekly workflow runs it. The tests give
`check_links` a fake `fetch` and so never touch the network.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kennisbank.content.model import Corpus, Entry
from kennisbank.content.yamlio import iter_strings

TIMEOUT = 10  # seconds per request
WORKERS = 8
USER_AGENT = ("Mozilla/5.0 (compatible; KennisbankAntwerpsOnderwijs-linkcheck/1.0; "
              "controleert bronnen van de kennisbank)")
# Sites that refuse robots answer with these; the page may well be fine, so we list them
# apart and do not count them as broken.
REFUSED = {401, 403, 429}
_URL = re.compile(r"https?://[^\s<>\"'`()\[\]{}]+")
_TRAILING = ".,;:!?*_"


@dataclass(frozen=True, order=True)
class Link:
    path: str
    line: int
    url: str


@dataclass(frozen=True)
class LinkResult:
    ok: bool
    status: str  # '200', '404 Not Found', 'time-out na 10 s', ...
    refused: bool = False  # the site refuses robots; check it by hand


Fetch = Callable[[str], LinkResult]


def urls_in(text: str) -> list[str]:
    """Web addresses in a text: a bare address or the target of a Markdown link."""
    return [match.group().rstrip(_TRAILING) for match in _URL.finditer(text)]


def _line_of(lines: list[str], url: str, near: int) -> int:
    """The line that holds `url`, searching from `near` (the start of its YAML value) on."""
    for index in range(max(near - 1, 0), len(lines)):
        if url in lines[index]:
            return index + 1
    return near


def entry_links(entry: Entry, file_lines: list[str]) -> list[Link]:
    links = []
    for path, text in iter_strings(entry.data):
        for url in urls_in(text):
            links.append(Link(entry.path, _line_of(file_lines, url, entry.line(*path)), url))
    for url in urls_in(entry.body):
        links.append(Link(entry.path, _line_of(file_lines, url, entry.body_line), url))
    return links


def corpus_links(corpus: Corpus, root: Path) -> list[Link]:
    """Every external address in every entry (drafts too), with the line it is on."""
    lines: dict[str, list[str]] = {}
    found = set()
    for entry in [*corpus.entries(), *corpus.drafts]:
        if entry.path not in lines:
            lines[entry.path] = (root / entry.path).read_text(encoding="utf-8").splitlines()
        found.update(entry_links(entry, lines[entry.path]))
    return sorted(found)


def fetch_url(url: str, timeout: float = TIMEOUT) -> LinkResult:
    """HEAD first (cheap); when the site does not like HEAD, or fails, try GET once."""
    import requests  # only `make links` needs it

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/pdf,*/*;q=0.8"}
    result = LinkResult(False, "niet gecontroleerd")
    for method in ("HEAD", "GET"):
        try:
            with requests.request(method, url, headers=headers, timeout=timeout,
                                  allow_redirects=True, stream=True) as response:
                code = response.status_code
                status = f"{code} {response.reason or ''}".strip()
                result = LinkResult(code < 400, status, refused=code in REFUSED)
        except requests.exceptions.Timeout:
            result = LinkResult(False, f"time-out na {timeout:g} s")
        except requests.exceptions.SSLError:
            result = LinkResult(False, "certificaatfout (https)")
        except requests.exceptions.ConnectionError:
            result = LinkResult(False, "geen verbinding (bestaat de site nog?)")
        except requests.exceptions.RequestException as error:
            result = LinkResult(False, f"fout: {type(error).__name__}")
        if result.ok:
            return result
    return result


def check_links(links: Iterable[Link], fetch: Fetch = fetch_url, workers: int = WORKERS
                ) -> list[tuple[Link, LinkResult]]:
    """Fetch every address once (in parallel) and pair each link with its result."""
    links = list(links)
    unique = sorted({link.url for link in links})
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = dict(zip(unique, pool.map(fetch, unique), strict=True))
    return [(link, results[link.url]) for link in links]


def report(checked: list[tuple[Link, LinkResult]], out) -> int:
    """Print broken links as `path:line: url — status`; 1 when any is broken, else 0."""
    broken = [(link, result) for link, result in checked if not result.ok and not result.refused]
    refused = [(link, result) for link, result in checked if not result.ok and result.refused]
    for link, result in sorted(broken):
        print(f"{link.path}:{link.line}: {link.url} — {result.status}", file=out)
    if refused:
        print("\nDeze sites weigeren een controle door een robot; kijk ze zelf na in je browser:", file=out)
        for link, result in sorted(refused):
            print(f"{link.path}:{link.line}: {link.url} — {result.status}", file=out)
    count = len({link.url for link, _ in checked})
    addresses = f"{count} {'adres' if count == 1 else 'adressen'}"
    if broken:
        noun = "link werkt" if len(broken) == 1 else "links werken"
        print(f"\n{len(broken)} {noun} niet (van {addresses}). Zoek het nieuwe adres van de bron, "
              "of vervang de bron.", file=out)
        return 1
    print(f"In orde: {addresses} gecontroleerd, geen enkele link is kapot.", file=out)
    return 0
