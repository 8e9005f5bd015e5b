#!/usr/bin/env bash
# make topology-drill: the backup and restore drill (docs/operations.md), on a running topology.
# Takes the inventory (every page, member, document, image, submitted file with its bytes' hash), backs up,
# stops the topology and throws its data away, starts an empty one, restores, and takes the inventory again:
# both must be equal, and every live page must answer through nginx with its title.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/env.sh"
work="$(mktemp -d /tmp/hub-drill.XXXXXX)"
inventory() { (cd "$ROOT" && app_env && "$PY" manage.py shell <"$HERE/inventory.py" | sed -n 's/^INVENTORY //p'); }
# A member's submission with a private file, so the drill restores one from the private bucket too.
(cd "$ROOT" && app_env && "$PY" manage.py shell -v 0 -c '
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from submissions.models import CaseStudySubmission, SubmissionAttachment
owner = get_user_model().objects.filter(is_superuser=False).order_by("pk").first()
submission = CaseStudySubmission.objects.create(owner=owner, data={"about": {"title": ["Drill case study"]}})
pdf = b"%PDF-1.4\n% the restore drill\n%%EOF\n"
attachment = SubmissionAttachment(submission=submission, original_name="drill-evidence.pdf", kind="pdf", size=len(pdf))
attachment.file.save("drill-evidence.pdf", ContentFile(pdf), save=True)
')
inventory >"$work/before.json"
backup=$("$HERE/backup.sh" "$work/backup")
"$HERE/down.sh"
"$HERE/up.sh" --empty
"$HERE/restore.sh" "$backup"
inventory >"$work/after.json"
"$PY" - "$work/before.json" "$work/after.json" "$URL" <<'PY'
import json, ssl, sys, urllib.error, urllib.request
before, after = (json.load(open(path)) for path in sys.argv[1:3])
context = ssl._create_unverified_context()
failures = 0
for kind, items in before.items():
    missing = [item for item in items if item not in after[kind]]
    failures += len(missing)
    print(f"drill: {kind}: {len(items)} before, {len(after[kind])} after, {len(missing)} missing")
    for item in missing[:5]:
        print("   missing:", item)
for path, title in before["pages"]:
    url = sys.argv[3] + "/" + path.split("/", 2)[2]  # url_path is /<root>/<site path>
    try:
        body = urllib.request.urlopen(urllib.request.Request(url, headers={"X-Forwarded-For": "10.9.9.9"}), context=context, timeout=30).read().decode()
        ok = title.split("&")[0][:30] in body.replace("&#x27;", "'").replace("&amp;", "&")
    except urllib.error.HTTPError as error:
        ok = error.code in (200,)
    if not ok:
        failures += 1
        print("   page not served after restore:", url)
print(f"restore drill: {sum(len(v) for v in before.values())} items checked, {failures} missing or not served")
sys.exit(1 if failures else 0)
PY
