"""A case study's access has one source of truth: its audience, published.

Every journey an editor takes (create, publish, a draft, publishing it, revert, copy, move, unpublish and
republish, scheduled publishing by the worker) is driven through Wagtail's admin as a moderator (who may
publish), and checked two ways: the page's own view restrictions are exactly its live audience's, and a
member of the Members tier reads the whole page or only the teaser accordingly. The admin's Privacy dialog
cannot change a case study's access, by its button or by a direct request; sections above stay an editor's.
"""

from __future__ import annotations

import importlib
from datetime import timedelta

import pytest

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from content.blog.models import BlogPage
from content.case_studies.models import CaseStudyIndexPage, CaseStudyPage
from content.core.worker_memo import GENERATION_KEY
from members.models import LocalGovernmentDomain
from search.entries import update_entries_for_page
from search.models import SearchEntry
from tests.content.case_study_admin import BODY, create, edit, form
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db

TIER = {"members": "Members", "local_government": "Local government members"}


def own_restrictions(page: Page) -> list[tuple[str, set[str]]]:
    """The view restrictions on the page itself: (type, group names)."""
    return [
        (restriction.restriction_type, {group.name for group in restriction.groups.all()})
        for restriction in PageViewRestriction.objects.filter(page=page).order_by("pk")
    ]


def audience_restriction(audience: str) -> list[tuple[str, set[str]]]:
    return [(PageViewRestriction.GROUPS, {TIER[audience], "Editors", "Moderators"})]


@pytest.fixture
def member() -> Client:
    """A reader in the Members tier (not local government)."""
    client = Client(HTTP_HOST="localhost")
    client.force_login(make_member("case-reader@example.org"))
    return client


@pytest.fixture
def council_officer() -> Client:
    LocalGovernmentDomain.objects.get_or_create(domain="testshire.gov.uk")
    client = Client(HTTP_HOST="localhost")
    client.force_login(make_member("officer@testshire.gov.uk"))
    return client


def reads_whole(client: Client, study: CaseStudyPage) -> bool:
    response = client.get(study.url)
    assert response.status_code == 200
    return BODY.encode() in response.content


def refused(client: Client, response) -> bool:
    """Wagtail's answer to a permission it refuses: back to the dashboard, saying so."""
    if response.status_code != 302 or response.url != reverse("wagtailadmin_home"):
        return False
    return b"Sorry, you do not have permission to access this area." in client.get(response.url).content


def fresh(study: CaseStudyPage) -> CaseStudyPage:
    return CaseStudyPage.objects.get(pk=study.pk)


def test_created_and_published_case_study_is_restricted_to_its_audience(moderator, member, council_officer):
    draft = create(moderator, "Created as a draft", "members", publish=False)
    assert own_restrictions(draft) == audience_restriction("members")  # in place before it is ever live
    study = create(moderator, "Created and published", "local_government")
    assert study.live
    assert own_restrictions(study) == audience_restriction("local_government")
    assert not reads_whole(member, study)
    assert reads_whole(council_officer, study)
    assert BODY.encode() not in Client(HTTP_HOST="localhost").get(study.url).content


def test_a_draft_never_changes_the_live_pages_access_and_publishing_it_does(moderator, member):
    study = create(moderator, "Drafted audience", "local_government")
    edit(moderator, study, "members", publish=False)  # saved as a draft, e.g. for review
    assert fresh(study).get_latest_revision_as_object().audience == "members"
    assert fresh(study).audience == "local_government"
    assert own_restrictions(study) == audience_restriction("local_government")
    assert not reads_whole(member, study)

    edit(moderator, study, "members", publish=True)
    assert own_restrictions(study) == audience_restriction("members")
    assert reads_whole(member, study)


def test_reverting_to_an_older_revision_and_publishing_restores_its_audience(moderator, member):
    study = create(moderator, "Reverted audience", "local_government")
    first = fresh(study).live_revision
    edit(moderator, study, "members", publish=True)
    assert reads_whole(member, study)

    old = first.as_object()
    data = form(old.title, old.audience, **{"action-publish": "publish"})
    response = moderator.post(reverse("wagtailadmin_pages:revisions_revert", args=[study.pk, first.pk]), data)
    assert response.status_code == 302
    assert fresh(study).audience == "local_government"
    assert own_restrictions(study) == audience_restriction("local_government")
    assert not reads_whole(member, study)


def test_a_copy_is_restricted_by_its_own_audience_only(moderator, member):
    study = create(moderator, "Original to copy", "local_government")
    edit(moderator, study, "members", publish=False)  # unpublished changes do not travel into the live copy
    index = CaseStudyIndexPage.objects.get()
    response = moderator.post(
        reverse("wagtailadmin_pages:copy", args=[study.pk]),
        {"new_title": "The copy", "new_slug": "the-copy", "new_parent_page": index.pk, "publish_copies": "on"},
    )
    assert response.status_code == 302
    copy = CaseStudyPage.objects.get(slug="the-copy")
    assert copy.live
    assert own_restrictions(copy) == audience_restriction(copy.audience)  # one restriction, not two
    assert reads_whole(member, copy) == (copy.audience == "members")
    assert own_restrictions(study) == audience_restriction("local_government")  # the original is untouched


def test_moving_keeps_the_audience_restriction(moderator, member):
    study = create(moderator, "Moved study", "local_government")
    create(moderator, "Another study", "members")
    study.move(CaseStudyIndexPage.objects.get(), pos="last-child")
    study = fresh(study)
    assert own_restrictions(study) == audience_restriction("local_government")
    assert not reads_whole(member, study)


def test_unpublishing_and_republishing_keep_the_audience(moderator, member):
    study = create(moderator, "Unpublished and back", "local_government")
    response = moderator.post(reverse("wagtailadmin_pages:unpublish", args=[study.pk]))
    assert response.status_code == 302
    assert not fresh(study).live
    assert own_restrictions(study) == audience_restriction("local_government")
    edit(moderator, fresh(study), "local_government", publish=True)
    assert fresh(study).live
    assert own_restrictions(study) == audience_restriction("local_government")
    assert not reads_whole(member, study)


def test_scheduled_publication_changes_access_at_its_go_live_time(moderator, member):
    study = create(moderator, "Scheduled audience", "local_government")
    go_live = timezone.localtime() + timedelta(days=1)
    edit(moderator, study, "members", publish=True, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    scheduled = fresh(study).revisions.filter(approved_go_live_at__isnull=False).get()
    assert own_restrictions(study) == audience_restriction("local_government")  # not yet
    assert not reads_whole(member, study)

    # The go-live time comes (the revision's time moved into the past: this suite has no clock to turn).
    past = timezone.now() - timedelta(minutes=1)
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled", verbosity=0)  # what the worker's clock runs every minute
    assert fresh(study).audience == "members"
    assert own_restrictions(study) == audience_restriction("members")
    assert reads_whole(member, study)


def test_the_privacy_dialog_cannot_change_a_case_studys_access(moderator, member):
    study = create(moderator, "Privacy dialog", "local_government")
    privacy_url = reverse("wagtailadmin_pages:set_privacy", args=[study.pk])
    assert refused(moderator, moderator.get(privacy_url))
    for attempt in ({"restriction_type": "none"}, {"restriction_type": "login"}):
        assert refused(moderator, moderator.post(privacy_url, attempt))
    assert own_restrictions(study) == audience_restriction("local_government")
    assert not reads_whole(member, study)
    # The edit page offers no "Change privacy" button for a case study, and still does for other pages.
    toggle = b'data-a11y-dialog-show="set-privacy"'
    study_editor = moderator.get(reverse("wagtailadmin_pages:edit", args=[study.pk])).content
    post = BlogPage.objects.live().first()
    post_editor = moderator.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).content
    assert toggle not in study_editor
    assert toggle in post_editor
    assert moderator.get(reverse("wagtailadmin_pages:set_privacy", args=[post.pk])).status_code == 200


def test_a_superuser_cannot_use_the_dialog_either():
    admin = Client(HTTP_HOST="localhost")
    user = make_member("privacy-admin@example.org")
    user.is_superuser = True
    user.save()
    admin.force_login(user)
    study = create(admin, "Superuser privacy", "members")
    privacy_url = reverse("wagtailadmin_pages:set_privacy", args=[study.pk])
    assert refused(admin, admin.get(privacy_url))
    assert refused(admin, admin.post(privacy_url, {"restriction_type": "none"}))
    assert own_restrictions(study) == audience_restriction("members")


def test_a_section_restricted_above_case_studies_stays_through_their_publishing(moderator, member):
    index = CaseStudyIndexPage.objects.get()
    response = moderator.post(
        reverse("wagtailadmin_pages:set_privacy", args=[index.pk]), {"restriction_type": "login"}
    )
    assert response.status_code == 200  # the dialog still works for sections
    study = create(moderator, "Under a restricted section", "members")
    edit(moderator, study, "local_government", publish=True)
    assert [r.restriction_type for r in PageViewRestriction.objects.filter(page=index)] == ["login"]
    assert own_restrictions(study) == audience_restriction("local_government")
    anonymous = Client(HTTP_HOST="localhost")
    assert anonymous.get(study.url).status_code == 302  # the section's login, not the teaser


def test_deleting_a_case_study_in_the_admin_removes_it_and_its_search_entries(moderator):
    """Its restriction goes with it: search's handler for a deleted restriction must not read the page being
    deleted (it answered 500: the case study's own row was gone while its restriction was deleted)."""
    study = create(moderator, "Deleted study", "members")
    assert SearchEntry.objects.filter(page=study).exists()
    response = moderator.post(reverse("wagtailadmin_pages:delete", args=[study.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=study.pk).exists()
    assert not PageViewRestriction.objects.filter(page_id=study.pk).exists()
    assert not SearchEntry.objects.filter(page_id=study.pk).exists()


def test_the_migration_brings_old_restrictions_in_line_and_search_fails_closed(moderator):
    """Restrictions set in the old Privacy dialog: made public, or Members added to a council study. The
    migration restores each audience's, drops those pages' search entries (their stored access was the old
    one) and renews the page cache's generation; a study already in line keeps its entries."""
    opened = create(moderator, "Opened by hand", "local_government")
    widened = create(moderator, "Widened by hand", "local_government")
    in_line = create(moderator, "Left alone", "members")
    PageViewRestriction.objects.filter(page=opened).delete()
    PageViewRestriction.objects.get(page=widened).groups.add(Group.objects.get(name="Members"))
    for study in (opened, widened):  # as search last indexed them, at the access the dialog gave
        update_entries_for_page(study)
    assert SearchEntry.objects.filter(page=opened, access="public").exists()
    generation = caches[settings.PAGE_CACHE_ALIAS].get(GENERATION_KEY)

    migration = importlib.import_module("content.case_studies.migrations.0003_restrictions_follow_audience")
    migration.restrict_by_audience(django_apps, None)

    for study in (opened, widened):
        assert own_restrictions(study) == audience_restriction("local_government")
        assert not SearchEntry.objects.filter(page=study).exists()
    assert own_restrictions(in_line) == audience_restriction("members")
    assert SearchEntry.objects.filter(page=in_line).exists()
    assert caches[settings.PAGE_CACHE_ALIAS].get(GENERATION_KEY) != generation
