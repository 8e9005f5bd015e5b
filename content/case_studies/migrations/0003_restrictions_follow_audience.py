"""Each case study's own view restrictions become exactly its audience's (and its help text says when).

The Privacy dialog is closed for case studies from this release; a restriction an editor set there before
(beside or instead of the audience's) would otherwise last until the page is next published.
"""

from django.db import migrations, models

# Frozen copies of the names in content/core/groups.py.
TIERS = {"members": "Members", "local_government": "Local government members"}
EDITORIAL_GROUPS = ("Editors", "Moderators")


def restrict_by_audience(apps, schema_editor):
    CaseStudyPage = apps.get_model("case_studies", "CaseStudyPage")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    Group = apps.get_model("auth", "Group")
    editorial = list(Group.objects.filter(name__in=EDITORIAL_GROUPS))
    for page_id, audience in CaseStudyPage.objects.values_list("pk", "audience"):
        tier, _ = Group.objects.get_or_create(name=TIERS.get(audience, TIERS["members"]))
        own = PageViewRestriction.objects.filter(page_id=page_id)
        restriction = own.filter(restriction_type="groups").order_by("pk").first()
        if restriction is None:
            restriction = PageViewRestriction.objects.create(page_id=page_id, restriction_type="groups")
        restriction.groups.set([tier, *editorial])
        own.exclude(pk=restriction.pk).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("case_studies", "0002_initial"),
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
