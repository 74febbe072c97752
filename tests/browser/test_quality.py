"""Quality gates on every page of the built site, in Chromium: no console error, no request to
another origin, WCAG 2.0/2.1 A and AA by axe-core (run offline from its PyPI package), no
broken internal link or anchor; keyboard use; print; security headers as a static site can."""
from __future__ import annotations

import html.parser
import io
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import PageWatch

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _pages(site: Path) -> list[str]:
    """Site-relative URLs of every HTML page, e.g. '', 'praktijken/x/', '404.html'."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


ENTRY_FOLDERS = ("praktijken", "partners", "stappenplannen")
ENTRY_SAMPLE = 3  # every third entry page of each kind, the first and the last always


def _crawled(pages: list[str]) -> list[str]:
    """The pages the accessibility crawl visits: every page made by hand or as a listing, and a
    sample of the entry pages, which share three templates (one kind each) and differ only in the
    content the loader already checks. The translated parent pages are crawled with axe by
    test_translations_browser.py."""
    keep = []
    for folder in ENTRY_FOLDERS:
        entries = [u for u in pages if u.startswith(folder + "/") and u.count("/") == 2]
        keep += [u for i, u in enumerate(entries) if i % ENTRY_SAMPLE == 0 or i == len(entries) - 1]
    translated = [u for u in pages if u.startswith("voor-ouders/") and u.count("/") >= 3]
    samples = {u for f in ENTRY_FOLDERS for u in pages if u.startswith(f + "/") and u.count("/") == 2}
    return [u for u in pages if (u not in samples or u in keep) and u not in translated]


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


CHUNKS = 4  # the crawl is split so that pytest-xdist can run the parts side by side


def _check_pages(browser, site_url, urls: list[str]) -> tuple[list[str], set[str]]:
    """Every problem of every page in `urls` (axe, console, other origins) and the axe rules run."""
    axe = _axe_source()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(page, site_url)
    problems: list[str] = []
    checked_rules: set[str] = set()
    for url in urls:
        watch.console_errors.clear()
        watch.foreign_requests.clear()
        page.goto(f"{site_url}/{url}", wait_until="load")
        if url.startswith("vinden/"):
            # A DOM state the finder sets, not an evaluated string: the CSP forbids eval.
            page.wait_for_selector("html[data-kb-finder='klaar']", state="attached")
        page.evaluate(axe)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS)
        checked_rules.update(r["id"] for r in result["passes"] + result["violations"] + result["inapplicable"])
        for violation in result["violations"]:
            targets = [", ".join(n["target"]) for n in violation["nodes"][:3]]
            problems.append(f"/{url}: axe {violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
        problems += [f"/{url}: console: {message}" for message in watch.console_errors]
        problems += [f"/{url}: request to another origin: {request}" for request in watch.foreign_requests]
    context.close()
    return problems, checked_rules


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_every_page_is_clean_and_accessible(browser, site_url, built_site, chunk):
    """The crawled pages, a quarter per test; the message lists every problem of every page at once."""
    pages = _crawled(_pages(built_site))
    assert len(pages) > 40, "the crawl must see every template and every hand-written page"
    problems, checked_rules = _check_pages(browser, site_url, pages[chunk::CHUNKS])
    assert len(checked_rules) > 40, "axe ran its WCAG 2.1 A/AA rules"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag in ("a", "link") and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag in ("script", "img") and attrs.get("src"):
            self.hrefs.append(attrs["src"])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_broken_internal_link_or_anchor(built_site):
    parsed = {p: _parse(p) for p in built_site.rglob("*.html")}
    broken = []
    for path, links in parsed.items():
        for href in links.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            base = posixpath.dirname(path.relative_to(built_site).as_posix())
            if parts.path.startswith("/"):  # root-relative, as on the 404 page
                target_rel = posixpath.normpath(unquote(parts.path).lstrip("/") or ".")
            elif parts.path:
                target_rel = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            else:
                target_rel = path.relative_to(built_site).as_posix()
            target = built_site / target_rel
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(built_site)}: {href} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(built_site)}: {href} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_external_links_have_noopener_and_no_inline_handlers(built_site):
    bad = []
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<a\s[^>]*href=\"https?://[^>]*>", text):
            if "noopener" not in tag:
                bad.append(f"{path.relative_to(built_site)}: {tag}")
        for handler in re.findall(r"<[a-z]+\s[^>]*\son[a-z]+=", text):
            bad.append(f"{path.relative_to(built_site)}: inline handler in {handler}")
        if 'http-equiv="Content-Security-Policy"' not in text:
            bad.append(f"{path.relative_to(built_site)}: no Content-Security-Policy")
    assert not bad, "\n".join(bad[:30])


def test_content_security_policy_blocks_what_the_site_does_not_use(browser, site_url):
    context = browser.new_context()  # enforcing the policy, unlike the `page` fixture
    page = context.new_page()
    page.goto(site_url + "/")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    # An injected inline script does not run.
    ran = page.evaluate("""() => {
        window.kbInjected = false;
        const s = document.createElement('script');
        s.textContent = 'window.kbInjected = true';
        document.head.appendChild(s);
        return window.kbInjected;
    }""")
    assert ran is False
    context.close()


def _focus_ring(page) -> str:
    return page.evaluate("""() => {
        const s = getComputedStyle(document.activeElement);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineStyle : '';
    }""")


def _tab_until(page, predicate: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return {predicate}; }}"):
            assert _focus_ring(page), "the focused element has no visible focus indicator"
            return
    raise AssertionError(f"Tab never reached: {predicate}")


def test_keyboard_reaches_search_a_practice_and_the_filters(page, site_url, corpus):
    page.goto(site_url + "/")
    # 1. The search box in the header, then Enter opens the finder.
    _tab_until(page, "el.id === 'kb-header-q'")
    page.keyboard.type("ouders")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector("html[data-kb-finder='klaar']", state="attached")
    # 2. The finder's filters: Tab to a theme and tick it with Space.
    _tab_until(page, "el.name === 'thema'")
    page.keyboard.press("Space")
    page.wait_for_function("location.search.includes('thema=')")
    # 3. A practice: Tab to the first result that is a practice, Enter opens it.
    _tab_until(page, "el.closest && el.closest('#resultaten') && el.href.includes('/praktijken/')", limit=200)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/praktijken/" in page.url
    assert page.locator("article h1").count() == 1


def _pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("kind", ["practice", "guide"])
def test_pages_print_as_clean_handouts(page, site_url, corpus, kind):
    entry = next(e for e in sorted(corpus.of_kind(kind).values(), key=lambda e: e.id)
                 if any(s.get("url") for s in e.data["sources"]))
    page.goto(f"{site_url}/{entry.url}")
    page.emulate_media(media="print")
    text = " ".join(_pdf_text(page.pdf(format="A4", print_background=False)).split())
    assert " ".join(entry.title.split()) in text
    assert "Stappen" in text
    for step in entry.data["steps"][:3]:
        assert " ".join(step["title"].split())[:30] in text, f"step {step['title']!r} missing"
    for navigation in ("Over de kennisbank", "Voor ouders", "Zoek in de kennisbank", "Ga naar inhoud"):
        assert navigation not in text, f"navigation text {navigation!r} printed"
    # Links are printed as text: a source's address appears in full.
    url = next(s["url"] for s in entry.data["sources"] if s.get("url"))
    assert urlsplit(url).netloc in text.replace(" ", "")
