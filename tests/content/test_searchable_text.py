"""A page's search text: what its blocks say a reader sees (Wagtail's searchable content), one block a line."""

import pytest
import wagtail_factories

from content.case_studies.models import CaseStudyPage
from content.core.blocks import BodyStreamBlock
from content.core.searchable import plain

pytestmark = pytest.mark.django_db


def test_each_block_and_paragraph_is_a_line_without_ids_levels_or_units():
    image = wagtail_factories.ImageFactory()
    body = BodyStreamBlock().to_python(
        [
            {"type": "heading", "value": {"text": "What we found", "level": "h3"}},
            {"type": "paragraph", "value": "<p>One sentence and another.</p><p>Social capital&nbsp;grows.</p>"},
            {"type": "paragraph", "value": "<ul><li>First item</li><li>Second item</li></ul>"},
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "A street party", "decorative": False},
                    "caption": "Summer",
                },
            },
            {
                "type": "chart",
                "value": {
                    "title": "Spaces per 10,000 residents",
                    "unit": "per 10,000 residents",
                    "bars": [{"label": "Here", "value": 3.5}],
                    "alt_text": "Fewer spaces here.",
                    "caption": "",
                },
            },
            {
                "type": "references",
                "value": {"heading": "References", "references": [{"text": "A report", "url": "https://ex.org/r"}]},
            },
        ]
    )
    assert plain(["Intro.", body]).split("\n") == [
        "Intro.",
        "What we found",
        "One sentence and another.",
        "Social capital grows.",
        "First item",
        "Second item",
        "A street party",
        "Summer",
        "Spaces per 10,000 residents",
        "Here",
        "Fewer spaces here.",
        "References",
        "A report",
        "https://ex.org/r",
    ]


def test_a_case_studys_contacts_are_found_by_name_and_role_never_by_address():
    study = CaseStudyPage.objects.live().exclude(contacts=[]).first()
    contact = study.contacts[0].value
    text = plain(study.contacts)
    assert contact["name"] in text
    assert contact["email"] and contact["email"] not in text
