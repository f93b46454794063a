from django.core.management.base import BaseCommand

from ingest.extraction.gazetteer import Gazetteer
from timeline.gazetteer import load_gazetteer


class Command(BaseCommand):
    help = "Load the gazetteer of actors, aliases and offices into the database (idempotent)."

    def handle(self, *args, **options):
        counts = load_gazetteer(Gazetteer.default().records)
        self.stdout.write(
            f"gazetteer: {counts.actors} new actors, {counts.aliases} new aliases, {counts.offices} new offices"
        )
