"""Members' reading lists and the papers of followed series they have not opened yet."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.dispatch import receiver

from wagtail.models import Page

from content.core.privacy import readable_by
from content.core.signals import page_read

from .models import OpenedPage, SavedPage


@receiver(page_read)
def remember_opened_paper(sender, page, request, **kwargs):
    # An announced paper opened before its release still counts as unread once it is out.
    if request.user.is_authenticated and _model_name(page) == "paperpage" and page.is_released:
        OpenedPage.objects.get_or_create(user=request.user, page_id=page.pk)


def can_list(page: Page, request) -> bool:
    """May this page's title appear for this reader: readable, or a case study whose teaser is public."""
    if readable_by([page], request)[page.pk]:
        return True
    specific = page.specific
    return hasattr(specific, "teaser_is_public") and specific.teaser_is_public()


def saved_pages(request) -> list[tuple[SavedPage, bool]]:
    """The member's list: live pages whose title they may still see, each with whether they may read it."""
    saved = list(
        SavedPage.objects.filter(user=request.user, page__live=True).select_related("page", "page__content_type")
    )
    readable = readable_by([item.page for item in saved], request)
    return [(item, readable[item.page_id]) for item in saved if readable[item.page_id] or can_list(item.page, request)]


def is_saveable(page: Page) -> bool:
    """What the page's type says (BasePage.saveable), from Django's content-type cache: no query."""
    return getattr(page.specific_class, "saveable", False)


def _model_name(page: Page) -> str:
    """The page's type from Django's content-type cache, not a query per page."""
    return ContentType.objects.get_for_id(page.content_type_id).model


__all__ = ["can_list", "is_saveable", "saved_pages"]
