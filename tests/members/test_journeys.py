"""Whole journeys through the test client: join, verify, read; reset; export; delete."""

import json

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.core import mail

from content.case_studies.models import CaseStudyPage
from members.models import Consent, LocalAuthority, MemberProfile
from members.tiers import LOCAL_GOVERNMENT_MEMBERS, MEMBERS
from tests.helpers import soup, text_of
from tests.members.conftest import links_in, make_member, reauthenticate, sign_in

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"


def signup_data(email: str, **overrides) -> dict:
    data = {
        "full_name": "Priya Shah",
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "organisation_type": "voluntary_community",
        "organisation_name": "Burslem Community Hub",
        "job_role": "Development worker",
        "accept_privacy": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def members_case_study() -> CaseStudyPage:
    return CaseStudyPage.objects.live().filter(audience="members").order_by("pk").first()


def test_join_verify_and_read_a_member_case_study(client):
    study = members_case_study()
    teaser = client.get(study.url)
    assert teaser.status_code == 200
    assert "Sign in or join to read this case study" in text_of(teaser)
    assert "The challenge" not in text_of(teaser)

    response = client.post(f"/accounts/signup/?next={study.url}", signup_data("priya@example.org", next=study.url))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/confirm-email/")
    user = get_user_model().objects.get(email="priya@example.org")
    profile = MemberProfile.objects.get(user=user)
    assert profile.full_name == "Priya Shah" and profile.job_role == "Development worker"
    consent = Consent.objects.get(user=user)
    assert consent.kind == Consent.Kind.PRIVACY_NOTICE and consent.wording_version == "2025-01"
    assert not user.groups.filter(name=MEMBERS).exists(), "no tier before the address is verified"

    # Not yet verified: still the teaser, and logging in only resends the verification.
    assert "The challenge" not in text_of(client.get(study.url))
    (message,) = mail.outbox
    assert message.to == ["priya@example.org"]
    assert any(mime == "text/html" for _, mime in message.alternatives), "emails have an HTML part too"
    (confirm_path,) = [path for path in links_in(message) if "/accounts/confirm-email/" in path]

    # One click: in the browser that signed up, opening the link confirms (members.account_views).
    response = client.get(confirm_path)
    assert response.status_code == 302
    assert response["Location"] == study.url, "returned to the page they came from"
    user.refresh_from_db()
    assert user.groups.filter(name=MEMBERS).exists()
    assert not user.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()

    full = client.get(study.url)
    assert "The challenge" in text_of(full)
    assert {"private", "no-store"} <= set(full["Cache-Control"].split(", "))


def test_signup_form_keeps_what_was_typed_and_explains_errors(client):
    response = client.post(
        "/accounts/signup/",
        signup_data("keep@example.org", organisation_type="local_authority", accept_privacy=None, password2="nope"),
    )
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one("[data-error-summary]") is not None
    assert html.find(id="id_full_name")["value"] == "Priya Shah"
    assert html.find(id="id_email")["value"] == "keep@example.org"
    assert html.find(id="id_job_role")["value"] == "Development worker"
    assert html.find(id="id_organisation_type_0") is not None
    checked = html.select_one('input[name="organisation_type"][checked]')
    assert checked["value"] == "local_authority"
    errors = text_of(response)
    assert "Choose your local authority from the list." in errors
    assert "You need to accept the privacy notice to join." in errors
    local_authority = html.find(id="id_local_authority")
    assert local_authority["aria-invalid"] == "true"
    assert "id_local_authority-error" in local_authority["aria-describedby"]
    assert not get_user_model().objects.filter(email="keep@example.org").exists()


def test_newsletter_is_opt_in_and_recorded_with_its_wording(client):
    html = soup(client.get("/accounts/signup/"))
    assert html.find(id="id_newsletter").get("checked") is None, "the newsletter box starts unticked"
    client.post("/accounts/signup/", signup_data("news@example.org", newsletter="on"))
    user = get_user_model().objects.get(email="news@example.org")
    kinds = set(Consent.objects.filter(user=user).values_list("kind", flat=True))
    assert kinds == {Consent.Kind.PRIVACY_NOTICE, Consent.Kind.NEWSLETTER}


def test_local_authority_is_chosen_from_the_shipped_list(client):
    stoke = LocalAuthority.objects.get(gss_code="E06000021")
    client.post(
        "/accounts/signup/",
        signup_data(
            "officer@stoke.gov.uk", organisation_type="local_authority", organisation_name="", local_authority=stoke.pk
        ),
    )
    profile = MemberProfile.objects.get(user__email="officer@stoke.gov.uk")
    assert profile.local_authority == stoke
    assert profile.organisation == "Stoke-on-Trent City Council"


def test_gov_uk_address_joins_the_local_government_tier_on_verification(client):
    client.post("/accounts/signup/", signup_data("worker@stoke.gov.uk"))
    (confirm_path,) = [p for p in links_in(mail.outbox[0]) if "/accounts/confirm-email/" in p]
    client.post(confirm_path)
    user = get_user_model().objects.get(email="worker@stoke.gov.uk")
    assert set(user.groups.values_list("name", flat=True)) == {MEMBERS, LOCAL_GOVERNMENT_MEMBERS}


def test_signing_up_again_while_unverified_sends_a_link_that_works_and_drops_the_first_attempt(client):
    first = client.post("/accounts/signup/", signup_data("again@example.org"))
    from django.core.cache import cache

    cache.clear()  # allauth allows one verification email per address every few minutes; time passes
    mail.outbox.clear()
    second = client.post("/accounts/signup/", signup_data("again@example.org", full_name="Priya S Shah"))
    assert first.status_code == second.status_code == 302
    (message,) = mail.outbox
    (confirm_path,) = [p for p in links_in(message) if "/accounts/confirm-email/" in p]
    client.post(confirm_path)
    (user,) = get_user_model().objects.filter(email="again@example.org")
    assert user.member_profile.full_name == "Priya S Shah", "the link verifies the sign-up it was sent for"
    assert EmailAddress.objects.get(email="again@example.org").verified
    assert user.groups.filter(name=MEMBERS).exists()


def test_signup_gives_the_same_answer_for_known_and_unknown_addresses(client, member):
    known = client.post("/accounts/signup/", signup_data(member.email))
    other_client = type(client)(HTTP_HOST="localhost")
    unknown = other_client.post("/accounts/signup/", signup_data("brand-new@example.org"))
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert text_of(client.get(known["Location"])) == text_of(other_client.get(unknown["Location"])).replace(
        "brand-new@example.org", member.email
    )
    to_known = [m for m in mail.outbox if m.to == [member.email]]
    assert to_known and "already" in to_known[0].body.lower()


def test_password_reset_same_answer_then_new_password_works(client, member):
    known = client.post("/accounts/password/reset/", {"email": member.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    (message,) = [m for m in mail.outbox if m.to == [member.email]]
    (reset_path,) = [p for p in links_in(message) if "/accounts/password/reset/key/" in p]
    form_page = client.get(reset_path, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_path
    response = client.post(action, {"password1": "a-brand-new-password-7", "password2": "a-brand-new-password-7"})
    assert response.status_code == 302
    client.logout()
    response = client.post("/accounts/login/", {"login": member.email, "password": "a-brand-new-password-7"})
    assert response.status_code == 302 and response["Location"] == "/members/"


def test_unverified_account_cannot_sign_in(client, unverified_user):
    response = client.post("/accounts/login/", {"login": unverified_user.email, "password": "a-long-test-password-1"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/confirm-email/")
    assert "_auth_user_id" not in client.session


def test_change_of_email_is_verified_before_it_counts(client, council_member):
    sign_in(client, council_member)
    response = client.post("/accounts/email/", {"action_add": "", "email": "someone@example.org"})
    assert response["Location"].startswith("/accounts/reauthenticate/"), "the password first"
    reauthenticate(client)
    response = client.post("/accounts/email/", {"action_add": "", "email": "someone@example.org"})
    assert response.status_code == 302
    council_member.refresh_from_db()
    assert council_member.email == "officer@leeds.gov.uk"
    assert council_member.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
    message = next(m for m in mail.outbox if m.to == ["someone@example.org"])
    (confirm_path,) = [p for p in links_in(message) if "/accounts/confirm-email/" in p]
    client.post(confirm_path)
    council_member.refresh_from_db()
    assert council_member.email == "someone@example.org"
    assert EmailAddress.objects.get(user=council_member, primary=True).email == "someone@example.org"
    assert not council_member.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists(), "tier follows the new address"


def test_member_edits_details_and_withdraws_newsletter_consent(client, member):
    from members import consents

    consents.record(member, Consent.Kind.NEWSLETTER)
    client.force_login(member)
    response = client.post(
        "/members/details/",
        {
            "profile-full_name": "New Name",
            "profile-organisation_type": "academic",
            "profile-organisation_name": "A University",
            "profile-job_role": "Researcher",
        },
    )
    assert response.status_code == 302
    client.post("/alerts/settings/", {"alerts-all_papers": "on", "alerts-frequency": "immediate"})
    profile = MemberProfile.objects.get(user=member)
    assert (profile.full_name, profile.organisation_type, profile.release_alerts) == ("New Name", "academic", True)
    newsletter = Consent.objects.get(user=member, kind=Consent.Kind.NEWSLETTER)
    client.post(f"/members/consents/{newsletter.pk}/withdraw/")
    newsletter.refresh_from_db()
    assert newsletter.withdrawn_at is not None
    assert "Withdrawn" in text_of(client.get("/members/"))


def test_export_holds_all_my_personal_data_and_nobody_elses(client, member, council_member):
    sign_in(client, member)
    response = client.get("/members/export/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/reauthenticate/")
    response = reauthenticate(client, next_path="/members/export/")
    assert response["Location"] == "/members/export/"
    assert "Download my data" in text_of(client.get("/members/export/"))
    response = client.post("/members/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["profile"]["full_name"] == "Test Member"
    assert data["consents"][0]["wording_version"] == "2025-01"
    assert data["email_addresses"] == [{"email": member.email, "verified": True, "primary": True}]
    assert council_member.email not in response.content.decode()
    # What the member did on the site is theirs too: follows, reading list, questions, submissions.
    assert {"alerts", "reading_list", "papers_opened", "case_study_questions", "case_study_submissions"} <= set(data)


def test_export_and_member_area_need_sign_in(client):
    for url in ("/members/", "/members/export/", "/members/delete/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_delete_account_removes_personal_data_and_keeps_authored_pages(client, member):
    study = members_case_study()
    study.owner = member
    study.save(update_fields=["owner"])
    sign_in(client, member)
    assert client.get("/members/delete/")["Location"].startswith("/accounts/reauthenticate/")
    reauthenticate(client, next_path="/members/delete/")
    response = client.post("/members/delete/", {"confirm": "nope"})
    assert response.status_code == 200 and "Type DELETE" in text_of(response)
    response = client.post("/members/delete/", {"confirm": "DELETE"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(email=member.email).exists()
    assert not EmailAddress.objects.filter(email=member.email).exists()
    assert not Consent.objects.filter(user_id=member.pk).exists()
    study.refresh_from_db()
    assert study.owner is None and study.live
    assert (
        client.post("/accounts/login/", {"login": member.email, "password": "a-long-test-password-1"}).status_code
        == 200
    )


def test_failed_logins_are_rate_limited(client, member):
    for _ in range(5):
        client.post("/accounts/login/", {"login": member.email, "password": "wrong-password"})
    response = client.post("/accounts/login/", {"login": member.email, "password": "a-long-test-password-1"})
    assert "_auth_user_id" not in client.session, "the right password is refused once the limit is reached"
    assert response.status_code in (200, 429)


def test_signed_in_member_without_the_tier_gets_the_teaser_and_a_way_to_ask(client, member):
    study = CaseStudyPage.objects.live().filter(audience="local_government").first()
    client.force_login(member)
    response = client.get(study.url)
    assert response.status_code == 200, "not bounced to the login page"
    text = text_of(response)
    assert "for local government members" in text
    assert "The challenge" not in text
    link = soup(response).find("a", string="Request local government access")
    assert link["href"].startswith("/members/local-government-access/")
    response = client.post(link["href"], {"access-reason": "I work for a council's regeneration team."})
    assert response.status_code == 302
    assert "waiting for a decision" in text_of(client.get(study.url))


def test_editor_approves_access_request_and_member_is_told(client, member):
    from django.test import Client

    from members.models import AccessRequest

    access = AccessRequest.objects.create(user=member, reason="Council officer")
    admin = make_member("editor@example.org")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    editor = Client(HTTP_HOST="localhost")
    editor.force_login(admin)
    queue = editor.get("/admin/access-requests/")
    assert queue.status_code == 200 and member.email in queue.content.decode()
    # The editor opens the request from the list (its row links to the decision form).
    (link,) = [a["href"] for a in soup(queue).select("table a") if a["href"].endswith(f"/edit/{access.pk}/")]
    decision_page = editor.get(link)
    assert decision_page.status_code == 200
    assert "Council officer" in text_of(decision_page), "the editor sees the reason they decide on"
    response = editor.post(link, {"status": "approved", "decision_note": "Welcome"})
    assert response.status_code == 302
    access.refresh_from_db()
    assert access.decided_by == admin and access.decided_at is not None
    assert member.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
    (message,) = [m for m in mail.outbox if m.to == [member.email]]
    assert "approved" in message.subject.lower() and "Welcome" in message.body
    assert any(mime == "text/html" for _, mime in message.alternatives)


def test_an_address_added_to_someone_elses_account_is_never_verified_onto_it(client, member):
    """Finding 2 (address squatting): the squatter's unverified claim blocks nothing and is removed."""
    attacker = make_member("attacker@example.org")
    EmailAddress.objects.create(user=attacker, email="officer@stoke.gov.uk", verified=False, primary=False)
    mail.outbox.clear()
    client.post("/accounts/signup/", signup_data("officer@stoke.gov.uk"))
    (message,) = [m for m in mail.outbox if m.to == ["officer@stoke.gov.uk"]]
    (confirm_path,) = [p for p in links_in(message) if "/accounts/confirm-email/" in p]
    client.post(confirm_path)
    owner = EmailAddress.objects.get(email="officer@stoke.gov.uk", verified=True).user
    assert owner != attacker and owner.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
    assert not EmailAddress.objects.filter(user=attacker, email="officer@stoke.gov.uk").exists()
    attacker.refresh_from_db()
    assert not attacker.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()


def test_request_access_never_redirects_off_site(client, member):
    client.force_login(member)
    response = client.post(
        "/members/local-government-access/", {"access-reason": "Council officer", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response["Location"] == "/members/"


def test_allowlist_changes_move_members_between_tiers_at_once(member):
    from members.models import LocalGovernmentDomain

    assert not member.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
    domain = LocalGovernmentDomain.objects.create(domain="example.org")
    assert member.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
    domain.delete()
    assert not member.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
