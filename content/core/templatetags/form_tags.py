"""Template tags for the site's forms."""

from __future__ import annotations

from django import template
from django.forms.boundfield import BoundWidget
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def choice_input(option: BoundWidget) -> SafeString:
    """One radio button or checkbox of a group, as ``{{ option.tag }}`` writes it, in Python.

    Django renders each option through three nested templates (``input_option``, ``input``, ``attrs``): the
    20 boxes of the alerts form were a third of the member's area's time. Written as Django's ``input.html``
    and ``attrs.html`` write it; ``tests/content/test_form_tags.py`` holds it to Django's own output. For
    the stock radio and checkbox widgets only: a widget with its own ``option_template_name`` (none here)
    would need ``{{ option.tag }}``.
    """
    data = option.data
    value = "" if data["value"] is None else format_html(' value="{}"', data["value"])
    attrs = format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if attr is True else format_html(' {}="{}"', name, attr),)
            for name, attr in data["attrs"].items()
            if attr is not False
        ),
    )
    return format_html('<input type="{}" name="{}"{}{}>', data["type"], data["name"], value, attrs)
