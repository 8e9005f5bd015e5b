"""The guided form's steps: one small Django form (and at most one set of rows) per step."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.forms.formsets import BaseFormSet, formset_factory
from django.utils.datastructures import MultiValueDict

from content.core import params
from content.core.params import IdChoiceField, IdMultipleChoiceField
from content.topics.models import Topic
from members.models import LocalAuthority

# Attachments members may send: PDF, Word (.docx) and images (content/core/uploads.py kinds).
ATTACHMENT_KINDS = frozenset({"pdf", "docx", "png", "jpeg", "webp"})
ATTACHMENT_ACCEPT = ".pdf,.docx,.png,.jpg,.jpeg,.webp"
MAX_ATTACHMENTS = 10
TEXT_HINT = (
    "Write as much as you need. Leave a blank line between paragraphs; start a line with "
    "“- ” (a dash and a space) for a bullet point."
)


def _textarea(rows: int = 10) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "cols": 60})


class AuthorityForm(forms.Form):
    local_authority = IdChoiceField(
        label="Your local authority",
        queryset=LocalAuthority.objects.all(),
        empty_label="Choose your local authority",
        help_text="The authority this case study is about. We filled in the one on your profile.",
        error_messages={"required": "Choose the local authority this case study is about."},
    )


class ContactForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=150, error_messages={"required": "Enter the contact’s name, or clear this row."}
    )
    role = forms.CharField(label="Role", max_length=150, required=False)
    email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={"invalid": "Enter an email address like name@council.gov.uk."},
    )


class ChallengeForm(forms.Form):
    challenge = forms.CharField(
        label="The challenge",
        widget=_textarea(),
        max_length=20_000,
        help_text="What problem were you trying to solve, for whom, and why did it matter? " + TEXT_HINT,
        error_messages={"required": "Describe the challenge."},
    )


class WhatWeDidForm(forms.Form):
    what_we_did = forms.CharField(
        label="What you did",
        widget=_textarea(),
        max_length=20_000,
        help_text="The steps you took, who was involved and what it cost. " + TEXT_HINT,
        error_messages={"required": "Describe what you did."},
    )


class OutcomesForm(forms.Form):
    outcomes = forms.CharField(
        label="Outcomes and evidence",
        widget=_textarea(),
        max_length=20_000,
        help_text="What changed, and how you know. " + TEXT_HINT,
        error_messages={"required": "Describe the outcomes and your evidence."},
    )


class FigureForm(forms.Form):
    label = forms.CharField(
        label="What the figure measures",
        max_length=240,
        error_messages={"required": "Say what this figure measures, or clear this row."},
    )
    value = forms.CharField(
        label="Figure",
        max_length=40,
        help_text="As readers should see it, e.g. 38% or £281,000.",
        error_messages={"required": "Enter the figure, or clear this row."},
    )
    note = forms.CharField(label="Source or note", max_length=240, required=False)


class LessonsForm(forms.Form):
    lessons = forms.CharField(
        label="Lessons",
        widget=_textarea(),
        max_length=20_000,
        help_text="What would you tell another authority trying this? " + TEXT_HINT,
        error_messages={"required": "Share the lessons you learned."},
    )


class AboutForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=120,
        help_text="A short, plain title, e.g. “Community wealth building in Preston”.",
        error_messages={"required": "Enter a title for your case study."},
    )
    summary = forms.CharField(
        label="Public summary",
        max_length=600,
        widget=_textarea(rows=4),
        help_text="Two or three sentences. Everyone can read this, in lists and search, even without access.",
        error_messages={"required": "Write a short public summary."},
    )
    topics = IdMultipleChoiceField(
        label="Topics",
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick every topic your case study is about.",
    )


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsForm(forms.Form):
    files = forms.FileField(
        label="Add files",
        required=False,
        widget=MultipleFileInput(attrs={"multiple": True, "accept": ATTACHMENT_ACCEPT}),
        help_text=(
            "PDF, Word (.docx) or images (PNG, JPEG or WebP), up to 20 MB each (images up to 10 MB). "
            "You can choose several files at once. They stay private until your case study is published."
        ),
    )

    def clean_files(self):
        return None  # files are checked one by one, by content, in the view (content/core/uploads.py)


class RowsFormSet(BaseFormSet):
    """Rows with no 'initial' forms: any row may be left blank, except the first min_num."""

    blank_rows = 1

    def initial_form_count(self) -> int:
        return 0 if not self.is_bound else super().initial_form_count()

    def total_form_count(self) -> int:
        if self.is_bound:
            return super().total_form_count()
        rows = len(self.initial or [])
        if not self.initial or any(self.initial[-1].values()):
            rows += self.blank_rows
        return max(rows, self.min_num, self.min_rows)

    min_rows = 1


ContactFormSet = formset_factory(
    ContactForm, formset=RowsFormSet, extra=0, min_num=1, validate_min=True, max_num=10, validate_max=True
)
ContactFormSet.min_rows = 2
FigureFormSet = formset_factory(FigureForm, formset=RowsFormSet, extra=0, max_num=12, validate_max=True)
FigureFormSet.min_rows = 2


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type[forms.Form] | None = None
    rows: tuple[str, type[BaseFormSet], str] | None = None  # (prefix, formset class, row noun)
    template: str = "submissions/steps/fields.html"


STEPS = (
    Step("authority", "Your authority and contacts", AuthorityForm, ("contacts", ContactFormSet, "contact")),
    Step("challenge", "The challenge", ChallengeForm),
    Step("what-you-did", "What you did", WhatWeDidForm),
    Step("outcomes", "Outcomes and evidence", OutcomesForm, ("figures", FigureFormSet, "figure")),
    Step("lessons", "Lessons", LessonsForm),
    Step("about", "Title, summary and topics", AboutForm),
    Step("attachments", "Attachments", AttachmentsForm, template="submissions/steps/attachments.html"),
    Step("preview", "Check and submit"),
)
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def raw_from_post(data: MultiValueDict) -> dict[str, list[str]]:
    """The posted text fields as stored on the draft (never the token or the button pressed), without NUL."""
    return {
        params.typed(key): [params.typed(value) for value in data.getlist(key)]
        for key in data
        if key not in {"csrfmiddlewaretoken", "action"}
    }


def _initial_for(form_class: type[forms.Form], raw: dict[str, list[str]], prefix: str = "") -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for name, form_field in form_class.base_fields.items():
        values = raw.get(f"{prefix}-{name}" if prefix else name)
        if values is None:
            continue
        initial[name] = values if isinstance(form_field, forms.MultipleChoiceField) else (values[0] if values else "")
    return initial


def rows_from_raw(prefix: str, form_class: type[forms.Form], raw: dict[str, list[str]]) -> list[dict[str, Any]]:
    try:
        total = int((raw.get(f"{prefix}-TOTAL_FORMS") or ["0"])[0])
    except ValueError:
        total = 0
    return [_initial_for(form_class, raw, f"{prefix}-{index}") for index in range(min(total, 50))]


@dataclass
class StepForms:
    """The bound or unbound forms of one step, with what the templates and views need from them."""

    step: Step
    form: forms.Form | None
    rows: BaseFormSet | None = None
    extra_errors: list[str] = field(default_factory=list)

    @classmethod
    def bound(cls, step: Step, data: MultiValueDict | dict) -> StepForms:
        if not isinstance(data, MultiValueDict):
            data = MultiValueDict(data)
        form = step.form_class(data) if step.form_class else None
        rows = step.rows[1](data, prefix=step.rows[0]) if step.rows else None
        return cls(step, form, rows)

    @classmethod
    def unbound(
        cls, step: Step, raw: dict[str, list[str]] | None, defaults: dict[str, Any] | None = None
    ) -> StepForms:
        """As last saved (or the defaults for a step never saved), without error messages."""
        defaults = defaults or {}
        if raw:
            initial = _initial_for(step.form_class, raw) if step.form_class else {}
            row_initial = rows_from_raw(step.rows[0], step.rows[1].form, raw) if step.rows else []
        else:
            initial = defaults.get("form", {})
            row_initial = defaults.get("rows", [])
        form = step.form_class(initial=initial) if step.form_class else None
        rows = step.rows[1](initial=row_initial, prefix=step.rows[0]) if step.rows else None
        return cls(step, form, rows)

    def is_valid(self) -> bool:
        valid = True
        if self.form is not None:
            valid = self.form.is_valid() and valid
        if self.rows is not None:
            valid = self.rows.is_valid() and valid
        return valid and not self.extra_errors

    def error_links(self) -> list[tuple[str, str]]:
        """(field id, message) for the error summary, in the order the fields appear."""
        links: list[tuple[str, str]] = []
        for form in self._all_forms():
            if not form.is_bound:
                continue
            for error in form.non_field_errors():
                links.append(("", error))
            for bound_field in form.visible_fields():
                suffix = "_0" if isinstance(bound_field.field.widget, forms.CheckboxSelectMultiple) else ""
                links.extend((bound_field.auto_id + suffix, error) for error in bound_field.errors)
        if self.rows is not None and self.rows.is_bound:
            links.extend((f"{self.rows.prefix}-rows", error) for error in self.rows.non_form_errors())
        return links

    def _all_forms(self) -> list[forms.Form]:
        forms_list = [self.form] if self.form is not None else []
        if self.rows is not None:
            forms_list.extend(self.rows.forms)
        return forms_list

    def cleaned(self) -> dict[str, Any]:
        data = dict(self.form.cleaned_data) if self.form is not None else {}
        if self.rows is not None:
            data[self.rows.prefix] = [row.cleaned_data for row in self.rows.forms if row.cleaned_data]
        return data
