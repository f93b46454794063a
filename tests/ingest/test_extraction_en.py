"""English extraction rules: one-liners written for each rule of lexicons/en.json. No database."""

import datetime

from ingest.extraction import extract

UTC = datetime.UTC
PUBLISHED = datetime.datetime(2023, 9, 14, 18, 0, tzinfo=UTC)  # a Thursday


def events(text, published=PUBLISHED):
    return [c.to_contract() for c in extract(text, published=published, language="en")]


def summary(text, published=PUBLISHED):
    return sorted((e["kind"], e["date"], tuple(sorted(e["countries"]))) for e in events(text, published))


class TestAnaphoricTalks:
    def test_talks_with_a_named_partner_are_a_meeting_of_their_own(self):
        found = summary("The trade plan was announced by Vladimir Putin on Wednesday after talks with Li Qiang.")
        assert ("meeting", "2023-09-13", ("China", "Russia")) in found

    def test_after_the_talks_takes_the_day_of_the_talks_told_before(self):
        found = summary(
            "Xi Jinping arrived in Moscow on Monday. After talks in the Kremlin, he and Vladimir Putin signed a pact."
        )
        assert ("agreement", "2023-09-11", ("China", "Russia")) in found
