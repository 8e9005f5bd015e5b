"""Account routes of the hub's own: Wagtail's login routes closed in favour of allauth's, allauth's email
confirmation bound to the person who created the account, and signing in or out that returns the reader to
the page they were on (``members.return_to``)."""

import time

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from allauth.account.internal.flows.login import perform_password_login
from allauth.account.internal.stagekit import get_pending_stage
from allauth.account.models import EmailAddress, Login
from allauth.account.views import ConfirmEmailView, LogoutView
from allauth.account.views import login as allauth_login
from allauth.core import ratelimit

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseGone
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache

from . import return_to
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


@never_cache  # the redirect depends on the Referer: no cache or proxy may keep it for everyone
def login(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """allauth's sign-in, which returns the reader to the page they followed a Sign in link from.

    A link without ``?next=`` (the header's on pages Wagtail does not serve, such as search) is sent on to
    the same form with ``next`` set to that page, so the form, its Join link and the two-factor step carry
    it as they carry any other.
    """
    if request.method == "GET" and "next" not in request.GET:
        back = return_to.referring_path(request)
        if back is not None:
            return redirect(f"{request.path}?{urlencode({'next': back})}")
    return allauth_login(request, *args, **kwargs)


class HubLogoutView(LogoutView):
    """allauth's sign-out, which returns the reader to the page they signed out on when anyone may read it
    (``next``, or the page the form was posted from), else to the home page as before."""

    def get_redirect_url(self) -> str:
        asked = self.request.POST.get("next") or self.request.GET.get("next")
        path = return_to.local_path(self.request, asked) if asked else return_to.referring_path(self.request)
        if path is not None and return_to.is_public(self.request, path):
            return path
        return get_adapter(self.request).get_logout_redirect_url(self.request)


logout = HubLogoutView.as_view()


def gone(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """Shared-password page privacy is switched off."""
    return HttpResponseGone()


class HubConfirmEmailView(ConfirmEmailView):
    """allauth's confirmation link, which only the person who created the account can use.

    Every sign-up emails a link to the address typed, so someone who signs up with another person's
    address has that person's mailbox receive a link for *their* account (the walk-through of issue 9's
    finding 1 clicked exactly that). A link therefore confirms at once only in the browser that signed up
    (or while signed in to that account); anywhere else it asks for the account's password, which the
    mailbox's owner does not know for an account they did not create, and that one entry also signs the
    reader in (``sign_in``), so another device asks for the password once, not again at the sign-in form.
    """

    def get(self, *args, **kwargs) -> HttpResponse:
        """One click: the link confirms on opening in the browser that signed up (or is signed in to the account).

        allauth's ``ACCOUNT_CONFIRM_EMAIL_ON_GET`` stays off, because it would let anything that fetches the
        link confirm it: mail scanners and link previews open every link in a message, so a sign-up made with
        someone else's address would be confirmed by that person's mail filter. Here a GET confirms only when
        the request already carries proof of who made the account (this browser's sign-up record, or a
        session signed in to it); a scanner has neither and gets the page with the password form. Forging
        the GET from another site gains nothing: it needs the secret key from the mailbox, and it can only
        confirm an address for the account that the browser itself made. Anywhere else the page still asks
        for the account's password: the one decision that cannot be skipped.
        """
        try:
            self.object = self.get_object()
        except Http404:
            self.object = None
        if self.object and self.object.email_address.can_set_verified() and self.bound_to_this_browser():
            return self.post(*args, **kwargs)
        return super().get(*args, **kwargs)

    def bound_to_this_browser(self) -> bool:
        address = self.object.email_address
        if self.request.user.is_authenticated:
            return self.request.user.pk == address.user_id
        return signed_up_here(self.request, address.user_id)

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
            self.password_form = form = ConfirmWithPasswordForm(self.request.POST)
            error = "Enter the password chosen when this account was made."
            if form.is_valid() and not ratelimit.consume(self.request, action="login"):
                error = "Too many sign-in attempts from here. Wait a few minutes, then try again."
            elif form.is_valid():
                try:
                    # allauth's own check: the same failed-sign-in count and lock as the sign-in form.
                    user = get_adapter().authenticate(
                        self.request, email=self.object.email_address.email, password=form.cleaned_data["password"]
                    )
                except ValidationError as exc:
                    user, error = None, exc.messages[0]
                if user is not None and user.pk == self.object.email_address.user_id:
                    response = super().post(*args, **kwargs)
                    return self.sign_in(user) or response
            form.errors.pop("password", None)
            form.add_error("password", error)
            return self.render_to_response(self.get_context_data())
        self.request.session.pop(SIGNED_UP_SESSION_KEY, None)  # used once
        return super().post(*args, **kwargs)

    def sign_in(self, user) -> HttpResponse | None:
        """The password just given on this page signs the reader in, so they are not asked for it again.

        allauth's ``ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION`` signs in only the browser that signed up: the link
        alone must never be a way in, since it sits in a mailbox, mail scanners open it, and it may be
        forwarded. Here the reader has also just given the account's password, checked by allauth with the
        sign-in form's lock on failed attempts, which is all that the sign-in form would ask of them next.
        So the password is taken as a sign-in, through allauth's own sign-in flow: the second factor is still
        asked for when the account has one, and the usual signals, messages and redirect follow. Nothing is
        signed in unless the address is now confirmed for that very account (an address confirmed by
        another account first stays unconfirmed, and its page says so). No "Remember me" was offered, so
        the session ends when the browser closes, as it does from the sign-in form left unticked: the other
        device may be a borrowed one.
        """
        address = self.object.email_address
        if not EmailAddress.objects.filter(pk=address.pk, user_id=user.pk, verified=True).exists():
            return None
        if self.request.user.is_authenticated or get_pending_stage(self.request) is not None:
            # allauth already went on with a sign-in this browser began before the address was confirmed
            # (it waits for the confirmation): signed in, or asking for the second factor. Not a second one.
            return None
        login = Login(user=user, email=address.email, redirect_url=self.get_next_url() or None)
        response = perform_password_login(self.request, {"email": address.email}, login)
        self.request.session.set_expiry(0)
        return response


def signed_up_here(request: HttpRequest, user_id: int) -> bool:
    """This anonymous browser made that account, within allauth's login timeout (15 minutes)."""
    record = request.session.get(SIGNED_UP_SESSION_KEY)
    if not isinstance(record, dict) or record.get("user") != user_id:
        return False
    return time.time() - record.get("at", 0) < allauth_settings.LOGIN_TIMEOUT


def remember_sign_up(sender, request, user, **kwargs) -> None:
    """allauth's user_signed_up: this browser created the account, so its link confirms here at once."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_UP_SESSION_KEY] = {"user": user.pk, "at": time.time()}


def forget_sign_up(sender, request, user, **kwargs) -> None:
    """Any sign-in ends the shortcut: the browser now belongs to whoever signed in."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(SIGNED_UP_SESSION_KEY, None)


confirm_email = HubConfirmEmailView.as_view()
