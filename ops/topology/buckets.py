"""Copy both buckets (media, private) to a folder and back: the object-storage half of the backup drill.

    python ops/topology/buckets.py dump FOLDER      python ops/topology/buckets.py load FOLDER

Reads MEDIA_STORAGE_URL, PRIVATE_STORAGE_URL and the AWS_* credentials like the app (ops/topology/env.sh).
On load, each object gets the ACL the app would give it (renditions public-read, everything else private).
In production the same copy is `aws s3 sync s3://hub-media s3://hub-media-backup` on versioned buckets.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
django.setup()

import boto3  # noqa: E402

from hub.storage import MediaStorage, s3_options  # noqa: E402


def client_and_bucket(variable: str):
    options = s3_options(os.environ[variable])
    client = boto3.client(
        "s3", endpoint_url=options["endpoint_url"], region_name=options["region_name"], config=options["client_config"]
    )
    return client, options["bucket_name"]


def main() -> None:
    action, folder = sys.argv[1], Path(sys.argv[2])
    total = 0
    for variable, label in (("MEDIA_STORAGE_URL", "media"), ("PRIVATE_STORAGE_URL", "private")):
        client, bucket = client_and_bucket(variable)
        root = folder / label
        if action == "dump":
            for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
                for item in page.get("Contents", []):
                    if item["Key"].endswith("/"):
                        continue  # a folder marker (S3Proxy's filesystem backend lists its folders)
                    target = root / item["Key"]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    client.download_file(bucket, item["Key"], str(target))
                    total += 1
        elif action == "load":
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                key = path.relative_to(root).as_posix()
                public = label == "media" and MediaStorage.is_public(key)
                client.upload_file(str(path), bucket, key, ExtraArgs={"ACL": "public-read" if public else "private"})
                total += 1
        else:
            sys.exit(__doc__)
    print(f"buckets: {action} {total} objects ({folder})")


if __name__ == "__main__":
    main()
