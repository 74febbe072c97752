"""Issue 14: pages a busy teacher takes in at a glance, on a phone too. At 1280 × 800 and
390 × 844: cost and evidence of every practice in the first screen, the first step of every
practice and guide within two screens, the door for parents in the first screen of the home page;
a Dutch 404 page with a search box and three doors; axe finds nothing on the pages changed."""
from __future__ import annotations

import pytest
from test_quality import AXE_TAGS, _axe_source

pytestmark = pytest.mark.browser

VIEWPORTS = [(1280, 800), (390, 844)]

_TOP = ("sel => { const el = document.querySelector(sel); "
        "return el ? el.getBoundingClientRect().bottom + scrollY : null; }")


@pytest.fixture(params=VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
def sized(request, browser):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-BE")
    yield context.new_page(), height
    context.close()


def test_cost_and_evidence_of_every_practice_are_in_the_first_screen(sized, site_url, corpus):
    page, height = sized
    late = []
    for entry in sorted(corpus.practices.values(), key=lambda e: e.id):
        page.goto(f"{site_url}/{entry.url}")
        for item in ("cost", "evidence", "time"):
            bottom = page.evaluate(_TOP, f".kb-strip__item--{item}")
            if bottom is None or bottom > height:
                late.append(f"{entry.id}: {item} at {bottom}")
        assert "Trede" in page.locator(".kb-strip__item--evidence").inner_text()
    assert not late, "\n".join(late)


def test_first_step_within_two_screens(sized, site_url, corpus):
    page, height = sized
    late = []
    for entry in [*sorted(corpus.practices.values(), key=lambda e: e.id),
                  *sorted(corpus.guides.values(), key=lambda e: e.id)]:
        page.goto(f"{site_url}/{entry.url}")
        selector = ".kb-steps li" if entry.kind.name == "practice" else ".kb-step h3"
        top = page.evaluate("sel => document.querySelector(sel).getBoundingClientRect().top + scrollY", selector)
        if top > 2 * height:
            late.append(f"{entry.id}: first step at {top / height:.2f} screens")
    assert not late, "\n".join(late)


def test_guide_steps_are_in_the_table_of_contents(page, site_url, corpus):
    guide = sorted(corpus.guides.values(), key=lambda e: e.id)[0]
    page.goto(f"{site_url}/{guide.url}")
    toc = page.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
    assert any(guide.data["steps"][0]["title"][:25] in t for t in toc), toc


def test_the_parent_door_is_in_the_first_screen_of_home(sized, site_url):
    page, height = sized
    page.goto(site_url + "/")
    door = page.locator(".kb-parents a[href*='voor-ouders']").first
    box = door.bounding_box()
    assert box and box["y"] + box["height"] <= height
    assert "ouder" in page.locator(".kb-parents").inner_text().lower()


def test_stopped_partner_shows_a_banner_and_a_route(page, site_url, corpus):
    stopped = [e for e in corpus.partners.values() if e.is_stopped]
    if not stopped:
        pytest.skip("no stopped partner")
    page.goto(f"{site_url}/{stopped[0].url}")
    assert page.locator(".kb-stopped").inner_text().startswith("Gestopt")
    assert page.locator(".kb-strip__item--contact").inner_text().strip()
    # Stopped partners come last on the listing.
    page.goto(f"{site_url}/partners/")
    items = page.locator(".md-content li a").all_inner_texts()
    names = [e.title for e in corpus.partners.values()]
    listed = [t for t in items if t in names]
    assert listed[-len(stopped):] == sorted((e.title for e in stopped), key=str.lower)


def test_the_404_page_is_dutch_with_search_and_doors(page, site_url):
    page.goto(site_url + "/404.html")
    assert "bestaat niet" in page.locator("h1").inner_text()
    assert page.locator("form[action$='vinden/'] input[name=q]").count() >= 2  # header and page
    doors = page.locator(".kb-door h2 a").all_inner_texts()
    assert doors == ["Praktijken", "Partners", "Voor ouders"]


@pytest.mark.parametrize("kind", ["practice", "partner", "guide"])
def test_handouts_print_on_few_pages(page, site_url, corpus, kind):
    from io import BytesIO

    from pypdf import PdfReader

    limits = {"practice": 6, "partner": 4, "guide": 8}
    counts = {}
    for entry in sorted(corpus.of_kind(kind).values(), key=lambda e: e.id)[:3]:
        page.goto(f"{site_url}/{entry.url}")
        page.emulate_media(media="print")
        counts[entry.id] = len(PdfReader(BytesIO(page.pdf(format="A4"))).pages)
    assert max(counts.values()) <= limits[kind], counts


def test_changed_pages_have_no_axe_violations(browser, site_url, corpus):
    axe = _axe_source()
    urls = ["", "404.html", "tijd-en-kosten/", "themas/",
            *(sorted(corpus.of_kind(k).values(), key=lambda e: e.id)[0].url for k in ("practice", "partner", "guide")),
            *(e.url for e in corpus.partners.values() if e.is_stopped),
            *sorted(e.url for e in corpus.partners.values() if e.data.get("ask_via"))[:2]]
    problems = []
    for width, height in VIEWPORTS:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for url in urls:
            page.goto(f"{site_url}/{url}")
            page.evaluate(axe)
            result = page.evaluate("tags => axe.run(document, "
                                   "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                                   AXE_TAGS + ["wcag22aa"])
            problems += [f"{width}: /{url}: {v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
                         for v in result["violations"]]
        context.close()
    assert not problems, "\n".join(problems)
