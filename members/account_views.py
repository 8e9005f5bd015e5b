"""Account routes of the hub's own: Wagtail's login routes closed in favour of allauth's, and allauth's
email confirmation bound to the person who created the account."""

from allauth.account.views import ConfirmEmailView
from allauth.core import ratelimit

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseGone
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from .forms import ConfirmWithPasswordForm

SIGNED_UP_SESSION_KEY = "hub_signed_up_user"


def to_allauth_login(request: HttpRequest) -> HttpResponse:
    """Send Wagtail's admin and front-end login URLs to allauth's login, keeping a safe `next`."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = ""
    url = reverse("account_login")
    return redirect(f"{url}?{urlencode({'next': target})}" if target else url)


def gone(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """Shared-password page privacy is switched off."""
    return HttpResponseGone()


class HubConfirmEmailView(ConfirmEmailView):
    """allauth's confirmation link, which only the person who created the account can use.

    Every sign-up emails a link to the address typed, so someone who signs up with another person's
    address has that person's mailbox receive a link for *their* account (the walk-through of issue 9's
    finding 1 clicked exactly that). A link therefore confirms at once only in the browser that signed up
    (or while signed in to that account); anywhere else it asks for the account's password, which the
    mailbox's owner does not know for an account they did not create.
    """

    def bound_to_this_browser(self) -> bool:
        user_id = self.object.email_address.user_id
        return self.request.user.pk == user_id or self.request.session.get(SIGNED_UP_SESSION_KEY) == user_id

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object:
            context["needs_password"] = not self.bound_to_this_browser()
            context["password_form"] = getattr(self, "password_form", None) or ConfirmWithPasswordForm()
        return context

    def post(self, *args, **kwargs) -> HttpResponse:
        try:
            self.object = self.get_object()
        except Http404:
            self.object = None
        if self.object and not self.bound_to_this_browser():
            user = self.object.email_address.user
            self.password_form = form = ConfirmWithPasswordForm(self.request.POST)
            allowed = consume_password_attempt(self.request, self.object.email_address.email)
            if not (form.is_valid() and allowed and user.check_password(form.cleaned_data["password"])):
                form.errors.pop("password", None)
                form.add_error(
                    "password",
                    "Enter the password chosen when this account was made."
                    if allowed
                    else "Too many attempts. Try again in a few minutes.",
                )
                return self.render_to_response(self.get_context_data())
        return super().post(*args, **kwargs)


def consume_password_attempt(request: HttpRequest, email: str) -> bool:
    """Password guesses on a confirmation page count against the failed-sign-in limit for the address."""
    return bool(ratelimit.consume(request, action="login_failed", key=f"confirm:{email.lower()}"))


def remember_sign_up(sender, request, user, **kwargs) -> None:
    """allauth's user_signed_up: this browser created the account, so its link confirms here at once."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_UP_SESSION_KEY] = user.pk


confirm_email = HubConfirmEmailView.as_view()
