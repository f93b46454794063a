import datetime
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sharing.states import InvalidSpec, follow_merges, read_spec, share_state
from tests.factories import make_event
from timeline.models import Event

pytestmark = pytest.mark.django_db

PARAMS = st.lists(
    st.tuples(
        st.sampled_from(["actor", "kind", "lang", "from", "to", "q", "period", "sources", "after", "event"]),
        st.sampled_from(["China", "russia", "Xi Jinping", "call", "exercise", "en", "ru", "2021", "2022-06",
                         "2022-06-15", "2", "drills", "2022-06-15.3", "7"]),
    ),
    max_size=6,
)


class TestReadSpec:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(pairs=PARAMS)
    def test_one_state_has_one_canonical_query(self, events, pairs):
        try:
            spec = read_spec(urlencode(pairs))
        except InvalidSpec:
            return
        assert read_spec(spec.query).query == spec.query
        # The same facets listed in another order (repeatable ones reversed) are the same state.
        repeatable = [p for p in pairs if p[0] in {"actor", "kind", "lang"}]
        single = [p for p in pairs if p[0] not in {"actor", "kind", "lang"}]
        assert read_spec(urlencode(single + list(reversed(repeatable)))).query == spec.query

    def test_paging_and_the_open_event_are_not_part_of_a_view(self, events):
        assert read_spec("kind=call&after=2022-06-15.3&event=7").query == "kind=call"

    def test_it_gives_the_page_reasons_for_a_bad_state(self, events):
        with pytest.raises(InvalidSpec) as error:
            read_spec("actor=Atlantis&from=2023&to=2022")
        assert any("Atlantis" in p for p in error.value.problems)
        assert len(error.value.problems) == 2


class TestFollowMerges:
    def test_it_follows_chains_of_merges_to_the_canonical_event(self, events):
        first = make_event(title="first report", date_start=datetime.date(2022, 6, 15))
        second = make_event(title="second report", date_start=datetime.date(2022, 6, 15))
        Event.objects.filter(pk=first.pk).update(status="merged", merged_into=second)
        Event.objects.filter(pk=second.pk).update(status="merged", merged_into=events["call"])
        assert follow_merges([first.pk, events["call"].pk]) == [events["call"].pk]

    def test_unknown_ids_are_dropped(self, events):
        assert follow_merges([999_999]) == []


class TestShareState:
    def test_hand_picked_events_make_a_different_timeline(self, events):
        plain, _ = share_state("kind=call")
        picked, _ = share_state("kind=call", included=[events["treaty"].pk])
        assert plain != picked
        assert share_state("kind=call", included=[events["treaty"].pk])[0] == picked

    def test_the_title_says_what_the_state_shows(self, events):
        timeline, _ = share_state("actor=China&kind=call&from=2022")
        assert timeline.title == "China–Russia timeline: China, call, 2022-01-01 to …"
