"""Citations of a paper in Harvard and APA (7th) forms, BibTeX and RIS."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateformat import format as date_format

if TYPE_CHECKING:
    from datetime import date

    from content.core.models import Person

    from .models import PaperPage


def _join_names(names: list[str], final: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f"{final}{names[-1]}"


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


@dataclass(frozen=True)
class Citation:
    authors: list[Person]
    title: str
    subtitle: str
    publisher: str
    series: str
    released: date
    url: str
    key: str
    abstract: str

    @classmethod
    def for_paper(cls, paper: PaperPage, request: HttpRequest | None = None) -> Citation:
        series = paper.series
        return cls(
            authors=[author.person for author in paper.ordered_authors],
            title=paper.title,
            subtitle=paper.subtitle,
            publisher=_join_names([org.name for org in paper.partner_list], " and "),
            series=series.title if series else "",
            released=paper.release_date,
            url=paper.get_full_url(request),
            key=f"{paper.ordered_authors[0].person.family_name.lower() if paper.ordered_authors else 'paper'}"
            f"{paper.release_date.year}{paper.slug.split('-')[0]}",
            abstract=paper.summary,
        )

    @property
    def full_title(self) -> str:
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title

    def harvard(self, accessed: date | None = None) -> str:
        """Cite Them Right Harvard: Family, I. and Family, I. (Year) Title. Publisher. Available at: URL."""
        accessed = accessed or timezone.localdate()
        names = _join_names([f"{p.family_name}, {p.initials}" for p in self.authors], " and ")
        parts = [f"{names} ({self.released.year}) {self.full_title}."]
        if self.series:
            parts.append(f"({self.series}).")
        if self.publisher:
            parts.append(f"{self.publisher}.")
        parts.append(f"Available at: {self.url} (Accessed: {date_format(accessed, 'j F Y')}).")
        return " ".join(parts)

    def apa(self) -> str:
        """APA 7th edition: Family, I., & Family, I. (Year). Title. Publisher. URL"""
        names = [f"{p.family_name}, {p.initials}" for p in self.authors]
        author_text = ", ".join(names[:-1]) + f", & {names[-1]}" if len(names) > 1 else "".join(names)
        parts = [f"{author_text} ({self.released.year}, {date_format(self.released, 'F j')}). {self.full_title}."]
        if self.series:
            parts[-1] = parts[-1][:-1] + f" ({self.series})."
        if self.publisher:
            parts.append(f"{self.publisher}.")
        parts.append(self.url)
        return " ".join(parts)

    def bibtex(self) -> str:
        fields = [
            ("author", " and ".join(f"{p.family_name}, {p.given_names}" for p in self.authors)),
            ("title", self.full_title),
            ("institution", self.publisher),
            ("series", self.series),
            ("year", str(self.released.year)),
            ("url", self.url),
        ]
        body = ",\n".join(
            f"  {name} = {{{_bibtex_escape(value) if name != 'url' else value}}}" for name, value in fields if value
        )
        month = self.released.strftime("%b").lower()  # a BibTeX month macro, unbraced
        return f"@techreport{{{self.key},\n{body},\n  month = {month}\n}}\n"

    def highwire(self, pdf_url: str = "") -> list[tuple[str, str]]:
        """Highwire Press ``citation_*`` meta tags (what Google Scholar reads), from the same fields as RIS.

        Authors in order as "Family, Given"; the date as Highwire's YYYY/MM/DD; a report's institution too.
        """
        tags = [("citation_title", self.full_title)]
        tags += [("citation_author", f"{p.family_name}, {p.given_names}") for p in self.authors]
        tags.append(("citation_publication_date", self.released.strftime("%Y/%m/%d")))
        if self.publisher:
            tags += [("citation_publisher", self.publisher), ("citation_technical_report_institution", self.publisher)]
        if self.series:
            tags.append(("citation_series_title", self.series))
        tags += [("citation_public_url", self.url), ("citation_language", "en-GB")]
        if pdf_url:
            tags.append(("citation_pdf_url", pdf_url))
        if self.abstract:
            tags.append(("citation_abstract", self.abstract))
        return tags

    def ris(self) -> str:
        lines = ["TY  - RPRT"]
        lines += [f"AU  - {p.family_name}, {p.given_names}" for p in self.authors]
        lines += [f"TI  - {self.full_title}"]
        if self.series:
            lines.append(f"T2  - {self.series}")
        lines += [f"PY  - {self.released.year}", f"DA  - {self.released.strftime('%Y/%m/%d')}"]
        if self.publisher:
            lines.append(f"PB  - {self.publisher}")
        lines += [f"UR  - {self.url}", f"AB  - {self.abstract}", "LA  - en-GB", "ER  - "]
        return "\r\n".join(lines) + "\r\n"
