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


class TestPossessiveDates:
    def test_a_possessive_day_belongs_to_the_noun_it_owns(self):
        found = summary(
            "Tuesday's pact builds on an accord that Xi Jinping and Vladimir Putin signed in Beijing in May 2019."
        )
        assert ("agreement", "2019-05", ("China", "Russia")) in found

    def test_two_dates_of_one_kind_in_a_clause_are_two_events(self):
        found = summary("Wang Yi met Sergey Lavrov in March and met him again in Moscow in July.")
        assert [d for k, d, _ in found if k == "meeting"] == ["2023-03", "2023-07"]


class TestPeriodEdges:
    def test_the_day_a_visit_ends_is_not_a_second_visit(self):
        found = summary("Li Qiang arrived in Moscow on Tuesday for a three-day visit that ends on Thursday.")
        assert [(k, d) for k, d, _ in found] == [("visit", "2023-09-12")]


class TestTalksInsideADatePhrase:
    def test_talks_named_only_in_after_talks_are_a_meeting_of_that_day(self):
        found = summary(
            "Li Qiang landed in Moscow on Tuesday. "
            "After talks at the Kremlin, he and Mikhail Mishustin signed a customs accord."
        )
        assert ("meeting", "2023-09-12", ("China", "Russia")) in found
        assert ("agreement", "2023-09-12", ("China", "Russia")) in found

    def test_after_the_talks_told_before_adds_no_second_meeting(self):
        found = summary(
            "Wang Yi met Sergey Lavrov in Beijing on Monday. "
            "After the talks, Lavrov and a visiting Mongolian envoy signed a transit accord."
        )
        assert [(k, d) for k, d, _ in found if k == "meeting"] == [("meeting", "2023-09-11")]


class TestPlannedEvents:
    def test_an_invitation_to_visit_is_planned(self):
        found = events("Vladimir Putin on Tuesday invited the Chinese leader Xi Jinping to visit Moscow in the spring.")
        assert all(e["modality"] == "planned" for e in found if e["kind"] == "visit")

    def test_the_day_of_the_telling_goes_to_the_call_not_to_the_planned_visit(self):
        found = summary(
            "Xi Jinping on Monday invited Vladimir Putin to visit Beijing next year, telling him in a video call."
        )
        assert ("call", "2023-09-11", ("China", "Russia")) in found
        assert ("visit", "2023-09-11", ("China", "Russia")) not in found


class TestSimultaneousClauses:
    def test_an_as_clause_shares_the_day_of_the_main_clause(self):
        found = summary(
            "China and Russia signed a grain accord on Monday, as Li Qiang began a two-day visit to Moscow."
        )
        assert ("visit", "2023-09-11", ("China", "Russia")) in found

    def test_as_well_as_is_no_time_clause(self):
        found = summary("Xi Jinping met Vladimir Putin on Monday, as well as touring a factory.")
        assert [k for k, _, _ in found] == ["meeting"]


class TestAgreementPhrases:
    def test_a_declared_partnership_is_an_agreement(self):
        found = summary("Russia and China declared a partnership without limits on Tuesday.")
        assert ("agreement", "2023-09-12", ("China", "Russia")) in found


class TestNegationCues:
    def test_refraining_from_drills_is_no_exercise(self):
        found = summary("Moscow urged on Monday that the United States and Japan refrain from joint drills.")
        assert [k for k, _, _ in found if k == "exercise"] == []


class TestDatelessSentenceAfterADatedOne:
    def test_talks_told_right_after_a_dated_signing_take_its_day(self):
        found = summary(
            "Wang Yi and Sergey Lavrov signed a visa accord in Moscow on Monday. "
            "The two ministers met for three hours at the foreign ministry."
        )
        assert ("meeting", "2023-09-11", ("China", "Russia")) in found

    def test_a_sentence_about_other_parties_does_not_go_on_with_that_day(self):
        found = summary(
            "Wang Yi and Sergey Lavrov signed a visa accord in Moscow on Monday. "
            "India and Japan met for talks on shipping."
        )
        assert [k for k, _, _ in found] == ["agreement"]

    def test_talks_a_caller_asks_for_are_no_meeting_of_the_call_day(self):
        found = summary(
            "Xi Jinping spoke with Vladimir Putin by phone on Tuesday. "
            "Putin told Xi that Russia was ready to hold talks with Ukraine."
        )
        assert [k for k, _, _ in found] == ["call"]


class TestSharedPlans:
    def test_a_summit_sharing_a_planned_meeting_is_planned_too(self):
        found = events("Xi Jinping and Vladimir Putin will meet again at the G20 summit in Bali on November 15.")
        assert {e["kind"] for e in found} <= {"meeting", "summit"}
        assert all(e["modality"] == "planned" and e["date"] == "2023-11-15" for e in found)


class TestPossessors:
    def test_the_owner_of_another_thing_is_no_party_of_the_call(self):
        found = events(
            "Xi Jinping and Vladimir Putin met in March. "
            "They spoke by phone in June, a day after Joe Biden's speech in Warsaw."
        )
        call = next(e for e in found if e["kind"] == "call")
        assert sorted(call["countries"]) == ["China", "Russia"]


class TestCountriesAsPlaces:
    def test_a_country_after_in_is_where_two_leaders_met(self):
        found = summary(
            "Xi Jinping told Vladimir Putin on Tuesday that ties were strong, "
            "as the two leaders met at a regional summit in Kyrgyzstan."
        )
        assert ("meeting", "2023-09-12", ("China", "Russia")) in found


class TestOtherKind:
    def test_an_arrest_warrant_is_an_event_of_its_own(self):
        found = summary("The International Criminal Court issued an arrest warrant for Vladimir Putin on Friday.")
        assert ("other", "2023-09-08", ("Russia",)) in found

    def test_a_pipeline_launched_by_two_leaders_is_an_event(self):
        found = summary("Xi Jinping and Vladimir Putin on Monday launched a new gas pipeline across the Amur river.")
        assert ("other", "2023-09-11", ("China", "Russia")) in found

    def test_deliveries_starting_are_an_event(self):
        found = summary("Gazprom started gas deliveries to China on Tuesday, the Russian company said.")
        assert ("other", "2023-09-12", ("China", "Russia")) in found

    def test_a_currency_starting_to_trade_names_both_countries(self):
        found = summary("The rouble started trading against the yuan in Shanghai on Monday.")
        assert ("other", "2023-09-11", ("China", "Russia")) in found

    def test_a_parade_watched_side_by_side_has_both_leaders(self):
        found = summary("Xi Jinping watched the parade on Red Square beside Vladimir Putin on Saturday.")
        assert ("other", "2023-09-09", ("China", "Russia")) in found

    def test_launching_a_strike_is_no_launch_event(self):
        found = summary("Russia launched a missile strike on Kyiv on Monday.")
        assert [k for k, _, _ in found] == ["attack"]

    def test_a_domestic_swearing_in_is_not_reported(self):
        assert summary("Vladimir Putin was sworn in for a fifth term on Tuesday.") == []


class TestPartiesInScope:
    def test_a_person_and_their_own_country_are_one_party_so_the_sentence_gives_the_other(self):
        found = summary(
            "China's leader, Xi Jinping, sat beside Vladimir Putin on Saturday as Russia staged a military parade."
        )
        assert ("other", "2023-09-09", ("China", "Russia")) in found


class TestDateToldBeforeItsClause:
    def test_talks_and_a_summit_in_one_clause_share_the_day_told_before(self):
        found = summary("On Tuesday, Xi Jinping held talks with Vladimir Putin at the SCO summit in Tianjin.")
        assert ("meeting", "2023-09-12", ("China", "Russia")) in found
        assert ("summit", "2023-09-12") in [(k, d) for k, d, _ in found]

    def test_meeting_a_president_for_a_summit_is_that_summit(self):
        found = summary("On Tuesday, Xi Jinping and Vladimir Putin met the Mongolian president for a joint summit.")
        assert ("summit", "2023-09-12", ("China", "Mongolia", "Russia")) in found


class TestRelativeClauseDates:
    def test_a_which_clause_dates_the_summit_before_it(self):
        found = summary("Xi Jinping and Vladimir Putin spoke at the BRICS summit in Kazan, which opened on Tuesday.")
        assert ("summit", "2023-09-12", ("China", "Russia")) in found

    def test_an_anniversary_in_a_which_clause_dates_nothing(self):
        found = summary("Xi Jinping praised the treaty with Russia, which turns 20 next month.")
        assert found == []


class TestOpeningDayApposition:
    def test_the_first_day_of_a_summit_dates_the_summit_too(self):
        found = summary("Vladimir Putin met Xi Jinping on Tuesday, the first day of a BRICS summit in Kazan.")
        assert ("meeting", "2023-09-12", ("China", "Russia")) in found
        assert ("summit", "2023-09-12") in [(k, d) for k, d, _ in found]

    def test_the_main_day_of_a_visit_is_not_its_start(self):
        found = summary("Vladimir Putin met Xi Jinping on Tuesday, the main day of a state visit to Moscow.")
        assert [k for k, _, _ in found] == ["meeting"]


class TestEarlierInstances:
    def test_a_named_exercise_is_an_exercise(self):
        found = summary("Chinese troops took part in Russia's Vostok exercise in September 2018.")
        assert ("exercise", "2018-09", ("China", "Russia")) in found

    def test_the_exercise_alone_names_no_new_exercise(self):
        assert summary("The exercise was held on Monday, officials said.") == []

    def test_the_first_such_patrol_is_an_earlier_patrol_of_the_same_parties(self):
        found = summary(
            "Chinese and Russian bombers flew a joint patrol on Tuesday. "
            "The first such patrol, in July 2019, angered Seoul after Japan and South Korea scrambled jets."
        )
        assert ("exercise", "2019-07", ("China", "Russia")) in found

    def test_the_first_since_a_date_when_tells_the_previous_one(self):
        found = summary(
            "Chinese and Russian bombers flew a joint patrol on Tuesday. "
            "It was the third such patrol and the first since March, when the two air forces flew a similar route."
        )
        assert ("exercise", "2023-03", ("China", "Russia")) in found


class TestVisitPlace:
    def test_a_visit_named_beside_talks_in_a_place_goes_to_that_place(self):
        found = summary(
            "Vladimir Putin and Xi Jinping held talks in the Kremlin on Tuesday, "
            "the second day of the Chinese leader's state visit that began on Monday."
        )
        assert ("visit", "2023-09-11", ("China", "Russia")) in found


class TestSinceReferencePoint:
    def test_a_weekday_after_since_the_invasion_dates_the_main_event(self):
        found = summary("Xi Jinping held his first call with Volodymyr Zelensky since Russia's invasion on Wednesday.")
        assert ("call", "2023-09-13", ("China", "Ukraine")) in found
        assert [k for k, _, _ in found if k == "invasion"] == []

    def test_a_full_date_after_since_stays_with_its_event(self):
        found = summary("Xi Jinping has not visited Kyiv since Russia invaded Ukraine on February 24, 2022.")
        assert ("invasion", "2022-02-24", ("Russia", "Ukraine")) in found


class TestMoreTriggers:
    def test_attending_a_forum_abroad_is_a_visit(self):
        found = summary("Vladimir Putin attended the Eastern Economic Forum in Beijing in October.")
        assert ("visit", "2022-10", ("China", "Russia")) in found

    def test_a_missile_barrage_is_an_attack(self):
        found = summary("Russia fired a heavy missile barrage at Ukraine on Thursday.")
        assert ("attack", "2023-09-14", ("Russia", "Ukraine")) in found

    def test_a_plan_published_last_month_is_a_statement(self):
        found = summary("Vladimir Putin praised a Chinese peace plan for Ukraine, published last month.")
        assert ("statement", "2023-08", ("China", "Russia", "Ukraine")) in found

    def test_came_n_days_after_counts_back_from_the_event_told_before(self):
        found = summary(
            "Xi Jinping and Vladimir Putin held a video call on Friday. "
            "The call came eight days after Putin held a video conference with Joe Biden."
        )
        assert ("call", "2023-09-08", ("China", "Russia")) in found
        assert ("call", "2023-08-31", ("Russia", "United States")) in found


class TestComingDays:
    def test_a_day_and_month_just_ahead_is_the_coming_one_and_planned(self):
        found = events("The decision comes days before Xi Jinping and Vladimir Putin meet in Beijing on September 20.")
        meeting = next(e for e in found if e["kind"] == "meeting")
        assert (meeting["date"], meeting["modality"]) == ("2023-09-20", "planned")


class TestPeriodsOfPlans:
    def test_the_years_an_action_plan_covers_date_nothing(self):
        found = summary("Xi Jinping and Vladimir Putin signed a joint statement and an action plan for 2024-2026.")
        assert found == []


class TestPlaceIsNoParty:
    def test_a_city_where_talks_were_held_does_not_stop_the_parties_named_after_a_comma(self):
        found = summary(
            "The call followed a meeting in Rome on Monday between the US adviser, Jake Sullivan, "
            "and China's top diplomat, Wang Yi."
        )
        assert ("meeting", "2023-09-11", ("China", "United States")) in found


class TestAttackPlace:
    def test_the_place_a_sentence_opens_with_is_where_the_strike_hit(self):
        found = summary("In the port of Odesa, rescuers searched a school hit by a Russian airstrike on Wednesday.")
        assert ("attack", "2023-09-13", ("Russia", "Ukraine")) in found


class TestSignAsANoun:
    def test_a_sign_of_respect_is_no_signing(self):
        found = summary("Vladimir Putin said on Tuesday the award to Xi Jinping was a sign of respect for China.")
        assert [k for k, _, _ in found if k == "agreement"] == []

    def test_signing_a_deal_is_still_an_agreement(self):
        found = summary("Vladimir Putin and Xi Jinping signed a gas deal on Tuesday.")
        assert ("agreement", "2023-09-12", ("China", "Russia")) in found


class TestTellingDay:
    def test_the_day_sources_spoke_does_not_date_what_an_after_clause_tells(self):
        found = summary(
            "Chinese refiners halted purchases of Russian oil, after the United States imposed sanctions "
            "on Russian oil firms, traders said on Thursday."
        )
        assert [k for k, _, _ in found if k == "sanction"] == []

    def test_talks_told_after_the_day_are_of_that_day(self):
        found = summary("Vladimir Putin said on Tuesday after talks with Li Qiang that trade had grown.")
        assert ("meeting", "2023-09-12", ("China", "Russia")) in found


class TestWhenClauseAfterADate:
    def test_a_when_clause_after_a_date_tells_that_time(self):
        found = summary("Xi Jinping last visited Russia in March, when the two leaders signed a statement on trade.")
        assert ("visit", "2023-03", ("China", "Russia")) in found
        assert ("agreement", "2023-03", ("China", "Russia")) in found

    def test_a_when_clause_with_its_own_date_keeps_it(self):
        found = summary("Xi Jinping visited Russia in March, when Putin had signed a pact with Iran in May 2022.")
        assert ("agreement", "2022-05", ("Iran", "Russia")) in found


class TestTravelVerbs:
    def test_flying_to_a_capital_is_a_visit(self):
        found = summary("Sergei Shoigu flew to Beijing on Monday for talks with Chinese officials.")
        assert ("visit", "2023-09-11", ("China", "Russia")) in found

    def test_bombers_flying_to_the_sea_are_no_visit(self):
        found = summary("Russian bombers flew to the Sea of Japan on Monday in a joint patrol with China.")
        assert [k for k, _, _ in found if k == "visit"] == []

    def test_a_pipeline_starting_to_pump_gas_is_an_event(self):
        found = summary("The Russian pipeline began pumping gas to China on Monday.")
        assert ("other", "2023-09-11", ("China", "Russia")) in found


class TestNoPlans:
    def test_no_plans_for_a_meeting_is_no_meeting(self):
        assert summary("The Kremlin said on Monday there were no plans for Putin to meet Xi Jinping this month.") == []


class TestRelativeClauseSubject:
    def test_a_which_clause_acts_on_the_country_of_the_noun_before_it(self):
        found = summary("The deal helps the Chinese telecoms giant, which the United States blacklisted in May.")
        assert ("sanction", "2023-05", ("China", "United States")) in found

    def test_a_who_clause_is_told_of_the_person_just_named(self):
        found = summary("Xi Jinping praised Vladimir Putin, who visited Beijing in October.")
        assert ("visit", "2022-10", ("China", "Russia")) in found


class TestOneEventNamedTwice:
    def test_leaders_meeting_for_a_summit_are_the_summit(self):
        found = summary("NATO leaders are meeting in Washington from Tuesday for a summit on Ukraine.")
        assert [k for k, _, _ in found] == ["summit"]

    def test_hosting_a_leader_for_a_visit_is_the_visit(self):
        found = summary("Xi Jinping hosted Vladimir Putin for a state visit in Beijing in May.")
        assert found == [("visit", "2023-05", ("China", "Russia"))]

    def test_meeting_on_the_sidelines_of_a_summit_is_the_meeting_only(self):
        # the summit is the setting; it is an event of its own only where the text gives it a date of its own
        found = summary("Xi Jinping met Vladimir Putin on the sidelines of the SCO summit on Tuesday.")
        assert {k for k, _, _ in found} == {"meeting"}


class TestQuotedAndOtherForms:
    def test_a_quoted_partnership_sealed_on_a_day_is_an_agreement_of_that_day(self):
        found = summary('Putin and Xi sealed a "no limits" partnership on Feb. 4, 2022, weeks before Russia invaded.')
        assert ("agreement", "2022-02-04", ("China", "Russia")) in found
        assert [k for k, _, _ in found if k == "invasion"] == []

    def test_vetoing_a_resolution_is_a_statement(self):
        found = summary("Russia and China vetoed a U.S.-drafted resolution at the UN Security Council on Friday.")
        assert ("statement", "2023-09-08", ("China", "Russia", "United States")) in found

    def test_bombers_of_two_countries_flying_together_are_an_exercise(self):
        found = summary("Japan scrambled jets on Tuesday as Chinese and Russian bombers flew over the Sea of Japan.")
        assert ("exercise", "2023-09-12") in [(k, d) for k, d, _ in found]


class TestTalksNamedInAPhrase:
    def test_during_talks_takes_the_date_told_before_it(self):
        found = summary("Earlier this month, Wang Yi told Sergei Lavrov during talks in Moscow that ties were strong.")
        assert ("meeting", "2023-09", ("China", "Russia")) in found


class TestStatementAtAnOccasion:
    def test_what_is_said_at_a_summit_on_a_day_is_said_that_day(self):
        found = summary(
            "Vladimir Putin said at the G20 summit in Hangzhou on September 5 that Moscow supported Beijing's position."
        )
        assert ("statement", "2023-09-05", ("China", "Russia")) in found

    def test_what_a_paper_calls_for_before_the_talks_is_not_dated_by_them(self):
        found = summary("China urged both sides to hold peace talks in Geneva on Monday.")
        assert [k for k, _, _ in found if k == "statement"] == []


class TestMilitaryFlights:
    def test_bombers_intercepted_while_flying_are_an_exercise(self):
        found = summary("US jets intercepted two Russian and two Chinese bombers flying near Alaska on Wednesday.")
        assert ("exercise", "2023-09-13") in [(k, d) for k, d, _ in found]
