"""Each case study's own view restrictions become exactly its audience's (and its help text says when).

The Privacy dialog is closed for case studies from this release; a restriction an editor set there before
(beside or instead of the audience's) would otherwise last until the page is next published.

Migrations use frozen models, so search's and the page cache's signal handlers never hear of these changes:
a page whose restrictions change here loses its search entries (search fails closed: it shows nothing of it
rather than what it showed at its old access) until the next ``manage.py search_index rebuild`` or its next
publication, and the anonymous page cache is told to forget every page.
"""

import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import migrations, models

# Frozen copies of the names in content/core/groups.py and of the page cache's generation key.
TIERS = {"members": "Members", "local_government": "Local government members"}
EDITORIAL_GROUPS = ("Editors", "Moderators")
PAGE_CACHE_GENERATION_KEY = "hub:page-cache:generation"  # content/core/worker_memo.py


def restrict_by_audience(apps, schema_editor):
    CaseStudyPage = apps.get_model("case_studies", "CaseStudyPage")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    Group = apps.get_model("auth", "Group")
    SearchEntry = apps.get_model("hub_search", "SearchEntry")
    editorial = list(Group.objects.filter(name__in=EDITORIAL_GROUPS))
    changed = []
    for page_id, audience in CaseStudyPage.objects.values_list("pk", "audience"):
        # An audience that is neither (never written by the site): the stricter tier, never the looser.
        tier, _ = Group.objects.get_or_create(name=TIERS.get(audience, TIERS["local_government"]))
        wanted = {tier.pk, *(group.pk for group in editorial)}
        own = PageViewRestriction.objects.filter(page_id=page_id)
        restriction = own.filter(restriction_type="groups").order_by("pk").first()
        others = own.exclude(pk=restriction.pk) if restriction else own
        if restriction and set(restriction.groups.values_list("pk", flat=True)) == wanted and not others.exists():
            continue  # already its audience's, and only that
        if restriction is None:
            restriction = PageViewRestriction.objects.create(page_id=page_id, restriction_type="groups")
        restriction.groups.set(wanted)
        own.exclude(pk=restriction.pk).delete()
        changed.append(page_id)
    if changed:
        SearchEntry.objects.filter(page_id__in=changed).delete()
        # A new generation, as website.page_cache does on every change: pages kept before it are not served.
        caches[settings.PAGE_CACHE_ALIAS].set(PAGE_CACHE_GENERATION_KEY, uuid.uuid4().hex, timeout=None)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("case_studies", "0002_initial"),
        ("hub_search", "0010_postgresql_names_in_the_row"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="casestudypage",
            name="audience",
            field=models.CharField(
                choices=[("members", "Members"), ("local_government", "Local government members only")],
                default="members",
                help_text=(
                    "Who may read the full case study, from when it is published. Everyone else sees the title, "
                    "authority, summary and topics."
                ),
                max_length=30,
            ),
        ),
        migrations.RunPython(restrict_by_audience, migrations.RunPython.noop),
    ]
