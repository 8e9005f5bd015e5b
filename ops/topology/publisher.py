"""Publishes blog posts on demand for the load test's alert emails: one Django process, kept running.

Each line on stdin is a topic id; for each, a copy of the first blog post is published on that topic (so
everyone following it is sent one alert) and "POST <id> <title>" is printed. Started with the app's env.
"""

import os
import sys
import uuid
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
django.setup()

from django.db import close_old_connections  # noqa: E402

from content.blog.models import BlogPage  # noqa: E402
from content.topics.models import Topic  # noqa: E402

for line in sys.stdin:
    close_old_connections()  # PostgreSQL may have been restarted since the last post
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
