"""The project-plan templates: one definition, an Excel and a Word file that open and contain every
section, identical bytes from build to build, and links from the projectplan guide."""
from __future__ import annotations

import io
import json
import shutil
import time
import zipfile
from datetime import datetime

import docx
import openpyxl
import pytest

from conftest import FIXTURES
from kennisbank.content import paths
from kennisbank.content.loader import load_corpus
from kennisbank.exports import projectplan


@pytest.fixture(autouse=True)
def no_source_date(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def _xlsx_texts(data: bytes) -> list[str]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]


def test_the_xlsx_opens_and_holds_every_section_field_and_column():
    texts = _xlsx_texts(projectplan.build_xlsx())
    for number, section in enumerate(projectplan.SECTIONS, start=1):
        assert f"{number}. {section.heading}" in texts
        assert section.help in texts
        for name in [*section.fields, *(c.heading for c in section.columns)]:
            assert name in texts, f"{section.key}: {name}"


def test_the_xlsx_sums_the_budget():
    sheet = openpyxl.load_workbook(io.BytesIO(projectplan.build_xlsx())).active
    formulas = [c.value for row in sheet.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=")]
    assert len(formulas) == 1 and formulas[0].startswith("=SUM(B")


def test_the_docx_opens_and_holds_every_section_as_a_heading_with_its_table():
    document = docx.Document(io.BytesIO(projectplan.build_docx()))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{n}. {s.heading}" for n, s in enumerate(projectplan.SECTIONS, start=1)]
    paragraphs = [p.text for p in document.paragraphs]
    assert all(s.help in paragraphs for s in projectplan.SECTIONS)
    assert len(document.tables) == len(projectplan.SECTIONS)
    for table, section in zip(document.tables, projectplan.SECTIONS, strict=True):
        if section.columns:
            assert [c.text for c in table.rows[0].cells] == [c.heading for c in section.columns]
            assert len(table.rows) == 1 + section.rows + bool(section.total)
        else:
            assert [r.cells[0].text for r in table.rows] == list(section.fields)


def test_the_documents_are_dutch_and_titled():
    document = docx.Document(io.BytesIO(projectplan.build_docx()))
    assert document.core_properties.title == projectplan.TITLE
    assert document.core_properties.language == "nl-BE"
    workbook = openpyxl.load_workbook(io.BytesIO(projectplan.build_xlsx()))
    assert workbook.properties.title == projectplan.TITLE and workbook.properties.language == "nl-BE"


@pytest.mark.parametrize("build", [projectplan.build_xlsx, projectplan.build_docx], ids=["xlsx", "docx"])
def test_two_builds_give_identical_bytes(build, monkeypatch):
    first = build()
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 3 * 3600)  # a build three hours later
    assert build() == first


@pytest.mark.parametrize("build", [projectplan.build_xlsx, projectplan.build_docx], ids=["xlsx", "docx"])
def test_every_date_in_the_file_is_the_fixed_date(build):
    data = build()
    expected = projectplan.FIXED_DATE
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {expected.timetuple()[:6]}
        core = archive.read("docProps/core.xml").decode()
    stamp = expected.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert core.count(stamp) >= 2, core  # created and modified


def test_source_date_epoch_sets_the_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert projectplan.document_date() == datetime(2023, 11, 14, 22, 13, 20)
    document = docx.Document(io.BytesIO(projectplan.build_docx()))
    assert document.core_properties.modified.replace(tzinfo=None) == datetime(2023, 11, 14, 22, 13, 20)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        projectplan.document_date()


def test_the_site_serves_both_files_under_downloads():
    files = projectplan.download_files()
    assert sorted(files) == ["downloads/projectplan.docx", "downloads/projectplan.xlsx"]


def test_the_guide_schema_allows_exactly_the_generated_downloads():
    schema = json.loads((paths.SCHEMAS_DIR / "guide.schema.json").read_text(encoding="utf-8"))
    allowed = schema["properties"]["downloads"]["items"]["properties"]["file"]["enum"]
    assert sorted(allowed) == sorted(projectplan.DOWNLOADS)


def test_an_unknown_download_is_reported_with_the_valid_names(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", root)
    guide = root / "guides" / "duo-feedback-invoeren.yaml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text + "downloads:\n  - title: Sjabloon in PDF\n    file: projectplan.pdf\n", encoding="utf-8")
    line = len(text.splitlines()) + 3
    problems = [str(p) for p in load_corpus(root)[1]]
    assert problems == [f"guides/duo-feedback-invoeren.yaml:{line}: downloads[1].file: 'projectplan.pdf' staat niet "
                        "in de lijst van sjablonen van de site — bedoel je 'projectplan.docx'? "
                        "mogelijk: projectplan.xlsx, projectplan.docx"]


def test_the_projectplan_guide_links_to_both_templates(built_site):
    html = (built_site / "stappenplannen" / "projectplan-opstellen" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="sjablonen"'):]
    for name in projectplan.DOWNLOADS:
        assert f'href="../../downloads/{name}"' in section
    served = (built_site / "downloads" / "projectplan.xlsx").read_bytes()
    assert _xlsx_texts(served) == _xlsx_texts(projectplan.build_xlsx())
    served = docx.Document(io.BytesIO((built_site / "downloads" / "projectplan.docx").read_bytes()))
    assert served.core_properties.title == projectplan.TITLE
