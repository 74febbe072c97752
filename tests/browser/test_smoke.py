"""What a visitor sees: the home page and one page of each kind, in Chromium."""
import pytest

pytestmark = pytest.mark.browser


def _first(corpus, kind):
    return sorted(corpus.of_kind(kind).values(), key=lambda e: e.id)[0]


@pytest.mark.parametrize("kind", [None, "practice", "partner", "guide"])
def test_page_opens_cleanly(page, site_url, corpus, kind):
    entry = _first(corpus, kind) if kind else None
    page.goto(f"{site_url}/{entry.url if entry else ''}")
    heading = page.locator("article h1").inner_text()
    assert heading.startswith(entry.title if entry else "Kennisbank Antwerps Onderwijs")
    assert page.get_attribute("html", "lang") == "nl"
    if entry:
        assert page.locator(".kb-reviewed time").get_attribute("datetime") == entry.checked
        assert page.locator("h2#bronnen").count() == 1
    assert page.watch.console_errors == []
    assert page.watch.foreign_requests == []


def test_home_has_three_doors(page, site_url):
    page.goto(site_url + "/")
    doors = page.locator(".kb-door h2 a:not(.headerlink)")
    assert [doors.nth(i).inner_text() for i in range(doors.count())] == ["Praktijken", "Partners", "Stappenplannen"]
    doors.nth(0).click()
    assert page.url.endswith("/praktijken/")
