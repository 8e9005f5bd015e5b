"""The series' release calendar (RFC 5545) with the icalendar library: one all-day event per paper.

Stable UIDs (the site's address, not the request's host) and LAST-MODIFIED from the page's last
publication let calendar programs update a moved release date instead of adding a second event.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone


def series_calendar(series, request: HttpRequest) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//National Network for Neighbourhood Improvement//Paper releases//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{series.title}: paper releases")
    calendar.add("refresh-interval;value=duration", "P1D")
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "hub"
    for paper in series.get_papers():
        event = Event()
        event.add("uid", f"paper-{paper.pk}-release@{host}")
        event.add("summary", f"Paper released: {paper.title}")
        event.add("dtstart", paper.release_date)
        event.add("dtend", paper.release_date + timedelta(days=1))
        event.add("dtstamp", timezone.now())
        if paper.last_published_at:
            event.add("last-modified", paper.last_published_at)
        event.add("url", paper.get_full_url(request))
        event.add(
            "description",
            f"{paper.summary}\n\n{paper.get_full_url(request)}" if paper.summary else paper.get_full_url(request),
        )
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
