"""What the restore drill must find again, as JSON (run with manage.py shell on the topology).

Every live page (path, title), every member (email, verified, tiers), every document and every submitted
file (name and the SHA-256 of its bytes, read back from object storage), every image original.
"""

import hashlib
import json

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.core.files.storage import storages

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from submissions.models import SubmissionAttachment


def digest(storage, name: str) -> str:
    with storage.open(name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


verified = set(EmailAddress.objects.filter(verified=True).values_list("email", flat=True))
inventory = {
    "pages": sorted([p.url_path, p.title] for p in Page.objects.live().filter(depth__gt=1)),
    "members": sorted(
        [u.email, u.email in verified, sorted(u.groups.values_list("name", flat=True))]
        for u in get_user_model().objects.prefetch_related("groups")
    ),
    "documents": sorted(
        [d.title, d.file.name, digest(storages["default"], d.file.name)] for d in get_document_model().objects.all()
    ),
    "images": sorted(
        [i.title, i.file.name, digest(storages["default"], i.file.name)] for i in get_image_model().objects.all()
    ),
    "submitted files": sorted(
        [a.file.name, digest(storages["private"], a.file.name)] for a in SubmissionAttachment.objects.all()
    ),
}
print("INVENTORY " + json.dumps(inventory))
