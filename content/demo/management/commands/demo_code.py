from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from content.demo.accounts import current_demo_code


class Command(BaseCommand):
    help = "Print the demo administrator's current two-factor code (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo accounts are for development only (DEBUG is off).")
        self.stdout.write(current_demo_code())
