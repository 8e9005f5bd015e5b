"""Member-only case studies: a public teaser, the full account for the audience's tier.

Access has one source of truth, the page's ``audience`` (a field, so every change is in the page's
revisions): publishing writes it into Wagtail's own PageViewRestriction (groups) on the page, which
Wagtail, listings, search and documents then read. The admin's Privacy dialog is closed for case
studies; editors still restrict whole sections above them. See docs/privacy.md.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PagePermissionTester, PageViewRestriction
from wagtail.search import index

from content.core import request_memo, worker_memo
from content.core.blocks import PARAGRAPH_FEATURES, KeyStatisticBlock
from content.core.cache_headers import private_response
from content.core.groups import EDITORIAL_GROUPS
from content.core.models import BasePage
from content.core.privacy import readable_by
from content.core.searchable import SearchDocument, plain
from members.models import AccessRequest
from members.tiers import LOCAL_GOVERNMENT_MEMBERS, MEMBERS, tier_group


class Audience(models.TextChoices):
    MEMBERS = "members", "Members"
    LOCAL_GOVERNMENT = "local_government", "Local government members only"


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=150)
    role = blocks.CharBlock(max_length=150, required=False)
    email = blocks.EmailBlock(required=False)

    class Meta:
        icon = "user"
        template = "components/streamfield/contact_block.html"
        description = "Someone members can contact about this case study"

    def get_searchable_content(self, value):
        """The name and role, never the address: members find a contact by who they are, and an address is private."""
        return [text for text in (value.get("name"), value.get("role")) if text]


# What a listing needs of a case study: its teaser. The member-only text is never read for a list, so a list
# kept by the worker (``worker_memo``) holds none of it.
MEMBER_ONLY_FIELDS = ("challenge", "what_we_did", "outcomes", "figures", "lessons", "contacts")


def _section_restrictions() -> list[PageViewRestriction]:
    """This request's view restrictions other than a case study's own (its tier): a section an editor
    restricted, under which not even the teasers are listed."""
    case_study_type = ContentType.objects.get_for_model(CaseStudyPage).pk
    return [r for r in request_memo.restrictions() if r.page.content_type_id != case_study_type]


def listable_case_studies():
    """Live case studies whose teaser anyone may see: none under a section an editor restricted."""
    queryset = CaseStudyPage.objects.live()
    for restriction in _section_restrictions():  # read once per request
        queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


def listable(studies: list[CaseStudyPage]) -> list[CaseStudyPage]:
    """As ``listable_case_studies`` for live case studies in hand (a list the worker kept), by this request's
    own read of the restrictions."""
    sections = [restriction.page.path for restriction in _section_restrictions()]
    return [study for study in studies if not study.path.startswith(tuple(sections))]


class CaseStudyIndexPage(BasePage):
    announced_on_publish = False
    saveable = False
    reads_counted = False

    parent_page_types = ["home.HomePage"]
    subpage_types = ["case_studies.CaseStudyPage"]
    max_count = 1
    template = "pages/case_study_index_page.html"

    intro = models.TextField(blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        # Listed with teaser fields only; a lock marks those this reader cannot open. The live case studies
        # are the same for every reader: kept by the worker until the content changes, and filtered by this
        # request's restrictions (a section's, then each study's own tier for the lock).
        studies = listable(worker_memo.kept("case_studies.listing", self.pk, self._read_studies))
        readable = readable_by(studies, request)
        context["case_studies"] = [(study, readable[study.pk]) for study in studies]
        return context

    def _read_studies(self) -> list[CaseStudyPage]:
        return list(
            CaseStudyPage.objects.live()
            .child_of(self)
            .defer(*MEMBER_ONLY_FIELDS)
            .select_related("local_authority")
            .prefetch_related("topics")
            .order_by("-published_date", "title")
        )

    def search_document(self) -> None:
        """Not in search: a listing of case studies, each found on its own."""
        return None


class CaseStudyPermissionTester(PagePermissionTester):
    """Wagtail's rules for a case study, except that nobody sets its privacy in the admin: its audience does."""

    def can_set_view_restrictions(self) -> bool:
        return False


class CaseStudyPage(BasePage):
    announced_on_publish = True
    saveable = True
    reads_counted = True

    parent_page_types = ["case_studies.CaseStudyIndexPage"]
    subpage_types: list[str] = []
    template = "pages/case_study_page.html"
    teaser_template = "pages/case_study_teaser.html"
    json_ld_type = "Article"
    # The audience field decides who reads a case study; Wagtail's Privacy dialog says it is disabled here
    # (and ``permissions_for_user`` refuses it, a direct POST included).
    private_page_options: list[str] = []

    # Teaser fields: public, shown to everyone.
    local_authority = models.ForeignKey(
        "members.LocalAuthority", null=True, blank=True, on_delete=models.SET_NULL, related_name="case_studies"
    )
    summary = models.TextField(help_text="Public teaser: shown to everyone, in lists and in search.")
    topics = ParentalManyToManyField("topics.Topic", blank=True, related_name="case_studies")
    published_date = models.DateField()
    audience = models.CharField(
        max_length=30,
        choices=Audience.choices,
        default=Audience.MEMBERS,
        help_text=(
            "Who may read the full case study, from when it is published. Everyone else sees the title, "
            "authority, summary and topics."
        ),
    )
    # Member-only fields.
    challenge = RichTextField(features=PARAGRAPH_FEATURES)
    what_we_did = RichTextField("What we did", features=PARAGRAPH_FEATURES)
    outcomes = RichTextField("Outcomes and evidence", features=PARAGRAPH_FEATURES)
    figures = StreamField([("figure", KeyStatisticBlock())], blank=True)
    lessons = RichTextField(features=PARAGRAPH_FEATURES)
    contacts = StreamField([("contact", ContactBlock())], blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("local_authority"),
                FieldPanel("summary"),
                FieldPanel("published_date"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Teaser (public)",
        ),
        FieldPanel("challenge"),
        FieldPanel("what_we_did"),
        FieldPanel("outcomes"),
        FieldPanel("figures"),
        FieldPanel("lessons"),
        FieldPanel("contacts"),
        InlinePanel("attachments", label="Attachment", heading="Attachments"),
    ]
    # Wagtail's own index (the admin's page search) holds teaser fields only; the site search keeps
    # member-only text in entries at the page's access level (search/entries.py, docs/search.md).
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.RelatedFields("local_authority", [index.SearchField("official_name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("published_date"),
    ]

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    @property
    def audience_group_names(self) -> list[str]:
        tier = MEMBERS if self.audience == Audience.MEMBERS else LOCAL_GOVERNMENT_MEMBERS  # unknown: the stricter
        return [tier, *EDITORIAL_GROUPS]

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # Wagtail writes a page's own columns only when the page is created, published (now, or by the
        # worker at its go-live time), unpublished, copied or moved: the row holds what is live. Saving a
        # draft (save_revision) writes bookkeeping columns only (update_fields) and keeps the content in
        # the revision, so the live page's access changes when, and only when, the audience is published.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "audience" in update_fields:
            self.sync_view_restriction()
        return result

    def permissions_for_user(self, user) -> CaseStudyPermissionTester:
        return CaseStudyPermissionTester(user, self)

    def teaser_is_public(self) -> bool:
        """The teaser is for everyone only when the page's own audience is its only restriction."""
        return not PageViewRestriction.objects.filter(page__in=self.get_ancestors()).exists()

    def sync_view_restriction(self) -> None:
        """Make the page's own restrictions exactly one: its audience's tier, plus Editors and Moderators.

        Restrictions on sections above the page are editors' own and stay. Any other restriction on the
        page itself (one Wagtail's copy carried over, or one set before the Privacy dialog was closed) goes.
        """
        groups = [tier_group(self.audience_group_names[0]), *Group.objects.filter(name__in=EDITORIAL_GROUPS)]
        own = PageViewRestriction.objects.filter(page=self)
        restriction = own.filter(restriction_type=PageViewRestriction.GROUPS).order_by("pk").first()
        if restriction is None:
            restriction = PageViewRestriction.objects.create(page=self, restriction_type=PageViewRestriction.GROUPS)
        if {group.pk for group in restriction.groups.all()} != {group.pk for group in groups}:
            restriction.groups.set(groups)
        for other in own.exclude(pk=restriction.pk):
            other.delete()

    def get_attachments(self):
        return self.attachments.select_related("document").order_by("sort_order")

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return private_response(super().serve(request, *args, **kwargs))

    def serve_teaser(self, request: HttpRequest) -> HttpResponse:
        """What a reader without access sees: the teaser, why, and the way in."""
        pending = None
        if request.user.is_authenticated:
            pending = AccessRequest.objects.filter(user=request.user, status=AccessRequest.Status.PENDING).first()
        response = TemplateResponse(
            request,
            self.teaser_template,
            {
                "page": self,
                "self": self,
                "request": request,
                "needs_local_government": self.audience == Audience.LOCAL_GOVERNMENT,
                "pending_request": pending,
            },
        )
        return private_response(response)

    def get_json_ld(self, request: HttpRequest) -> dict[str, Any]:
        # Teaser fields only, whoever is reading: structured data is cached and shared by crawlers.
        data = super().get_json_ld(request) | {
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.published_date.isoformat(),
            "isAccessibleForFree": False,
        }
        if self.local_authority:
            data["spatialCoverage"] = self.local_authority.official_name
        return data

    def search_document(self) -> SearchDocument:
        """The teaser (anyone may find it, when it is public) is the summary, council and topics; members
        find the whole account, with contacts' names and roles only (their addresses are private)."""
        authority = self.local_authority.official_name if self.local_authority else ""
        topics = list(self.topics.all())
        teaser = plain([self.summary, authority, " ".join(t.name for t in topics)])
        member_text = plain(
            [
                self.challenge,
                self.what_we_did,
                self.outcomes,
                self.figures,
                self.lessons,
                self.contacts,
                [a.display_title for a in self.attachments.select_related("document")],
            ]
        )
        return SearchDocument(
            kind="case_study",
            kind_label="Case study",
            summary=self.summary,
            teaser_text=teaser,
            full_text=f"{teaser}\n{member_text}",
            date=self.published_date,
            local_authority=authority,
            topics=topics,
            public_teaser=self.teaser_is_public(),
        )


class CaseStudyAttachment(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200, blank=True, help_text="Defaults to the document's title.")

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
