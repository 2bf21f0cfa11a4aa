"""XLSX workbooks, written and read with openpyxl (imported here only: a plain-text check never loads it).

Written workbooks are deterministic: the document's created/modified dates and every zip member's
time are fixed (SOURCE_DATE_EPOCH when set, as for JUnit, else 1980-01-01, the earliest a zip
member can carry), so the same rows give byte-identical files. Every cell is written as text
(never a formula), whatever it starts with.
"""

from __future__ import annotations

import datetime
import io
import os
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from mtcheck.errors import InputError, Problem

ZIP_EPOCH = datetime.datetime(1980, 1, 1)  # the earliest time a zip member can carry
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may run as a formula


@dataclass(frozen=True)
class Sheet:
    """One worksheet to write: a title, a header row, rows of text, and how it is laid out."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[str | int | float | None]]
    widths: Sequence[int] = ()  # column widths in characters; none: openpyxl's default
    filtered: bool = False  # freeze the header row and put an autofilter over the table


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """The XLSX file holding ``sheets``, byte for byte the same for the same sheets."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.title)
        _append(worksheet, 1, sheet.header)
        for number, row in enumerate(sheet.rows, start=2):
            _append(worksheet, number, row)
        _all_text(worksheet)
        for number, width in enumerate(sheet.widths, start=1):
            worksheet.column_dimensions[get_column_letter(number)].width = width
        if sheet.filtered:
            worksheet.freeze_panes = "A2"
            worksheet.auto_filter.ref = worksheet.dimensions
    return _saved(workbook)


def _append(worksheet, number: int, row) -> None:
    from openpyxl.utils.exceptions import IllegalCharacterError

    try:
        worksheet.append(list(row))
    except IllegalCharacterError:
        raise ValueError(f"row {number} holds a control character, which XLSX cannot hold") from None


def _all_text(worksheet) -> None:
    """Cells openpyxl took for formulas ("=..." strings) are stored as text, shown as typed."""
    from openpyxl.styles import Alignment

    for row in worksheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.alignment = Alignment(horizontal="left")  # text, and Excel adds nothing in front
                cell.quotePrefix = True  # Excel's own mark of a cell typed as text ('=x)


def _fixed_time() -> datetime.datetime:
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    stamp = datetime.datetime.fromtimestamp(seconds, datetime.UTC).replace(tzinfo=None)
    return max(stamp, ZIP_EPOCH)


def _saved(workbook) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    stamp = _fixed_time()
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = "mtcheck"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()  # not save_workbook: it stamps the modified time with now
    return _restamped(buffer.getvalue(), stamp)


def _restamped(data: bytes, stamp: datetime.datetime) -> bytes:
    """The zip with every member's time set to ``stamp`` (zipfile gives each one the time of writing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(member.filename))
    return out.getvalue()


# --- reading -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReadSheet:
    label: str  # "terms.xlsx[sheet Terms]": where a problem is, with the row as its line
    rows: list[tuple[int, list[str]]]  # (row number, cells as text), empty rows left out


def first_sheet(path: str) -> ReadSheet:
    """The workbook's first worksheet, its cells as text (TRUE/FALSE as "true"/"false", 3.0 as "3")."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise InputError(Problem(path, f"cannot read: {exc.strerror or exc}")) from None
    except Exception:  # openpyxl raises zipfile, KeyError or its own errors on a file that is no workbook
        raise InputError(Problem(path, "not an XLSX workbook (Excel 2007 or later)")) from None
    if not workbook.worksheets:
        raise InputError(Problem(path, "the workbook has no worksheet"))
    try:
        sheet = workbook.worksheets[0]
        return ReadSheet(f"{path}[sheet {sheet.title}]", list(_text_rows(sheet)))
    finally:
        workbook.close()  # read-only mode keeps the file open until told


def _text_rows(sheet) -> Iterator[tuple[int, list[str]]]:
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            yield number, cells


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
