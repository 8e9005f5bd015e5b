from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from content.demo.accounts import DEMO_ACCOUNTS, DEMO_TOTP_SECRET, create_demo_accounts, demo_recovery_codes


class Command(BaseCommand):
    help = "Create the development-only demo accounts, one per tier (refuses to run with DEBUG off)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo accounts are for development only (DEBUG is off).")
        created = create_demo_accounts()
        for account in DEMO_ACCOUNTS:
            state = "created" if account["email"] in created else "exists"
            self.stdout.write(f"{account['label']:<28} {account['email']:<32} {account['password']}  ({state})")
        admin = next(account for account in DEMO_ACCOUNTS if account.get("superuser"))
        self.stdout.write(
            f"The administrator's second step (staff use two-factor authentication): run "
            f"`python manage.py demo_code` for the current code, add the key {DEMO_TOTP_SECRET} to an "
            f"authenticator app, or use a recovery code: {' '.join(demo_recovery_codes(admin['email'])[:3])}"
        )
