"""The old default allowlist entry "gov.uk" let any central-government address into the local government
tier. Remove every entry that is a public suffix, and take the tier from members who held it only
through such an entry (they keep it if an editor approved their request or another entry matches)."""

from django.db import migrations, models
from publicsuffixlist import PublicSuffixList


def remove_public_suffixes(apps, schema_editor):
    Domain = apps.get_model("members", "LocalGovernmentDomain")
    Group = apps.get_model("auth", "Group")
    EmailAddress = apps.get_model("account", "EmailAddress")
    AccessRequest = apps.get_model("members", "AccessRequest")
    suffixes = PublicSuffixList()
    removed = [d.pk for d in Domain.objects.all() if suffixes.is_public(d.domain) or "." not in d.domain]
    if not removed:
        return
    Domain.objects.filter(pk__in=removed).delete()
    remaining = list(Domain.objects.values_list("domain", flat=True))
    group = Group.objects.filter(name="Local government members").first()
    if group is None:
        return

    def on_allowlist(email: str) -> bool:
        host = email.rpartition("@")[2].lower()
        return any(host == d or host.endswith("." + d) for d in remaining)

    for user in group.user_set.all():
        approved = AccessRequest.objects.filter(user=user, status="approved").exists()
        emails = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
        if not approved and not any(on_allowlist(e) for e in emails):
            user.groups.remove(group)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_openedpage_savedpage"),
        ("account", "0009_emailaddress_unique_primary_email"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(remove_public_suffixes, migrations.RunPython.noop),
    ]
