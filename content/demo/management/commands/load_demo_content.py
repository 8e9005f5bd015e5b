from django.core.management.base import BaseCommand

from content.demo.loader import DemoLoader
from hub.indexing import deferred


class Command(BaseCommand):
    help = "Build the demo site (sample content). Safe to run again: existing content is left unchanged."

    def handle(self, *args, **options):
        # Indexed once per page and object as the load ends, in this process: searchable when this returns.
        with deferred():
            created = DemoLoader(log=self.stdout.write).run()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content: created {len(created)} items."))
        else:
            self.stdout.write("Demo content is already loaded; nothing changed.")
