"""The project-plan template, in Excel and in Word, made from one definition at build time.

projectplan.yaml (next to this module) is the single source, in Dutch: the headings, help texts,
fields and table columns of both files. `build_xlsx()` and `build_docx()` return the bytes of each
file. Both are reproducible: every date in the files is the build date (content/publication.py),
so two builds give identical bytes.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import yaml

from kennisbank.content.model import Corpus
from kennisbank.content.publication import EMPTY_CORPUS_DATE, PUBLISHER, build_moment

DEFINITION_FILE = Path(__file__).with_name("projectplan.yaml")
AUTHOR = PUBLISHER
LANGUAGE = "nl-BE"
FIXED_DATE = datetime.fromisoformat(EMPTY_CORPUS_DATE)  # the build date of a build without content


@dataclass(frozen=True)
class Column:
    heading: str
    width: int = 18  # in characters, for the Excel column
    kind: str = "text"  # 'text', 'date' or 'amount': how Excel formats the cells


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    help: str
    fields: tuple[str, ...] = ()  # questions answered in a box each
    columns: tuple[Column, ...] = ()  # or a table to fill in, one row per item
    rows: int = 0  # empty rows in that table
    total: str = ""  # a column summed in a last row (budget)
    tall: bool = False  # fields that need room for a few sentences


def _load_definition(path: Path = DEFINITION_FILE) -> tuple[dict, tuple[Section, ...]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sections = tuple(
        Section(key=item["key"], heading=item["heading"], help=item["help"], fields=tuple(item.get("fields", ())),
                columns=tuple(Column(**column) for column in item.get("columns", ())),
                rows=item.get("rows", 0), total=item.get("total", ""), tall=item.get("tall", False))
        for item in data["sections"])
    return data, sections


_DEFINITION, SECTIONS = _load_definition()
TITLE = _DEFINITION["title"]
SUBJECT = _DEFINITION["subject"]
INTRO = _DEFINITION["intro"]

XLSX_NAME = "projectplan.xlsx"
DOCX_NAME = "projectplan.docx"
DOWNLOADS_DIR = "downloads"


def document_date(corpus: Corpus | None = None) -> datetime:
    """The date written into the files: the build date (zip archives cannot hold dates before 1980)."""
    return max(build_moment(corpus), datetime(1980, 1, 1))


def _normalize_zip(data: bytes, when: datetime) -> bytes:
    """Rewrite an Office file's zip archive with one fixed date on every member, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# ---------- Excel ----------

def _xlsx_table(sheet, row: int, section: Section, styles: dict) -> int:
    for col, column in enumerate(section.columns, start=1):
        cell = sheet.cell(row=row, column=col, value=column.heading)
        cell.font, cell.fill = styles["th_font"], styles["th_fill"]
        cell.border, cell.alignment = styles["border"], styles["wrap"]
    header_row = row
    for _ in range(section.rows):
        row += 1
        sheet.row_dimensions[row].height = 30
        for col, column in enumerate(section.columns, start=1):
            cell = sheet.cell(row=row, column=col)
            cell.border, cell.alignment = styles["border"], styles["wrap"]
            cell.number_format = {"date": "DD/MM/YYYY", "amount": "#,##0.00"}.get(column.kind, "@")
    if section.total:
        from openpyxl.utils import get_column_letter

        row += 1
        index = [c.heading for c in section.columns].index(section.total) + 1
        letter = get_column_letter(index)
        label = sheet.cell(row=row, column=max(index - 1, 1), value="Totaal")
        label.font = styles["bold"]
        total = sheet.cell(row=row, column=index, value=f"=SUM({letter}{header_row + 1}:{letter}{row - 1})")
        total.font, total.border, total.number_format = styles["bold"], styles["border"], "#,##0.00"
    return row


def build_xlsx(when: datetime | None = None) -> bytes:
    """The template as an Excel workbook: one sheet, every section in order."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    when = when or document_date()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Projectplan"
    width = max(len(s.columns) for s in SECTIONS)
    thin = Side(style="thin", color="5C6B7D")
    styles = {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "th_font": Font(bold=True, color="FFFFFF"),
        "th_fill": PatternFill("solid", fgColor="1B4D89"),
        "bold": Font(bold=True),
    }
    for col in range(1, width + 1):
        widths = [s.columns[col - 1].width for s in SECTIONS if len(s.columns) >= col]
        sheet.column_dimensions[get_column_letter(col)].width = max(widths + [30 if col == 1 else 18])

    sheet.cell(row=1, column=1, value=TITLE).font = Font(bold=True, size=16, color="1B4D89")
    sheet.cell(row=2, column=1, value=INTRO).alignment = styles["wrap"]
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet.row_dimensions[2].height = 45
    row = 3
    for number, section in enumerate(SECTIONS, start=1):
        row += 2
        heading_cell = sheet.cell(row=row, column=1, value=f"{number}. {section.heading}")
        heading_cell.font = Font(bold=True, size=13, color="1B4D89")
        row += 1
        help_cell = sheet.cell(row=row, column=1, value=section.help)
        help_cell.font, help_cell.alignment = Font(italic=True, color="4A4F57"), styles["wrap"]
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        sheet.row_dimensions[row].height = 45
        row += 1
        if section.columns:
            row = _xlsx_table(sheet, row, section, styles)
            continue
        for question in section.fields:
            label = sheet.cell(row=row, column=1, value=question)
            label.font, label.alignment, label.border = styles["bold"], styles["wrap"], styles["border"]
            sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=width)
            for col in range(2, width + 1):
                sheet.cell(row=row, column=col).border = styles["border"]
            sheet.cell(row=row, column=2).alignment = styles["wrap"]
            sheet.row_dimensions[row].height = 75 if section.tall else 22
            row += 1
        row -= 1

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    props = workbook.properties
    props.title, props.creator, props.lastModifiedBy = TITLE, AUTHOR, AUTHOR
    props.language, props.subject = LANGUAGE, SUBJECT
    props.created = props.modified = when
    buffer = io.BytesIO()
    # Not workbook.save(): openpyxl's save_workbook sets the modified date to now.
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return _normalize_zip(buffer.getvalue(), when)


# ---------- Word ----------

def _docx_language(document) -> None:
    """Dutch (Belgium) for spelling and screen readers, set on the document defaults."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run_defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def _docx_header_row(row) -> None:
    """Bold header cells, repeated on every page of a long table."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    for cell in row.cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def _docx_table(document, section: Section) -> None:
    from docx.shared import Cm

    table = document.add_table(rows=1 + section.rows + (1 if section.total else 0), cols=len(section.columns))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, section.columns, strict=True):
        cell.paragraphs[0].add_run(column.heading)
    _docx_header_row(table.rows[0])
    for row in table.rows[1:1 + section.rows]:
        row.height = Cm(1)
    if section.total:
        index = [c.heading for c in section.columns].index(section.total)
        table.rows[-1].cells[max(index - 1, 0)].paragraphs[0].add_run("Totaal").bold = True


def _docx_fields(document, section: Section) -> None:
    from docx.shared import Cm

    table = document.add_table(rows=len(section.fields), cols=2)
    table.style = "Table Grid"
    for row, question in zip(table.rows, section.fields, strict=True):
        row.cells[0].paragraphs[0].add_run(question).bold = True
        row.cells[0].width, row.cells[1].width = Cm(7), Cm(18.7)
        row.height = Cm(3 if section.tall else 0.9)


def build_docx(when: datetime | None = None) -> bytes:
    """The template as a Word document: a heading, help text and a table to fill in per section."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, RGBColor

    when = when or document_date()
    document = Document()
    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    page.left_margin = page.right_margin = page.top_margin = page.bottom_margin = Cm(1.5)
    _docx_language(document)

    document.add_heading(TITLE, level=0)
    document.add_paragraph(INTRO)
    for number, section in enumerate(SECTIONS, start=1):
        document.add_heading(f"{number}. {section.heading}", level=1)
        help_run = document.add_paragraph().add_run(section.help)
        help_run.italic = True
        help_run.font.color.rgb = RGBColor(0x4A, 0x4F, 0x57)
        if section.columns:
            _docx_table(document, section)
        else:
            _docx_fields(document, section)

    core = document.core_properties
    core.title, core.author, core.last_modified_by, core.comments = TITLE, AUTHOR, AUTHOR, INTRO
    core.language, core.subject = LANGUAGE, SUBJECT
    core.created = core.modified = when
    core.last_printed = when
    core.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalize_zip(buffer.getvalue(), when)


# ---------- On the site ----------

DOWNLOADS = {XLSX_NAME: build_xlsx, DOCX_NAME: build_docx}


@lru_cache(maxsize=4)
def _built(name: str, when: datetime) -> bytes:
    return DOWNLOADS[name](when)


def download_paths() -> list[str]:
    """Where the downloads are, under the site root (without making them)."""
    return [f"{DOWNLOADS_DIR}/{name}" for name in DOWNLOADS]


def download_files(corpus: Corpus | None = None) -> dict[str, bytes]:
    """The generated downloads, by path under the site root (e.g. 'downloads/projectplan.xlsx')."""
    when = document_date(corpus)
    return {f"{DOWNLOADS_DIR}/{name}": _built(name, when) for name in DOWNLOADS}
