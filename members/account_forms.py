"""allauth's sign-up and password-reset forms with the hub's ownership rule (members/ownership.py).

Kept apart from members/forms.py: allauth's SignupForm inherits from ``ACCOUNT_SIGNUP_FORM_CLASS``
(``members.forms.MemberSignupForm``), so a subclass of it in that module would import itself.
"""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from allauth.account.forms import (
    AddEmailForm,
    ChangePasswordForm,
    LoginForm,
    ReauthenticateForm,
    ResetPasswordForm,
    ResetPasswordKeyForm,
    SetPasswordForm,
    SignupForm,
)

from django import forms
from django.contrib.auth.hashers import make_password

from .ownership import held_verified, reset_recipients

# allauth's labels in British English and sentence case ("Remember Me", "New Password (again)").
LABELS = {
    "login": "Email address",
    "email": "Email address",
    "password": "Password",
    "remember": "Remember me on this device",
    "oldpassword": "Current password",
    "password1": "New password",
    "password2": "New password again",
}
SIGN_UP_LABELS = {**LABELS, "password1": "Password", "password2": "Password again"}


CHOICE_WIDGETS = (forms.Select, forms.RadioSelect, forms.CheckboxSelectMultiple)


class HubLabelsMixin:
    labels = LABELS

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, label in self.labels.items():
            if name in self.fields:
                self.fields[name].label = label
                self.fields[name].widget.attrs.pop("placeholder", None)  # a label, not a vanishing hint
        for field in self.fields.values():
            # "This field is required." five times over said nothing of which (browser walk): name the field,
            # the same words in the summary and beside the field.
            if field.label and field.error_messages.get("required") == forms.Field.default_error_messages["required"]:
                verb = "Choose" if isinstance(field.widget, CHOICE_WIDGETS) else "Enter"
                field.error_messages["required"] = f"{verb} {field.label[0].lower()}{field.label[1:]}."


class HubLoginForm(HubLabelsMixin, LoginForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "password" in self.fields:
            self.fields["password"].help_text = ""  # the page links to "Forgotten your password?" itself


class HubChangePasswordForm(HubLabelsMixin, ChangePasswordForm):
    pass


class HubSetPasswordForm(HubLabelsMixin, SetPasswordForm):
    pass


class HubResetPasswordKeyForm(HubLabelsMixin, ResetPasswordKeyForm):
    pass


class HubReauthenticateForm(HubLabelsMixin, ReauthenticateForm):
    pass


class HubAddEmailForm(HubLabelsMixin, AddEmailForm):
    labels = {"email": "New email address"}


class HubSignupForm(HubLabelsMixin, SignupForm):
    labels = SIGN_UP_LABELS

    def validate_unique_email(self, value: str) -> str:
        """Only a verified holder makes an address "already in use"; an unverified claim blocks nobody.

        Enumeration prevention stays: either way the next screen says a verification email was sent.
        """
        if held_verified(value):
            return super().validate_unique_email(value)
        self.account_already_exists = False
        return get_adapter().validate_unique_email(value)

    def try_save(self, request):
        if self.account_already_exists:
            # No account is made, but hash the password anyway: the answer then takes as long as a real
            # sign-up's, and its timing does not single out addresses that belong to verified members.
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)


class HubResetPasswordForm(HubLabelsMixin, ResetPasswordForm):
    def clean_email(self) -> str:
        """Reset links go only to accounts that may receive them: see ``reset_recipients``."""
        email = super().clean_email()
        self.users = reset_recipients(get_adapter().clean_email(email.lower()))
        return email
