"""The self-scan (/zelfscan/) in Chromium: fill it in, get the profile and the help for the weakest
dimension, save the answers as a file and open them again, by mouse and by keyboard, without
errors and without a request to another origin."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from kennisbank.content import paths
from kennisbank.content.selfscan import load_selfscan

pytestmark = pytest.mark.browser

WEAK = "communicatie"  # the dimension the tests score low


@pytest.fixture(scope="module")
def scan():
    scan, problems = load_selfscan(paths.ROOT)
    assert scan is not None, problems
    return scan


def _open(page, site_url):
    page.goto(f"{site_url}/zelfscan/")
    # Not wait_for_function: the site's Content-Security-Policy forbids the eval it polls with.
    expect(page.locator("html")).to_have_attribute("data-kb-zelfscan", "klaar")


def _fill(page, scan, weak=WEAK):
    """Every statement answered: the weak dimension 'helemaal niet', the others 3 or 4."""
    for d, dimension in enumerate(scan.dimensions):
        for s, statement in enumerate(dimension["statements"]):
            value = 1 if dimension["id"] == weak else 3 + (d + s) % 2
            page.locator(f'#stelling-{statement["id"]} input[value="{value}"]').check()


def _submit(page):
    page.locator("#kb-zelfscan-form button[type=submit]").click()


def _weak_title(scan):
    return next(d["title"] for d in scan.dimensions if d["id"] == WEAK)


def test_filling_in_shows_the_profile_and_help_for_the_weakest_dimension(page, site_url, scan):
    _open(page, site_url)
    _fill(page, scan)
    _submit(page)
    result = page.locator("#kb-zelfscan-result")
    assert result.is_visible()
    assert page.evaluate("document.activeElement.id") == "kb-zelfscan-result-title"
    status = page.locator("#kb-zelfscan-status")
    assert status.get_attribute("role") == "status"
    expect(status).to_contain_text(f"Grootste werkpunt: ‘{_weak_title(scan)}’")

    # The chart and its text equivalent.
    assert page.locator("#kb-zelfscan-chart svg[role=img] rect.kb-scan__bar").count() == len(scan.dimensions)
    rows = page.locator("#kb-zelfscan-table tbody tr")
    assert rows.count() == len(scan.dimensions)
    weak_row = rows.filter(has_text=_weak_title(scan))
    assert weak_row.locator("td").first.inner_text() == "1,0"
    assert _weak_title(scan) in page.locator("#kb-zelfscan-weakest").inner_text()

    # Help for the weakest dimension only, with links to pages that exist.
    advice = page.locator("#kb-zelfscan-advice .kb-scan__advice")
    assert advice.count() == 1 and advice.get_attribute("data-dimension") == WEAK
    links = advice.locator("a")
    dimension = next(d for d in scan.dimensions if d["id"] == WEAK)
    expected = sum(len(dimension.get(f, [])) for f in ("practices", "partners", "guides"))
    assert links.count() == expected
    for i in range(links.count()):
        url = links.nth(i).evaluate("a => a.href")
        assert url.startswith(site_url + "/")
        assert page.request.get(url).status == 200, url
    title = links.first.inner_text()
    links.first.click()
    assert page.locator("article h1").inner_text().startswith(title)
    assert page.watch.console_errors == []
    assert page.watch.foreign_requests == []


def test_the_answers_are_saved_as_a_file_and_opened_again(page, site_url, scan, tmp_path):
    _open(page, site_url)
    _fill(page, scan)
    page.fill("#kb-zelfscan-name", "Basisschool De Linde")
    _submit(page)
    with page.expect_download() as download:
        page.locator("#kb-zelfscan-save-result").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("zelfscan-basisschool-de-linde-") and saved.suffix == ".json"
    content = json.loads(saved.read_text(encoding="utf-8"))
    statements = [s["id"] for d in scan.dimensions for s in d["statements"]]
    assert content["format"] == "kennisbank-zelfscan" and content["name"] == "Basisschool De Linde"
    assert sorted(content["answers"]) == sorted(statements)

    page.evaluate("sessionStorage.clear()")  # as in a new tab: nothing kept
    _open(page, site_url)
    assert page.locator("#kb-zelfscan-form input:checked").count() == 0
    page.set_input_files("#kb-zelfscan-file", str(saved))
    page.wait_for_selector("#kb-zelfscan-result:not([hidden])")
    assert page.locator("#kb-zelfscan-form input:checked").count() == len(statements)
    assert page.input_value("#kb-zelfscan-name") == "Basisschool De Linde"
    assert page.locator("#kb-zelfscan-advice .kb-scan__advice").get_attribute("data-dimension") == WEAK
    expect(page.locator("#kb-zelfscan-status")).to_contain_text("Bestand geopend")
    # The visitor lands on the result's heading, just below the sticky header, with the focus there.
    assert page.evaluate("document.activeElement.id") == "kb-zelfscan-result-title"
    top = page.locator("#kb-zelfscan-result-title").bounding_box()["y"]
    header = page.locator(".md-header").bounding_box()["height"]
    assert header <= top <= header + 120, (top, header)
    assert page.watch.console_errors == []
    assert page.watch.foreign_requests == []


def test_a_file_that_is_not_a_saved_selfscan_is_refused(page, site_url, tmp_path):
    _open(page, site_url)
    other = tmp_path / "iets-anders.json"
    other.write_text('{"hallo": "wereld"}', encoding="utf-8")
    page.set_input_files("#kb-zelfscan-file", str(other))
    error = page.locator("#kb-zelfscan-file-error")
    error.wait_for(state="visible")
    assert "geen bewaarde zelfscan" in error.inner_text()
    assert error.get_attribute("role") == "alert"
    assert page.locator("#kb-zelfscan-result").is_hidden()
    assert page.watch.console_errors == []


def test_missing_answers_are_listed_and_marked(page, site_url, scan):
    _open(page, site_url)
    _fill(page, scan)
    first = scan.dimensions[0]["statements"][0]["id"]
    page.evaluate(f"document.querySelectorAll('input[name=\"{first}\"]').forEach(i => i.checked = false)")
    _submit(page)
    errors = page.locator("#kb-zelfscan-errors")
    assert errors.is_visible()
    assert page.evaluate("document.activeElement.id") == "kb-zelfscan-errors"
    assert "1 van de" in errors.inner_text()
    assert page.locator("#kb-zelfscan-result").is_hidden()
    assert "Nog niet beantwoord" in page.locator(f"#stelling-{first} legend").inner_text()
    errors.locator("a").first.click()
    assert page.evaluate("document.activeElement.name") == first
    page.keyboard.press("Space")
    assert page.locator("#kb-zelfscan-errors").is_hidden()
    assert "Nog niet beantwoord" not in page.locator(f"#stelling-{first} legend").inner_text()


def test_the_selfscan_works_with_the_keyboard_only(page, site_url, scan):
    _open(page, site_url)
    page.locator("#kb-zelfscan-file").focus()
    for dimension in scan.dimensions:
        for statement in dimension["statements"]:
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.name") == statement["id"]
            if dimension["id"] == WEAK:
                page.keyboard.press("Space")  # the first option: helemaal niet
            else:
                page.keyboard.press("ArrowRight")  # moves to and picks the second option
                page.keyboard.press("ArrowRight")  # the third: eerder wel
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "kb-zelfscan-name"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # a visible focus indicator
    page.keyboard.press("Enter")
    page.wait_for_selector("#kb-zelfscan-result:not([hidden])")
    assert page.locator("#kb-zelfscan-advice .kb-scan__advice").get_attribute("data-dimension") == WEAK
    assert page.watch.console_errors == []


def _printed_result(page, site_url, scan) -> None:
    """A filled-in scan, submitted, seen as it prints."""
    _open(page, site_url)
    _fill(page, scan)
    _submit(page)
    page.emulate_media(media="print")


def test_printing_shows_the_result_without_the_buttons(page, site_url, scan):
    _printed_result(page, site_url, scan)
    assert page.locator("#kb-zelfscan-result").is_visible()
    assert page.locator("#kb-zelfscan-actions").is_hidden()
    assert page.locator("#kb-zelfscan-print").is_hidden()
    assert page.evaluate("getComputedStyle(document.getElementById('kb-zelfscan-result')).order") == "-1"


def test_without_javascript_the_statements_remain_readable(browser, site_url, scan):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/zelfscan/")
    assert page.locator("#kb-zelfscan-nojs").is_visible()
    assert "JavaScript" in page.locator("#kb-zelfscan-nojs").inner_text()
    statements = sum(len(d["statements"]) for d in scan.dimensions)
    assert page.locator("fieldset.kb-scan__statement").count() == statements
    assert page.locator("fieldset.kb-scan__statement legend").first.is_visible()
    assert page.locator("#kb-zelfscan-actions").is_hidden()
    assert page.locator("#kb-zelfscan-result").is_hidden()
    context.close()


def test_the_result_and_the_error_summary_pass_axe(page, site_url, scan):
    """The quality gate checks every page as it loads; this checks what the script adds."""
    from pathlib import Path

    import axe_playwright_python

    axe = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    _open(page, site_url)
    _submit(page)  # nothing answered: the error summary
    _fill(page, scan)
    first = scan.dimensions[0]["statements"][0]["id"]
    page.evaluate(f"document.querySelectorAll('input[name=\"{first}\"]').forEach(i => i.checked = false)")
    _submit(page)
    states = {}
    page.evaluate(axe)
    run = "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    states["fouten"] = page.evaluate(run)["violations"]
    page.locator(f'#stelling-{first} input[value="2"]').check()
    _submit(page)
    states["resultaat"] = page.evaluate(run)["violations"]
    found = [f"{state}: {v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
             for state, violations in states.items() for v in violations]
    assert not found, "\n".join(found)


def _statements(scan):
    return [s["id"] for d in scan.dimensions for s in d["statements"]]


def _leaving_asks(page) -> bool:
    """Close the page as a visitor would; True when the browser asked first (beforeunload)."""
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.close(run_before_unload=True)
    page.wait_for_event("close")
    return asked == ["beforeunload"]


def test_a_reload_keeps_the_answers_in_this_tab_only(page, site_url, scan):
    _open(page, site_url)
    _fill(page, scan)
    page.fill("#kb-zelfscan-name", "Basisschool De Linde")
    _submit(page)
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-kb-zelfscan", "klaar")
    assert page.locator("#kb-zelfscan-form input:checked").count() == len(_statements(scan))
    assert page.input_value("#kb-zelfscan-name") == "Basisschool De Linde"
    assert page.locator("#kb-zelfscan-result").is_visible()
    kept = page.evaluate("Object.keys(sessionStorage)")
    assert len(kept) == 1 and kept[0].startswith("kb-zelfscan:")
    assert page.evaluate("Object.keys(localStorage)") == []
    page.locator("#kb-zelfscan-form button[type=reset]").click()
    expect(page.locator("#kb-zelfscan-progress")).to_contain_text("0 van")
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-kb-zelfscan", "klaar")
    assert page.locator("#kb-zelfscan-form input:checked").count() == 0
    assert page.watch.foreign_requests == [] and page.watch.console_errors == []


def test_weet_niet_is_left_out_of_the_score_and_mentioned(page, site_url, scan):
    _open(page, site_url)
    _fill(page, scan)
    weak = next(d for d in scan.dimensions if d["id"] == WEAK)
    other = next(d for d in scan.dimensions if d["id"] != WEAK)
    # One weak statement 'weet niet', one of another dimension 'weet niet' while the rest stays 4.
    page.locator(f'#stelling-{weak["statements"][0]["id"]} input[value="0"]').check()
    for n, statement in enumerate(other["statements"]):
        page.locator(f'#stelling-{statement["id"]} input[value="{0 if n == 0 else 4}"]').check()
    page.locator(f'#stelling-{weak["statements"][1]["id"]} input[value="3"]').check()
    _submit(page)
    rows = page.locator("#kb-zelfscan-table tbody tr")
    weak_row = rows.filter(has_text=weak["title"])
    counted = len(weak["statements"]) - 1
    expected = (3 + (counted - 1)) / counted  # one 3, the others 1; 'weet niet' not counted
    assert weak_row.locator("td").first.inner_text() == f"{expected:.1f}".replace(".", ",")
    assert rows.filter(has_text=other["title"]).locator("td").first.inner_text() == "4,0"
    note = page.locator("#kb-zelfscan-unknown")
    assert note.is_visible()
    assert "2 stellingen beantwoord met ‘weet niet’" in note.inner_text() and "tellen niet mee" in note.inner_text()


def test_only_unsaved_answers_make_leaving_ask_first(browser, site_url, scan, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True, accept_downloads=True)
    page = context.new_page()
    _open(page, site_url)
    assert not _leaving_asks(page)  # nothing answered: no question

    page = context.new_page()
    _open(page, site_url)
    _fill(page, scan)
    assert page.locator("#kb-zelfscan").get_attribute("data-unsaved") == "ja"
    assert _leaving_asks(page)

    page = context.new_page()
    _open(page, site_url)
    _fill(page, scan)
    with page.expect_download() as download:
        page.locator("#kb-zelfscan-save").click()
    download.value.save_as(tmp_path / "antwoorden.json")
    assert page.locator("#kb-zelfscan").get_attribute("data-unsaved") == "nee"
    assert not _leaving_asks(page)
    context.close()


def test_the_printed_result_fits_on_four_pages_with_the_chart(page, site_url, scan, tmp_path):
    import io

    from pypdf import PdfReader

    _printed_result(page, site_url, scan)
    assert page.locator("#kb-zelfscan-chart svg").is_visible()
    assert page.locator("#kb-zelfscan-form").is_hidden()
    assert page.evaluate("getComputedStyle(document.getElementById('kb-zelfscan-result-title')).outlineStyle") == "none"
    link = page.locator("#kb-zelfscan-advice a").first
    shown = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert site_url in shown, shown  # the address of a link to this site is printed in full
    pdf = page.pdf(format="A4", print_background=True)
    (tmp_path / "zelfscan.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) <= 4, len(reader.pages)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Het profiel van je school" in text and _weak_title(scan) in text


def test_the_scan_with_weet_niet_and_a_kept_result_passes_axe(page, site_url, scan):
    """axe with WCAG 2.2 AA (target-size included) after a reload that restored a result."""
    from pathlib import Path

    import axe_playwright_python

    axe = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    _open(page, site_url)
    _fill(page, scan)
    page.locator(f'#stelling-{scan.dimensions[0]["statements"][0]["id"]} input[value="0"]').check()
    _submit(page)
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-kb-zelfscan", "klaar")
    page.evaluate(axe)
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
    violations = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                               tags)["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
