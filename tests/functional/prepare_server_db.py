"""Ready a copy of this run's demo-loaded test database for the browser tests' server, in one process.

Run by tests/functional/conftest.py as ``python -m tests.functional.prepare_server_db`` under the server's
setup settings (hub.settings.dev, DEBUG on), on a copy of the database tests/template_db.py built under
hub.settings.test, in place of ``migrate`` + ``load_demo_content`` (about 17 CPU-seconds saved per run).
What the two ways of building it differ in, and what is done about it:

- the database cache table: the test settings use a memory cache, so their ``migrate`` made no ``hub_cache``
  table; the dev settings keep rate limits and the page cache in it. Made here (``createcachetable``, which
  is the only post-migrate step whose result depends on the settings; the schema is the same migrations').
- the site's address: the demo loader gives the site WAGTAILADMIN_BASE_URL's host and port, ``localhost:80``
  under the test settings. Set here to the dev settings' address, as ``make demo`` leaves it.
- left as they are, since the browser tests' server runs no worker: under the test settings the demo's
  release announcements ran at once (16 announcements, no recipients: there were no accounts yet), where
  the dev settings left one queued ``announce_page`` task per published page, never run. And the tests'
  extra allow-listed council domain, leeds.gov.uk (tests/conftest.py), which no browser test signs up with.

Then the demo accounts, as ``manage.py create_demo_accounts`` makes them (it refuses to run with DEBUG off).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import django


def main() -> None:
    django.setup()

    from django.conf import settings
    from django.core.management import call_command

    from wagtail.models import Site

    call_command("createcachetable")
    # As content/demo/loader.py's home step addresses the site it creates.
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if base.scheme == "https" else 80
    for site in Site.objects.filter(is_default_site=True):
        site.hostname, site.port = base.hostname or "localhost", base.port or default_port
        site.save()
    # With the system checks, as `manage.py create_demo_accounts` runs them: they load the URLs, and with them
    # the admin's models Wagtail's reference index follows (without, the officer's council was not indexed).
    call_command("create_demo_accounts", skip_checks=False)


if __name__ == "__main__":
    main()
