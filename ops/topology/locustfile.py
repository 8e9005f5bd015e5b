# ruff: noqa: S311 - random picks of pages and visitors, not secrets
"""The load of `make topology-test` (Locust, headless): readers, searchers, members, writers.

Weights by user class: 70 anonymous readers over every page type, 15 searchers (results and suggestions),
10 signed-in members and local-government members (case studies, the members' area, reading lists), 5 writers
(sign-ups with email verification read from the SMTP recorder, follows, reading-list saves, case-study
submissions with an attachment). Every response is recorded (TOPOLOGY_RECORD, one JSON line each) and
checked for the canary words of the restricted case studies the reader may not open.
Reads TOPOLOGY_SEED (ops/topology/seed.py's JSON) and TOPOLOGY_MAILDIR (the SMTP recorder's folder).
"""

from __future__ import annotations

import email
import itertools
import json
import os
import random
import re
import time
import uuid
from email import policy
from pathlib import Path

import gevent
import urllib3
from locust import HttpUser, between, events, task

urllib3.disable_warnings()
SEED = json.loads(Path(os.environ["TOPOLOGY_SEED"]).read_text())
MAILDIR = Path(os.environ["TOPOLOGY_MAILDIR"])
RECORD = open(os.environ["TOPOLOGY_RECORD"], "a", buffering=1)  # noqa: SIM115 - for the whole run
OUTCOMES = open(os.environ["TOPOLOGY_OUTCOMES"], "a", buffering=1)  # noqa: SIM115
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SEARCH_WORDS = ["social capital", "community", "wealth", "neighbourhood", "trust", "housing", "stoke", "health"]
PREFIXES = ["soc", "comm", "neigh", "wea", "tru", "hou", "par", "loc"]
ALL_PAGES = [page["url"] for pages in SEED["pages"].values() for page in pages]
CANARIES = {c["audience"]: [] for c in SEED["canaries"]}
for canary in SEED["canaries"]:
    CANARIES[canary["audience"]].append(canary["word"])
CLOSED_TO = {  # canary words each kind of reader must never see
    "anonymous": [w for words in CANARIES.values() for w in words],
    "member": CANARIES.get("local_government", []),
    "officer": [],
}
PASSWORD = SEED["password"]
TURNS = itertools.count()
pools = {"members": list(SEED["members"]), "officers": list(SEED["officers"])}
random.shuffle(pools["members"])
random.shuffle(pools["officers"])


def outcome(kind: str, **data) -> None:
    OUTCOMES.write(json.dumps({"kind": kind, "t": time.time(), **data}) + "\n")


@events.request.add_listener
def record(request_type, name, response_time, response_length, response=None, context=None, exception=None, **kw):
    status = getattr(response, "status_code", 0) or 0
    reader = (context or {}).get("reader", "anonymous")
    leaks = []
    if response is not None and status == 200 and CLOSED_TO.get(reader):
        text = (
            response.text
            if "text" in response.headers.get("Content-Type", "") or "json" in response.headers.get("Content-Type", "")
            else ""
        )
        leaks = [word for word in CLOSED_TO[reader] if word in text]
    RECORD.write(
        json.dumps(
            {
                "t": time.time(),
                "kind": (context or {}).get("kind", "other"),
                "name": name,
                "status": status,
                "ms": response_time,
                "reader": reader,
                "leaks": leaks,
                "url": getattr(response, "url", "") if leaks else "",
            }
        )
        + "\n"
    )


class HubUser(HttpUser):
    abstract = True
    reader = "anonymous"
    kind = "read"

    def on_start(self) -> None:
        self.client.verify = False
        # The CDN in front of nginx: each visitor its own address (TRUSTED_PROXY_COUNT=2 in the topology).
        self.client.headers["X-Forwarded-For"] = (
            f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
        )

    def get(self, url: str, kind: str | None = None, name: str | None = None, **kwargs):
        return self.client.get(
            url, name=name or url, context={"kind": kind or self.kind, "reader": self.reader}, **kwargs
        )

    def post(self, url: str, data, kind: str = "write", name: str | None = None, **kwargs):
        return self.client.post(
            url,
            data=data,
            name=name or url,
            headers={"Referer": self.host + url},
            allow_redirects=False,
            context={"kind": kind, "reader": self.reader},
            **kwargs,
        )

    def token(self, url: str, kind: str = "write") -> str | None:
        response = self.get(url, kind=kind)
        found = CSRF.search(response.text or "")
        return found.group(1) if found else None

    def sign_in(self, address: str) -> bool:
        csrf = self.token("/accounts/login/", kind="sign-in")
        response = self.post(
            "/accounts/login/", {"csrfmiddlewaretoken": csrf, "login": address, "password": PASSWORD}, kind="sign-in"
        )
        return response.status_code == 302


class AnonymousReader(HubUser):
    weight = 70
    wait_time = between(0.3, 1.5)

    @task(10)
    def page(self) -> None:
        self.get(random.choice(ALL_PAGES))

    @task(2)
    def restricted_teaser(self) -> None:
        self.get(random.choice(SEED["canaries"])["url"])

    @task(1)
    def feeds_and_lists(self) -> None:
        self.get(random.choice(["/feeds/papers/", "/feeds/blog/", "/sitemap.xml", "/blog/?page=2", "/robots.txt"]))


class Searcher(HubUser):
    weight = 15
    wait_time = between(0.3, 1.5)
    kind = "search"

    @task(3)
    def search(self) -> None:
        self.get(f"/search/?q={random.choice(SEARCH_WORDS)}", name="/search/?q=…")

    @task(4)
    def suggest(self) -> None:
        self.get(f"/search/suggest/?q={random.choice(PREFIXES)}", kind="suggest", name="/search/suggest/?q=…")


class MemberReader(HubUser):
    weight = 10
    wait_time = between(0.3, 1.5)
    kind = "member"

    def on_start(self) -> None:
        super().on_start()
        # Half members, half local-government members (in turn, so even two readers cover both tiers).
        pool = "members" if next(TURNS) % 2 == 0 else "officers"
        self.reader = "member" if pool == "members" else "officer"
        self.address = pools[pool].pop() if pools[pool] else random.choice(SEED[pool])
        self.signed_in = self.sign_in(self.address)

    @task(4)
    def case_study(self) -> None:
        canary = random.choice(SEED["canaries"])
        response = self.get(canary["url"], name="case study (member)")
        if self.reader == "officer" and response.status_code == 200:
            outcome("canary-check", seen=canary["word"] in response.text, url=canary["url"])

    @task(2)
    def members_area(self) -> None:
        self.get("/members/", name="/members/")

    @task(2)
    def page(self) -> None:
        self.get(random.choice(ALL_PAGES), name="page (member)")

    @task(1)
    def search(self) -> None:
        self.get(f"/search/?q={random.choice(SEARCH_WORDS)}", name="/search/?q=… (member)")


class SignUpWriter(HubUser):
    """Joins, reads the verification email from the SMTP recorder, follows its link."""

    fixed_count = max(1, int(os.environ.get("TOPOLOGY_USERS", "30")) // 15)
    wait_time = between(1, 3)
    kind = "write"

    @task
    def sign_up(self) -> None:
        self.client.cookies.clear()
        self.reader = "anonymous"
        address = f"joiner-{uuid.uuid4().hex[:12]}@example.org"
        csrf = self.token("/accounts/signup/")
        response = self.post(
            "/accounts/signup/",
            {
                "csrfmiddlewaretoken": csrf,
                "full_name": "Load Joiner",
                "email": address,
                "password1": "a-long-load-password-5",
                "password2": "a-long-load-password-5",
                "organisation_type": "voluntary_community",
                "organisation_name": "Load Community Group",
                "job_role": "Volunteer",
                "accept_privacy": "on",
            },
            name="/accounts/signup/ (POST)",
        )
        if response.status_code != 302:
            outcome("signup-failed", email=address, status=response.status_code)
            return
        outcome("signup", email=address)
        link = None
        deadline = time.time() + 120
        while link is None and time.time() < deadline:
            gevent.sleep(1)
            link = confirmation_link(address)
        if link is None:
            return  # the check after the run decides whether it was lost or late
        # The link confirms on opening in the browser that signed up (a redirect); elsewhere it asks for the
        # password first.
        response = self.get(link, kind="write", name="/accounts/confirm-email/…", allow_redirects=False)
        if response.status_code == 200 and CSRF.search(response.text or ""):
            response = self.post(
                link,
                {"csrfmiddlewaretoken": CSRF.search(response.text).group(1), "password": "a-long-load-password-5"},
                name="/accounts/confirm-email/… (POST)",
            )
        outcome(
            "verified" if response.status_code == 302 else "verify-failed", email=address, status=response.status_code
        )


def confirmation_link(address: str) -> str | None:
    for path in MAILDIR.glob("*.eml"):
        raw = path.read_bytes()
        if address.encode() not in raw[:500]:
            continue
        message = email.message_from_bytes(raw, policy=policy.default)
        body = message.get_body(preferencelist=("plain",))
        found = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", body.get_content() if body else "")
        if found:
            return found.group(1)
    return None


class MemberWriter(HubUser):
    """A local-government member who follows topics and saves pages to the reading list."""

    fixed_count = max(1, int(os.environ.get("TOPOLOGY_USERS", "30")) // 10)
    wait_time = between(1, 3)
    kind = "write"
    reader = "officer"

    def on_start(self) -> None:
        super().on_start()
        self.address = pools["officers"].pop() if pools["officers"] else random.choice(SEED["officers"])
        self.sign_in(self.address)

    @task(3)
    def follow(self) -> None:
        csrf = self.token("/members/")
        topic = random.choice([t for t in SEED["topics"] if t != SEED["alert_topic"]] or SEED["topics"])
        self.post("/alerts/follow/", {"csrfmiddlewaretoken": csrf, "topic": topic}, name="/alerts/follow/ (POST)")

    @task(3)
    def save(self) -> None:
        csrf = self.token("/members/")
        page = random.choice(SEED["saveable"])
        self.post(
            "/members/reading-list/", {"csrfmiddlewaretoken": csrf, "page": page}, name="/members/reading-list/ (POST)"
        )


class SubmissionWriter(HubUser):
    """A local-government member sharing a case study with an attachment, every half minute or so. (Each
    submission files its attachment as a document, which renews the whole anonymous page cache: website.page_cache.)
    """

    fixed_count = 1
    wait_time = between(15, 30)
    kind = "write"
    reader = "officer"

    def on_start(self) -> None:
        super().on_start()
        self.address = pools["officers"].pop() if pools["officers"] else random.choice(SEED["officers"])
        self.sign_in(self.address)

    @task
    def submit_case_study(self) -> None:
        base = "/case-studies/submit/"
        csrf = self.token(base)
        name = f"evidence-{uuid.uuid4().hex[:10]}.pdf"
        title = f"Load case study {uuid.uuid4().hex[:8]}"
        response = self.post(
            base,
            {
                "csrfmiddlewaretoken": csrf,
                "local_authority": SEED["authority"],
                "contacts-TOTAL_FORMS": "1",
                "contacts-INITIAL_FORMS": "0",
                "contacts-MIN_NUM_FORMS": "0",
                "contacts-MAX_NUM_FORMS": "1000",
                "contacts-0-name": "Load Officer",
                "contacts-0-role": "Lead",
                "contacts-0-email": self.address,
            },
            name="submission: authority",
        )
        if response.status_code != 302:
            outcome("submission-failed", step="authority", status=response.status_code)
            return
        pk = int(response.headers["Location"].strip("/").split("/")[-2])
        steps = {
            "challenge": {"challenge": "Three estates had lost their last shared spaces."},
            "what-you-did": {"what_we_did": "We handed two buildings to resident groups."},
            "outcomes": {
                "outcomes": "Footfall doubled in a year.",
                "figures-TOTAL_FORMS": "1",
                "figures-INITIAL_FORMS": "0",
                "figures-MIN_NUM_FORMS": "0",
                "figures-MAX_NUM_FORMS": "1000",
                "figures-0-label": "more visits a week",
                "figures-0-value": "1,200",
                "figures-0-note": "Counters",
            },
            "lessons": {"lessons": "Start with the people already running things."},
            "about": {
                "title": title,
                "summary": "How a council handed buildings to residents.",
                "topics": [str(SEED["topics"][0])],
            },
        }
        for slug, data in steps.items():
            response = self.post(
                f"{base}{pk}/{slug}/", {"csrfmiddlewaretoken": csrf, **data}, name=f"submission: {slug}"
            )
            if response.status_code != 302:
                outcome("submission-failed", step=slug, status=response.status_code, pk=pk)
                return
        pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\n% " + name.encode() + b"\n%%EOF\n"
        response = self.client.post(
            f"{base}{pk}/attachments/",
            data={"csrfmiddlewaretoken": csrf},
            files={"files": (name, pdf, "application/pdf")},
            headers={"Referer": f"{self.host}{base}{pk}/attachments/"},
            allow_redirects=False,
            name="submission: attachments",
            context={"kind": "write", "reader": self.reader},
        )
        if response.status_code != 302:
            outcome("submission-failed", step="attachments", status=response.status_code, pk=pk)
            return
        response = self.post(
            f"{base}{pk}/preview/", {"csrfmiddlewaretoken": csrf, "action": "submit"}, name="submission: submit"
        )
        if response.status_code == 302:
            outcome("submission", pk=pk, file=name, title=title)
        else:
            outcome("submission-failed", step="submit", status=response.status_code, pk=pk)
