"""The project-plan template, in Excel and in Word, made from one definition at build time.

`SECTIONS` is the single source: the headings, help texts, fields and table columns of both files.
`build_xlsx()` and `build_docx()` return the bytes of each file. Both are reproducible: the dates
in the document properties and in the zip archive come from SOURCE_DATE_EPOCH when it is set,
else from a fixed date, so two builds give identical bytes.
"""
from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache

TITLE = "Projectplan of plan van aanpak"
INTRO = ("Een sjabloon van de Kennisbank Antwerps Onderwijs. Vul het in met je werkgroep. Houd het kort "
         "en concreet: één tot drie bladzijden volstaan vaak. Het stappenplan 'Een projectplan of plan "
         "van aanpak opstellen' in de kennisbank helpt je op weg.")
AUTHOR = "Kennisbank Antwerps Onderwijs"
LANGUAGE = "nl-BE"
FIXED_DATE = datetime(2026, 1, 1)  # used when SOURCE_DATE_EPOCH is not set


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


SECTIONS: tuple[Section, ...] = (
    Section(
        "overview", "Het project in het kort",
        "Geef je project een naam en noteer wie het trekt, wie meewerkt en wanneer het loopt.",
        fields=("Naam van het project", "School", "Trekker van het project", "Werkgroep",
                "Looptijd (van – tot)", "Datum van dit plan"),
    ),
    Section(
        "beginsituatie", "Vraag en beginsituatie",
        "Welk probleem of welke kans pak je aan, en waarom nu? Beschrijf waar je school vandaag staat, "
        "met feiten: cijfers, resultaten van een bevraging of je beginanalyse. Noteer ook wat er al loopt.",
        fields=("Welk probleem of welke kans pak je aan?", "Waarom is dat nu belangrijk voor je leerlingen?",
                "Beginsituatie in cijfers", "Wat loopt er al, en wat probeerden jullie al?"),
        tall=True,
    ),
    Section(
        "goals", "Doelen",
        "Kies één tot drie doelen. Een goed doel zegt wat er bij de leerlingen of het team anders moet "
        "zijn, hoeveel en tegen wanneer. Kan je meten of het doel bereikt is? Is het haalbaar?",
        columns=(Column("Nr.", 6), Column("Wat wil je bereiken?", 44), Column("Voor wie?", 20),
                 Column("Hoeveel of hoe goed?", 24), Column("Tegen wanneer?", 16, "date")),
        rows=3,
    ),
    Section(
        "actions", "Acties",
        "Schrijf per doel de acties op. Zet bij elke actie wie ze trekt, wie meewerkt, tegen wanneer ze "
        "klaar is en wat ervoor nodig is. Begin klein: liever drie acties die echt gebeuren dan tien op papier.",
        columns=(Column("Bij doel", 8), Column("Actie", 40), Column("Trekker", 18), Column("Wie werkt mee?", 20),
                 Column("Tegen wanneer?", 16, "date"), Column("Wat is nodig?", 24), Column("Stand van zaken", 20)),
        rows=8,
    ),
    Section(
        "partners", "Partners",
        "Welke partners heb je nodig: ouders, leerlingen, het CLB, de pedagogische begeleiding, "
        "organisaties uit de wijk? Spreek af wat ieder doet en wie het aanspreekpunt is.",
        columns=(Column("Partner", 26), Column("Wat doet deze partner?", 40), Column("Aanspreekpunt", 22),
                 Column("Afspraak gemaakt op", 18, "date")),
        rows=5,
    ),
    Section(
        "budget", "Begroting",
        "Reken uit wat het project kost: uren, materiaal, begeleiding, activiteiten. Zet ernaast waar het "
        "geld vandaan komt. Is er extra geld nodig? Kijk of je project past bij een toelage.",
        columns=(Column("Kostenpost", 36), Column("Bedrag (euro)", 16, "amount"),
                 Column("Waar komt het geld vandaan?", 36)),
        rows=6, total="Bedrag (euro)",
    ),
    Section(
        "measurement", "Hoe meet je het effect?",
        "Kies per doel één of twee dingen die je opvolgt. Meet bij de start (de nulmeting) en op vaste "
        "momenten daarna. Spreek af wie meet en wanneer jullie de cijfers samen bekijken.",
        columns=(Column("Bij doel", 8), Column("Wat meet je?", 32), Column("Nulmeting bij de start", 22),
                 Column("Meetmomenten", 20), Column("Wie meet?", 18), Column("Wanneer bespreken jullie het?", 24)),
        rows=3,
    ),
)

XLSX_NAME = "projectplan.xlsx"
DOCX_NAME = "projectplan.docx"
DOWNLOADS_DIR = "downloads"


def document_date() -> datetime:
    """The date written into the files: SOURCE_DATE_EPOCH (UTC) if set, else a fixed date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return FIXED_DATE
    try:
        value = int(epoch)
    except ValueError:
        raise ValueError(f"SOURCE_DATE_EPOCH moet een geheel getal zijn (seconden sinds 1970), niet {epoch!r}") from None
    # Zip archives cannot hold dates before 1980.
    return max(datetime.fromtimestamp(value, timezone.utc).replace(tzinfo=None), datetime(1980, 1, 1))


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
        cell.font, cell.fill, cell.border, cell.alignment = styles["th_font"], styles["th_fill"], styles["border"], styles["wrap"]
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
        sheet.cell(row=row, column=1, value=f"{number}. {section.heading}").font = Font(bold=True, size=13, color="1B4D89")
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
    props.language, props.subject = LANGUAGE, "Sjabloon voor een projectplan of plan van aanpak"
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
    for cell, column in zip(table.rows[0].cells, section.columns):
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
    for row, question in zip(table.rows, section.fields):
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
    core.language, core.subject = LANGUAGE, "Sjabloon voor een projectplan of plan van aanpak"
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


def download_files() -> dict[str, bytes]:
    """The generated downloads, by path under the site root (e.g. 'downloads/projectplan.xlsx')."""
    when = document_date()
    return {f"{DOWNLOADS_DIR}/{name}": _built(name, when) for name in DOWNLOADS}
