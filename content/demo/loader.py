"""Build the demo site from its content files (content/demo/content/, read by files.py).

Idempotent: what exists already is left as it is.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from content.blog.models import BlogAuthor, BlogIndexPage, BlogPage, BlogRelatedPaper
from content.case_studies.models import CaseStudyAttachment, CaseStudyIndexPage, CaseStudyPage
from content.core.models import Organisation, Person, SiteSettings
from content.glossary.models import DefinitionPage, GlossaryIndexPage
from content.home.models import HomeFeaturedDefinition, HomePage
from content.papers.models import PaperAuthor, PaperPage, PaperSeriesPage, PapersIndexPage
from content.standard_pages.models import StandardPage
from content.topics.models import Topic, TopicIndexPage
from members.models import LocalAuthority, LocalGovernmentDomain
from search.models import SearchSynonym

from .files import DemoContent, PageFile, load
from .pdf import build_report_pdf
from .synonyms import SEARCH_SYNONYMS

logger = logging.getLogger(__name__)

TERM_MARKER = re.compile(r"\[\[term:(?P<slug>[a-z0-9-]+)\|(?P<text>[^\]]+)\]\]")
NUMERIC = re.compile(r"^[£$]?-?[\d,.]+(%|m|bn|k)?$")
ANNOUNCED_DAYS_AHEAD = 75
# The page types the content files name, as files.PAGES knows them.
PAGE_MODELS: dict[str, type[Page]] = {
    model.__name__: model
    for model in (
        HomePage,
        StandardPage,
        PapersIndexPage,
        PaperSeriesPage,
        PaperPage,
        BlogIndexPage,
        BlogPage,
        GlossaryIndexPage,
        DefinitionPage,
        TopicIndexPage,
        CaseStudyIndexPage,
        CaseStudyPage,
    )
}


def report_title(item: Mapping[str, Any]) -> str:
    return f"{item['title']} (full report)"


def case_study_title(item: Mapping[str, Any]) -> str:
    return f"{item['title']} (case study summary)"


class DemoLoader:
    def __init__(self, log: Callable[[str], None] = lambda message: None, content: DemoContent | None = None) -> None:
        self.log = log
        self.content = content or load()
        self.created: list[str] = []
        self.definitions: dict[str, DefinitionPage] = {}

    # Helpers -----------------------------------------------------------------

    def _publish(self, page: Page) -> None:
        page.save_revision(log_action=False).publish(log_action=False)

    def _child(self, parent: Page, model: type[Page], slug: str, **fields: Any) -> tuple[Page, bool]:
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing, False
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        self.created.append(f"{model._meta.verbose_name}: {page.title}")
        return page, True

    def _rich(self, html: str) -> str:
        """Turn [[term:slug|text]] markers into rich-text page links to the definitions."""

        def replace(match: re.Match) -> str:
            definition = self.definitions.get(match["slug"])
            if definition is None:
                return match["text"]
            return f'<a linktype="page" id="{definition.pk}">{match["text"]}</a>'

        return TERM_MARKER.sub(replace, html)

    def _stream(self, blocks: list) -> list[dict[str, Any]]:
        stream = []
        for kind, value in blocks:
            if kind == "paragraph":
                stream.append({"type": "paragraph", "value": self._rich(value)})
            elif kind == "table":
                columns = list(zip(*value["rows"], strict=False)) if value["rows"] else []
                types = [
                    "text" if i == 0 or not all(NUMERIC.match(str(c).strip()) for c in col) else "numeric"
                    for i, col in enumerate(columns)
                ]
                stream.append(
                    {
                        "type": "table",
                        "value": {
                            "caption": value["caption"],
                            "columns": [
                                {"type": types[i] if i < len(types) else "text", "heading": heading}
                                for i, heading in enumerate(value["columns"])
                            ],
                            "rows": [{"values": [str(cell) for cell in row]} for row in value["rows"]],
                        },
                    }
                )
            elif kind == "chart":
                stream.append(
                    {
                        "type": "chart",
                        "value": {
                            "title": value["title"],
                            "unit": value.get("unit", ""),
                            "bars": [{"label": label, "value": float(number)} for label, number in value["bars"]],
                            "alt_text": value["alt"],
                            "caption": value.get("caption", ""),
                        },
                    }
                )
            elif kind == "references":
                stream.append({"type": "references", "value": {"heading": "References", "references": value}})
            else:
                stream.append({"type": kind, "value": value})
        return stream

    # Steps -------------------------------------------------------------------

    def home(self) -> HomePage:
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            item = self.content.home
            home = HomePage(
                title=item["title"],
                slug=item["slug"],
                hero_heading=item["hero_heading"],
                hero_text=item["hero_text"],
                purpose=item["purpose"],
                signup_heading=item["signup_heading"],
                signup_text=item["signup_text"],
            )
            old_homes = list(root.get_children())
            for old in old_homes:
                if old.slug == "home":
                    old.slug = f"home-{old.pk}"
                    old.save()
            root.add_child(instance=home)
            self._publish(home)
            site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
            # The site's address is BASE_URL's, so links in emails, citations and calendars work.
            base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            default_port = 443 if base.scheme == "https" else 80
            site.hostname, site.port = base.hostname or "localhost", base.port or default_port
            site.root_page, site.site_name = home, self.content.site["name"]
            site.save()
            for old in old_homes:
                if not old.specific_class or old.specific_class is Page:
                    old.delete()
            self.created.append("home page")
        return home

    def site_settings(self, home: HomePage) -> None:
        site = Site.objects.get(root_page=home)
        values, created = SiteSettings.objects.get_or_create(site=site)
        if created:
            item = self.content.site
            values.organisation_name = item["name"]
            values.strapline = item["strapline"]
            values.footer_text = item["footer_text"]
            values.contact_email = item["contact_email"]
            values.sample_content_notice = item.get("sample_content_notice", False)
            values.save()

    def site_pages(self, home: HomePage) -> None:
        """The pages the templates link by choice rather than by address (privacy notice, contact page)."""
        values = SiteSettings.objects.get(site__root_page=home)
        for field, slug in self.content.site.get("pages", {}).items():
            if getattr(values, f"{field}_id") is None:  # an editor's choice stays
                setattr(values, field, home.get_children().filter(slug=slug).first())
        values.save()

    def taxonomy(self) -> None:
        for item in self.content.topics:
            _, created = Topic.objects.get_or_create(
                slug=item["slug"], defaults={"name": item["name"], "description": item["description"]}
            )
            if created:
                self.created.append(f"topic: {item['name']}")
        for item in self.content.organisations:
            Organisation.objects.get_or_create(
                slug=item["slug"],
                defaults={
                    "name": item["name"],
                    "url": item.get("url", ""),
                    "description": item.get("description", ""),
                },
            )
        for item in self.content.people:
            given, _, family = item["name"].rpartition(" ")
            Person.objects.get_or_create(
                slug=item["slug"],
                defaults={
                    "given_names": given or family,
                    "family_name": family,
                    "job_title": item.get("job_title", ""),
                    "organisation": Organisation.objects.filter(slug=item.get("organisation")).first(),
                    "bio": item.get("bio", ""),
                },
            )

    def search_synonyms(self) -> None:
        for item in SEARCH_SYNONYMS:
            _, created = SearchSynonym.objects.get_or_create(words=item["words"], defaults={"note": item["note"]})
            if created:
                self.created.append(f"search synonyms: {item['words']}")

    def glossary(self, home: HomePage) -> None:
        section = self.content.section("GlossaryIndexPage")
        index = GlossaryIndexPage.objects.child_of(home).get(slug=section["slug"])
        new_terms = []
        for item in section.children:
            page, created = self._child(
                index,
                DefinitionPage,
                item["slug"],
                title=item["term"],
                short_definition=item["short_definition"],
                also_known_as=", ".join(item.get("also_known_as", [])),
            )
            self.definitions[item["slug"]] = page
            if created:
                new_terms.append((page, item))
        # Second pass, once every term has an id, so explanations can link each other.
        for page, item in new_terms:
            page.explanation = self._rich(item["explanation"])
            page.sources = [{"type": "source", "value": source} for source in item.get("sources", [])]
            page.related_terms.set(
                [self.definitions[slug] for slug in item.get("related", []) if slug in self.definitions]
            )
            page.topics.set(Topic.objects.filter(slug__in=item.get("topics", [])))
            self._publish(page)

    def papers(self, home: HomePage) -> None:
        section = self.content.section("PapersIndexPage")
        index = PapersIndexPage.objects.child_of(home).get(slug=section["slug"])
        for series_file in section.children:
            self._series(index, series_file)

    def _series(self, index: PapersIndexPage, series_file: PageFile) -> None:
        series, created = self._child(
            index,
            PaperSeriesPage,
            series_file["slug"],
            title=series_file["title"],
            intro=series_file["intro"],
            description=series_file["description"],
        )
        if created:
            self._publish(series)
        for item in series_file.children:
            if item.get("announced", False) or not item.get("release_date"):
                release_date = timezone.localdate() + datetime.timedelta(days=ANNOUNCED_DAYS_AHEAD)
            else:
                release_date = item["release_date"]
            page, created = self._child(
                series,
                PaperPage,
                item["slug"],
                title=item["title"],
                subtitle=item.get("subtitle", ""),
                summary=item["summary"],
                release_date=release_date,
            )
            if not created:
                continue
            authors = item.get("authors", [])
            people = {person.slug: person for person in Person.objects.filter(slug__in=[a["person"] for a in authors])}
            page.authors = [
                PaperAuthor(person=people[author["person"]], role=author["role"], sort_order=i)
                for i, author in enumerate(authors)
            ]
            page.partners.set(Organisation.objects.filter(slug__in=item.get("partners", [])))
            page.topics.set(Topic.objects.filter(slug__in=item.get("topics", [])))
            if not item.get("announced", False):
                page.key_findings = [
                    {"type": "finding", "value": f"<p>{finding}</p>"} for finding in item.get("key_findings", [])
                ]
                page.body = self._stream(item.get("body", []))
                page.report = self._report(item, series.title, release_date)
            self._publish(page)

    def _document(self, title: str, filename: str, build_pdf: Callable[[], bytes]):
        """The document with this title, creating it from a freshly built PDF only if it is missing.

        Its file size and SHA-1 are set as Wagtail's upload views set them (``_set_document_file_metadata``):
        saved without them, ``file_hash`` stayed empty, so anything that compares files by their hash (an
        integrity check, search's record of which file it read in search/documents.py) had nothing to
        compare. A demo loaded before this gets them on the next load (``document_metadata``).
        """
        document_model = get_document_model()
        document = document_model.objects.filter(title=title).first()
        if document is None:
            document = document_model(title=title, file=ContentFile(build_pdf(), name=filename))
            document._set_document_file_metadata()
            document.save()
            self.created.append(f"document: {title}")
        return document

    def document_metadata(self) -> None:
        """A demo loaded before the loader set each document's size and hash gets them now, from its file."""
        papers = [paper for series in self.content.section("PapersIndexPage").children for paper in series.children]
        case_studies = self.content.section("CaseStudyIndexPage").children
        titles = [report_title(item) for item in papers] + [case_study_title(item) for item in case_studies]
        titles += [title.replace("\u2019", "'") for title in titles]  # as titled before the curly apostrophes
        stale = get_document_model().objects.filter(Q(file_hash="") | Q(file_size=None), title__in=titles)
        for document in stale:
            try:
                document._set_document_file_metadata()
            except FileNotFoundError:
                logger.warning("Demo document %r has no file: its size and hash stay empty", document.title)
                continue
            finally:
                document.file.close()
            document.save(update_fields=["file_size", "file_hash"])
            self.created.append(f"document: {document.title} (its file size and hash)")

    def _report(self, item: PageFile, series_title: str, release_date: datetime.date):
        def build() -> bytes:
            people = {p.slug: p.name for p in Person.objects.all()}
            organisations = {o.slug: o.name for o in Organisation.objects.all()}
            return build_report_pdf(
                title=item["title"],
                subtitle=item.get("subtitle", ""),
                series=series_title,
                authors=[people[author["person"]] for author in item.get("authors", [])],
                partners=[organisations[slug] for slug in item.get("partners", [])],
                release_date=release_date.strftime("%-d %B %Y"),
                summary=item["summary"],
                key_findings=item.get("key_findings", []),
                sections=[(section["heading"], section["text"]) for section in item.get("report_sections", [])],
            )

        return self._document(report_title(item), f"{item['slug']}.pdf", build)

    def blog(self, home: HomePage) -> None:
        section = self.content.section("BlogIndexPage")
        index = BlogIndexPage.objects.child_of(home).get(slug=section["slug"])
        papers = {paper.slug: paper for paper in PaperPage.objects.all()}
        for item in section.children:
            page, created = self._child(
                index,
                BlogPage,
                item["slug"],
                title=item["title"],
                date=item["date"],
                intro=item["intro"],
                body=self._stream(item["body"]),
            )
            if not created:
                continue
            people = {person.slug: person for person in Person.objects.filter(slug__in=item["authors"])}
            page.blog_authors = [
                BlogAuthor(person=people[slug], sort_order=i) for i, slug in enumerate(item["authors"])
            ]
            page.related_papers = [
                BlogRelatedPaper(paper=papers[slug], sort_order=i)
                for i, slug in enumerate(item.get("related_papers", []))
                if slug in papers
            ]
            page.topics.set(Topic.objects.filter(slug__in=item.get("topics", [])))
            self._publish(page)

    def standard_pages(self, home: HomePage) -> None:
        for item in self.content.home.of_type("StandardPage"):
            page, created = self._child(
                home,
                StandardPage,
                item["slug"],
                title=item["title"],
                intro=item.get("intro", ""),
                show_in_menus=item.get("show_in_menus", False),
                body=self._stream(item.get("body", [])),
            )
            if created:
                self._publish(page)

    def featured(self, home: HomePage) -> None:
        changed = False
        if not home.featured_definitions.exists():
            home.featured_definitions = [
                HomeFeaturedDefinition(definition=self.definitions[slug], sort_order=i)
                for i, slug in enumerate(self.content.home.get("featured_definitions", []))
                if slug in self.definitions
            ]
            changed = True
        if home.signup_page_id is None and "signup_page" in self.content.home:
            home.signup_page = StandardPage.objects.filter(slug=self.content.home["signup_page"]).first()
            changed = True
        if changed:
            self._publish(home)

    def case_studies(self, home: HomePage) -> None:
        section = self.content.section("CaseStudyIndexPage")
        index = CaseStudyIndexPage.objects.child_of(home).get(slug=section["slug"])
        for item in section.children:
            page, created = self._child(
                index,
                CaseStudyPage,
                item["slug"],
                title=item["title"],
                summary=item["summary"],
                audience=item["audience"],
                published_date=item["published"],
                local_authority=LocalAuthority.objects.filter(gss_code=item["local_authority_gss"]).first(),
                challenge=self._rich(item["challenge"]),
                what_we_did=self._rich(item["what_we_did"]),
                outcomes=self._rich(item["outcomes"]),
                lessons=self._rich(item["lessons"]),
                figures=[
                    {"type": "figure", "value": {"figure": figure["figure"], "label": figure["label"], "source": ""}}
                    for figure in item.get("figures", [])
                ],
                contacts=[{"type": "contact", "value": contact} for contact in item.get("contacts", [])],
            )
            if not created:
                continue
            page.topics.set(Topic.objects.filter(slug__in=item.get("topics", [])))
            page.attachments = [CaseStudyAttachment(document=self._case_study_pdf(item), sort_order=0)]
            self._publish(page)

    def _case_study_pdf(self, item: PageFile):
        def text(html: str) -> str:
            return re.sub(r"<[^>]+>", " ", TERM_MARKER.sub(r"\g<text>", html))

        def build() -> bytes:
            return build_report_pdf(
                title=item["title"],
                subtitle="Case study for members of the network",
                series="Case studies",
                authors=[contact["name"] for contact in item.get("contacts", [])],
                partners=[],
                release_date=item["published"].isoformat(),
                summary=item["summary"],
                key_findings=[f"{figure['figure']}: {figure['label']}" for figure in item.get("figures", [])],
                sections=[
                    ("The challenge", text(item["challenge"])),
                    ("What we did", text(item["what_we_did"])),
                    ("Outcomes", text(item["outcomes"])),
                ],
            )

        return self._document(case_study_title(item), f"case-study-{item['slug']}.pdf", build)

    def indexes(self, home: HomePage) -> None:
        """The section pages (every child of the home page but the standard pages), in their folder's order."""
        for item in self.content.home.children:
            if item.type == "StandardPage":
                continue  # after the definitions their bodies link (standard_pages)
            page, created = self._child(
                home,
                PAGE_MODELS[item.type],
                item["slug"],
                title=item["title"],
                show_in_menus=item.get("show_in_menus", False),
                intro=item["intro"],
            )
            if created:
                self._publish(page)

    def council_domains(self) -> None:
        """The councils whose case studies the demo shows: their officers' verified addresses join the
        local government tier."""
        for domain, council in self.content.councils.items():
            LocalGovernmentDomain.objects.get_or_create(domain=domain, defaults={"note": f"{council} (demo)"})

    @transaction.atomic
    def run(self) -> list[str]:
        self.council_domains()
        home = self.home()
        self.site_settings(home)
        self.taxonomy()
        self.search_synonyms()
        self.indexes(home)
        self.glossary(home)  # before papers and posts, which link its terms
        self.papers(home)
        self.blog(home)
        self.case_studies(home)
        self.standard_pages(home)
        self.site_pages(home)
        self.featured(home)
        self.document_metadata()
        return self.created
