"""The member's area gathers other apps' sections through members.sections, and members imports none of them."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from wagtail import hooks

from members.sections import MEMBER_DASHBOARD, MEMBER_EXPORT, dashboard_sections, export_sections
from tests.helpers import soup
from tests.members.conftest import make_member, reauthenticate, sign_in

pytestmark = pytest.mark.django_db
FEATURE_APPS = {"alerts", "questions", "submissions", "insights", "search", "website"}


def test_each_app_adds_its_sections_to_the_export():
    member = make_member("sections-export@example.org")
    assert {"alerts", "case_study_questions", "case_study_submissions"} <= set(export_sections(member))


def test_a_section_registered_by_an_app_reaches_the_members_area_and_the_export(client):
    member = make_member("sections-new@example.org")

    def badges(request, profile):
        return {"badge_note": f"Badges for {profile.full_name}"}

    def badge_export(user):
        return {"badges": [f"joined as {user.email}"]}

    with hooks.register_temporarily(MEMBER_DASHBOARD, badges), hooks.register_temporarily(MEMBER_EXPORT, badge_export):
        assert "badge_note" in dashboard_sections(type("R", (), {"user": member})(), member.member_profile)
        sign_in(client, member)
        reauthenticate(client, next_path="/members/export/")
        data = json.loads(client.post("/members/export/").content)
        assert data["badges"] == ["joined as sections-new@example.org"]
        assert data["account"]["email"] == member.email  # the member's own parts are still there


def test_the_members_area_still_shows_the_alert_settings_from_the_alerts_app():
    member = make_member("sections-page@example.org")
    client = Client()
    client.force_login(member)
    html = soup(client.get("/members/"))
    assert html.select_one('form input[name="alerts-frequency"], form [name="alerts-frequency"]') is not None


def _top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
    return found


def test_members_imports_no_feature_app():
    """members is below alerts, questions and submissions: they add to it, it never reaches for them."""
    root = Path(settings.BASE_DIR) / "members"
    offenders = {
        path.relative_to(root).as_posix(): sorted(_top_level_imports(path) & FEATURE_APPS)
        for path in root.rglob("*.py")
        if "migrations" not in path.parts and _top_level_imports(path) & FEATURE_APPS
    }
    assert offenders == {}


def test_a_section_that_gives_a_key_already_given_is_refused():
    member = make_member("sections-clash@example.org")

    def takes_the_account(user):
        return {"account": {"email": "someone-else@example.org"}}

    def takes_alerts(user):
        return {"alerts": []}

    with hooks.register_temporarily(MEMBER_EXPORT, takes_the_account), pytest.raises(ImproperlyConfigured):
        export_sections(member, taken={"account": {"email": member.email}})
    with hooks.register_temporarily(MEMBER_EXPORT, takes_alerts), pytest.raises(ImproperlyConfigured, match="alerts"):
        export_sections(member)
