"""The Indonesian interface: the language switch turns the curation panel and the sharing pages
into Indonesian, and the committed catalogue has no entry left untranslated, fuzzy or uncompiled."""

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from sharing.states import share_state
from tests.factories import make_curator, make_event
from timeline import curation

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@pytest.fixture(autouse=True)
def fresh_cache_and_english_after():
    cache.clear()  # pages are cached per language: start each test from nothing
    yield
    cache.clear()
    # The locale middleware leaves the last request's language active in this thread: later tests expect English.
    translation.activate(settings.LANGUAGE_CODE)


def switch_to_indonesian(client) -> None:
    response = client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert response.status_code == 302


@pytest.mark.django_db
class TestIndonesianSwitch:
    def test_the_review_queue_speaks_indonesian_to_a_curator(self, client):
        make_event(title="Latihan bersama yang diusulkan", kind="exercise", status="proposed")
        client.force_login(make_curator())
        english = client.get("/admin/timeline/event/").content.decode()
        assert "Publish selected events" in english
        switch_to_indonesian(client)
        html = client.get("/admin/timeline/event/").content.decode()
        assert "Terbitkan peristiwa yang dipilih" in html  # the publish action
        assert "Gabungkan peristiwa yang dipilih menjadi satu" in html  # the merge action
        assert "tanggal bertentangan" in html  # a filter and a column
        assert "diusulkan" in html  # the status of the event
        assert "Publish selected events" not in html

    def test_the_ingest_page_speaks_indonesian(self, client):
        client.force_login(make_curator())
        switch_to_indonesian(client)
        html = client.get("/ingest/").content.decode()
        assert "URL, satu per baris" in html
        assert "Belum ada tugas: tempel URL di atas." in html
        assert "Ingest articles" not in html

    def test_a_shared_timeline_and_its_embed_speak_indonesian(self, client):
        make_event(title="Xi dan Putin bertelepon", kind="call")
        timeline, _ = share_state("kind=call")
        switch_to_indonesian(client)
        page = client.get(timeline.get_absolute_url()).content.decode()
        assert "Bagikan, sematkan, unduh" in page
        assert "Kode sematan" in page
        assert "1 peristiwa, terkini" in page
        assert "Share, embed, download" not in page
        embed = client.get(f"/t/{timeline.slug}/embed").content.decode()
        assert "setiap peristiwa dirunut ke sumbernya" in embed
        assert '<span class="badge kind-badge">panggilan telepon</span>' in embed  # the kind, not its code

    def test_the_public_changelog_of_an_event_speaks_indonesian(self, client):
        event = make_event(title="Kunjungan yang baru diterbitkan", kind="visit", status="proposed")
        curation.publish(event, user=make_curator())
        switch_to_indonesian(client)
        html = client.get(event.get_absolute_url()).content.decode()
        assert "Perubahan pada peristiwa ini" in html
        assert "Diterbitkan di linimasa" in html


class TestCatalogue:
    def _messages(self):
        with open(CATALOGUE / "django.po", "rb") as po:
            return [message for message in read_po(po) if message.id]

    def test_every_entry_is_translated_and_none_is_fuzzy(self):
        problems = []
        for message in self._messages():
            texts = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy:
                problems.append(f"fuzzy: {message.id!r}")
            elif not all(texts):
                problems.append(f"untranslated: {message.id!r}")
        assert problems == []

    def test_translations_keep_the_placeholders_of_the_english(self):
        problems = []
        for message in self._messages():
            english = message.id if isinstance(message.id, tuple) else (message.id,)
            texts = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set(PLACEHOLDER.findall(english[-1]))
            problems += [f"{english[0]!r} → {text!r}" for text in texts if set(PLACEHOLDER.findall(text)) != wanted]
        assert problems == []

    def test_the_committed_mo_holds_every_translation_of_the_po(self):
        # The app reads the compiled .mo: a .po edited without compilemessages would not show.
        with open(CATALOGUE / "django.mo", "rb") as mo:
            compiled = gettext.GNUTranslations(mo)
        stale = []
        for message in self._messages():
            singular = message.id[0] if isinstance(message.id, tuple) else message.id
            key = f"{message.context}\x04{singular}" if message.context else singular
            if isinstance(message.id, tuple):
                found = compiled.ngettext(key, message.id[1], 1)
                expected = message.string[0]
            else:
                found = compiled.gettext(key)
                expected = message.string
            if found != expected:
                stale.append(singular)
        assert stale == []
