"""The ask and answer forms. Length limits are validators, checked on the server with a clear message:
no maxlength attribute, which would cut a long paste short without saying so."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.formats import number_format

from . import conf


def _limit(field: forms.Field, limit: int, what: str) -> str:
    field.validators.append(MaxLengthValidator(limit))
    shown = number_format(limit, force_grouping=True)
    field.error_messages["max_length"] = f"{what} must be {shown} characters or fewer (it has %(show_value)d)"
    return shown


class QuestionForm(forms.Form):
    text = forms.CharField(
        label="Your question",
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "true"}),
        error_messages={"required": "Enter your question"},
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "question")
        super().__init__(*args, **kwargs)
        shown = _limit(self.fields["text"], conf.question_max_length(), "Your question")
        self.fields["text"].help_text = (
            f"Up to {shown} characters. The authors see your question, your name and your organisation, "
            "not your email address. If they answer, we email you their answer from their address and give "
            "them yours, so you can carry on the conversation directly."
        )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "true"}),
        error_messages={"required": "Enter your answer"},
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "answer")
        super().__init__(*args, **kwargs)
        shown = _limit(self.fields["reply"], conf.reply_max_length(), "Your answer")
        self.fields["reply"].help_text = f"Up to {shown} characters."
