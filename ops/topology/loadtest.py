# ruff: noqa: S603, S607, S108 - our own scripts and a fixed scratch folder, on loopback
"""`make topology-test`: Locust against the running topology while faults are injected; then the checks.

    .venv/bin/python ops/topology/loadtest.py [--seconds 300] [--users 30]

Faults, each in its own recorded window (scaled to the duration): an app server killed (SIGKILL) and
brought back, one OpenSearch node stopped, Redis stopped for 10 s, a worker killed while it sends alert
emails, the SMTP server down for 30 s, PostgreSQL restarted. Alert emails come from blog posts published
on a topic that seeded members follow. Afterwards: server errors outside the windows, canary words in
responses to readers who may not read them, every verification and alert email exactly once, every
submission and its attachment present. Ends with the `topology: …` line; exits non-zero unless all pass.
"""

from __future__ import annotations

import argparse
import collections
import email
import json
import os
import re
import subprocess
import sys
import threading
import time
from email import policy
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
TOPOLOGY_DIR = Path(os.environ.get("TOPOLOGY_DIR", "/tmp/hub-topology"))
MAILDIR = TOPOLOGY_DIR / "mail"
GRACE = 5  # seconds after a fault's repair still counted in its window (reconnections, nginx's fail_timeout)


def app_env() -> dict[str, str]:
    output = subprocess.run(
        ["bash", "-c", f". {HERE}/env.sh && app_env && env -0"], capture_output=True, check=True, text=True
    ).stdout
    return dict(item.split("=", 1) for item in output.split("\0") if "=" in item)


ENV = app_env()


def ctl(*args: str) -> None:
    subprocess.run([str(HERE / "ctl.sh"), *args], check=True, stdout=subprocess.DEVNULL)


def shell(code: str) -> str:
    return subprocess.run(
        [PY, "manage.py", "shell", "-c", code], cwd=ROOT, env=ENV, capture_output=True, text=True, check=True
    ).stdout


class Faults:
    def __init__(self, start: float) -> None:
        self.start = start
        self.windows: list[dict] = []
        self.posts: list[str] = []
        self.approved: list[int] = []
        self.publisher = subprocess.Popen(  # one Django process for every post: no start-up cost each time
            [PY, str(HERE / "publisher.py")],
            cwd=ROOT,
            env=ENV,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def window(self, name: str, began: float) -> None:
        self.windows.append({"name": name, "from": began, "to": time.time() + GRACE})
        print(f"  fault {name}: {began - self.start:.0f}-{time.time() - self.start:.0f} s", flush=True)

    def publish(self, topic: int) -> None:
        self.publisher.stdin.write(f"{topic}\n")
        self.publisher.stdin.flush()
        line = self.publisher.stdout.readline()
        self.posts.append(re.search(r"POST \d+ (.*)", line).group(1))

    def approve(self) -> None:
        """A moderator approves a case study the load submitted: its member is sent a status email."""
        self.publisher.stdin.write("APPROVE\n")
        self.publisher.stdin.flush()
        pk = int(re.search(r"APPROVED (\d+)", self.publisher.stdout.readline()).group(1))
        if pk:
            self.approved.append(pk)

    def run(self, seconds: int, topic: int) -> None:
        at = lambda fraction: self.start + fraction * seconds  # noqa: E731
        wait_until = lambda moment: time.sleep(max(0.0, moment - time.time()))  # noqa: E731
        wait_until(at(0.03))
        self.publish(topic)  # alerts sent with nothing wrong
        wait_until(at(0.08))
        began = time.time()
        ctl("kill", "app", "1")
        time.sleep(15)
        ctl("start", "app", "1")
        self.window("app server 1 killed", began)
        wait_until(at(0.22))
        began = time.time()
        ctl("stop", "opensearch-node", "2")
        time.sleep(20)
        ctl("start", "opensearch-node", "2")
        self.window("OpenSearch node 2 stopped", began)
        wait_until(at(0.36))
        began = time.time()
        ctl("stop", "redis")
        time.sleep(10)
        ctl("start", "redis")
        self.window("Redis stopped 10 s", began)
        wait_until(at(0.46))
        began = time.time()
        self.publish(topic)
        self.approve()
        time.sleep(1.5)  # the announcement is made and the sends have begun (each takes 50 ms at the relay)
        ctl("kill", "worker", "1")
        time.sleep(10)
        ctl("start", "worker", "1")
        self.window("worker 1 killed while sending", began)
        wait_until(at(0.58))
        began = time.time()
        ctl("stop", "smtp")
        self.publish(topic)  # alerts due while the relay is away
        self.approve()  # and a status email
        time.sleep(30)
        ctl("start", "smtp")
        self.window("SMTP down 30 s", began)
        wait_until(at(0.75))
        began = time.time()
        subprocess.run([str(HERE / "ctl.sh"), "restart", "postgres"], check=True)
        self.window("PostgreSQL restarted", began)
        wait_until(at(0.88))
        self.publish(topic)
        self.approve()


def mails() -> list[tuple[str, str, str, str]]:
    """(recipients, subject, plain text, Message-ID) of every recorded message."""
    found = []
    for path in sorted(MAILDIR.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        body = message.get_body(preferencelist=("plain",))
        found.append(
            (
                message.get("X-Recorded-Rcpt", ""),
                str(message["Subject"]),
                body.get_content() if body else "",
                str(message.get("Message-ID", path.name)),
            )
        )
    return found


DRAIN = """
from datetime import timedelta
from django.utils import timezone
from alerts.models import Delivery
# The back-off (5 minutes and more) and the lease of a send whose worker died (10 minutes) are compressed:
# nothing is being sent now (the queue has been quiet), so whatever is due later is made due now.
n = Delivery.objects.filter(status__in=["failed", "sending"], next_attempt_at__gt=timezone.now()).update(
    next_attempt_at=timezone.now())
# A worker killed while holding the clock's lease (10 minutes) stops the retries until it runs out: the
# live workers take the clock over at their next tick instead.
from hub.models import ClockLease
ClockLease.objects.filter(name="clock", held_until__gt=timezone.now()).update(held_until=timezone.now())
# Account emails the worker retries after a back-off (members.tasks: up to 10 minutes) are made due now too.
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tasks_db.models import get_date_max
n += DBTaskResult.objects.filter(status=TaskResultStatus.READY, run_after__gt=timezone.now()).exclude(
    run_after=get_date_max()).update(run_after=timezone.now())
print("DUE", n)
"""

ALERT_STATE = """
import json
from alerts.models import Delivery
rows = list(Delivery.objects.filter(announcement__page__title__startswith="Load alert ", digest=False)
            .values("email", "status", "announcement__page__title"))
print("ALERTS " + json.dumps(rows))
"""

STATUS_EMAILS = """
import json
from submissions.models import CaseStudySubmission
rows = [{"pk": s.pk, "email": s.owner.email.lower(), "title": s.page.title if s.page else "", "status": s.status}
        for s in CaseStudySubmission.objects.filter(pk__in=PKS).select_related("owner", "page")]
print("STATUS " + json.dumps(rows))
"""

SUBMISSIONS = """
import json, sys
from django.core.files.storage import storages
from submissions.models import CaseStudySubmission, SubmissionAttachment
wanted = json.loads(sys.stdin.read())
lost = []
for item in wanted:
    submission = CaseStudySubmission.objects.filter(pk=item["pk"]).first()
    files = list(SubmissionAttachment.objects.filter(submission_id=item["pk"]))
    ok = submission is not None and submission.status != "draft" and any(
        a.file.name.endswith(".pdf") and storages["private"].exists(a.file.name) for a in files)
    if not ok:
        lost.append(item)
print("LOST " + json.dumps(lost))
"""


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("TOPOLOGY_SECONDS", 300)))
    parser.add_argument("--users", type=int, default=int(os.environ.get("TOPOLOGY_USERS", 30)))
    parser.add_argument("--no-faults", action="store_true", help="the load only (for the 1 vs 2 app servers runs)")
    args = parser.parse_args()
    work = TOPOLOGY_DIR / "load"
    work.mkdir(parents=True, exist_ok=True)
    print("load test: seeding accounts and canaries", flush=True)
    output = subprocess.run(
        [PY, "manage.py", "shell"],
        cwd=ROOT,
        env={**ENV, "SEED_COUNT": str(max(10, args.users))},
        stdin=(HERE / "seed.py").open(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seed = json.loads(re.search(r"^SEED (.*)$", output, re.M).group(1))
    (work / "seed.json").write_text(json.dumps(seed))
    record, outcomes = work / "requests.jsonl", work / "outcomes.jsonl"
    record.write_text("")
    outcomes.write_text("")
    env = {
        **os.environ,
        "TOPOLOGY_SEED": str(work / "seed.json"),
        "TOPOLOGY_MAILDIR": str(MAILDIR),
        "TOPOLOGY_RECORD": str(record),
        "TOPOLOGY_OUTCOMES": str(outcomes),
    }
    url = ENV["BASE_URL"]
    print(f"load test: {args.users} users for {args.seconds} s against {url}", flush=True)
    start = time.time()
    locust = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "locust"),
            "-f",
            str(HERE / "locustfile.py"),
            "--headless",
            "--only-summary",
            "-u",
            str(args.users),
            "-r",
            str(max(1, args.users // 5)),
            "-t",
            f"{args.seconds}s",
            "--host",
            url,
            "--stop-timeout",
            "130",
            "--loglevel",
            "WARNING",
        ],
        env=env,
        stdout=(work / "locust.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    faults = Faults(start)
    injector = None
    if not args.no_faults:
        injector = threading.Thread(target=faults.run, args=(args.seconds, seed["alert_topic"]), daemon=True)
        injector.start()
    locust.wait()
    if injector:
        injector.join()
    elapsed = time.time() - start

    # Drain: every post announced, every alert sent, the recorder quiet for two rounds in a row.
    print("load test: draining emails", flush=True)
    if faults.publisher.stdin:
        faults.publisher.stdin.close()
    deadline = time.time() + 180
    counts: list[int] = []
    while time.time() < deadline:
        state = json.loads(re.search(r"ALERTS (.*)", shell(ALERT_STATE)).group(1))
        announced = {row["announcement__page__title"] for row in state}
        counts.append(len(list(MAILDIR.glob("*.eml"))))
        done = all(row["status"] == "sent" for row in state) and set(faults.posts) <= announced
        if done and len(counts) >= 3 and counts[-1] == counts[-2] == counts[-3]:
            break
        if len(counts) >= 2 and counts[-1] == counts[-2]:
            shell(DRAIN)
        time.sleep(8)

    requests = [json.loads(line) for line in record.read_text().splitlines() if line.strip()]
    results = [json.loads(line) for line in outcomes.read_text().splitlines() if line.strip()]

    def in_window(moment: float) -> str | None:
        for window in faults.windows:
            if window["from"] <= moment <= window["to"]:
                return window["name"]
        return None

    errors_by_window: collections.Counter = collections.Counter()
    requests_by_window: collections.Counter = collections.Counter()
    for row in requests:
        window = in_window(row["t"]) or "outside fault windows"
        requests_by_window[window] += 1
        if row["status"] == 0 or row["status"] >= 500:
            errors_by_window[window] += 1
    server_errors_outside = errors_by_window["outside fault windows"]
    leaks = [row for row in requests if row["leaks"]]

    # Emails: every sign-up's verification, every alert delivery, exactly once.
    recorded = mails()
    by_recipient: dict[str, list[tuple[str, str, str]]] = collections.defaultdict(list)
    for rcpt, subject, body, message_id in recorded:
        for address in rcpt.split(", "):
            by_recipient[address.lower()].append((subject, body, message_id))
    # A message is what the reader's mailbox shows: copies with one Message-ID are one message (a sender
    # that never read the relay's "250" sends it again, unchanged: hub/mail.py). Copies are counted apart.
    email_problems = []
    resent = 0
    for row in results:
        if row["kind"] == "signup":
            links = [m for s, b, m in by_recipient[row["email"]] if "/accounts/confirm-email/" in b]
            resent += len(links) - len(set(links))
            if len(set(links)) != 1:
                email_problems.append(f"verification to {row['email']}: {len(set(links))} received")
    alerts = json.loads(re.search(r"ALERTS (.*)", shell(ALERT_STATE)).group(1))
    for row in alerts:
        title = row["announcement__page__title"]
        got = [m for s, b, m in by_recipient[row["email"]] if title in s or title in b]
        resent += len(got) - len(set(got))
        if len(set(got)) != 1 or row["status"] != "sent":
            email_problems.append(f"alert '{title}' to {row['email']}: {len(set(got))} received, {row['status']}")
    statuses = json.loads(
        re.search(r"STATUS (.*)", shell(STATUS_EMAILS.replace("PKS", str(faults.approved)))).group(1)
    )
    for row in statuses:
        got = [m for s, b, m in by_recipient[row["email"]] if row["title"] in s and "is published" in s]
        resent += len(got) - len(set(got))
        if len(set(got)) != 1 or row["status"] != "published":
            email_problems.append(f"status email for '{row['title']}' to {row['email']}: {len(set(got))} received")
    submitted = [row for row in results if row["kind"] == "submission"]
    lost_output = subprocess.run(
        [PY, "manage.py", "shell", "-c", SUBMISSIONS],
        cwd=ROOT,
        env=ENV,
        input=json.dumps(submitted),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lost = json.loads(re.search(r"LOST (.*)", lost_output).group(1))

    # The table.
    kinds: dict[str, list[float]] = collections.defaultdict(list)
    for row in requests:
        kinds[row["kind"]].append(row["ms"])
    print()
    print(f"| kind | requests | p50 ms | p95 ms |   ({elapsed:.0f} s, {len(requests) / args.seconds:.1f} req/s)")
    print("| --- | --- | --- | --- |")
    for kind, values in sorted(kinds.items()):
        print(f"| {kind} | {len(values):,} | {percentile(values, 50):.0f} | {percentile(values, 95):.0f} |")
    print(
        f"| all | {len(requests):,} | {percentile([r['ms'] for r in requests], 50):.0f} | "
        f"{percentile([r['ms'] for r in requests], 95):.0f} |"
    )
    print()
    print("| window | seconds | requests | server errors |")
    print("| --- | --- | --- | --- |")
    for window in faults.windows:
        name = window["name"]
        print(
            f"| {name} | {window['from'] - start:.0f}-{window['to'] - start:.0f} | {requests_by_window[name]:,} | "
            f"{errors_by_window[name]} |"
        )
    print(f"| outside fault windows | | {requests_by_window['outside fault windows']:,} | {server_errors_outside} |")
    print()
    signups = sum(1 for r in results if r["kind"] == "signup")
    verified = sum(1 for r in results if r["kind"] == "verified")
    checks = sum(1 for r in results if r["kind"] == "canary-check")
    seen = sum(1 for r in results if r["kind"] == "canary-check" and r["seen"])
    print(
        f"sign-ups {signups} (verified during the run {verified}), alert emails {len(alerts)}, "
        f"submissions {len(submitted)} (approved during the run {len(statuses)}), emails recorded {len(recorded)} (of which copies sent again with the "
        f"same Message-ID {resent}); canary shown to its own audience "
        f"{seen}/{checks}; failed writes {sum(1 for r in results if r['kind'].endswith('-failed'))}"
    )
    for problem in email_problems[:20]:
        print("  email:", problem)
    for row in leaks[:20]:
        print("  leak:", row["reader"], row["url"], row["leaks"])
    for item in lost[:20]:
        print("  submission lost:", item)
    if checks and seen != checks:
        print("  the canary check is blind: an officer did not see the canary of a case study open to them")
    summary = (
        f"topology: {len(requests)} requests, {server_errors_outside} server errors outside fault windows, "
        f"{len(leaks)} leaks, {len(email_problems)} emails lost or doubled, {len(lost)} submissions lost, "
        f"{len(faults.windows)} faults injected"
    )
    (work / "summary.txt").write_text(summary + "\n")
    print(summary)
    if not args.no_faults and len(statuses) < 2:
        print("  the status-email check is blind: fewer than 2 submissions were approved during the run")
    ok = not (server_errors_outside or leaks or email_problems or lost) and (
        args.no_faults or (len(faults.windows) >= 5 and len(statuses) >= 2)
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
