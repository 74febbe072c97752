"""The contributor workflow: `make new`, issue forms and `from_issue.py`, `make stale`,
`make links` (without network), and the GitHub files that tie it together."""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, copy_fixture
from kennisbank.content import paths
from kennisbank.content.freshness import is_stale, months_between, stale_entries
from kennisbank.content.loader import load_corpus
from kennisbank.content.vocab import load_vocabularies
from kennisbank.tools.interview import interview
from kennisbank.tools.issue_form import (
    AT_LEAST_ONE,
    OTHER_CHOICE_FIELDS,
    SCOPE_LABELS,
    VOCABULARY_FIELDS,
    IssueFormError,
    load_form,
    parse_body,
    practice_from_issue,
)
from kennisbank.tools.linkcheck import Link, LinkResult, check_links, corpus_links, report, urls_in
from kennisbank.tools.scaffold import ScaffoldError, create, entry_schema, insert_partner, render

ROOT = paths.ROOT
GITHUB = ROOT / ".github"
FORMS = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
ISSUE_FORMS = [p for p in FORMS if p.name != "config.yml"]
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FIXTURES = FIXTURES / "issue_forms"


def run_script(name: str, *args: str, content: Path, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "KENNISBANK_CONTENT": str(content), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, str(ROOT / "scripts" / name), *args], input=stdin,
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


@pytest.fixture
def content(content_root):
    """A copy of the valid fixture corpus that the loader and the scripts read."""
    return copy_fixture("valid", content_root)


def _no_problems(root: Path):
    corpus, problems = load_corpus(root)
    assert problems == [], "\n".join(map(str, problems))
    return corpus


# --- make new ------------------------------------------------------------------------------------

NEW_CASES = [("praktijk", "Leesouders in de kleuterklas", "practices/leesouders-in-de-kleuterklas.md"),
             ("partner", "Jeugdwerk in de wijk", "partners.yaml"),
             ("stappenplan", "Een leesproject opstarten", "guides/een-leesproject-opstarten.yaml")]


@pytest.mark.parametrize("kind, title, relpath", NEW_CASES, ids=[c[0] for c in NEW_CASES])
def test_new_writes_a_valid_draft_that_stays_off_the_site(kind, title, relpath, content):
    result = run_script("new.py", kind, title, content=content)
    assert result.returncode == 0, result.stderr
    assert relpath in result.stdout and "status: concept" in result.stdout
    corpus = _no_problems(content)
    drafts = {(d.kind.name, d.id): d for d in corpus.drafts}
    entry_id = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    kind_name = {"praktijk": "practice", "partner": "partner", "stappenplan": "guide"}[kind]
    assert (kind_name, entry_id) in drafts
    assert entry_id not in corpus.of_kind(kind_name), "a draft must not be published"


@pytest.mark.parametrize("kind", ["practice", "partner", "guide"])
def test_new_draft_names_every_field_of_the_schema(kind):
    text = render(kind, {"title": "Een titel", "name": "Een naam", "id": "een-naam"})
    for field in entry_schema(kind)["properties"]:
        assert re.search(rf"^\s*(# )?(- )?{field}:", text, re.MULTILINE), f"{field} is missing from the draft"


def test_new_refuses_an_existing_id_and_changes_nothing(content):
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    for kind, title, where in [("praktijk", "Feedback in duo", "practices/feedback-in-duo.md"),
                               ("partner", "Buurtpartner", "partners.yaml"),
                               ("stappenplan", "Duo-feedback invoeren", "guides/duo-feedback-invoeren.yaml")]:
        result = run_script("new.py", kind, title, content=content)
        assert result.returncode == 1
        assert "bestaat al" in result.stderr and where in result.stderr
        assert "Traceback" not in result.stderr
    assert before == {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}


def test_new_refuses_a_title_that_is_too_short(content):
    with pytest.raises(ScaffoldError, match="te kort"):
        create("praktijk", "Abc", root=content)


def test_new_asks_questions_with_choices_from_the_vocabularies(content):
    answers = iter(["4", "1", "Leesouders in de kleuterklas", "10, klaspraktijk", "99", "1", ""])
    said = []
    kind, title, choices = interview(lambda prompt: next(answers), said.append, root=content)
    assert (kind, title) == ("practice", "Leesouders in de kleuterklas")
    assert choices == {"themes": ["ouderbetrokkenheid", "klaspraktijk"], "levels": ["kleuter"], "audience": []}
    assert any("Ouderbetrokkenheid" in s for s in said), "options are shown with their labels"
    assert any("Typ 1, 2 of 3" in s for s in said) and any("Kies nummers van 1 tot 8" in s for s in said)
    created = create(kind, title, choices, root=content)
    text = (content / created.path).read_text(encoding="utf-8")
    assert "themes: [ouderbetrokkenheid, klaspraktijk]" in text and "levels: [kleuter]" in text
    _no_problems(content)


def test_new_partner_is_inserted_in_order_without_reformatting(tmp_path, monkeypatch):
    monkeypatch.setenv("KENNISBANK_CONTENT", str(tmp_path))
    original = (ROOT / "partners.yaml").read_text(encoding="utf-8")
    (tmp_path / "partners.yaml").write_text(original, encoding="utf-8")
    created = create("partner", "Brugfiguren Antwerpen", root=tmp_path)
    new = (tmp_path / "partners.yaml").read_text(encoding="utf-8")
    block = render("partner", {"id": created.id, "name": "Brugfiguren Antwerpen"})
    assert block in new
    assert new.replace(block + "\n", "", 1) == original, "the rest of partners.yaml must stay as it was"
    assert new.splitlines()[created.line - 1].strip() == f"- id: {created.id}"
    _no_problems(tmp_path)


@pytest.mark.parametrize("entry_id, position", [("aaa", 0), ("middenpartner", 1), ("zzz", 2)])
def test_insert_partner_places_it_by_id(entry_id, position):
    text = (FIXTURES / "valid" / "partners.yaml").read_text(encoding="utf-8")
    block = render("partner", {"id": entry_id, "name": entry_id.title()})
    new, line = insert_partner(text, block, entry_id)
    ids = re.findall(r"^  - id: (\S+)", new, re.MULTILINE)
    assert ids.index(entry_id) == position and ids == sorted(ids)
    assert new.replace(block, "", 1) == text
    assert new.splitlines()[line - 1] == f"  - id: {entry_id}"


def test_two_new_partners_keep_their_hints_together(content):
    create("partner", "Aaa partner", root=content)
    create("partner", "Aab partner", root=content)  # goes between a draft and the next partner
    text = (content / "partners.yaml").read_text(encoding="utf-8")
    first = text.index("- id: aaa-partner")
    second = text.index("- id: aab-partner")
    assert text[first:second].count("# ask_via:") == 1
    _no_problems(content)


# --- issue forms and from_issue.py ---------------------------------------------------------------

@pytest.mark.parametrize("path", FORMS + WORKFLOWS + [ROOT / ".pre-commit-config.yaml"],
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_github_yaml_files_are_valid_yaml(path):
    assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict)


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_form_is_well_formed(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["name"] and data["description"] and data["body"]
    fields = [e for e in data["body"] if e["type"] != "markdown"]
    ids = [e["id"] for e in fields]
    labels = [e["attributes"]["label"] for e in fields]
    assert len(ids) == len(set(ids)) and len(labels) == len(set(labels)), "ids and labels must be unique"
    for element in data["body"]:
        assert element["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    for element in fields:
        assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"])
        if element["type"] == "checkboxes":
            assert "validations" not in element, "GitHub can only require single checkboxes"
        if element["type"] == "dropdown":
            assert not element["attributes"].get("multiple"), "use checkboxes: labels may contain commas"


def _choice_fields():
    for path in ISSUE_FORMS:
        for field in load_form(path):
            if field.type in ("dropdown", "checkboxes"):
                yield pytest.param(path, field, id=f"{path.stem}-{field.id}")


@pytest.mark.parametrize("path, field", list(_choice_fields()))
def test_issue_form_choices_are_the_vocabulary_labels(path, field):
    """A change in schemas/vocabularies.yaml must be made in the issue forms too."""
    if field.id in OTHER_CHOICE_FIELDS:
        if field.id == "service_area_scope":
            assert list(field.options) == list(SCOPE_LABELS)
            scope = entry_schema("partner")["properties"]["service_area"]["properties"]["scope"]
            assert sorted(SCOPE_LABELS.values()) == sorted(scope["enum"])
        return
    assert field.id in VOCABULARY_FIELDS, f"{field.id}: add it to VOCABULARY_FIELDS or OTHER_CHOICE_FIELDS"
    vocabulary = VOCABULARY_FIELDS[field.id]
    labels = [term.label for term in load_vocabularies().terms[vocabulary].values()]
    expected = "\n".join(f"        - label: {label}" if field.type == "checkboxes" else f"        - {label}"
                         for label in labels)
    assert list(field.options) == labels, (
        f"{path.name}: the options of '{field.id}' differ from the {vocabulary} in schemas/vocabularies.yaml;"
        f" use:\n{expected}")


@pytest.mark.parametrize("form, kind, extra", [("praktijk.yml", "practice", {"school", "body", "akkoord"}),
                                               ("partner.yml", "partner", {"aanvraag", "akkoord"})])
def test_issue_form_ids_are_schema_field_names(form, kind, extra):
    properties = entry_schema(kind)["properties"]

    def known(name: str, props: dict) -> bool:
        if name in props:
            return True
        return any(name.startswith(f"{key}_") and known(name[len(key) + 1:], sub.get("properties", {}))
                   for key, sub in props.items())

    for field in load_form(GITHUB / "ISSUE_TEMPLATE" / form):
        assert field.id in extra or known(field.id, properties), f"{form}: '{field.id}' is no schema field"


def test_correction_form_can_be_prefilled_with_the_page():
    fields = {f.id: f for f in load_form(GITHUB / "ISSUE_TEMPLATE" / "correctie.yml")}
    assert fields["pagina"].type == "input" and fields["pagina"].required


def test_issue_fixture_has_the_headings_of_the_form():
    body = (ISSUE_FIXTURES / "praktijk-ok.md").read_text(encoding="utf-8")
    headings = re.findall(r"^### (.+)$", body, re.MULTILINE)
    assert headings == [f.label for f in load_form()]


def test_from_issue_writes_a_valid_draft_practice(content):
    result = run_script("from_issue.py", str(ISSUE_FIXTURES / "praktijk-ok.md"),
                        "--issue-url", "https://github.com/voorbeeld/kennisbank/issues/7", content=content)
    assert result.returncode == 0, result.stderr
    corpus = _no_problems(content)
    [draft] = corpus.drafts
    assert draft.id == "voorlezen-in-de-thuistaal-met-ouders-in-de-kleuterklas"
    data = draft.data
    assert data["status"] == "concept"
    assert data["themes"] == ["diversiteit", "ouderbetrokkenheid"] and data["levels"] == ["kleuter"]
    assert data["ages"] == {"min": 3, "max": 6}
    assert data["time"] == {"effort": "klein",
                            "description": "Een kwartier per week in de klas, "
                                           "en een kort gesprek met de ouder vooraf."}
    assert data["evidence"]["level"] == "praktijk-een-school"
    assert data["steps"][0] == {"title": "Vraag het aan de ouders",
                                "text": "Bij het onthaal in september vraagt de juf "
                                        "welke ouders willen voorlezen en in welke taal."}
    assert data["sources"][0]["publisher"] == "Education Endowment Foundation"
    today = date.today().isoformat()
    assert data["sources"][0]["kind"] == "praktijk" and data["sources"][0]["published"] == "ongedateerd"
    assert "Soort bron nakijken (nu 'praktijk'): Parental engagement" in data["to_confirm"]
    assert data["sources"][1] == {"title": "Schoolwerkplan kleuterafdeling", "publisher": "Basisschool in Deurne",
                                  "published": "2025", "consulted": today, "kind": "praktijk"}
    assert data["sources"][2]["url"].endswith("/issues/7")
    assert "Elke vrijdag na de speeltijd" in draft.body and "Een basisschool in Deurne" in draft.body
    again = run_script("from_issue.py", str(ISSUE_FIXTURES / "praktijk-ok.md"), content=content)
    assert again.returncode == 1 and "bestaat al" in again.stderr


def test_from_issue_rejects_a_bad_body_with_reasons(content):
    result = run_script("from_issue.py", str(ISSUE_FIXTURES / "praktijk-fout.md"), content=content)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "'Ouders en school' is geen keuze uit het formulier" in result.stderr
    assert "'### Samenvatting' ontbreekt" in result.stderr
    assert "'### Bronnen' ontbreekt" in result.stderr
    assert not (content / "practices").joinpath("voorlezen-in-de-thuistaal-met-ouders-in-de-kleuterklas.md").exists()


@pytest.mark.parametrize("body, message", [
    ("Hallo, ik heb een idee!", "'### Titel' ontbreekt"),
    ("### Titel\n\n_No response_\n", "'Titel' is verplicht"),
])
def test_from_issue_explains_what_is_missing(body, message, content):
    with pytest.raises(IssueFormError) as error:
        practice_from_issue(body, content)
    assert any(message in p for p in error.value.problems)


def test_from_issue_reports_content_problems_before_writing(content):
    body = (ISSUE_FIXTURES / "praktijk-ok.md").read_text(encoding="utf-8")
    body = body.replace("Een kwartier per week", "Bel ons op 03 123 45 67. Een kwartier per week")
    with pytest.raises(IssueFormError) as error:
        practice_from_issue(body, content)
    assert any("telefoonnummer" in p for p in error.value.problems)


def test_issue_body_parser_reads_github_markdown():
    fields = load_form()
    body = (ISSUE_FIXTURES / "praktijk-ok.md").read_text(encoding="utf-8").replace("\n", "\r\n")
    answers = parse_body(body, fields)
    assert answers["themes"] == ["Diversiteit en meertaligheid", "Ouderbetrokkenheid"]
    assert answers["to_confirm"] is None and answers["cost_level"] == "Beperkte kosten"
    assert AT_LEAST_ONE <= {f.id for f in fields}


# --- make stale ----------------------------------------------------------------------------------

def _entry(sources: list[dict], confirmed: dict | None = None):
    from kennisbank.content.model import KINDS, Entry

    data = {"title": "Iets", "sources": sources, **({"confirmed": confirmed} if confirmed else {})}
    return Entry(KINDS["practice"], "iets", "practices/iets.md", data, None)


def _source(published) -> dict:
    return {"title": "Bron", "publisher": "Uitgever", "published": published, "consulted": "2026-11-23"}


@pytest.mark.parametrize("published, today, stale", [
    ("2025-11-23", date(2026, 11, 23), False),  # exactly twelve months
    ("2025-11-22", date(2026, 11, 23), True),
    ("2025-11", date(2026, 11, 23), False),  # a month counts to its last day
    ("2025-10", date(2026, 11, 23), True),
    ("2025", date(2026, 11, 23), False),  # a year counts to 31 December
    ("2024-02-29", date(2025, 2, 28), False),  # no 29 February in 2025: the last day counts
    (2019, date(2026, 11, 23), True),
    ("ongedateerd", date(2026, 11, 23), True),
])
def test_an_entry_is_as_old_as_its_newest_dated_source(published, today, stale):
    assert is_stale(_entry([_source(published)]), today) is stale


def test_the_newest_source_counts_and_undated_sources_do_not():
    today = date(2026, 11, 23)
    assert not is_stale(_entry([_source(2015), _source("ongedateerd"), _source("2026-03")]), today)
    assert is_stale(_entry([_source(2015), _source("ongedateerd")]), today)


def test_a_confirmation_by_an_organisation_makes_an_entry_fresh():
    today = date(2026, 11, 23)
    old = [_source(2018)]
    assert not is_stale(_entry(old, {"by": "Stad Antwerpen", "on": "2026-09-01"}), today)
    assert is_stale(_entry(old, {"by": "Stad Antwerpen", "on": "2024-09-01"}), today)


def test_months_between():
    assert months_between(date(2024, 3, 1), date(2026, 11, 23)) == 32
    assert months_between(date(2025, 1, 31), date(2025, 3, 30)) == 1


def test_stale_lists_old_entries_oldest_first(content):
    practice = content / "practices" / "feedback-in-duo.md"
    practice.write_text(practice.read_text(encoding="utf-8").replace("published: ongedateerd", "published: 2024-03"),
                        encoding="utf-8")
    guide = content / "guides" / "duo-feedback-invoeren.yaml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("published: ongedateerd", "published: 2026-11-01"),
                     encoding="utf-8")
    partners = content / "partners.yaml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("published: ongedateerd", "published: 2026-01"),
                        encoding="utf-8")
    result = run_script("stale.py", "--today", "2026-11-23", content=content)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "practices/feedback-in-duo.md:2: Feedback in duo's — bronnen van 2024, nieuwste 31 maanden oud"
    assert len(lines) == 2, "the partners (10 months) and the guide (3 weeks) are recent enough"
    assert lines[1].startswith("1 van de 4 items steunen op bronnen van meer dan 12 maanden oud")


def test_stale_entries_without_a_dated_source_come_first(content):
    corpus = _no_problems(content)
    for source in corpus.partners["stadspartner"].data["sources"]:
        source["published"] = "ongedateerd"
    for entry in corpus.entries():
        if entry.id != "stadspartner":
            for source in entry.data["sources"]:
                source["published"] = "2020"
    found = stale_entries(corpus, date(2030, 1, 1))
    assert found[0].entry.id == "stadspartner" and "geen enkele bron is gedateerd" in str(found[0])
    assert len(found) == len(corpus.entries())


def test_stale_refuses_a_bad_date(content):
    result = run_script("stale.py", "--today", "23-11-2026", content=content)
    assert result.returncode == 2 and "JJJJ-MM-DD" in result.stderr


# --- make links (no network) ---------------------------------------------------------------------

def test_links_are_found_with_their_line(content):
    practice = content / "practices" / "feedback-in-duo.md"
    practice.write_text(practice.read_text(encoding="utf-8")
                        + "\nMeer op [de site van de stad](https://www.antwerpen.be/onderwijs).\n", encoding="utf-8")
    links = corpus_links(_no_problems(content), content)
    partner_lines = (content / "partners.yaml").read_text(encoding="utf-8").splitlines()
    url_line = partner_lines.index("        url: https://www.example.org/bron") + 1
    assert Link("partners.yaml", url_line, "https://www.example.org/bron") in links
    line = practice.read_text(encoding="utf-8").splitlines().index(
        "Meer op [de site van de stad](https://www.antwerpen.be/onderwijs).") + 1
    assert Link("practices/feedback-in-duo.md", line, "https://www.antwerpen.be/onderwijs") in links


def test_urls_in_text_drop_trailing_punctuation():
    assert urls_in("Zie https://a.be/x. En (https://b.be/y) of <https://c.be/z>, klaar") == \
        ["https://a.be/x", "https://b.be/y", "https://c.be/z"]


def test_links_report_broken_ones_with_a_fake_fetch():
    links = [Link("practices/a.md", 3, "https://ok.be"), Link("partners.yaml", 9, "https://weg.be/pagina"),
             Link("guides/b.yaml", 4, "https://weg.be/pagina"), Link("partners.yaml", 12, "https://robots-nee.be")]
    fetched = []

    def fake_fetch(url):
        fetched.append(url)
        return {"https://ok.be": LinkResult(True, "200 OK"),
                "https://weg.be/pagina": LinkResult(False, "404 Not Found"),
                "https://robots-nee.be": LinkResult(False, "403 Forbidden", refused=True)}[url]

    out = io.StringIO()
    assert report(check_links(links, fake_fetch, workers=2), out) == 1
    assert sorted(fetched) == ["https://ok.be", "https://robots-nee.be", "https://weg.be/pagina"], "each address once"
    text = out.getvalue()
    assert "guides/b.yaml:4: https://weg.be/pagina — 404 Not Found" in text
    assert "partners.yaml:9: https://weg.be/pagina — 404 Not Found" in text
    assert "partners.yaml:12: https://robots-nee.be — 403 Forbidden" in text.split("weigeren")[1]
    ok = io.StringIO()
    assert report(check_links(links[:1], fake_fetch), ok) == 0 and "In orde" in ok.getvalue()


# --- the GitHub files ----------------------------------------------------------------------------

def _workflow(name: str) -> dict:
    return yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))


def _runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", []))


def _triggers(workflow: dict) -> dict:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key 'on' as true
    return triggers if isinstance(triggers, dict) else {t: None for t in triggers}


@pytest.mark.parametrize("name, targets, events", [
    ("ci.yml", ["make check", "make build", "make test"], {"pull_request", "push"}),
    ("pages.yml", ["make build"], {"push"}),
    ("links.yml", ["make links"], {"schedule", "workflow_dispatch"}),
])
def test_workflows_run_the_make_targets_a_contributor_uses(name, targets, events):
    workflow = _workflow(name)
    runs = _runs(workflow)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in targets:
        assert re.search(rf"^\s*{target}\b", runs, re.MULTILINE), f"{name} does not run {target}"
        assert re.search(rf"^{target.split()[1]}:", makefile, re.MULTILINE)
    assert events <= set(_triggers(workflow))
    assert "make test" not in _runs(_workflow("links.yml")) and "make links" not in _runs(_workflow("ci.yml"))


def test_pages_workflow_deploys_site_with_the_repository_url():
    workflow = _workflow("pages.yml")
    assert _triggers(workflow)["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    build = workflow["jobs"]["build"]
    assert build["env"]["KENNISBANK_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert any(step.get("with", {}).get("path") == "site" for step in build["steps"])
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"


def test_ci_uses_python_3_11_and_debian_chromium():
    job = next(iter(_workflow("ci.yml")["jobs"].values()))
    assert job["container"].startswith("python:3.11")
    assert "apt-get install" in _runs(_workflow("ci.yml")) and "chromium" in _runs(_workflow("ci.yml"))


def test_no_guessed_organisation_under_github():
    """CODEOWNERS names no team that does not exist (comments only until the repository is
    published) and the issue forms link to no guessed repository."""
    owners = [line for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    assert owners == []
    for path in GITHUB.rglob("*"):
        if path.is_file():
            assert "kennisbank-antwerps-onderwijs/" not in path.read_text(encoding="utf-8"), path


def test_pre_commit_hook_runs_make_check_on_content_and_schemas():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    assert hook["entry"] == "make check" and hook["pass_filenames"] is False
    for path in ("practices/x.md", "guides/y.yaml", "partners.yaml", "schemas/vocabularies.yaml"):
        assert re.search(hook["files"], path)
    assert not re.search(hook["files"], "scripts/build.py")


def test_editor_settings_point_to_existing_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./schemas/partners.schema.json": "partners.yaml",
                                        "./schemas/guide.schema.json": "guides/*.yaml"}
    for schema in settings["yaml.schemas"]:
        assert (ROOT / schema).exists()
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_contributing_links_resolve_and_name_the_commands():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if not target.startswith(("http://", "https://", "mailto:")):
            assert (ROOT / target).exists(), f"CONTRIBUTING.md links to {target}, which does not exist"
    for command in ("make serve", "make check", "make new", "make stale", "make links", "status: concept",
                    "to_confirm", "te bevestigen", "docs/bewijsniveaus.md"):
        assert command in text
