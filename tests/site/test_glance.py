"""The at-a-glance helpers, one wording helper for counts, stopped partners last, and the Dutch
placeholder page for an entry left out while serving."""
from __future__ import annotations

import io

from kennisbank.content.model import KINDS, Entry
from kennisbank.content.problems import Problem
from kennisbank.content.wording import count_noun
from kennisbank.site.glance import body_sections, icon, month_year, short_duration
from kennisbank.site.placeholders import placeholder_pages
from kennisbank.site.render import sort_key


def test_count_noun_is_singular_for_one_only():
    assert count_noun(1, "praktijk", "praktijken") == "1 praktijk"
    assert count_noun(0, "praktijk", "praktijken") == "0 praktijken"
    assert count_noun(2, "concept", "concepten") == "2 concepten"


def test_short_labels():
    assert short_duration("Een schatting: reken op vier tot zes weken, met twee teammomenten.") == \
        "Vier tot zes weken (schatting)"
    assert month_year("2019-08") == "augustus 2019"
    assert month_year("2023") == "2023"
    assert month_year("2023-09-01") == "1 september 2023"
    assert 'aria-hidden="true"' in icon("time") and "<svg" not in icon("time")


def test_optional_sections_are_set_apart():
    body = "Intro.\n\n## Waarom\n\nOmdat.\n\n## Zo kan het eruitzien\n\nVoorbeeld.\n\n## Varianten\n\nAnders.\n"
    sections = body_sections(body)
    assert [h for h, _ in sections["main"]] == ["", "Waarom"]
    assert [h for h, _ in sections["optional"]] == ["Zo kan het eruitzien", "Varianten"]


def _partner(entry_id: str, name: str, **data) -> Entry:
    return Entry(KINDS["partner"], entry_id, "partners.yaml", {"name": name, **data}, doc=None)


def test_stopped_partners_sort_last():
    entries = [_partner("a", "Aardig", status="gestopt"), _partner("b", "Beter"), _partner("c", "Clever")]
    assert [e.id for e in sorted(entries, key=sort_key)] == ["b", "c", "a"]


def test_the_check_summary_counts_in_the_right_number(tmp_path, monkeypatch):
    from kennisbank.tools import checking

    class Corpus:
        drafts = [object()]

        def of_kind(self, kind):
            return {"x": object()} if kind == "guide" else {"x": 1, "y": 2}

    monkeypatch.setattr(checking, "load_corpus", lambda root=None: (Corpus(), []))
    out = io.StringIO()
    assert checking.run_check(tmp_path, out) == 0
    assert out.getvalue().strip() == "In orde: 2 praktijken, 2 partners, 1 stappenplan, 1 concept (niet op de site)."


def test_a_broken_entry_gets_a_dutch_placeholder_page(corpus):
    problem = Problem("practices/voorbeeld.md", 4, "thema 'x' bestaat niet", "kies een thema")
    pages = placeholder_pages(corpus, [problem])
    page = pages["praktijken/voorbeeld.md"]
    assert "Deze pagina heeft een probleem" in page
    assert "practices/voorbeeld.md:4: thema 'x' bestaat niet" in page


def test_every_icon_is_drawn_once_in_the_stylesheet():
    """The icons' shapes live in kennisbank.css only; glance.py just names them."""
    import re

    from kennisbank.content import paths
    from kennisbank.site.glance import ICONS

    css = (paths.ROOT / "docs" / "assets" / "kennisbank.css").read_text(encoding="utf-8")
    drawn = re.findall(r"\.kb-strip__icon--([a-z]+)\s*\{\s*--kb-icon:", css)
    assert sorted(drawn) == sorted(set(drawn)), "an icon is drawn twice"
    assert set(drawn) == ICONS
    used = set()
    for template in (paths.TEMPLATES_DIR).glob("*.j2"):
        used |= set(re.findall(r"icon\(\s*['\"]([a-z]+)['\"]", template.read_text(encoding="utf-8")))
    assert used <= ICONS, used - ICONS
