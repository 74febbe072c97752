"""Measure the finder on the test set (tests/search/queries.yaml), running the browser's own
ranking (vinden.js in Chromium) against a built site.

    .venv/bin/python tests/search/measure.py [SITE_DIR]     (default: builds the site first)

Prints recall@10 (share of answerable queries with a relevant page in the first ten), MRR and the
share of answerable queries with no result at all, and the no-answer queries that show anything.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

QUERIES = Path(__file__).with_name("queries.yaml")

SEARCH_ALL = """async queries => {
    const out = [];
    for (const q of queries) {
        const r = await window.kbFinder.search(q);
        out.push((r.results || r).map(x => x.u));
    }
    return out;
}"""


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def ranked_urls(page, queries: list[str]) -> list[list[str]]:
    """What the finder returns for each query, best first (all-words matches, then the fallback)."""
    return page.evaluate(SEARCH_ALL, queries)


def score(queries: list[dict], results: list[list[str]]) -> dict:
    answerable = [(q, r) for q, r in zip(queries, results, strict=True) if q["relevant"]]
    hits, reciprocal, zero, misses = 0, 0.0, 0, []
    for q, r in answerable:
        ranks = [i for i, url in enumerate(r) if url in q["relevant"]]
        if ranks and ranks[0] < 10:
            hits += 1
        else:
            misses.append(q["q"])
        reciprocal += 1 / (ranks[0] + 1) if ranks else 0
        zero += not r
    shown_for_none = [q["q"] for q, r in zip(queries, results, strict=True) if not q["relevant"] and r]
    n = len(answerable)
    return {"answerable": n, "recall_at_10": hits / n, "mrr": reciprocal / n, "zero_share": zero / n,
            "missed": misses, "no_answer_showing_results": shown_for_none}


def measure_site(site: Path) -> dict:
    sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parents[2] / "scripts")]
    from playwright.sync_api import sync_playwright

    from kennisbank.tools.localsite import CHROMIUM, CHROMIUM_FLAGS, serve_directory

    server, url = serve_directory(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.goto(url + "/vinden/")
            page.locator("html[data-kb-finder='klaar']").wait_for(state="attached")
            queries = load_queries()
            result = score(queries, ranked_urls(page, [q["q"] for q in queries]))
            browser.close()
    finally:
        server.shutdown()
    return result


if __name__ == "__main__":
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        from kennisbank.tools.building import build_site
        site = Path(tempfile.mkdtemp()) / "site"
        build_site("mkdocs.yml", str(site))
    r = measure_site(site)
    print(f"answerable queries: {r['answerable']}")
    print(f"recall@10: {r['recall_at_10']:.1%}   MRR: {r['mrr']:.3f}   zero results: {r['zero_share']:.1%}")
    print("missed:", r["missed"])
    print("no-answer queries that show results:", r["no_answer_showing_results"])
