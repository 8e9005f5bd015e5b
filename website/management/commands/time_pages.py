"""Time the rendering of each page type: CPU milliseconds and SQL queries per warm request.

Run it with production-like settings (DEBUG off) on a scratch copy of the demo, for example::

    DATABASE_URL=sqlite:////tmp/hub-timing.sqlite3 .venv/bin/python manage.py time_pages --repeat 50

It goes through the whole middleware stack with Django's test client (no network, no server), so the
figures are the application's own cost. The machine may be shared: compare runs made one after the
other, as ratios.
"""

from __future__ import annotations

import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from wagtail.models import Page

from content.blog.models import BlogIndexPage, BlogPage
from content.case_studies.models import CaseStudyIndexPage, CaseStudyPage
from content.glossary.models import DefinitionPage, GlossaryIndexPage
from content.papers.models import PaperPage, PaperSeriesPage, PapersIndexPage
from content.standard_pages.models import StandardPage
from content.topics.models import Topic, TopicIndexPage


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __len__(self) -> int:
        return self.count

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _first_url(model: type[Page], **filters) -> str | None:
    page = model.objects.live().filter(**filters).order_by("path").first()
    return page.url if page else None


def page_type_urls() -> dict[str, str | None]:
    """One URL per page type of the demo content."""
    topic_index = TopicIndexPage.objects.live().first()
    topic = Topic.objects.filter(case_studies__isnull=False).order_by("slug").first() or Topic.objects.first()
    return {
        "home": "/",
        "blog index": _first_url(BlogIndexPage),
        "blog post": _first_url(BlogPage, slug="notes-from-stoke-on-trent") or _first_url(BlogPage),
        "glossary": _first_url(GlossaryIndexPage),
        "definition": _first_url(DefinitionPage, slug="social-capital") or _first_url(DefinitionPage),
        "papers": _first_url(PapersIndexPage),
        "series": _first_url(PaperSeriesPage),
        "paper": _first_url(PaperPage, slug="safe-at-home") or _first_url(PaperPage),
        "topics": topic_index.url if topic_index else None,
        "topic": topic_index.url + topic_index.reverse_subpage("topic", args=[topic.slug])
        if topic_index and topic
        else None,
        "case studies": _first_url(CaseStudyIndexPage),
        "case study": _first_url(CaseStudyPage),
        "standard page": _first_url(StandardPage),
        "members": "/members/",
    }


class Command(BaseCommand):
    help = "CPU ms and SQL queries per warm request for each page type, anonymous and as a member."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=50, help="Timed requests per page (after one warm-up).")
        parser.add_argument("--member", default="officer@stoke.gov.uk", help="Email of the member to sign in as.")
        parser.add_argument("--only", default="", help="Comma-separated page-type names to time.")

    def handle(self, *args, repeat: int, member: str, only: str, **options):
        urls = page_type_urls()
        wanted = {name.strip() for name in only.split(",") if name.strip()}
        user = get_user_model().objects.filter(email__iexact=member).first()
        if user is None:
            raise CommandError(f"No user {member}: create one (make run creates the demo accounts).")
        readers = {"anonymous": Client(), "member": Client()}
        readers["member"].force_login(user)
        self.stdout.write(f"{'page':<14} {'reader':<10} {'status':>6} {'queries':>7} {'cpu ms p50':>10} {'mean':>7}")
        for name, url in urls.items():
            if url is None or (wanted and name not in wanted):
                continue
            for reader, client in readers.items():
                if name == "members" and reader == "anonymous":
                    continue
                extra = {"secure": True, "headers": {"host": "localhost"}}
                client.get(url, **extra)  # warm: per-process caches, templates
                queries = QueryCounter()
                with connection.execute_wrapper(queries):
                    response = client.get(url, **extra)
                timings = []
                for _ in range(repeat):
                    start = time.process_time()
                    client.get(url, **extra)
                    timings.append((time.process_time() - start) * 1000)
                self.stdout.write(
                    f"{name:<14} {reader:<10} {response.status_code:>6} {len(queries):>7} "
                    f"{statistics.median(timings):>10.1f} {statistics.fmean(timings):>7.1f}"
                )
