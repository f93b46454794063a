import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import make_actor, make_article, make_event, make_outlet
from timeline import curation
from timeline.changelog import build_changelog
from timeline.curation_models import CurationAction
from timeline.date_conflicts import filter_date_conflicts, find_disagreeing_sources
from timeline.models import Event, Evidence


@pytest.fixture
def curator_user(db):
    return get_user_model().objects.create_user("ina", password="not-a-real-password")


def proposed(**fields) -> Event:
    fields.setdefault("status", Event.Status.PROPOSED)
    return make_event(**fields)


@pytest.mark.django_db
class TestPublishAndReject:
    def test_publishing_puts_the_event_on_the_timeline_and_records_who(self, curator_user):
        event = proposed()

        action = curation.publish(event, user=curator_user)

        event.refresh_from_db()
        assert event.status == Event.Status.PUBLISHED
        assert action.user == curator_user
        assert event.history.first().history_user == curator_user

    def test_rejecting_needs_a_reason_and_keeps_it(self, curator_user):
        event = proposed()

        with pytest.raises(curation.CurationError):
            curation.reject(event, reason="  ", user=curator_user)
        action = curation.reject(event, reason="Not about China and Russia", user=curator_user)

        event.refresh_from_db()
        assert event.status == Event.Status.REJECTED
        assert action.reason == "Not about China and Russia"

    def test_a_merged_event_cannot_be_published_on_its_own(self):
        keep, other = proposed(), proposed()
        curation.merge([keep, other], into=keep)

        with pytest.raises(curation.CurationError):
            curation.publish(Event.objects.get(pk=other.pk))

    def test_undo_of_a_publish_takes_it_off_the_timeline_again(self):
        event = proposed()
        action = curation.publish(event)

        curation.undo(action)

        assert Event.objects.get(pk=event.pk).status == Event.Status.PROPOSED
        with pytest.raises(curation.CurationError):
            curation.undo(CurationAction.objects.get(pk=action.pk))


@pytest.mark.django_db
class TestMerge:
    def test_sources_and_actors_move_to_the_kept_event(self):
        keep = proposed(actors=("China", "Russia"))
        other = proposed(actors=("Russia", "Vietnam"), article=make_article(outlet=make_outlet("Kabar Kita")))

        curation.merge([keep, other], into=keep)

        other.refresh_from_db()
        assert other.status == Event.Status.MERGED
        assert other.merged_into == keep
        assert keep.evidence.count() == 2
        assert sorted(keep.actors.values_list("name", flat=True)) == ["China", "Russia", "Vietnam"]

    def test_the_merged_events_address_leads_to_the_kept_event(self, client):
        keep, other = make_event(), make_event()
        curation.merge([keep, other], into=keep)

        response = client.get(reverse("timeline:event", args=[other.pk]))

        assert response.status_code == 302
        assert response["Location"] == reverse("timeline:event", args=[keep.pk])

    def test_undo_puts_sources_actors_and_status_back(self):
        keep = proposed(actors=("China", "Russia"))
        other = make_event(actors=("Russia", "Vietnam"))
        action = curation.merge([keep, other], into=keep)

        curation.undo(action)

        other.refresh_from_db()
        assert other.status == Event.Status.PUBLISHED
        assert other.merged_into is None
        assert keep.evidence.count() == 1 and other.evidence.count() == 1
        assert sorted(keep.actors.values_list("name", flat=True)) == ["China", "Russia"]

    def test_merging_an_event_with_itself_alone_is_refused(self):
        event = proposed()

        with pytest.raises(curation.CurationError):
            curation.merge([event], into=event)


@pytest.mark.django_db
class TestSplit:
    def test_chosen_sources_become_a_new_proposed_event(self):
        event = proposed()
        second = Evidence.objects.create(
            event=event, article=make_article(), sentence="A different meeting in Minsk.", start=0, end=29,
            extractor_version="test",
        )

        new, _ = curation.split([second], title="Meeting in Minsk", date_start=datetime.date(2022, 6, 20))

        assert new.status == Event.Status.PROPOSED
        assert new.title == "Meeting in Minsk"
        assert new.date_start == new.date_end == datetime.date(2022, 6, 20)
        assert list(new.evidence.all()) == [second]
        assert event.evidence.count() == 1

    def test_the_last_source_cannot_be_split_off(self):
        event = proposed()

        with pytest.raises(curation.CurationError):
            curation.split(list(event.evidence.all()))

    def test_undo_returns_the_sources_and_points_the_new_event_home(self):
        event = proposed()
        second = Evidence.objects.create(
            event=event, article=make_article(), sentence="Another report.", start=0, end=15, extractor_version="t"
        )
        new, action = curation.split([second])

        curation.undo(action)

        new.refresh_from_db()
        assert event.evidence.count() == 2
        assert new.status == Event.Status.MERGED and new.merged_into_id == event.pk


@pytest.mark.django_db
class TestEditDate:
    def test_a_month_becomes_a_day_and_the_trail_keeps_the_old_date(self):
        event = proposed(date_start=datetime.date(2022, 2, 1), date_end=datetime.date(2022, 2, 28), precision="month")

        curation.edit_date(event, date_start=datetime.date(2022, 2, 4), precision="day", note="Kremlin readout")

        event.refresh_from_db()
        assert event.date_display == "4 Feb 2022"
        assert "Feb 2022" in event.date_trail and "Kremlin readout" in event.date_trail

    def test_an_end_before_the_start_is_refused(self):
        event = proposed()

        with pytest.raises(curation.CurationError):
            curation.edit_date(
                event, date_start=datetime.date(2022, 3, 22), date_end=datetime.date(2022, 3, 20), precision="day"
            )

    def test_undo_restores_the_previous_date(self):
        event = proposed(date_start=datetime.date(2022, 2, 1), date_end=datetime.date(2022, 2, 28), precision="month")
        action = curation.edit_date(event, date_start=datetime.date(2022, 2, 4), precision="day")

        curation.undo(action)

        event.refresh_from_db()
        assert (event.date_start, event.date_end, event.precision) == (
            datetime.date(2022, 2, 1), datetime.date(2022, 2, 28), "month",
        )


@pytest.mark.django_db
class TestChangelog:
    def test_it_tells_a_curators_date_correction_and_a_merge(self):
        event = make_event(date_start=datetime.date(2022, 2, 1), date_end=datetime.date(2022, 2, 28), precision="month")
        other = make_event(date_start=datetime.date(2022, 2, 4))
        curation.edit_date(event, date_start=datetime.date(2022, 2, 4), precision="day")
        curation.merge([event, other], into=event)

        texts = [entry.text for entry in build_changelog(event)]

        assert "Date corrected from Feb 2022 to 4 Feb 2022 by a curator" in texts
        assert any(text.startswith(f"Merged with #{other.pk}") for text in texts)

    def test_it_names_the_source_that_refined_the_date(self):
        event = make_event(date_start=datetime.date(2022, 2, 1), date_end=datetime.date(2022, 2, 28), precision="month")
        source = make_article(outlet=make_outlet("Kompas"))
        event.date_start = event.date_end = datetime.date(2022, 2, 4)
        event.precision = "day"
        event._change_reason = f"article:{source.pk}"  # as the pipeline records a refinement
        event.save()

        texts = [entry.text for entry in build_changelog(event)]

        assert "Date refined from Feb 2022 to 4 Feb 2022 from Kompas" in texts

    def test_the_public_page_shows_the_changelog(self, client):
        event = make_event(date_start=datetime.date(2022, 2, 1), date_end=datetime.date(2022, 2, 28), precision="month")
        curation.edit_date(event, date_start=datetime.date(2022, 2, 4), precision="day")

        response = client.get(event.get_absolute_url())

        assert "Date corrected from Feb 2022 to 4 Feb 2022" in response.content.decode()


@pytest.mark.django_db
class TestDateConflicts:
    def make_conflict(self) -> Event:
        event = proposed()
        Evidence.objects.filter(event=event).update(
            reported_start=datetime.date(2022, 6, 15), reported_end=datetime.date(2022, 6, 15), reported_precision="day"
        )
        Evidence.objects.create(
            event=event, article=make_article(outlet=make_outlet("Kabar Jakarta")), sentence="Kamis (16/6/2022)...",
            start=0, end=20, extractor_version="t", reported_start=datetime.date(2022, 6, 16),
            reported_end=datetime.date(2022, 6, 16), reported_precision="day",
        )
        return event

    def test_sources_a_day_apart_flag_the_event(self):
        event = self.make_conflict()
        agreeing = proposed()

        flagged = list(filter_date_conflicts(Event.objects.all()))

        assert flagged == [event]
        assert agreeing not in flagged

    def test_the_disagreeing_sources_are_grouped_by_the_day_they_give(self):
        event = self.make_conflict()

        days = find_disagreeing_sources(event)

        assert [day for day, _ in days] == [datetime.date(2022, 6, 15), datetime.date(2022, 6, 16)]
        assert days[1][1][0].article.outlet.name == "Kabar Jakarta"


def candidate_call(earliest: datetime.date, latest: datetime.date, precision: str, expression: str):
    """A call between Xi and Putin as the extractor would hand it to the pipeline."""
    from ingest.extraction import ActorRole, Candidate
    from ingest.extraction import Evidence as SourceSentence
    from ingest.extraction.dates import DateMention

    date = DateMention(0, len(expression), expression, earliest, latest, precision, None, earliest.isoformat(),
                       None, False, f"{expression} → {earliest}")
    sentence = f"Xi Jinping and Vladimir Putin spoke by phone {expression}."
    return Candidate(
        kind="call", plover_type="CONSULT", plover_mode="phone", modality="asserted", date=date,
        date_value=earliest.isoformat(), precision=precision, date_end=None, qualifier=None,
        date_trail=date.trail, actors=[ActorRole("Xi Jinping", "person", "participant"),
                                       ActorRole("Vladimir Putin", "person", "participant")],
        countries=["China", "Russia"],
        evidence=[SourceSentence(sentence, 0, len(sentence), expression, "spoke by phone", 0, 5)],
        confidence=0.8,
    )


@pytest.mark.django_db
class TestPipelineHistory:
    def test_a_finer_date_from_a_new_source_is_told_with_that_source(self):
        from ingest.pipeline import record_candidate

        china, russia = make_actor("China"), make_actor("Russia")
        make_actor("Xi Jinping", kind="person", country=china)
        make_actor("Vladimir Putin", kind="person", country=russia)
        first = make_article(outlet=make_outlet("Kabar Kita"))
        second = make_article(outlet=make_outlet("Kompas"))
        event = record_candidate(
            first, candidate_call(datetime.date(2022, 2, 1), datetime.date(2022, 2, 28), "month", "in February")
        )
        day = datetime.date(2022, 2, 4)
        record_candidate(second, candidate_call(day, day, "day", "on 4 Feb"))

        texts = [entry.text for entry in build_changelog(event)]
        reported = sorted(Evidence.objects.filter(event=event).values_list("reported_precision", flat=True))

        assert "Date refined from Feb 2022 to 4 Feb 2022 from Kompas" in texts
        assert reported == ["day", "month"]
