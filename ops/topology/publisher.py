"""Publishes on demand for the load test's emails: one Django process, kept running.

Each line on stdin is a topic id or ``APPROVE``. For a topic id, a copy of the first blog post is published on
that topic (so everyone following it is sent one alert) and "POST <id> <title>" is printed. For ``APPROVE``, a
moderator approves the oldest case study the load submitted that is still in review (its member is sent the
"published" status email) and "APPROVED <submission id>" is printed (0 when none waits). Started with the
app's env.
"""

import os
import sys
import uuid
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import close_old_connections  # noqa: E402

from content.blog.models import BlogPage  # noqa: E402
from content.topics.models import Topic  # noqa: E402
from submissions.models import CaseStudySubmission  # noqa: E402


def approve() -> int:
    """A moderator approves the oldest load submission in review, as in the admin; its id, or 0."""
    moderator = get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    waiting = CaseStudySubmission.objects.filter(
        status=CaseStudySubmission.Status.SUBMITTED, page__title__startswith="Load case study "
    ).order_by("pk")
    for submission in waiting.select_related("page"):
        task_state = submission.page.current_workflow_task_state if submission.page else None
        if task_state is not None:
            task_state.approve(user=moderator)
            return submission.pk
    return 0


for line in sys.stdin:
    close_old_connections()  # PostgreSQL may have been restarted since the last post
    if line.strip() == "APPROVE":
        try:
            approved = approve()
        except Exception as error:  # noqa: BLE001 - the load test goes on; it checks what was approved
            print(f"approval failed: {error!r}", file=sys.stderr, flush=True)
            approved = 0
        print("APPROVED", approved, flush=True)
        continue
    source = BlogPage.objects.live().filter(title__startswith="Load alert ").order_by("pk").first()
    source = source or BlogPage.objects.live().order_by("pk").first()
    slug = "load-alert-" + uuid.uuid4().hex[:8]
    post = source.copy(
        update_attrs={
            "title": f"Load alert {slug}",
            "slug": slug,
            "first_published_at": None,
            "last_published_at": None,
            "live": False,
        },
        keep_live=False,
    )
    post.topics.add(Topic.objects.get(pk=int(line)))
    post.save()
    post.save_revision().publish()
    print("POST", post.pk, post.title, flush=True)
