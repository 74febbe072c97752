"""The finder's part of `make bench`: what the first and each next query download (gzipped, as a
server would send it) and how long a query's work takes in Chromium."""
from __future__ import annotations

import gzip
import random
import re
import urllib.parse
from pathlib import Path

from kennisbank.tools.localsite import CHROMIUM, CHROMIUM_FLAGS, serve_directory

FINDER_JS = ("assets/vendor/lunr/lunr.js", "assets/vendor/lunr/lunr.stemmer.support.js",
             "assets/vendor/lunr/lunr.nl.js", "assets/javascripts/vinden.js")


def finder_payload_kb(site: Path) -> float:
    """The finder's main data file, gzipped (the index shards and summaries come per query)."""
    data = (site / "assets" / "zoeken" / "vinden.json").read_bytes()
    return len(gzip.compress(data, compresslevel=6)) / 1024


def _gz_kb(site: Path, url_path: str) -> float:
    path = site / url_path.lstrip("/")
    return len(gzip.compress(path.read_bytes(), compresslevel=6)) / 1024 if path.is_file() else 0.0


def queries_for(content: Path, count: int, seed: int = 11) -> list[dict]:
    """Realistic finder states: one or two words from the corpus, some with facets."""
    text = (content / "partners.yaml").read_text(encoding="utf-8")[:200_000]
    words = sorted({w for w in re.findall(r"[a-zà-ÿ]{5,}", text.lower())})
    rng = random.Random(seed)
    facets = [{}, {}, {"soort": ["praktijk"]}, {"thema": ["ouderbetrokkenheid"]},
              {"niveau": ["lager"], "kosten": ["gratis"]}, {"wijk": ["antwerpen-kiel"]},
              {"thema": ["leren-leren", "examenbegeleiding"], "soort": ["praktijk"]}]
    states = []
    for n in range(count):
        q = " ".join(rng.sample(words, rng.choice([1, 1, 2])))
        if n % 5 == 0:
            q = q[: max(3, len(q) - 2)]  # an unfinished word, as while typing
        states.append({"q": q, **rng.choice(facets)})
    return states


def _finder_requests(page, origin: str) -> list[str]:
    """Collect the paths of the finder's files that the page fetches from now on."""
    seen: list[str] = []

    def record(request):
        path = request.url[len(origin):].split("?")[0]
        if path.startswith("/assets/zoeken/") or path.lstrip("/") in FINDER_JS:
            seen.append(path)
    page.on("request", record)
    return seen


def finder_in_browser(site: Path, states: list[dict]) -> dict:
    """In Chromium: the bytes (gzipped, as a server would send them) of the first query — the
    finder's JavaScript, its data, the index shards and the summaries it shows — and of each next
    query; then the time of each query's work (search, filter, count, show) once its shards are
    loaded. Waits only for states the page sets (no functions given as strings: the CSP forbids eval)."""
    from playwright.sync_api import sync_playwright

    server, url = serve_directory(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page()
            seen = _finder_requests(page, url)
            first = states[0]["q"]
            page.goto(url + "/vinden/?q=" + urllib.parse.quote(first))
            page.locator("html[data-kb-finder='klaar']").wait_for(state="attached", timeout=120_000)
            first_kb = sum(_gz_kb(site, p) for p in set(seen))
            next_kb = []
            for state in states[1:21]:  # next queries, each after the previous one
                before = set(seen)
                page.evaluate("s => window.kbFinder.load(s)", {"q": state["q"]})
                next_kb.append(sum(_gz_kb(site, p) for p in set(seen) - before))
            page.evaluate("states => Promise.all(states.map(s => window.kbFinder.load(s)))", states)
            page.evaluate("states => states.slice(0, 5).forEach(s => window.kbFinder.time(s))", states)  # warm up
            times = page.evaluate("states => states.map(s => window.kbFinder.time(s))", states)
            browser.close()
    finally:
        server.shutdown()
    return {"first_kb": first_kb, "next_kb": next_kb, "times": times}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


