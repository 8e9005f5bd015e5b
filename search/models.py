"""The search index's source of truth: one or two entries per live page, each at one access level."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from .query import STOP_WORDS


class SearchEntry(models.Model):
    """What search may match and show for a page, for one kind of reader.

    The database engine's full-text index of these rows is kept by the database itself (search/engines/
    database.py: an FTS5 table filled by triggers on SQLite, a weighted generated ``tsvector`` column with a
    GIN index on PostgreSQL), so an entry is searchable the moment its transaction commits.

    A public page has one FULL entry. A restricted page has a FULL entry (all its text) at its
    access level and a TEASER entry (title and public summary only) for everyone who cannot
    read that level. ``visible_to`` picks exactly one entry per page for any reader.
    """

    class Variant(models.TextChoices):
        FULL = "full", "Full text"
        TEASER = "teaser", "Teaser only"

    # Null only for synthetic entries (search_benchmark); every real entry belongs to a live page.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="search_entries"
    )
    variant = models.CharField(max_length=10, choices=Variant.choices)
    access = models.CharField(max_length=20, db_index=True)
    kind = models.CharField(max_length=30, db_index=True)
    kind_label = models.CharField(max_length=40)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True)
    keywords = models.TextField(blank=True, help_text="Other names and abbreviations, e.g. of a glossary term.")
    url_path = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    series = models.CharField(max_length=255, blank=True, db_index=True)
    local_authority = models.CharField(max_length=200, blank=True, db_index=True)
    topics = models.ManyToManyField("topics.Topic", blank=True, related_name="search_entries")
    short_definition = models.TextField(blank=True)
    cluster_synced = models.BooleanField(default=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "variant"], name="one_entry_per_page_variant")]
        verbose_name_plural = "search entries"

    def __str__(self) -> str:
        return f"{self.title} ({self.variant}, {self.access})"

    @classmethod
    def visible_to(cls, levels: frozenset[str]) -> Q:
        """Exactly one entry per page for a reader who may read ``levels``."""
        return Q(variant=cls.Variant.FULL, access__in=levels) | (Q(variant=cls.Variant.TEASER) & ~Q(access__in=levels))


class ClusterDeletion(models.Model):
    """An entry removed from the site that the search cluster has not yet been told about."""

    entry_id = models.BigIntegerField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"delete entry {self.entry_id}"


class SearchWord(models.Model):
    """A word of the indexed text, for spelling corrections (search/spelling.py).

    Words are added as entries are written and recounted by ``search_index rebuild`` and daily; a word
    is only ever offered to a reader after a search shows it matches something that reader may see.
    """

    word = models.CharField(max_length=64, unique=True)
    documents = models.PositiveIntegerField(default=1, help_text="Entries holding the word, at the last count.")

    def __str__(self) -> str:
        return self.word


class SearchSynonym(models.Model):
    """Words or phrases readers use for the same thing, kept by editors (as GOV.UK keeps its search's list).

    The glossary already makes a term's other names synonyms; this list is for what no definition names:
    "loneliness" for pages that say "isolated residents". A query holding one of a group's words or
    phrases also finds what holds the others, each matching like one more word (search.synonyms).
    """

    words = models.CharField(
        max_length=500,
        unique=True,
        error_messages={"unique": "These synonyms are in the list already."},
        help_text=(
            "Two or more words or short phrases that mean the same here, separated by commas, e.g. "
            "“loneliness, social isolation, isolated”. Look at searches that found nothing (Insights) for ideas."
        ),
    )
    note = models.CharField(max_length=255, blank=True, help_text="Why they belong together (for other editors).")

    class Meta:
        ordering = ["words"]
        verbose_name = "search synonym"

    def __str__(self) -> str:
        return self.words

    def clean(self) -> None:
        names = [" ".join(name.split()) for name in self.words.split(",") if name.strip()]
        common = [name for name in names if not set(name.casefold().split()) - STOP_WORDS]
        if common:
            raise ValidationError(
                {"words": f"“{common[0]}” is only common words, which search ignores: leave it out."}
            )
        if len(names) < 2:
            raise ValidationError({"words": "Give at least two words or phrases, separated by commas."})
        self.words = ", ".join(dict.fromkeys(names))


class DocumentText(models.Model):
    """The text read from a document (a paper's report PDF) for search, by the worker (search.documents).

    Kept so that publishing a paper never reads its PDF in the editor's request; ``version`` names the file
    it was read from, so a replaced file is read again.
    """

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    version = models.CharField(max_length=400)
    text = models.TextField(blank=True)
    read_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Text of document {self.document_id}"
