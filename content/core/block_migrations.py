"""Data migrations of the shared blocks' stored values, used by each app whose StreamField holds the blocks.

``image_block_into_wagtails`` moves a body's image blocks from this site's own shape, {"image": id,
"alt_text": ..., "caption": ...}, to one holding Wagtail's ImageBlock, {"image": {"image": id, "alt_text": ...,
"decorative": false}, "caption": ...}: in the pages' live data and in every revision (drafts, scheduled and
old ones, so that publishing or reverting one still works), through Wagtail's ``MigrateStreamData``. Backwards,
the old shape again: a decorative image's alt text stays empty (the old block would ask for one on next edit).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation


class ImageIntoWagtailImageBlock(BaseBlockOperation):
    def apply(self, block_value: Any) -> Any:
        if not isinstance(block_value, dict) or isinstance(block_value.get("image"), dict):
            return block_value  # already moved
        return {
            "image": {
                "image": block_value.get("image"),
                "alt_text": block_value.get("alt_text") or "",
                "decorative": False,  # every stored image had a required alt text: none was decorative
            },
            "caption": block_value.get("caption") or "",
        }

    @property
    def operation_name_fragment(self) -> str:
        return "image_into_wagtail_image_block"


class ImageOutOfWagtailImageBlock(BaseBlockOperation):
    def apply(self, block_value: Any) -> Any:
        if not isinstance(block_value, dict) or not isinstance(block_value.get("image"), dict):
            return block_value  # still in the old shape
        image = block_value["image"]
        return {
            "image": image.get("image"),
            "alt_text": "" if image.get("decorative") else image.get("alt_text") or "",
            "caption": block_value.get("caption") or "",
        }

    @property
    def operation_name_fragment(self) -> str:
        return "image_out_of_wagtail_image_block"


def image_block_into_wagtails(app_name: str, model_name: str, field_name: str = "body") -> migrations.RunPython:
    """A reversible RunPython moving the field's top-level ``image`` blocks, live data and revisions."""
    forward = MigrateStreamData(app_name, model_name, field_name, [(ImageIntoWagtailImageBlock(), "image")])
    backward = MigrateStreamData(app_name, model_name, field_name, [(ImageOutOfWagtailImageBlock(), "image")])
    return migrations.RunPython(forward.migrate_stream_data_forward, backward.migrate_stream_data_forward)
