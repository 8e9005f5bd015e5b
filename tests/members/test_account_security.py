"""Issue 9's account findings, each reproduced as the attack was made, and the guarantees that close them.

Mailbox ownership decides (members/ownership.py); staff use a second factor (members/middleware.py);
sensitive changes ask for the password again; members see and end their sessions.
"""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client
from django.utils import timezone

from members.models import LocalGovernmentDomain
from members.tiers import LOCAL_GOVERNMENT_MEMBERS, MEMBERS, sync_tiers
from tests.helpers import text_of
from tests.members.conftest import links_in, make_member, reauthenticate, sign_in
from tests.members.test_journeys import members_case_study, signup_data

pytestmark = pytest.mark.django_db
User = get_user_model()
OWNER_PASSWORD = "owners-own-password-42"
ATTACKER_PASSWORD = "attackers-password-666"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def new_client() -> Client:
    return Client(HTTP_HOST="localhost")


def confirm_links(address: str) -> list[str]:
    return [p for m in mail.outbox if m.to == [address] for p in links_in(m) if "/accounts/confirm-email/" in p]


def reset_links(address: str) -> list[str]:
    return [p for m in mail.outbox if m.to == [address] for p in links_in(m) if "/accounts/password/reset/key/" in p]


def can_sign_in(email: str, password: str) -> bool:
    cache.clear()  # each attempt on its own, not against the failed-login limit
    client = new_client()
    client.post("/accounts/login/", {"login": email, "password": password})
    return "_auth_user_id" in client.session


def totp_code(secret: str = SECRET) -> str:
    """What an authenticator app shows now for ``secret`` (RFC 6238, as allauth computes it)."""
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_finding_1_an_unverified_sign_up_never_captures_the_owners_address(client):
    """Pre-hijack: the attacker signs up with the owner's address and never verifies it. The owner's own
    sign-up must go ahead, its link must verify the owner's account, and the attacker gains nothing."""
    attacker = new_client()
    attacker.post(
        "/accounts/signup/",
        signup_data(
            "sam.owner@stoke.gov.uk", full_name="Attacker", password1=ATTACKER_PASSWORD, password2=ATTACKER_PASSWORD
        ),
    )
    cache.clear()  # the owner comes along later, past the one-email-per-address window
    mail.outbox.clear()
    client.post(
        "/accounts/signup/",
        signup_data(
            "sam.owner@stoke.gov.uk", full_name="Sam Owner", password1=OWNER_PASSWORD, password2=OWNER_PASSWORD
        ),
    )
    (message,) = [m for m in mail.outbox if m.to == ["sam.owner@stoke.gov.uk"]]
    assert "Attacker" not in message.body
    (link,) = confirm_links("sam.owner@stoke.gov.uk")
    client.post(link)

    (owner,) = User.objects.filter(emailaddress__email="sam.owner@stoke.gov.uk")
    assert owner.member_profile.full_name == "Sam Owner"
    assert owner.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
    assert not User.objects.filter(member_profile__full_name="Attacker").exists(), "the hostile sign-up is gone"
    assert can_sign_in("sam.owner@stoke.gov.uk", OWNER_PASSWORD)
    assert not can_sign_in("sam.owner@stoke.gov.uk", ATTACKER_PASSWORD)


def test_finding_1_a_second_sign_up_for_a_verified_address_sends_no_confirmation_link(client, council_member):
    mail.outbox.clear()
    response = client.post("/accounts/signup/", signup_data(council_member.email, full_name="Someone Else"))
    assert response.status_code == 302
    assert not confirm_links(council_member.email)
    (message,) = [m for m in mail.outbox if m.to == [council_member.email]]
    assert "already" in message.body.lower() and "/accounts/password/reset/" in message.body
    assert User.objects.filter(emailaddress__email=council_member.email).count() == 1


def test_finding_2_a_squatted_address_gets_no_reset_link_for_the_squatters_account(client):
    squatter = make_member("squatter@example.org")
    EmailAddress.objects.create(user=squatter, email="owner@example.net", verified=False, primary=False)
    mail.outbox.clear()
    response = client.post("/accounts/password/reset/", {"email": "owner@example.net"})
    unknown = new_client().post("/accounts/password/reset/", {"email": "nobody@example.net"})
    assert response.status_code == unknown.status_code == 302 and response["Location"] == unknown["Location"]
    assert not reset_links("owner@example.net"), "a reset there would hand the squatter's account over"
    assert can_sign_in("squatter@example.org", "a-long-test-password-1")


def test_finding_2_resetting_a_never_verified_sign_up_verifies_it_and_ends_its_other_sessions(client):
    from allauth.usersessions.models import UserSession

    user = make_member("late@example.org", verified=False)
    other_device = new_client()
    other_device.force_login(user)
    other_key = other_device.session.session_key
    UserSession.objects.create(user=user, session_key=other_key, ip="192.0.2.1", user_agent="Other device")
    mail.outbox.clear()
    client.post("/accounts/password/reset/", {"email": "late@example.org"})
    (link,) = reset_links("late@example.org")
    form_page = client.get(link, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    client.post(action, {"password1": "a-fresh-password-77", "password2": "a-fresh-password-77"})
    assert EmailAddress.objects.get(user=user, email="late@example.org").verified, "the link reached that mailbox"
    assert user.groups.filter(name=MEMBERS).exists()
    assert not UserSession.objects.filter(session_key=other_key).exists(), "ended, and gone from the list"
    assert other_device.get("/members/").status_code == 302, "the other session is signed out"
    assert can_sign_in("late@example.org", "a-fresh-password-77")


def test_finding_2_an_address_added_elsewhere_unverified_blocks_neither_sign_up_nor_verification(client):
    squatter = make_member("squatter2@example.org")
    EmailAddress.objects.create(user=squatter, email="real@stoke.gov.uk", verified=False, primary=False)
    client.post("/accounts/signup/", signup_data("real@stoke.gov.uk"))
    (link,) = confirm_links("real@stoke.gov.uk")
    client.post(link)
    assert EmailAddress.objects.get(email="real@stoke.gov.uk").user != squatter
    assert can_sign_in("squatter2@example.org", "a-long-test-password-1"), "the squatter keeps their own account"


def test_tiers_come_from_verified_addresses_only(member):
    EmailAddress.objects.create(user=member, email="claimed@stoke.gov.uk", verified=False, primary=False)
    sync_tiers(member)
    assert not member.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
    EmailAddress.objects.filter(user=member, email="claimed@stoke.gov.uk").update(verified=True)
    sync_tiers(member)
    assert member.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()


def test_sign_ups_never_verified_are_purged_by_the_worker_clock(settings):
    from hub.periodic import run_periodic_jobs

    settings.ACCOUNT_UNVERIFIED_PURGE_DAYS = 7
    stale = make_member("stale@example.org", verified=False)
    fresh = make_member("fresh@example.org", verified=False)
    old_but_verified = make_member("kept@example.org")
    # Accounts that must survive although they verified nothing: an editor made in the admin (a group, no
    # address record yet), an account an administrator made by hand, one that has signed in.
    from django.contrib.auth.models import Group

    editor = User.objects.create_user("ed", "ed@example.org", "a-long-test-password-1")
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    hand_made = User.objects.create_user("hm", "hm@example.org", "a-long-test-password-1")
    signed_in = make_member("was-here@example.org", verified=False)
    User.objects.filter(pk=signed_in.pk).update(last_login=timezone.now() - timedelta(days=9))
    survivors = [fresh, old_but_verified, editor, hand_made, signed_in]
    User.objects.exclude(pk=fresh.pk).filter(pk__in=[stale.pk, *(u.pk for u in survivors)]).update(
        date_joined=timezone.now() - timedelta(days=8)
    )
    run_periodic_jobs()
    assert not User.objects.filter(pk=stale.pk).exists()
    assert User.objects.filter(pk__in=[u.pk for u in survivors]).count() == len(survivors)


def test_finding_7_a_central_government_address_is_not_local_government(client):
    hmrc = make_member("someone@hmrc.gov.uk")
    assert hmrc.groups.filter(name=MEMBERS).exists()
    assert not hmrc.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
    client.force_login(hmrc)
    response = client.get("/case-studies/submit/")
    assert "local government" in text_of(response).lower() and "Step 1" not in text_of(response)
    assert not LocalGovernmentDomain.objects.filter(domain="gov.uk").exists()


@pytest.mark.parametrize("domain", ["gov.uk", "GOV.UK", "@gov.uk", "org.uk", "service.gov.uk", "uk", "nhs.uk"])
def test_finding_7_editors_cannot_allow_a_public_suffix(domain):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="public suffix"):
        LocalGovernmentDomain(domain=domain).full_clean()


def test_finding_7_editors_add_a_councils_domain_in_the_admin_but_not_gov_uk(admin_client):
    response = admin_client.post("/admin/local-government-domains/new/", {"domain": "gov.uk", "note": ""})
    assert response.status_code == 200 and "public suffix" in text_of(response)
    assert not LocalGovernmentDomain.objects.filter(domain="gov.uk").exists()
    response = admin_client.post(
        "/admin/local-government-domains/new/", {"domain": "York.gov.uk", "note": "City of York"}
    )
    assert response.status_code == 302 and LocalGovernmentDomain.objects.filter(domain="york.gov.uk").exists()


def test_finding_8_address_change_export_and_deletion_ask_for_the_password_again(client, member):
    sign_in(client, member)
    for path in ("/members/export/", "/members/delete/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/reauthenticate/"), path
    response = client.post("/accounts/email/", {"action_add": "", "email": "elsewhere@example.org"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert not EmailAddress.objects.filter(email="elsewhere@example.org").exists()
    assert reauthenticate(client, password="not-my-password").status_code == 200, "a wrong password keeps you there"
    response = reauthenticate(client, next_path="/members/export/")
    assert response["Location"] == "/members/export/"
    assert "_auth_user_id" in client.session, "re-authenticating keeps the session"
    assert client.post("/members/export/")["Content-Type"].startswith("application/json")


def test_finding_8_a_password_change_needs_the_current_password(client, member):
    sign_in(client, member)
    new = {"password1": "a-new-long-password-5", "password2": "a-new-long-password-5"}
    response = client.post("/accounts/password/change/", {"oldpassword": "a-guess-at-it-123", **new})
    assert response.status_code == 200 and not can_sign_in(member.email, "a-new-long-password-5")
    sign_in(client, member)
    response = client.post("/accounts/password/change/", {"oldpassword": "a-long-test-password-1", **new})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    assert can_sign_in(member.email, "a-new-long-password-5")


def test_finding_8_a_deletion_posted_after_the_window_goes_through_once_the_password_is_given(client, member):
    """allauth suspends the POST while it asks for the password and replays it after: the account is then
    deleted and the session ends, which is what the member asked for (the earlier attempt read this
    replay as the reauthenticate POST ending the session)."""
    sign_in(client, member)
    response = client.post("/members/delete/", {"confirm": "DELETE"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert User.objects.filter(pk=member.pk).exists(), "nothing happens before the password"
    response = client.post(response["Location"], {"password": "a-long-test-password-1"})
    assert not User.objects.filter(pk=member.pk).exists()
    assert "_auth_user_id" not in client.session


# Staff and two-factor authentication ---------------------------------------------------------------


@pytest.fixture
def staff_mfa(settings):
    settings.HUB_STAFF_MFA_REQUIRED = True


@pytest.fixture
def editor(db):
    user = make_member("editor2fa@example.org")
    user.is_staff = user.is_superuser = True
    user.save()
    return user


def test_staff_without_a_second_factor_enrol_before_the_admin_opens(client, editor, staff_mfa):
    sign_in(client, editor)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/totp/activate/")
    response = client.get(response["Location"], follow=True)
    if response.redirect_chain:  # allauth asks for the password before adding an authenticator
        assert "/accounts/reauthenticate/" in response.redirect_chain[-1][0]
        reauthenticate(client, next_path="/accounts/2fa/totp/activate/")
        response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(
        "/accounts/2fa/totp/activate/", {"code": "000000" if totp_code(secret) != "000000" else "111111"}
    )
    assert response.status_code == 200 and client.get("/admin/").status_code == 302, "a wrong code enrols nothing"
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200, "setting the app up used it: no second code at once"


def test_staff_sign_in_asks_for_the_code_and_the_admin_needs_it(client, editor, staff_mfa):
    TOTP.activate(editor, SECRET)
    response = client.post("/accounts/login/", {"login": editor.email, "password": "a-long-test-password-1"})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session, "the password alone does not sign a staff member in"
    response = client.post(response["Location"], {"code": totp_code()})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    assert client.get("/admin/").status_code == 200


def test_a_staff_session_without_the_second_factor_is_asked_for_it(client, editor, staff_mfa):
    TOTP.activate(editor, SECRET)
    client.force_login(editor)  # a session that never used the second factor
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/reauthenticate/")
    response = client.post(response["Location"], {"code": totp_code()})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_members_reach_the_site_without_a_second_factor(client, member, staff_mfa):
    sign_in(client, member)
    assert client.get("/members/").status_code == 200
    assert client.get(members_case_study().url).status_code == 200


def test_production_refuses_to_run_with_staff_two_factor_off(settings):
    settings.HUB_STAFF_MFA_REQUIRED = False
    with pytest.raises(SystemCheckError, match="members.E001"):
        call_command("check", deploy=True, tags=["security"])
    settings.HUB_STAFF_MFA_REQUIRED = True
    call_command("check", deploy=True, tags=["security"], fail_level="ERROR")


def test_the_demo_administrator_passes_the_second_step_with_the_printed_code(settings):
    from content.demo.accounts import create_demo_accounts, current_demo_code, demo_recovery_codes

    settings.HUB_STAFF_MFA_REQUIRED = True
    create_demo_accounts()
    client = new_client()
    response = client.post("/accounts/login/", {"login": "admin@example.org", "password": "hub-demo-admin"})
    response = client.post(response["Location"], {"code": current_demo_code()})
    assert "_auth_user_id" in client.session and client.get("/admin/").status_code == 200
    recovery = new_client()
    response = recovery.post("/accounts/login/", {"login": "admin@example.org", "password": "hub-demo-admin"})
    response = recovery.post(response["Location"], {"code": demo_recovery_codes("admin@example.org")[0]})
    assert "_auth_user_id" in recovery.session and recovery.get("/admin/").status_code == 200


# Sessions ------------------------------------------------------------------------------------------


def test_members_see_their_sessions_and_end_the_others(client, member):
    laptop, phone = client, new_client()
    sign_in(laptop, member)
    sign_in(phone, member)
    response = laptop.get("/accounts/sessions/")
    assert response.status_code == 200
    assert text_of(response).count("127.0.0.1") >= 2
    assert laptop.get("/members/").status_code == 200 and phone.get("/members/").status_code == 200
    reauthenticate(laptop, next_path="/accounts/sessions/")
    response = laptop.post("/accounts/sessions/", {"action": "logout"})
    assert response.status_code in (200, 302)
    assert laptop.get("/members/").status_code == 200, "this session stays"
    assert phone.get("/members/").status_code == 302, "the other one is signed out"


def test_finding_7_the_old_gov_uk_default_is_removed_and_its_tier_taken_back():
    """Databases made before this fix hold the default entry "gov.uk": the migration removes it, and the tier
    from members who had it only through that entry, and keeps it for those on a council's domain."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("members.migrations.0003_allowlist_without_public_suffixes")
    LocalGovernmentDomain.objects.bulk_create([LocalGovernmentDomain(domain="gov.uk")])  # as the old default did
    central, council = make_member("someone@hmrc.gov.uk"), make_member("officer@barnsley.gov.uk")
    assert central.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
    migration.remove_public_suffixes(apps, None)
    assert not LocalGovernmentDomain.objects.filter(domain="gov.uk").exists()
    assert not central.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
    assert council.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()


def test_adding_an_address_held_unverified_elsewhere_goes_ahead_and_its_verification_wins(client, member):
    squatter = make_member("squatter3@example.org")
    EmailAddress.objects.create(user=squatter, email="mine@lewisham.gov.uk", verified=False, primary=False)
    sign_in(client, member)
    reauthenticate(client, next_path="/accounts/email/")
    response = client.post("/accounts/email/", {"action_add": "", "email": "mine@lewisham.gov.uk"})
    assert response.status_code == 302
    (link,) = confirm_links("mine@lewisham.gov.uk")
    client.post(link)
    assert EmailAddress.objects.get(email="mine@lewisham.gov.uk").user == member
    assert member.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()


def test_an_address_verified_elsewhere_can_never_be_verified_onto_another_account(client, member, council_member):
    sign_in(client, member)
    reauthenticate(client, next_path="/accounts/email/")
    client.post("/accounts/email/", {"action_add": "", "email": council_member.email})
    for link in confirm_links(council_member.email):
        client.post(link)
    assert list(
        EmailAddress.objects.filter(email=council_member.email, verified=True).values_list("user", flat=True)
    ) == [council_member.pk]
    assert not member.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()


def test_finding_1_the_owner_clicking_the_attackers_link_confirms_nothing(client):
    """The browser walk-through's case: the attacker signs up first and the owner, a minute later, follows
    the newest email in the mailbox, which may be the attacker's. Away from the browser that signed up, a
    link asks for the account's password, which the owner does not have."""
    attacker = new_client()
    attacker.post(
        "/accounts/signup/",
        signup_data(
            "sam.owner@stoke.gov.uk", full_name="Mallory", password1=ATTACKER_PASSWORD, password2=ATTACKER_PASSWORD
        ),
    )
    client.post(  # no cache.clear(): the owner signs up straight after, and still gets a link of their own
        "/accounts/signup/",
        signup_data(
            "sam.owner@stoke.gov.uk", full_name="Sam Owner", password1=OWNER_PASSWORD, password2=OWNER_PASSWORD
        ),
    )
    attackers_link, owners_link = confirm_links("sam.owner@stoke.gov.uk")
    page = client.get(attackers_link)
    assert "enter the password chosen when the account was made" in text_of(page).lower()
    for password in ("", OWNER_PASSWORD):
        response = client.post(attackers_link, {"password": password})
        assert response.status_code == 200 and "Enter the password chosen" in text_of(response)
    assert not EmailAddress.objects.filter(email="sam.owner@stoke.gov.uk", verified=True).exists()
    client.post(owners_link)
    assert EmailAddress.objects.get(email="sam.owner@stoke.gov.uk", verified=True).user.member_profile.full_name == (
        "Sam Owner"
    )
    assert not can_sign_in("sam.owner@stoke.gov.uk", ATTACKER_PASSWORD)
    assert client.get(attackers_link).status_code == 200 and "expired" in text_of(client.get(attackers_link))


def test_a_link_opened_on_another_device_confirms_with_the_accounts_password(client):
    client.post("/accounts/signup/", signup_data("phone@example.org"))
    (link,) = confirm_links("phone@example.org")
    phone = new_client()
    assert phone.post(link, {"password": "not-it-at-all-1"}).status_code == 200
    assert not EmailAddress.objects.get(email="phone@example.org").verified
    response = phone.post(link, {"password": "correct-horse-battery-9"})
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="phone@example.org").verified


def test_a_staff_session_without_the_second_factor_is_stopped_everywhere_not_only_in_the_admin(
    client, editor, staff_mfa
):
    """A staff session carries editors' rights across the site (unpublished documents, restricted pages)."""
    from wagtail.documents import get_document_model

    document = get_document_model().objects.order_by("pk").first()
    TOTP.activate(editor, SECRET)
    client.force_login(editor)
    for path in ("/", document.url, members_case_study().url, "/search/?q=capital"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/reauthenticate/"), path
    assert client.get("/accounts/2fa/").status_code == 200, "the account pages stay open to pass the step"
    client.post("/accounts/2fa/reauthenticate/", {"code": totp_code()})
    assert client.get("/").status_code == 200


def test_password_guesses_on_a_confirmation_link_share_the_sign_in_lock(client):
    client.post("/accounts/signup/", signup_data("guessed@example.org"))
    (link,) = confirm_links("guessed@example.org")
    elsewhere = new_client()
    for _ in range(5):
        elsewhere.post("/accounts/login/", {"login": "guessed@example.org", "password": "wrong-guess-000"})
    response = elsewhere.post(link, {"password": "correct-horse-battery-9"})
    assert response.status_code == 200 and "Too many" in text_of(response)
    assert not EmailAddress.objects.get(email="guessed@example.org").verified


def test_the_sign_up_browser_shortcut_expires_and_ends_at_any_sign_in(client, member):
    from members.account_views import SIGNED_UP_SESSION_KEY

    client.post("/accounts/signup/", signup_data("shared-pc@example.org"))
    (link,) = confirm_links("shared-pc@example.org")
    session = client.session
    session[SIGNED_UP_SESSION_KEY]["at"] -= 16 * 60  # a quarter of an hour later, at the same computer
    session.save()
    assert "enter the password chosen" in text_of(client.get(link)).lower()
    client.post(link)
    assert not EmailAddress.objects.get(email="shared-pc@example.org").verified
    client.post("/accounts/signup/", signup_data("shared-pc2@example.org"))
    sign_in(client, member)  # someone else signs in at that computer
    client.logout()
    (link2,) = confirm_links("shared-pc2@example.org")
    client.post(link2)
    assert not EmailAddress.objects.get(email="shared-pc2@example.org").verified


def test_a_flood_of_other_cache_keys_never_culls_the_failed_login_count(settings, member):
    """The database cache culls by key order past MAX_ENTRIES: the hub's setting keeps the lock in place."""
    from hub.settings.base import CACHES

    settings.CACHES = CACHES  # the production default: the database cache
    call_command("createcachetable", verbosity=0)
    client = new_client()
    for _ in range(5):
        client.post("/accounts/login/", {"login": member.email, "password": "wrong-password"})
    from django.core.cache import caches

    db_cache = caches["default"]
    assert type(db_cache).__name__ == "DatabaseCache"
    for number in range(400):  # more than Django's default 300 entries, keys sorting after login_failed's
        db_cache.set(f"allauth:rl:allauth.account:reset_password:20/m:ip:{number}", [1.0], 60)
    client.post("/accounts/login/", {"login": member.email, "password": "a-long-test-password-1"})
    assert "_auth_user_id" not in client.session, "still locked"


def test_expired_rows_of_the_database_cache_are_pruned_daily(settings):
    from django.core.cache import caches

    from hub.periodic import prune_expired_cache_entries
    from hub.settings.base import CACHES

    settings.CACHES = CACHES
    call_command("createcachetable", verbosity=0)
    db_cache = caches["default"]
    db_cache.set("gone-soon", 1, 1)
    db_cache.set("kept", 1, 3600)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE hub_cache SET expires = %s WHERE cache_key LIKE %s",
            [connection.ops.adapt_datetimefield_value(timezone.now() - timedelta(hours=1)), "%gone-soon"],
        )
    assert prune_expired_cache_entries() == 1
    assert db_cache.get("kept") == 1
