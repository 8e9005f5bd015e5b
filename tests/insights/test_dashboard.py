"""The "Network insight" dashboard: its figures match the data, its CSVs are safe, and only staff see it."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta

import pytest

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alerts.models import Follow
from content.case_studies.models import CaseStudyIndexPage, CaseStudyPage
from content.papers.models import PaperPage, PaperSeriesPage
from insights.models import PageReadDaily, SearchTermDaily
from insights.reports import NO_LOCAL_AUTHORITY, Period, signups_per_week
from members.models import LocalAuthority, MemberProfile
from tests.factories import CaseStudyPageFactory, TopicFactory
from tests.helpers import soup
from tests.insights.conftest import client_for

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/insights/"
REPORT_SLUGS = [
    "signups-per-week",
    "members-by-organisation-type",
    "members-by-region",
    "follows-per-series",
    "follows-per-topic",
    "follows-per-authority-kind",
    "top-searches",
    "searches-without-results",
    "most-read-papers",
    "most-read-case-studies",
    "most-read-blog-posts",
]


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


_people = iter(range(10**6))


def member_joined(when: datetime, organisation_type: str = "voluntary_community", local_authority=None):
    number = next(_people)
    user = get_user_model().objects.create_user(f"joiner{number}@example.org", f"joiner{number}@example.org", "pw")
    return MemberProfile.objects.create(
        user=user,
        full_name=f"Joiner {number}",
        organisation_type=organisation_type,
        local_authority=local_authority,
        created_at=when,
    )


def table(response, slug: str) -> dict[str, tuple[int, ...]]:
    """A section's table as {row label: numbers}."""
    section = soup(response).find("section", id=slug)
    assert section is not None, f"no section {slug}"
    rows = {}
    for tr in section.select("table tbody tr"):
        rows[tr.th.get_text(strip=True)] = tuple(int(td.get_text(strip=True)) for td in tr.find_all("td"))
    return rows


def csv_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def clean_slate(db):
    """No demo members, follows or insight rows, so every figure is the test's own."""
    MemberProfile.objects.all().delete()
    Follow.objects.all().delete()
    PageReadDaily.objects.all().delete()
    SearchTermDaily.objects.all().delete()


@pytest.fixture
def staff(superuser):
    return client_for(superuser)


# Access ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [DASHBOARD, *(f"{DASHBOARD}csv/{slug}/" for slug in REPORT_SLUGS)])
def test_anonymous_readers_are_sent_to_log_in(url):
    response = client_for().get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("url", [DASHBOARD, f"{DASHBOARD}csv/top-searches/", f"{DASHBOARD}csv/members-by-region/"])
def test_plain_members_and_other_admin_users_get_nothing(url, plain_member, admin_user_without_insight):
    SearchTermDaily.objects.create(term="secret term", day=timezone.localdate(), searches=3)
    for user in (plain_member, admin_user_without_insight):
        response = client_for(user).get(url)
        assert response.status_code == 302, user
        assert response["Location"] != url
        assert b"secret term" not in response.content and "text/csv" not in response.get("Content-Type", "")


def test_the_menu_shows_network_insight_to_staff_only(editor, admin_user_without_insight):
    assert "Network insight" in client_for(editor).get("/admin/").content.decode()
    assert "Network insight" not in client_for(admin_user_without_insight).get("/admin/").content.decode()


@pytest.mark.parametrize("who", ["superuser", "editor", "moderator"])
def test_superusers_editors_and_moderators_see_the_dashboard_and_download(who, request):
    client = client_for(request.getfixturevalue(who))
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert soup(response).find("h1").get_text(strip=True) == "Network insight"
    assert client.get(f"{DASHBOARD}csv/top-searches/").status_code == 200


def test_an_unknown_report_is_not_found(staff):
    assert staff.get(f"{DASHBOARD}csv/everyone-s-emails/").status_code == 404


# Figures --------------------------------------------------------------------------------------


def test_signups_per_week_fall_in_the_local_week_they_happened(staff, clean_slate):
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    member_joined(local(monday, 0, 30))  # this week, just
    member_joined(local(monday - timedelta(days=1), 23, 30))  # last week's Sunday night
    member_joined(local(monday - timedelta(days=1), 9))
    member_joined(local(monday - timedelta(weeks=26), 12))  # before the 26 weeks shown
    rows = table(staff.get(DASHBOARD), "signups-per-week")
    assert len(rows) == 26, "weeks without sign-ups are shown too"
    values = list(rows.values())
    assert values[-1] == (1,) and values[-2] == (2,)
    assert sum(value for (value,) in values) == 3
    narrower = table(staff.get(DASHBOARD, {"weeks": 4}), "signups-per-week")
    assert len(narrower) == 4


def test_weeks_follow_british_summer_time():
    """00:30 on a Monday in July is Sunday 23:30 UTC: still the new week in London."""
    MemberProfile.objects.all().delete()
    monday = date(2024, 7, 8)
    member_joined(local(monday, 0, 30))
    member_joined(local(monday - timedelta(days=1), 23, 30))
    report = signups_per_week(Period(weeks=4, today=date(2024, 7, 10)))
    assert [row.csv_label for row in report.rows] == ["2024-06-17", "2024-06-24", "2024-07-01", "2024-07-08"]
    assert [row.value for row in report.rows] == [0, 0, 1, 1]


def test_members_by_organisation_type_and_region(staff, clean_slate):
    leeds = LocalAuthority.objects.get(gss_code="E08000035")  # Yorkshire and The Humber
    cornwall = LocalAuthority.objects.exclude(region=leeds.region).first()
    now = timezone.now()
    member_joined(now, "local_authority", leeds)
    member_joined(now, "local_authority", leeds)
    member_joined(now, "academic", cornwall)
    member_joined(now, "resident")
    response = staff.get(DASHBOARD)
    by_type = table(response, "members-by-organisation-type")
    assert by_type["Local authority"] == (2,)
    assert by_type["Academic or research"] == (1,)
    assert by_type["Individual resident"] == (1,)
    assert by_type["Business"] == (0,), "every organisation type is listed"
    by_region = table(response, "members-by-region")
    assert by_region == {leeds.region: (2,), cornwall.region: (1,), NO_LOCAL_AUTHORITY: (1,)}
    assert list(by_region)[-1] == NO_LOCAL_AUTHORITY


def test_follows_per_series_topic_and_kind_are_counts_only(staff, clean_slate):
    series = PaperSeriesPage.objects.first()
    topic, quiet_topic = TopicFactory(name="Allotments"), TopicFactory(name="Bus routes")
    users = [member_joined(timezone.now()).user for _ in range(3)]
    for user in users:
        Follow.objects.create(user=user, series=series)
    Follow.objects.create(user=users[0], topic=topic)
    Follow.objects.create(user=users[1], topic=topic)
    Follow.objects.create(user=users[2], authority_kind="unitary")
    response = staff.get(DASHBOARD)
    assert table(response, "follows-per-series")[series.title] == (3,)
    topics = table(response, "follows-per-topic")
    assert topics["Allotments"] == (2,) and topics[quiet_topic.name] == (0,)
    assert table(response, "follows-per-authority-kind")["Unitary authorities"] == (1,)
    body = response.content.decode()
    assert all(user.email not in body for user in users), "never who"


def test_top_searches_and_searches_without_results_over_the_period(staff, clean_slate):
    today = timezone.localdate()
    SearchTermDaily.objects.create(term="social capital", day=today, searches=5)
    SearchTermDaily.objects.create(term="social capital", day=today - timedelta(days=29), searches=2, no_results=1)
    SearchTermDaily.objects.create(term="allotments", day=today, searches=3, no_results=3)
    SearchTermDaily.objects.create(term="ancient", day=today - timedelta(days=30), searches=50, no_results=50)
    response = staff.get(DASHBOARD)
    assert table(response, "top-searches") == {"social capital": (7, 1), "allotments": (3, 3)}
    assert list(table(response, "searches-without-results").items()) == [
        ("allotments", (3, 3)),
        ("social capital", (1, 7)),
    ]
    wider = staff.get(DASHBOARD, {"days": 90})
    assert table(wider, "top-searches")["ancient"] == (50, 50)


def test_most_read_papers_and_case_studies(staff, clean_slate):
    today = timezone.localdate()
    popular, quieter = PaperPage.objects.live()[:2]
    study = CaseStudyPageFactory(parent=CaseStudyIndexPage.objects.get(), title="Read study")
    PageReadDaily.objects.create(page=popular, day=today, reads=10)
    PageReadDaily.objects.create(page=popular, day=today - timedelta(days=3), reads=5)
    PageReadDaily.objects.create(page=quieter, day=today, reads=4)
    PageReadDaily.objects.create(page=quieter, day=today - timedelta(days=40), reads=100)
    PageReadDaily.objects.create(page=study, day=today, reads=2)
    response = staff.get(DASHBOARD)
    papers = table(response, "most-read-papers")
    assert list(papers.items()) == [(popular.title, (15,)), (quieter.title, (4,))]
    assert table(response, "most-read-case-studies") == {"Read study": (2,)}
    assert CaseStudyPage.objects.filter(pk=study.pk).exists()
    link = soup(response).find("section", id="most-read-papers").find("a", string=popular.title)
    assert link["href"] == f"/admin/pages/{popular.pk}/edit/"


# Presentation ---------------------------------------------------------------------------------


def test_every_section_has_a_labelled_chart_a_table_and_a_csv_link_and_no_script(staff, clean_slate):
    member_joined(timezone.now(), "business")
    SearchTermDaily.objects.create(term="parks", day=timezone.localdate(), searches=1)
    page = soup(staff.get(DASHBOARD))
    content = page.select_one(".insights")
    for slug in REPORT_SLUGS:
        section = content.find("section", id=slug)
        link = section.select_one(f'a[href^="{DASHBOARD}csv/{slug}/"]')
        assert link is not None and link.get_text(" ", strip=True).startswith("Download CSV")
    signups = content.find("section", id="signups-per-week")
    chart = signups.find("svg")
    assert chart["role"] == "img" and "1 in all" in chart["aria-label"]
    assert signups.find("table").find("th", scope="col")
    assert (
        content.find("section", id="top-searches")
        .find("svg")["aria-label"]
        .startswith("Bar chart of top searches; the largest: parks 1.")
    )
    assert content.find("section", id="most-read-papers").find("svg") is None, "no chart of nothing"
    assert not content.find_all("script") and not content.select("[style]")
    remote = ("http:", "https:", "//")
    assert not page.find_all("script", src=lambda src: src and src.startswith(remote)), "no remote script"
    assert not page.find_all("link", href=lambda href: href and href.startswith(remote)), "no remote style or font"


def test_the_period_ignores_anything_but_its_choices(staff):
    response = staff.get(DASHBOARD, {"weeks": "9999", "days": "drop table"})
    assert response.status_code == 200
    assert len(table(response, "signups-per-week")) == 26


# CSV ------------------------------------------------------------------------------------------


def test_csv_download_is_utf8_with_a_header_row_and_a_dated_name(staff, clean_slate):
    SearchTermDaily.objects.create(term="café à la carte", day=timezone.localdate(), searches=2, no_results=2)
    response = staff.get(f"{DASHBOARD}csv/top-searches/", {"days": 7})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="hub-top-searches-last-7-days-{today}.csv"'
    assert "no-store" in response["Cache-Control"]
    assert csv_of(response) == [["Search term", "Searches", "With no results"], ["café à la carte", "2", "2"]]


def test_csv_of_signups_has_iso_weeks(staff, clean_slate):
    today = timezone.localdate()
    member_joined(local(today, 0, 1))
    rows = csv_of(staff.get(f"{DASHBOARD}csv/signups-per-week/", {"weeks": 4}))
    monday = today - timedelta(days=today.weekday())
    assert rows[0] == ["Week starting", "Sign-ups"]
    assert rows[1:] == [[(monday - timedelta(weeks=n)).isoformat(), "1" if n == 0 else "0"] for n in (3, 2, 1, 0)]


def test_csv_cells_that_look_like_formulas_are_defused(staff, clean_slate):
    today = timezone.localdate()
    for term in ('=hyperlink("http://evil.example","x")', "+44 20 7946 0000", "-2+3", "@sum(a1:a9)", "plain"):
        SearchTermDaily.objects.create(term=term, day=today, searches=1, no_results=1)
    rows = csv_of(staff.get(f"{DASHBOARD}csv/searches-without-results/"))
    terms = {row[0] for row in rows[1:]}
    assert terms == {
        '\'=hyperlink("http://evil.example","x")',
        "'+44 20 7946 0000",
        "'-2+3",
        "'@sum(a1:a9)",
        "plain",
    }
    assert all(row[1:] == ["1", "1"] for row in rows[1:]), "numbers are left alone"


# Cost -----------------------------------------------------------------------------------------


def _populate(size: int) -> None:
    """``size`` members across types and regions, each following things, reading and searching."""
    today = timezone.localdate()
    authorities = list(LocalAuthority.objects.order_by("pk")[:5])
    series = PaperSeriesPage.objects.first()
    papers = list(PaperPage.objects.live())
    topics = [TopicFactory() for _ in range(3)]
    for n in range(size):
        profile = member_joined(
            timezone.now() - timedelta(days=n * 3),
            ["local_authority", "academic", "business"][n % 3],
            authorities[n % 5] if n % 4 else None,
        )
        if n % 2:
            Follow.objects.create(user=profile.user, series=series)
        Follow.objects.create(user=profile.user, topic=topics[n % 3])
        page = papers[n % len(papers)]
        row, _ = PageReadDaily.objects.get_or_create(page=page, day=today - timedelta(days=n % 20))
        row.reads += 1
        row.save()
        SearchTermDaily.objects.create(
            term=f"term {size}-{n}", day=today - timedelta(days=n % 25), searches=n, no_results=n % 2
        )


def _dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    return len(queries)


def test_the_dashboard_costs_the_same_number_of_queries_however_much_data(staff, clean_slate):
    _populate(3)
    staff.get(DASHBOARD)  # warm per-process caches (content types, site root)
    small = _dashboard_queries(staff)
    _populate(40)
    staff.get(DASHBOARD)  # warm again: the new data's saves renewed what workers keep (site, menu)
    large = _dashboard_queries(staff)
    assert large == small, f"{small} queries with 3 members, {large} with 43"
    assert small <= 30
