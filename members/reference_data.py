"""Reference data every database needs: tier groups and local authorities.

The local-government allowlist starts empty: editors add authorities' own domains under Membership →
Local government domains (the demo loader adds the councils in the demo content), and anyone else asks
for access through the approval queue.
"""

from __future__ import annotations

import csv
from pathlib import Path

from content.core.indexing import deferred

from .models import LocalAuthority
from .tiers import TIERS, tier_group

LOCAL_AUTHORITIES_CSV = Path(__file__).parent / "data" / "english_local_authorities.csv"


def read_local_authorities() -> list[dict[str, str]]:
    with LOCAL_AUTHORITIES_CSV.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def sync_local_authorities() -> int:
    """Insert or update the shipped list of English local authorities; returns how many rows changed."""
    existing = {la.gss_code: la for la in LocalAuthority.objects.all()}
    changed = 0
    for row in read_local_authorities():
        values = {
            "official_name": row["official_name"],
            "short_name": row["short_name"],
            "kind": row["type"],
            "region": row["region"],
        }
        current = existing.get(row["gss_code"])
        if current is None:
            LocalAuthority.objects.create(gss_code=row["gss_code"], **values)
            changed += 1
        elif any(getattr(current, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(current, key, value)
            current.save()
            changed += 1
    return changed


def sync_reference_data(sender=None, **kwargs) -> None:
    for name in TIERS:
        tier_group(name)
    if LOCAL_AUTHORITIES_CSV.exists():
        with deferred():  # indexed once each as the sync ends, not a queued task per row
            sync_local_authorities()
