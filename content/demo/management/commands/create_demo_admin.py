from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "admin"
DEMO_EMAIL = "admin@example.org"
DEMO_PASSWORD = "hub-demo-admin"  # noqa: S105 - development only, stated in the README


class Command(BaseCommand):
    help = "Create the development-only demo admin account (refuses to run with DEBUG off)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo admin account is for development only (DEBUG is off).")
        user_model = get_user_model()
        if user_model.objects.filter(username=DEMO_USERNAME).exists():
            self.stdout.write("Demo admin already exists.")
            return
        user_model.objects.create_superuser(DEMO_USERNAME, DEMO_EMAIL, DEMO_PASSWORD)
        self.stdout.write(self.style.SUCCESS(f"Demo admin created: {DEMO_USERNAME} / {DEMO_PASSWORD}"))
