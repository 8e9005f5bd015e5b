"""With the shared cache (Redis) away, people can still join and sign in, and rate limits still hold (issue 13).

allauth takes a cache lock before counting a rate-limited action and treats a lock it cannot take as a limit
reached: with Redis stopped, every sign-in was refused and every sign-up's verification email silently not
sent (the load test lost one). hub.cache_backends now counts rate-limited actions in the app server's memory
while Redis is away. The Redis here is a port nothing listens on: as seen by the app, Redis stopped.
"""

import socket

import pytest

from django.core import mail
from django.test import Client

from hub.cache_backends import TolerantRedisCache
from tests.members.conftest import make_member
from tests.members.test_journeys import signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_away(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: connections are refused, as with Redis stopped
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "hub.cache_backends.TolerantRedisCache", "LOCATION": f"redis://127.0.0.1:{port}/0"},
    }
    TolerantRedisCache.local_limits.clear()
    yield
    TolerantRedisCache.local_limits.clear()


def sign_in(password: str) -> tuple[int, str]:
    client = Client(HTTP_HOST="localhost")
    response = client.post("/accounts/login/", {"login": "steady@example.org", "password": password})
    return response.status_code, response.content.decode()


def test_a_sign_up_while_redis_is_away_gets_its_verification_email(client, redis_away):
    mail.outbox.clear()
    response = client.post("/accounts/signup/", signup_data("joined-meanwhile@example.org"))
    assert response.status_code == 302
    (message,) = [m for m in mail.outbox if m.to == ["joined-meanwhile@example.org"]]
    assert "/accounts/confirm-email/" in message.body


def test_sign_in_works_and_wrong_passwords_are_still_limited_while_redis_is_away(redis_away):
    make_member("steady@example.org", password="the-right-password-1")
    status, _ = sign_in("the-right-password-1")
    assert status == 302, "signing in is not refused for want of the cache"
    for _ in range(5):
        status, page = sign_in("a-wrong-password")
        assert status == 200 and "Too many failed" not in page
    status, page = sign_in("the-right-password-1")
    assert status != 302, "the sixth attempt is refused: the limit held without Redis"
    assert "Too many failed attempts to sign in" in page
