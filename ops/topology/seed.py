# ruff: noqa: S105 - the load-test accounts' password, on a throwaway topology
"""Load-test fixtures on the running topology, printed as JSON (run with manage.py shell, production settings).

Canary sentences in every restricted case study (one made-up word each, per audience), the accounts the load
signs in with (members and local-government members), alert followers of one topic, and the URLs of every
public page by type. Idempotent enough to run twice: accounts and canaries are made once.
"""

import json
import os

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.models import Page

from alerts.models import AlertSettings, Follow
from content.case_studies.models import CaseStudyPage
from content.topics.models import Topic
from members import consents
from members.models import Consent, LocalAuthority, MemberProfile
from members.tiers import sync_tiers

PASSWORD = "topology-load-password-7"
COUNT = int(os.environ.get("SEED_COUNT", "30"))
ALERT_TOPIC_SLUG = "community-wealth-building"


def account(email: str, name: str, local_authority=None):
    user = get_user_model().objects.filter(email=email).first()
    if user is None:
        user = get_user_model().objects.create_user(email.split("@")[0], email, PASSWORD)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        MemberProfile.objects.create(
            user=user,
            full_name=name,
            organisation_type="local_authority" if local_authority else "voluntary_community",
            local_authority=local_authority,
            organisation_name="" if local_authority else "Load Test Community Group",
        )
        consents.record(user, Consent.Kind.PRIVACY_NOTICE)
        sync_tiers(user)
    return user


stoke = LocalAuthority.objects.get(gss_code="E06000021")
members = [account(f"load.member{i}@example.org", f"Load Member {i}").email for i in range(COUNT)]
officers = [account(f"load.officer{i}@stoke.gov.uk", f"Load Officer {i}", stoke).email for i in range(COUNT)]
topic = Topic.objects.get(slug=ALERT_TOPIC_SLUG)
followers = []
for i in range(COUNT):
    user = account(f"load.follower{i}@example.org", f"Load Follower {i}")
    Follow.objects.get_or_create(user=user, topic=topic)
    AlertSettings.objects.update_or_create(user=user, defaults={"frequency": "immediate"})
    followers.append(user.email)

canaries = []
for study in CaseStudyPage.objects.live().exclude(audience="public").order_by("pk"):
    word = f"Canary{study.audience.title().replace('_', '')}{study.pk}Zq"
    if word not in study.challenge:
        study.challenge += f"<p>{word} is a sentence only this case study's audience may read.</p>"
        study.save_revision().publish()
    canaries.append({"url": study.url, "audience": study.audience, "word": word, "id": study.pk})

pages: dict[str, list[dict]] = {}
for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
    pages.setdefault(type(page).__name__, []).append({"url": page.url, "id": page.pk})
saveable = [p.pk for p in Page.objects.live().public().filter(Q(paperpage__isnull=False) | Q(blogpage__isnull=False))]
print(
    "SEED "
    + json.dumps(
        {
            "password": PASSWORD,
            "members": members,
            "officers": officers,
            "followers": followers,
            "alert_topic": topic.pk,
            "topics": list(Topic.objects.values_list("pk", flat=True)),
            "authority": stoke.pk,
            "canaries": canaries,
            "pages": pages,
            "saveable": saveable,
            "series": list(
                Page.objects.live().public().filter(paperseriespage__isnull=False).values_list("pk", flat=True)
            ),
        }
    )
)
