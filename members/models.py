"""Members: profile, consents with their wording version, tiers' allowlist and access requests."""

from __future__ import annotations

from publicsuffixlist import PublicSuffixList

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import DomainNameValidator
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Replace
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class OrganisationType(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    OTHER_PUBLIC = "other_public", "Other public sector"
    VOLUNTARY = "voluntary_community", "Voluntary or community organisation"
    ACADEMIC = "academic", "Academic or research"
    BUSINESS = "business", "Business"
    RESIDENT = "resident", "Individual resident"
    OTHER = "other", "Other"


# Words before the place in an official name: "London Borough of Barnet" is listed under B, as GOV.UK lists
# councils. Sorting on the register's short name did not match what the list shows: "City of Bristol" put
# "Bristol City Council" after "Chorley Borough Council".
SORT_PREFIXES = ("London Borough of ", "Royal Borough of ", "Borough Council of ", "Council of the ", "City of ")


def _sort_name():
    name = F("official_name")
    for prefix in SORT_PREFIXES:
        name = Replace(name, Value(prefix), Value(""))
    return name


class LocalAuthority(index.Indexed, models.Model):
    """An English local authority, from the list shipped in members/data/."""

    gss_code = models.CharField("GSS code", max_length=9, unique=True)
    official_name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=120)
    kind = models.CharField(max_length=40)
    region = models.CharField(max_length=60)

    search_fields = [index.SearchField("official_name"), index.AutocompleteField("short_name")]

    class Meta:
        ordering = [_sort_name().asc(), "official_name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return self.official_name


class MemberProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile")
    full_name = models.CharField(max_length=150)
    organisation_type = models.CharField(max_length=40, choices=OrganisationType.choices)
    organisation_name = models.CharField(max_length=200, blank=True)
    local_authority = models.ForeignKey(
        LocalAuthority, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    job_role = models.CharField(max_length=150, blank=True)
    topics = models.ManyToManyField("topics.Topic", blank=True, related_name="interested_members")
    release_alerts = models.BooleanField(
        "Email me when a new paper is released",
        default=False,
        help_text="Notification settings; you can change this at any time.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def email(self) -> str:
        return self.user.email

    @property
    def organisation(self) -> str:
        if self.organisation_type == OrganisationType.LOCAL_AUTHORITY and self.local_authority:
            return self.local_authority.official_name
        return self.organisation_name

    def tier_names(self) -> list[str]:
        return [group.name for group in self.user.groups.all()]


class Consent(models.Model):
    """One consent as given: what it was for, the wording version shown, when, and any withdrawal."""

    class Kind(models.TextChoices):
        PRIVACY_NOTICE = "privacy_notice", "Accepted the privacy notice"
        NEWSLETTER = "newsletter", "Newsletter by email"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    wording_version = models.CharField(max_length=20)
    wording = models.TextField()
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.wording_version})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


PUBLIC_SUFFIXES = PublicSuffixList()  # the Public Suffix List as shipped in the package: no download


class LocalGovernmentDomain(models.Model):
    """An email domain whose verified addresses join the local government tier (subdomains too).

    Only an authority's own domain: never a public suffix such as gov.uk, which any central-government
    address (someone@hmrc.gov.uk) would match. Anyone else asks through the access-request queue.
    """

    domain = models.CharField(
        max_length=253,
        unique=True,
        validators=[DomainNameValidator(accept_idna=False)],
        help_text="A local authority's own email domain, such as stoke.gov.uk (covers its subdomains too). "
        "Never a shared suffix such as gov.uk: other people ask for access and an editor decides.",
    )
    note = models.CharField(max_length=200, blank=True)

    panels = [FieldPanel("domain"), FieldPanel("note")]

    class Meta:
        ordering = ["domain"]
        verbose_name = "local government email domain"

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.normalise(self.domain)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.domain = self.normalise(self.domain)
        if self.domain and (PUBLIC_SUFFIXES.is_public(self.domain) or "." not in self.domain):
            raise ValidationError(
                {
                    "domain": f"{self.domain} is shared by many organisations (a public suffix). "
                    "Enter one local authority's own domain, such as stoke.gov.uk."
                }
            )

    @staticmethod
    def normalise(domain: str) -> str:
        return domain.strip().lower().lstrip("@.").rstrip(".")


class AccessRequest(models.Model):
    """A member's request to join the local government tier, decided by an editor."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_requests")
    reason = models.TextField(help_text="Your role and the local authority you work with or for.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(blank=True, help_text="Sent to the member with the decision.")

    panels = [FieldPanel("status"), FieldPanel("decision_note")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "local government access request"

    def __str__(self) -> str:
        return f"{self.user.email} ({self.get_status_display()})"


class SavedPage(models.Model):
    """A page on a member's reading list."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-saved_at"]
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="save_page_once")]

    def __str__(self) -> str:
        return f"{self.user} saved {self.page}"


class OpenedPage(models.Model):
    """When a signed-in member first opened a paper: for "papers you have not opened yet"."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="opened_pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    first_opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="open_page_once")]

    def __str__(self) -> str:
        return f"{self.user} opened {self.page}"
