"""The finder on the test set (tests/search/queries.yaml), with the ranking the browser runs:
vinden.js in Chromium against the built site. Answerable queries: recall@10 >= 95 % and at most
3 % without any result; queries without an answer show nothing but the empty state."""
from __future__ import annotations

import pytest

from search.measure import load_queries, ranked_urls, score

pytestmark = pytest.mark.browser


def test_the_test_set_is_broad_enough():
    queries = load_queries()
    categories = {q["cat"] for q in queries}
    assert len(queries) >= 60
    assert {"inflectie", "samenstelling", "vraag", "naam", "typo", "synoniem", "ouder", "pagina", "geen"} <= categories


def test_recall_and_zero_results(page, site_url):
    page.goto(f"{site_url}/vinden/")
    page.locator("html[data-kb-finder='klaar']").wait_for(state="attached")
    queries = load_queries()
    result = score(queries, ranked_urls(page, [q["q"] for q in queries]))
    assert result["recall_at_10"] >= 0.95, result
    assert result["zero_share"] <= 0.03, result
    assert result["no_answer_showing_results"] == [], result


@pytest.mark.parametrize("query", [q["q"] for q in load_queries() if not q["relevant"]])
def test_a_query_without_answer_shows_only_the_empty_state(page, site_url, query):
    page.goto(f"{site_url}/vinden/?q={query}")
    page.locator("html[data-kb-finder='klaar']").wait_for(state="attached")
    assert page.locator("#resultaten .kb-result").count() == 0
    assert page.locator("#resultaten .kb-empty").is_visible()
    assert page.locator("#resultaten .kb-empty a[href*='themas/']").count() >= 9
    assert page.locator("#kb-finder-more").is_hidden()
