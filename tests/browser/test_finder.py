"""The finder (/vinden/) in Chromium: Dutch stemming that agrees with Python, facets whose counts
match, state in the URL, the wijk map and keyboard use."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from kennisbank.search import dutch

pytestmark = pytest.mark.browser


def _open(page, site_url, query=""):
    page.goto(f"{site_url}/vinden/{query}")
    page.wait_for_function("document.documentElement.dataset.kbFinder === 'klaar'")


def _result_titles(page) -> list[str]:
    return page.locator("#resultaten .kb-result__title").all_inner_texts()


def _status_count(page) -> int:
    return int(re.match(r"(\d+)", page.locator("#kb-finder-status").inner_text()).group(1))


def _shown_count(page, facet: str, value: str) -> int:
    text = page.locator(f'[data-count="{facet}:{value}"]').text_content()
    return int(text.strip().strip("()"))


def _box(page, facet: str, value: str):
    """The checkbox of a facet value, its group opened first as a person would."""
    group = page.locator(f'details:has(input[name="{facet}"])')
    if group.count() and not group.first.evaluate("d => d.open"):
        group.first.locator("summary").click()
    return page.locator(f'input[name="{facet}"][value="{value}"]')


def test_python_and_browser_stem_and_filter_alike(page, site_url, corpus):
    """Every word of the content, trimmed, stop-word filtered and stemmed in Python and by
    lunr-languages in the browser, must come out the same."""
    texts = [e.title + " " + json.dumps(e.data, ensure_ascii=False) + " " + e.body for e in corpus.entries()]
    raw = sorted({w for text in texts for w in dutch._SEPARATOR.split(text.lower()) if w})
    raw += ["gemeente", "gemeenten", "ouders", "ouder", "kinderen", "leerkrachten", "café", "coördinator",
            "(ouders)", "2026", "’s", "zo’n"]
    python = {w: (dutch.stem(dutch.trim(w)) if dutch.trim(w) and dutch.trim(w) not in dutch.STOP_WORDS else "")
              for w in raw}
    _open(page, site_url)
    browser = page.evaluate(
        """words => {
            const out = {};
            for (const w of words) {
                let token = lunr.nl.trimmer(new lunr.Token(w));
                token = token && token.toString() ? lunr.nl.stopWordFilter(token) : undefined;
                out[w] = token ? lunr.nl.stemmer(token).toString() : "";
            }
            return out;
        }""", raw)
    differences = {w: (python[w], browser[w]) for w in raw if python[w] != browser[w]}
    assert not differences, f"{len(differences)} of {len(raw)} words differ: {list(differences.items())[:20]}"
    assert len(raw) > 1000


def test_browser_index_ranks_like_lunr_py(page, site_url, corpus):
    """The index that lunr.js rebuilds from the packed data scores like lunr.py's own index."""
    from kennisbank.search.search_index import make_builder
    from lunr.query import QueryPresence

    builder, entries = make_builder(corpus)
    index = builder.build()
    _open(page, site_url)
    for text in ["ouders", "spijbelen", "studiekeuze", "leerkracht", "examen", "wijk", "ouders school"]:
        query = index.create_query()
        for word in dutch._SEPARATOR.split(text.lower()):
            word = dutch.trim(word)
            if word and word not in dutch.STOP_WORDS:
                query.term(word, presence=QueryPresence.REQUIRED)
        python = sorted(((round(r["score"], 3), entries[int(r["ref"])].url) for r in index.query(query)),
                        key=lambda x: (-x[0], x[1]))
        browser = sorted(((r["score"], r["u"]) for r in page.evaluate("q => window.kbFinder.query(q)", text)),
                         key=lambda x: (-x[0], x[1]))
        assert python, f"{text!r} finds nothing"
        assert [u for _, u in browser] == [u for _, u in python], f"{text!r}: different results"
        for (a, _), (b, _) in zip(browser, python):
            assert abs(a - b) < 0.01, f"{text!r}: scores differ ({a} vs {b})"


def test_inflected_forms_find_the_same_entry(page, site_url, corpus):
    """Plural and singular meet in the same stem: 'leerkracht' finds a page about 'leerkrachten'."""
    target = next(e for e in corpus.practices.values() if "leerkrachten" in e.title.lower())
    for query in ("leerkracht", "leerkrachten"):
        _open(page, site_url, f"?q={query}")
        assert target.title in _result_titles(page), f"{query!r} does not find {target.title!r}"
    for query in ("ouder", "ouders"):
        _open(page, site_url, f"?q={query}")
        assert _status_count(page) > 0


def test_facets_narrow_and_counts_match(page, site_url):
    _open(page, site_url)
    total = _status_count(page)
    expected = _shown_count(page, "thema", "ouderbetrokkenheid")
    assert 0 < expected < total
    _box(page, "thema", "ouderbetrokkenheid").check()
    assert _status_count(page) == expected

    expected_partners = _shown_count(page, "soort", "partner")
    _box(page, "soort", "partner").check()
    assert 0 < _status_count(page) == expected_partners < expected
    assert set(_result_kinds(page)) == {"Partner"}

    # The count next to any unticked value is exactly what ticking it (as well) leaves;
    # values of one facet combine with OR, different facets with AND.
    for facet, value in (("vorm", "advies"), ("niveau", "lager"), ("district", "antwerpen"),
                         ("kosten", "gratis"), ("thema", "leerloopbaan")):
        shown = _shown_count(page, facet, value)
        box = _box(page, facet, value)
        box.check()
        assert _status_count(page) == shown, f"{facet}={value}: shown {shown}"
        box.uncheck()
    assert _status_count(page) == expected_partners
    assert "thema=ouderbetrokkenheid" in page.url and "soort=partner" in page.url


def _result_kinds(page) -> list[str]:
    return page.locator("#resultaten .kb-result__kind").all_inner_texts()


def test_url_restores_the_state(page, site_url):
    _open(page, site_url, "?q=ouders&thema=ouderbetrokkenheid&soort=praktijk")
    assert page.locator("#kb-finder-q").input_value() == "ouders"
    assert _box(page, "thema", "ouderbetrokkenheid").is_checked()
    assert page.locator('input[name="soort"][value="praktijk"]').is_checked()
    first = _result_titles(page)
    assert first and set(_result_kinds(page)) == {"Praktijk"}
    page.goto(site_url + "/")
    page.go_back()
    page.wait_for_function("document.documentElement.dataset.kbFinder === 'klaar'")
    assert _result_titles(page) == first


def test_header_search_opens_the_finder(page, site_url):
    page.goto(site_url + "/")
    page.fill("#kb-header-q", "spijbelen")
    page.press("#kb-header-q", "Enter")
    page.wait_for_function("document.documentElement.dataset.kbFinder === 'klaar'")
    assert urlsplit(page.url).path.endswith("/vinden/") and parse_qs(urlsplit(page.url).query)["q"] == ["spijbelen"]
    assert _status_count(page) > 0


def test_clicking_a_wijk_filters_on_it(page, site_url):
    _open(page, site_url, "?soort=partner")
    before = _status_count(page)
    expected = _shown_count(page, "wijk", "antwerpen-kiel")
    page.locator('.kb-map__svg [data-wijk="antwerpen-kiel"]').click()
    assert _box(page, "wijk", "antwerpen-kiel").is_checked()
    assert "wijk=antwerpen-kiel" in page.url
    assert _status_count(page) == expected <= before
    kiel = page.locator('.kb-map__svg [data-wijk="antwerpen-kiel"]')
    assert "kb-map__wijk--chosen" in kiel.get_attribute("class")
    # A wijk where fewer partners work is shaded lighter than one where more work.
    assert page.locator(".kb-map__svg [class*='kb-map__wijk--']").count() == 66


def test_the_finder_works_by_keyboard_alone(page, site_url):
    _open(page, site_url)
    page.locator("#kb-finder-q").focus()
    page.keyboard.type("ouders")
    page.wait_for_function("document.getElementById('kb-finder-status').innerText.includes('ouders')")
    # Tab from the search box to the submit button and on to the first filter, tick it with Space.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.name + '=' + document.activeElement.value")
    assert focused == "soort=praktijk"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused filter has no visible focus indicator"
    page.keyboard.press("Space")
    page.wait_for_function("location.search.includes('soort=praktijk')")
    assert set(_result_kinds(page)) == {"Praktijk"}
    # Shift+Tab back to the results? Tab onwards reaches a result link.
    page.locator("#resultaten a").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/praktijken/" in page.url


def test_the_finder_makes_no_foreign_requests_and_no_errors(page, site_url):
    _open(page, site_url, "?q=ouders&wijk=antwerpen-kiel")
    assert page.watch.console_errors == []
    assert page.watch.foreign_requests == []


def test_without_javascript_the_lists_by_theme_remain(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/vinden/")
    assert page.locator("#kb-finder-fallback").is_visible()
    assert not page.locator("#kb-finder").is_visible()
    assert page.locator("#kb-finder-fallback a[href*='themas/']").count() >= 9
    context.close()
