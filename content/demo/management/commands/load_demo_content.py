from django.core.management.base import BaseCommand, CommandError

from content.core.indexing import deferred
from content.demo.files import ContentFileError, load
from content.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Build the demo site (sample content). Safe to run again: existing content is left unchanged."

    def handle(self, *args, **options):
        try:  # every file is read and checked before anything is written
            content = load()
        except ContentFileError as error:
            raise CommandError(f"The demo content was not loaded: {error}") from error
        # Indexed once per page and object as the load ends, in this process: searchable when this returns.
        with deferred():
            created = DemoLoader(log=self.stdout.write, content=content).run()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content: created {len(created)} items."))
        else:
            self.stdout.write("Demo content is already loaded; nothing changed.")
