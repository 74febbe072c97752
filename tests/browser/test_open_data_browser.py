"""The open-data page and the JSON-LD of entry pages in Chromium, under the site's own
Content-Security-Policy (no bypass): no console error, the JSON-LD parses, every file loads."""
from __future__ import annotations

import pytest

from conftest import PageWatch

pytestmark = pytest.mark.browser

JSON_LD = """() => [...document.querySelectorAll('head script[type="application/ld+json"]')]
    .map(s => JSON.parse(s.textContent))"""


@pytest.fixture
def strict_page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    page = context.new_page()
    page.watch = PageWatch(page, site_url)
    yield page
    context.close()


def test_open_data_page_links_files_that_load(strict_page, site_url):
    strict_page.goto(f"{site_url}/open-data/", wait_until="load")
    assert strict_page.locator("h1").inner_text().startswith("Open data")
    links = strict_page.eval_on_selector_all(
        "article a[href]", "as => as.map(a => a.href).filter(h => h.includes('/data/') || h.endsWith('/feed.xml'))")
    assert len(links) >= 10
    statuses = strict_page.evaluate(
        "async urls => Promise.all(urls.map(async u => [u, (await fetch(u)).status]))", links)
    assert all(status == 200 for _, status in statuses), statuses
    feed = strict_page.locator('head link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    assert feed.endswith("feed.xml")
    assert not strict_page.watch.console_errors, strict_page.watch.console_errors
    assert not strict_page.watch.foreign_requests


@pytest.mark.parametrize("kind, type_",
                         [("partner", "Organization"), ("guide", "HowTo"), ("practice", "LearningResource")])
def test_entry_page_json_ld_parses_without_console_errors(strict_page, site_url, corpus, kind, type_):
    entry = sorted(corpus.of_kind(kind).values(), key=lambda e: e.id)[0]
    strict_page.goto(f"{site_url}/{entry.url}", wait_until="load")
    data = strict_page.evaluate(JSON_LD)
    assert len(data) == 1
    assert data[0]["@type"] == type_ and data[0]["name"] == " ".join(entry.title.split())
    assert not strict_page.watch.console_errors, strict_page.watch.console_errors
