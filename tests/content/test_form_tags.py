"""``choice_input`` writes a group's radio buttons and checkboxes exactly as Django's own templates do."""

from __future__ import annotations

import pytest

from django import forms
from django.template.loader import get_template

from content.core.templatetags.form_tags import choice_input
from content.topics.models import Topic
from tests.factories import TopicFactory

AWKWARD = [("plain", "Plain"), ('say "hi"', "Quoted"), ("<b>&amp;</b>", "Markup"), ("", "Empty"), (3, "Number")]


class Everything(forms.Form):
    pick_one = forms.ChoiceField(
        choices=AWKWARD,
        widget=forms.RadioSelect(
            attrs={"aria-describedby": "hint error", "data-note": 'a "b" <c>', "disabled": False}
        ),
    )
    pick_many = forms.MultipleChoiceField(
        choices=AWKWARD, widget=forms.CheckboxSelectMultiple(attrs={"class": "box", "autofocus": True})
    )
    topics = forms.ModelMultipleChoiceField(queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple)


@pytest.mark.django_db
@pytest.mark.parametrize("bound", [False, True])
def test_every_option_is_written_as_djangos_templates_write_it(bound):
    topics = [TopicFactory(name=name) for name in ("Housing & homes", 'The "commons"')]
    data = {"pick_one": 'say "hi"', "pick_many": ["<b>&amp;</b>", "3"], "topics": [topics[1].pk]}
    form = Everything(data if bound else None, initial={"pick_many": ["plain"], "topics": [topics[0].pk]})
    options = [option for name in ("pick_one", "pick_many", "topics") for option in form[name]]
    assert len(options) == 2 * len(AWKWARD) + Topic.objects.count()
    assert any("checked" in option.tag() for option in options)
    for option in options:
        assert choice_input(option) == option.tag()


def test_the_projects_own_form_template_uses_it():
    """The shared field template writes its choices with the tag (the alerts form on /members/ among them)."""
    form = Everything(initial={"pick_one": "plain"})
    html = get_template("includes/form_field.html").render({"field": form["pick_one"]})
    assert html.count('type="radio"') == len(AWKWARD)
    assert (
        'value="plain" aria-describedby="hint error" data-note="a &quot;b&quot; &lt;c&gt;" id="id_pick_one_0"' in html
    )
