"""The dashboard's figures: each report is one aggregate query in the database, whatever the data's size.

Reports hold counts only, never who: no report names a member, and search terms are shown as typed
(normalised) with their daily counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncWeek
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from alerts.models import AUTHORITY_KINDS, Follow
from content.core.params import choice
from content.papers.models import PaperSeriesPage
from content.topics.models import Topic
from members.models import MemberProfile, OrganisationType

from .models import PageReadDaily, SearchTermDaily

WEEK_CHOICES = (4, 13, 26, 52)
DEFAULT_WEEKS = 26
DAY_CHOICES = (7, 30, 90, 365)
DEFAULT_DAYS = 30
TOP = 20
NO_LOCAL_AUTHORITY = "No local authority"


@dataclass(frozen=True)
class Period:
    """What the dashboard covers: sign-ups over ``weeks`` weeks, searches and reads over ``days`` days."""

    weeks: int = DEFAULT_WEEKS
    days: int = DEFAULT_DAYS
    today: date = field(default_factory=timezone.localdate)

    @classmethod
    def from_query(cls, query) -> Period:
        """The period a staff member chose; anything else falls back to the defaults."""
        return cls(
            weeks=choice(query.get("weeks"), WEEK_CHOICES, DEFAULT_WEEKS),
            days=choice(query.get("days"), DAY_CHOICES, DEFAULT_DAYS),
        )

    @property
    def first_week(self) -> date:
        """The Monday that starts the earliest week shown (the current week is the last)."""
        return self.today - timedelta(days=self.today.weekday(), weeks=self.weeks - 1)

    @property
    def since(self) -> date:
        """The first day of the activity window (today is the last of ``days``)."""
        return self.today - timedelta(days=self.days - 1)


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[int, ...]
    url: str = ""
    csv_label: str = ""

    @property
    def value(self) -> int:
        """The number the chart draws: the row's first value."""
        return self.values[0]


@dataclass(frozen=True)
class Report:
    slug: str
    title: str
    description: str
    headings: tuple[str, ...]
    rows: list[Row]
    chart: str = "bars"  # "bars" (horizontal, one per row) or "columns" (a time series)
    window: str = ""  # the period covered, for file names: "last-26-weeks"; empty for current totals

    @property
    def total(self) -> int:
        return sum(row.value for row in self.rows)

    @property
    def is_empty(self) -> bool:
        return not any(row.value for row in self.rows)

    def csv_rows(self) -> list[list]:
        return [list(self.headings), *([row.csv_label or row.label, *row.values] for row in self.rows)]


def _short_date(day: date) -> str:
    return format_date(day, "j M Y")


def signups_per_week(period: Period) -> Report:
    """New member profiles per week (Monday to Sunday), weeks with none included."""
    start = timezone.make_aware(datetime.combine(period.first_week, time.min))
    counts = {
        timezone.localtime(item["week"]).date() if isinstance(item["week"], datetime) else item["week"]: item["n"]
        for item in MemberProfile.objects.filter(created_at__gte=start)
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(n=Count("pk"))
        .order_by()
    }
    weeks = [period.first_week + timedelta(weeks=offset) for offset in range(period.weeks)]
    return Report(
        slug="signups-per-week",
        title="Sign-ups per week",
        description=f"New members in each of the last {period.weeks} weeks, Monday to Sunday; the last week is this one.",
        headings=("Week starting", "Sign-ups"),
        rows=[Row(_short_date(week), (counts.get(week, 0),), csv_label=week.isoformat()) for week in weeks],
        chart="columns",
        window=f"last-{period.weeks}-weeks",
    )


def members_by_organisation_type(period: Period) -> Report:
    counts = {
        item["organisation_type"]: item["n"]
        for item in MemberProfile.objects.values("organisation_type").annotate(n=Count("pk")).order_by()
    }
    labels = dict(OrganisationType.choices)
    # Every known type, with none as 0; then any value no longer among the choices, as stored.
    keys = [*labels, *(key for key in counts if key not in labels)]
    rows = [Row(labels.get(key, key or "Not given"), (counts.get(key, 0),)) for key in keys]
    return Report(
        slug="members-by-organisation-type",
        title="Members by organisation type",
        description="All current members, by the type of organisation they gave.",
        headings=("Organisation type", "Members"),
        rows=sorted(rows, key=lambda row: (-row.value, row.label)),
    )


def members_by_region(period: Period) -> Report:
    counts = (
        MemberProfile.objects.values("local_authority__region")
        .annotate(n=Count("pk"))
        .order_by("-n", "local_authority__region")
    )
    rows = [Row(item["local_authority__region"] or NO_LOCAL_AUTHORITY, (item["n"],)) for item in counts]
    # "No local authority" last, whatever its size: it is not a region.
    rows.sort(key=lambda row: row.label == NO_LOCAL_AUTHORITY)
    return Report(
        slug="members-by-region",
        title="Members by region",
        description="All current members, by the region of the local authority they chose.",
        headings=("Region", "Members"),
        rows=rows,
    )


def follows_per_series(period: Period) -> Report:
    series = (
        PaperSeriesPage.objects.annotate(n=Count("follows")).order_by("-n", "title").values_list("pk", "title", "n")
    )
    return Report(
        slug="follows-per-series",
        title="Follows per paper series",
        description="How many members follow each paper series (counts only).",
        headings=("Series", "Followers"),
        rows=[Row(title, (n,), url=reverse("wagtailadmin_pages:edit", args=[pk])) for pk, title, n in series],
    )


def follows_per_topic(period: Period) -> Report:
    topics = Topic.objects.annotate(n=Count("follows")).order_by("-n", "name").values_list("name", "n")
    return Report(
        slug="follows-per-topic",
        title="Follows per topic",
        description="How many members follow each topic (counts only).",
        headings=("Topic", "Followers"),
        rows=[Row(name, (n,)) for name, n in topics],
    )


def follows_per_authority_kind(period: Period) -> Report:
    counts = {
        item["authority_kind"]: item["n"]
        for item in Follow.objects.exclude(authority_kind="")
        .values("authority_kind")
        .annotate(n=Count("pk"))
        .order_by()
    }
    rows = [Row(label, (counts.get(kind, 0),)) for kind, label in AUTHORITY_KINDS.items()]
    return Report(
        slug="follows-per-authority-kind",
        title="Follows of case studies per kind of authority",
        description="How many members follow case studies from each kind of local authority (counts only).",
        headings=("Kind of authority", "Followers"),
        rows=sorted(rows, key=lambda row: (-row.value, row.label)),
    )


def _searches(period: Period):
    return (
        SearchTermDaily.objects.filter(day__gte=period.since, day__lte=period.today)
        .values("term")
        .annotate(total=Sum("searches"), empty=Sum("no_results"))
    )


def top_searches(period: Period) -> Report:
    terms = _searches(period).order_by("-total", "term")[:TOP]
    return Report(
        slug="top-searches",
        title="Top searches",
        description=f"The {TOP} most searched-for terms in the last {period.days} days (first page of results only).",
        headings=("Search term", "Searches", "With no results"),
        rows=[Row(item["term"], (item["total"], item["empty"])) for item in terms],
        window=f"last-{period.days}-days",
    )


def searches_without_results(period: Period) -> Report:
    terms = _searches(period).filter(empty__gt=0).order_by("-empty", "term")[:TOP]
    return Report(
        slug="searches-without-results",
        title="Searches with no results",
        description=f"Terms that found nothing for the reader in the last {period.days} days: gaps in content or wording.",
        headings=("Search term", "Searches with no results", "All searches"),
        rows=[Row(item["term"], (item["empty"], item["total"])) for item in terms],
        window=f"last-{period.days}-days",
    )


def _most_read(period: Period, app_label: str, model: str):
    return (
        PageReadDaily.objects.filter(
            day__gte=period.since,
            day__lte=period.today,
            page__content_type__app_label=app_label,
            page__content_type__model=model,
        )
        .values("page_id", "page__title")
        .annotate(total=Sum("reads"))
        .order_by("-total", "page__title")[:TOP]
    )


def _page_rows(items) -> list[Row]:
    return [
        Row(item["page__title"], (item["total"],), url=reverse("wagtailadmin_pages:edit", args=[item["page_id"]]))
        for item in items
    ]


def most_read_papers(period: Period) -> Report:
    return Report(
        slug="most-read-papers",
        title="Most-read papers",
        description=f"Full reads of papers in the last {period.days} days (not previews, not crawlers).",
        headings=("Paper", "Reads"),
        rows=_page_rows(_most_read(period, "papers", "paperpage")),
        window=f"last-{period.days}-days",
    )


def most_read_case_studies(period: Period) -> Report:
    return Report(
        slug="most-read-case-studies",
        title="Most-read case studies",
        description=f"Full reads of case studies in the last {period.days} days (teasers shown to readers without access do not count).",
        headings=("Case study", "Reads"),
        rows=_page_rows(_most_read(period, "case_studies", "casestudypage")),
        window=f"last-{period.days}-days",
    )


def most_read_blog_posts(period: Period) -> Report:
    return Report(
        slug="most-read-blog-posts",
        title="Most-read blog posts",
        description=f"Full reads of blog posts in the last {period.days} days.",
        headings=("Post", "Reads"),
        rows=_page_rows(_most_read(period, "blog", "blogpage")),
        window=f"last-{period.days}-days",
    )


# Dashboard order; each builder is one query.
REPORTS: dict[str, Callable[[Period], Report]] = {
    "signups-per-week": signups_per_week,
    "members-by-organisation-type": members_by_organisation_type,
    "members-by-region": members_by_region,
    "follows-per-series": follows_per_series,
    "follows-per-topic": follows_per_topic,
    "follows-per-authority-kind": follows_per_authority_kind,
    "top-searches": top_searches,
    "searches-without-results": searches_without_results,
    "most-read-papers": most_read_papers,
    "most-read-case-studies": most_read_case_studies,
    "most-read-blog-posts": most_read_blog_posts,
}


def all_reports(period: Period) -> list[Report]:
    return [build(period) for build in REPORTS.values()]
