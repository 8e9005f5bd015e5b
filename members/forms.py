"""Sign-up and profile forms: what the network needs and no more."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from content.core import worker_memo
from content.core.params import IdChoiceField, IdMultipleChoiceField
from content.topics.models import Topic

from . import consents
from .models import AccessRequest, Consent, LocalAuthority, MemberProfile, OrganisationType
from .sections import topics_chosen

# Built when a form is shown, not when this module is imported: the URLconf is read then. The address leads
# to the privacy notice the site's settings choose (content.core.views.site_page): a form has no request
# to look the page up, and the notice may be renamed or moved.
format_html_lazy = lazy(format_html, SafeString)
PRIVACY_NOTICE = reverse_lazy("site_page", args=["privacy_page"])

ORGANISATION_NAME_OPTIONAL = {OrganisationType.RESIDENT, OrganisationType.LOCAL_AUTHORITY}


class OrganisationFieldsMixin:
    """Local authority from the list when the type is local authority; otherwise a name."""

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("organisation_type")
        if kind == OrganisationType.LOCAL_AUTHORITY and not cleaned.get("local_authority"):
            self.add_error("local_authority", "Choose your local authority from the list.")
        if kind and kind not in ORGANISATION_NAME_OPTIONAL and not cleaned.get("organisation_name"):
            self.add_error("organisation_name", "Enter the name of your organisation.")
        if kind != OrganisationType.LOCAL_AUTHORITY:
            cleaned["local_authority"] = None
        return cleaned


class LongSelect(forms.Select):
    """Django's select, with its options written in Python instead of one template render per option.

    The local-authority list has over 300 options: through the template engine they were most of the
    CPU time of /members/. The HTML is the same as Django's select. Given ``kept_as``, the options (the same
    for every reader: a reference list) are read and escaped once per worker until the content changes
    (``worker_memo``; a local authority's save renews it), not built from 300 rows on every request.
    """

    def __init__(self, attrs=None, choices=(), kept_as: str | None = None) -> None:
        super().__init__(attrs, choices)
        self.kept_as = kept_as

    def escaped_options(self) -> list[tuple[str, str, str]]:
        """Each option's value, its value escaped, and its label escaped."""
        return [(str(value), conditional_escape(value), conditional_escape(label)) for value, label in self.choices]

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = {str(item) for item in self.format_value(value)}
        options = worker_memo.kept("select_options", self.kept_as, self.escaped_options)
        html = "".join(
            f'<option value="{escaped}"{" selected" if raw in selected else ""}>{label}</option>'
            for raw, escaped, label in options
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), mark_safe(html))  # noqa: S308 escaped above


class MemberDetailsForm(OrganisationFieldsMixin, forms.Form):
    """The member's details, shared by the sign-up form and the profile form."""

    full_name = forms.CharField(
        label="Full name", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    organisation_type = forms.ChoiceField(
        label="Type of organisation", choices=OrganisationType.choices, widget=forms.RadioSelect
    )
    local_authority = IdChoiceField(
        label="Local authority",
        queryset=LocalAuthority.objects.all(),
        widget=LongSelect(kept_as="local_authorities"),
        required=False,
        empty_label="Choose your local authority",
        help_text="Needed if your type of organisation is local authority: choose it from the list.",
    )
    # Not "(optional)" either: clean() refuses a local authority without one (it said "(optional)" and then did).
    local_authority.required_for_some = True
    organisation_name = forms.CharField(
        label="Organisation name",
        max_length=200,
        required=False,
        help_text="Needed unless you work for a local authority or join as a resident.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    # Not "(optional)": the form asks for it for every kind of organisation but two (clean()).
    organisation_name.required_for_some = True
    job_role = forms.CharField(
        label="Job role",
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    topics = IdMultipleChoiceField(
        label="Topics to follow",
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="We email you when a paper, post or case study on these topics is published. "
        "You can change this, or choose a weekly digest, in your account.",
    )


class MemberSignupForm(MemberDetailsForm):
    """Extra sign-up fields; allauth adds email and passwords and then calls signup()."""

    field_order = [
        "full_name",
        "email",
        "password1",
        "password2",
        "organisation_type",
        "local_authority",
        "organisation_name",
        "job_role",
        "topics",
        "newsletter",
        "accept_privacy",
    ]

    newsletter = forms.BooleanField(
        label=consents.wording(Consent.Kind.NEWSLETTER),
        required=False,
        initial=False,  # never pre-ticked: the reader opts in
        help_text=format_html_lazy(
            "Optional: leave it unticked and we send you no newsletter. "
            '<a href="{}">The privacy notice</a> says how we use your address.',
            PRIVACY_NOTICE,
        ),
    )
    accept_privacy = forms.BooleanField(
        label=consents.wording(Consent.Kind.PRIVACY_NOTICE),
        required=True,
        error_messages={"required": "You need to accept the privacy notice to join."},
        help_text=format_html_lazy(
            '<a href="{}">Read the privacy notice</a>: what we keep about you and why.', PRIVACY_NOTICE
        ),
    )

    def signup(self, request, user) -> None:
        data = self.cleaned_data
        profile = MemberProfile.objects.create(
            user=user,
            full_name=data["full_name"],
            organisation_type=data["organisation_type"],
            organisation_name=data.get("organisation_name", ""),
            local_authority=data.get("local_authority"),
            job_role=data.get("job_role", ""),
        )
        # One topics choice (issue 14): the topics ticked here are followed, so they drive alerts, and the
        # profile's record of interests is the same list (alerts.forms.AlertSettingsForm keeps them equal).
        topics = list(data.get("topics") or [])
        profile.topics.set(topics)
        topics_chosen.send(sender=MemberProfile, user=user, topics=topics)  # alerts follows them
        consents.record(user, Consent.Kind.PRIVACY_NOTICE)
        if data.get("newsletter"):
            consents.record(user, Consent.Kind.NEWSLETTER)


class ProfileForm(MemberDetailsForm, forms.ModelForm):
    class Meta:
        model = MemberProfile
        fields = [
            "full_name",
            "organisation_type",
            "local_authority",
            "organisation_name",
            "job_role",
        ]
        # Topics, like every email alert (new papers, follows, digests), are chosen in one place on /members/:
        # alerts.forms.AlertSettingsForm. Two near-identical checklists ("interests", "alert topics") were one
        # too many, and only one of them sent anything.

    topics = None  # the declared field of MemberDetailsForm, left out here


class AccessRequestForm(forms.ModelForm):
    class Meta:
        model = AccessRequest
        fields = ["reason"]
        labels = {"reason": "Why you need local government access"}
        error_messages = {"reason": {"required": "Say why you need local government access."}}
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label="Type DELETE to confirm",
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip()
        if value.upper() != "DELETE":
            raise ValidationError("Type the word DELETE to delete your account.")
        return value


class ConfirmWithPasswordForm(forms.Form):
    """The account's password, asked when a confirmation link is opened away from the sign-up browser."""

    password = forms.CharField(
        label="Password", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
