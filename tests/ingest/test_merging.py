import datetime

from ingest.extraction import extract
from ingest.extraction.merging import EventKey, merge_reason

D = datetime.date
CALL_DAY = D(2022, 6, 15)


def key(
    kind="call",
    start=CALL_DAY,
    end=None,
    precision="day",
    actors=("Xi Jinping", "Vladimir Putin"),
    countries=("China", "Russia"),
):
    return EventKey(kind, start, end or start, precision, frozenset(actors), frozenset(countries))


class TestMergeReason:
    def test_the_same_call_reported_twice_merges(self):
        assert merge_reason(key(), key()) is not None

    def test_a_day_either_side_still_merges(self):
        assert merge_reason(key(), key(start=D(2022, 6, 16))) is not None

    def test_within_one_article_a_day_apart_is_another_meeting(self):
        first, next_day = key(kind="meeting"), key(kind="meeting", start=D(2022, 6, 16))
        assert merge_reason(first, next_day, day_slack=False) is None

    def test_different_kinds_stay_apart(self):
        assert merge_reason(key(), key(kind="meeting")) is None

    def test_a_month_report_absorbs_a_day_report(self):
        month = key(kind="meeting", start=D(2022, 2, 1), end=D(2022, 2, 28), precision="month")
        assert "contains" in merge_reason(month, key(kind="meeting", start=D(2022, 2, 4)))

    def test_two_calls_on_one_day_with_different_pairs_stay_apart(self):
        other = key(actors=("Xi Jinping", "Emmanuel Macron"), countries=("China", "France"))
        assert merge_reason(key(), other) is None

    def test_ministers_and_leaders_of_the_same_countries_stay_apart(self):
        ministers = key(actors=("Wang Yi", "Sergey Lavrov"))
        assert merge_reason(key(), ministers) is None

    def test_a_country_level_report_merges_with_the_leaders(self):
        countries = key(actors=("China", "Russia"))
        assert merge_reason(key(), countries) is not None

    def test_far_apart_dates_stay_apart(self):
        assert merge_reason(key(), key(start=D(2022, 6, 20))) is None


class TestAttackOnTheDayOfTheInvasion:
    SIDES = {"actors": ("Russia", "Ukraine"), "countries": ("Russia", "Ukraine")}

    def test_an_attack_by_the_same_sides_on_the_invasion_day_is_the_invasion(self):
        day = D(2022, 2, 24)
        reason = merge_reason(
            key(kind="invasion", start=day, **self.SIDES), key(kind="attack", start=day, **self.SIDES)
        )
        assert reason is not None and "one invasion" in reason

    def test_an_attack_on_another_day_is_its_own_event(self):
        invasion = key(kind="invasion", start=D(2022, 2, 24), **self.SIDES)
        assert merge_reason(invasion, key(kind="attack", start=D(2022, 3, 9), **self.SIDES), day_slack=False) is None

    def test_an_attack_told_by_the_month_is_not_the_invasion_day(self):
        invasion = key(kind="invasion", start=D(2022, 2, 24), **self.SIDES)
        month = key(kind="attack", start=D(2022, 2, 1), end=D(2022, 2, 28), precision="month", **self.SIDES)
        assert merge_reason(invasion, month) is None

    def test_an_attack_between_other_countries_that_day_stays_apart(self):
        other = key(kind="attack", start=D(2022, 2, 24), actors=("Israel", "Syria"), countries=("Israel", "Syria"))
        assert merge_reason(key(kind="invasion", start=D(2022, 2, 24), **self.SIDES), other) is None

    def test_within_one_article_the_united_event_is_the_invasion(self):
        text = (
            "Russia attacked Ukraine on 24 February 2022, shelling cities across the country. "
            "Russia invaded Ukraine on 24 February 2022 from three directions."
        )
        found = extract(text, published=datetime.datetime(2022, 3, 1, tzinfo=datetime.UTC), language="en")
        assert [(c.kind, c.date_value) for c in found] == [("invasion", "2022-02-24")]
        assert len(found[0].evidence) == 2
