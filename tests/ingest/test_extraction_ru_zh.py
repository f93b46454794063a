"""Russian and Chinese extraction one-liners: sentences written for these tests, events out."""

import datetime

from ingest.extraction import extract

MSK = datetime.timezone(datetime.timedelta(hours=3))
CST = datetime.timezone(datetime.timedelta(hours=8))
PUBLISHED_RU = datetime.datetime(2024, 6, 20, 12, 0, tzinfo=MSK)
PUBLISHED_ZH = datetime.datetime(2024, 6, 20, 12, 0, tzinfo=CST)


def events(text, language):
    published = PUBLISHED_ZH if language == "zh" else PUBLISHED_RU
    return [c.to_contract() for c in extract(text, published=published, language=language)]


def summary(text, language):
    """Kind, date and parties (people counted through their countries, organisations by name)."""
    found = []
    for e in events(text, language):
        parties = set(e["countries"]) | {r["name"] for r in e["roles"] if r["kind"] == "organisation"}
        found.append((e["kind"], e["date"], sorted(parties)))
    return found


class TestRussianKinds:
    def test_a_past_visit_told_with_the_imperfective_verb_is_a_visit(self):
        found = summary("Министр Сергей Лавров посещал Китай в марте.", "ru")
        assert found == [("visit", "2024-03", ["China", "Russia"])]

    def test_taking_part_is_not_receiving_a_guest(self):
        assert events("В марте Евросоюз принял участие в конференции по Китаю.", "ru") == []

    def test_a_numbered_package_is_a_sanctions_package(self):
        found = summary("В феврале Евросоюз утвердил 14-й пакет против России.", "ru")
        assert found == [("sanction", "2024-02", ["European Union", "Russia"])]

    def test_adopting_a_numbered_package_is_a_sanction_not_a_reception(self):
        found = summary("В декабре Евросоюз принял 12-й пакет, запретив импорт российского алюминия.", "ru")
        assert [kind for kind, _, _ in found] == ["sanction"]

    def test_an_arrest_warrant_is_kept_as_other(self):
        found = summary("Суд в Гааге 17 марта выдал ордер на арест президента России Владимира Путина.", "ru")
        assert [kind for kind, _, _ in found] == ["other"]

    def test_recalling_an_ambassador_is_kept_as_other(self):
        found = summary("В апреле Литва отозвала посла из Китая.", "ru")
        assert found == [("other", "2024-04", ["China", "Lithuania"])]


class TestRussianReferences:
    def test_the_leaders_in_the_genitive_are_the_people_told_before(self):
        text = (
            "Президент России Владимир Путин 18 июня провел переговоры с председателем КНР Си Цзиньпином. "
            "Предыдущая встреча лидеров прошла в мае."
        )
        found = summary(text, "ru")
        assert ("meeting", "2024-05", ["China", "Russia"]) in found

    def test_by_their_results_dates_the_signing_on_the_talks_day(self):
        text = (
            "Президент России Владимир Путин и председатель КНР Си Цзиньпин провели переговоры 18 июня. "
            "По их итогам был подписан пакет документов."
        )
        assert ("agreement", "2024-06-18", ["China", "Russia"]) in summary(text, "ru")


class TestChineseKinds:
    def test_countermeasures_are_a_sanction(self):
        found = summary("6月10日，商务部宣布对立陶宛两家企业采取反制措施。", "zh")
        assert found == [("sanction", "2024-06-10", ["China", "Lithuania"])]

    def test_sanctions_against_russia_name_russia(self):
        found = summary("欧盟6月10日通过新一轮对俄制裁方案。", "zh")
        assert found == [("sanction", "2024-06-10", ["European Union", "Russia"])]

    def test_downgrading_relations_is_kept_as_other(self):
        found = summary("2021年，中方将同立陶宛的外交关系降为代办级。", "zh")
        assert [kind for kind, _, _ in found] == ["other"]

    def test_a_summit_that_will_open_later_is_planned(self):
        found = events("上合组织峰会将于25日在阿斯塔纳举行，习近平和普京将出席。", "zh")
        assert all(e["modality"] == "planned" and e["date"] >= "2024-06-20" for e in found)

    def test_meeting_during_a_summit_is_the_dated_meeting(self):
        found = summary("当地时间6月3日下午，习近平在阿斯塔纳出席上合组织峰会期间会见俄罗斯总统普京。", "zh")
        meetings = [(date, {"China", "Russia"} <= set(parties)) for kind, date, parties in found if kind == "meeting"]
        assert meetings == [("2024-06-03", True)]

    def test_a_games_year_is_a_name_not_a_date(self):
        found = summary("6月5日，习近平在北京同来华出席北京2022年冬奥会闭幕式的普京举行会谈。", "zh")
        assert found == [("meeting", "2024-06-05", ["China", "Russia"])]

    def test_the_same_day_dates_the_second_event(self):
        text = "6月12日，习近平在北京会见俄罗斯总统普京。同一天，乌克兰总统泽连斯基访问美国。"
        assert ("visit", "2024-06-12", ["Ukraine", "United States"]) in summary(text, "zh")


class TestRussianNames:
    def test_a_short_chinese_given_name_is_found_in_the_instrumental(self):
        found = events("Президент России Владимир Путин 18 июня встретился в Кремле с Ли Цяном.", "ru")
        assert [e["actors"] for e in found] == [["Vladimir Putin", "Li Qiang"]]


class TestSameDay:
    def test_the_same_day_is_the_day_of_the_event_not_of_a_visit_span(self):
        text = (
            "Президент России Владимир Путин 18 июня встретился с Си Цзиньпином, "
            "который находится в Москве с визитом 17-19 июня. "
            "В тот же день Ли Цян провел переговоры с Михаилом Мишустиным."
        )
        talks = [e for e in events(text, "ru") if "Li Qiang" in e["actors"]]
        assert [(e["kind"], e["date"]) for e in talks] == [("meeting", "2024-06-18")]


class TestRussianReferencesInOneSentence:
    def test_a_relative_clause_acts_for_the_person_just_named(self):
        text = "Владимир Путин 18 июня принял Ли Цяна, который находится в Москве с визитом 17-19 июня."
        visits = [e for e in events(text, "ru") if e["kind"] == "visit"]
        assert ["Li Qiang" in e["actors"] for e in visits] == [True]

    def test_the_leaders_as_subject_reach_the_dates_after_a_dash(self):
        text = (
            "Президент России Владимир Путин 18 июня провел переговоры с председателем КНР Си Цзиньпином. "
            "В этом году лидеры уже общались — 21 января по видеосвязи."
        )
        assert ("call", "2024-01-21", ["China", "Russia"]) in summary(text, "ru")

    def test_he_is_the_person_named_earlier_in_the_same_sentence(self):
        text = (
            "Президент России Владимир Путин 18 июня провел переговоры с председателем КНР Си Цзиньпином. "
            "Для Си Цзиньпина это вторая поездка: накануне он побывал в Казахстане."
        )
        visits = [e for e in events(text, "ru") if e["kind"] == "visit"]
        assert [(e["date"], "Xi Jinping" in e["actors"]) for e in visits] == [("2024-06-17", True)]


class TestChinesePhraseDates:
    def test_after_the_talks_counts_from_the_talks_not_from_an_older_call(self):
        text = (
            "6月18日，习近平在北京同俄罗斯总统普京举行会谈。"
            "去年12月15日，两国元首曾举行视频会晤。"
            "会谈后，两国元首共同见证签署了多份合作文件。"
        )
        assert ("agreement", "2024-06-18", ["China", "Russia"]) in summary(text, "zh")


class TestRussianRanges:
    def test_a_from_to_range_dates_the_visit(self):
        found = summary("Китайский лидер находится в России с государственным визитом с 7 по 10 мая.", "ru")
        assert found == [("visit", "2024-05-07", ["China", "Russia"])]

    def test_since_a_year_is_still_no_event_date(self):
        assert events("Регулярные встречи глав правительств России и Китая проводятся с 1996 года.", "ru") == []


class TestChineseStartDates:
    def test_a_day_told_with_qi_dates_the_start_of_the_campaign(self):
        found = summary("6月2日起，俄军对乌克兰多地发动导弹袭击。", "zh")
        assert found == [("attack", "2024-06-02", ["Russia", "Ukraine"])]

    def test_since_a_year_with_qi_is_still_no_event_date(self):
        assert events("2014年起，俄军对乌克兰多地发动袭击。", "zh") == []

    def test_a_day_of_this_month_dates_the_meeting_and_the_same_day(self):
        text = "本月11日，习近平在北京会见俄罗斯总统普京。同一天，乌克兰总统泽连斯基访问美国。"
        found = summary(text, "zh")
        assert ("meeting", "2024-06-11", ["China", "Russia"]) in found
        assert ("visit", "2024-06-11", ["Ukraine", "United States"]) in found


class TestRussianExercises:
    def test_a_later_dateless_sentence_names_the_exercise_participants(self):
        text = (
            "Российские учения «Восток» начались 2 июня на полигонах Приморья. "
            "В учении вместе с российскими военными участвуют военные Китая и Индии. "
            "Прошлые манёвры российских и китайских военных прошли в 2018 году."
        )
        june = [parties for kind, date, parties in summary(text, "ru") if date == "2024-06-02"]
        assert june == [["China", "India", "Russia"]]

    def test_a_flight_over_the_seas_of_japan_does_not_make_japan_a_party(self):
        text = (
            "В мае российские и китайские бомбардировщики выполнили совместное патрулирование "
            "над Японским и Восточно-Китайским морями."
        )
        assert summary(text, "ru") == [("exercise", "2024-05", ["China", "Russia"])]


class TestRussianSharedSubject:
    def test_a_second_clause_with_its_own_day_keeps_the_sentence_subject(self):
        text = "Ли Цян в среду провел переговоры с Михаилом Мишустиным, а во вторник встретился с Сергеем Лавровым."
        tuesday = [sorted(e["actors"]) for e in events(text, "ru") if e["date"] == "2024-06-18"]
        assert tuesday == [["Li Qiang", "Sergey Lavrov"]]


class TestTalksNamedByAPhrase:
    def test_talks_the_signing_followed_took_place_on_the_signing_day(self):
        text = "Владимир Путин и Си Цзиньпин по итогам переговоров во вторник подписали совместное заявление."
        found = summary(text, "ru")
        assert ("meeting", "2024-06-18", ["China", "Russia"]) in found
        assert ("agreement", "2024-06-18", ["China", "Russia"]) in found

    def test_talks_an_earlier_sentence_told_are_not_told_again(self):
        text = (
            "В понедельник Владимир Путин провел переговоры с Си Цзиньпином. "
            "По итогам переговоров во вторник лидеры подписали совместное заявление."
        )
        meetings = [date for kind, date, _ in summary(text, "ru") if kind == "meeting"]
        assert meetings == ["2024-06-17"]


class TestWhenClauses:
    def test_a_when_clause_shares_the_month_of_the_main_clause(self):
        text = "«Мы встречались в мае в Пекине, когда я был с государственным визитом в Китае», — сказал Путин."
        assert ("visit", "2024-05", ["China", "Russia"]) in summary(text, "ru")


class TestOnePartyTalks:
    def test_talks_with_only_one_party_found_are_left_out(self):
        assert events("Владимир Путин 18 июня провел встречу в Кремле.", "ru") == []
        assert events("6月18日，普京在克里姆林宫举行会谈。", "zh") == []

    def test_talks_of_two_people_of_one_country_are_left_out(self):
        assert events("Владимир Путин 18 июня встретился с Сергеем Лавровым.", "ru") == []

    def test_a_trip_within_ones_own_country_is_no_visit(self):
        assert events("Владимир Путин 18 июня прибыл в Казань.", "ru") == []

    def test_a_law_signed_by_one_side_is_no_agreement(self):
        assert events("Владимир Путин 18 июня подписал закон о бюджете.", "ru") == []

    def test_a_national_drill_keeps_its_one_party(self):
        found = summary("Российские войска 18 июня начали учения на полигонах Приморья.", "ru")
        assert found == [("exercise", "2024-06-18", ["Russia"])]


class TestSurnames:
    def test_a_chinese_surname_alone_is_the_person_named_in_full_before(self):
        text = "Ван И 18 июня встретился с Сергеем Лавровым. В тот же день Ван встретился с Энтони Блинкеном."
        found = [sorted(e["actors"]) for e in events(text, "ru")]
        assert ["Antony Blinken", "Wang Yi"] in found

    def test_a_surname_followed_by_another_name_is_someone_else(self):
        text = "Ли Цян 18 июня встретился с Сергеем Лавровым. В тот же день Ли Хуэй встретился с Энтони Блинкеном."
        found = [sorted(e["actors"]) for e in events(text, "ru")]
        assert ["Antony Blinken", "Li Qiang"] not in found


class TestWhereClauses:
    def test_a_strike_in_a_where_clause_lands_on_the_place_named_before(self):
        text = "Обстановка остается напряженной в Курской области, куда 2 июня вторглись украинские подразделения."
        found = summary(text, "ru")
        assert [(kind, date, parties) for kind, date, parties in found] == [
            ("invasion", "2024-06-02", ["Russia", "Ukraine"])
        ]


class TestSameDayMeetings:
    def test_three_way_talks_the_same_day_are_a_second_meeting(self):
        text = "6月12日，习近平在北京同俄罗斯总统普京举行会谈。当天，习近平、普京还同蒙古国总统举行三国元首会晤。"
        meetings = sorted(parties for kind, _, parties in summary(text, "zh") if kind == "meeting")
        assert meetings == [["China", "Mongolia", "Russia"], ["China", "Russia"]]


class TestRussianFutureVerbs:
    def test_a_perfective_present_verb_is_a_plan(self):
        found = events("Вечером 20 июня 2024 года Си Цзиньпин посетит Россию.", "ru")
        assert [(e["kind"], e["date"], e["modality"]) for e in found] == [("visit", "2024-06-20", "planned")]

    def test_the_past_verb_is_still_a_visit_that_happened(self):
        found = events("В понедельник Си Цзиньпин посетил Россию.", "ru")
        assert [(e["kind"], e["date"], e["modality"]) for e in found] == [("visit", "2024-06-17", "asserted")]


class TestThenClauses:
    def test_talks_told_with_then_in_a_dated_sentence_share_its_day(self):
        text = (
            "В среду в Москве прошли переговоры Путина и Си Цзиньпина, "
            "а затем — встреча лидеров России, Китая и Казахстана."
        )
        meetings = sorted((date, parties) for kind, date, parties in summary(text, "ru") if kind == "meeting")
        assert meetings == [("2024-06-19", ["China", "Kazakhstan", "Russia"]), ("2024-06-19", ["China", "Russia"])]


class TestFirstDayOf:
    def test_the_first_day_of_a_summit_is_the_day_just_told(self):
        text = (
            "Владимир Путин 18 июня встретился с Си Цзиньпином. "
            "Беседа состоялась в первый день саммита ШОС в Астане."
        )
        sco = "Shanghai Cooperation Organisation"
        summits = [(date, sco in parties) for kind, date, parties in summary(text, "ru") if kind == "summit"]
        assert summits == [("2024-06-18", True)]


class TestChineseAttributiveVisits:
    def test_a_visit_describing_the_guest_takes_no_day_of_the_meeting(self):
        found = summary("李强18日在北京会见正式访华的俄罗斯外长拉夫罗夫。", "zh")
        assert [kind for kind, _, _ in found] == ["meeting"]

    def test_a_visit_told_as_the_event_is_still_a_visit(self):
        found = summary("6月18日，俄罗斯外长拉夫罗夫正式访问中国。", "zh")
        assert found == [("visit", "2024-06-18", ["China", "Russia"])]


class TestChineseSpeeches:
    def test_a_keynote_speech_is_a_statement_of_its_day(self):
        found = summary("王毅16日在慕尼黑安全会议上发表主旨演讲，呼吁各方停火。", "zh")
        assert [(kind, date) for kind, date, _ in found] == [("statement", "2024-06-16")]


class TestChinesePartnerships:
    def test_raising_relations_to_a_partnership_is_an_agreement_done(self):
        found = events("2021年5月，中国和印度尼西亚宣布将两国关系提升为全面战略伙伴关系。", "zh")
        assert [(e["kind"], e["date"], e["modality"]) for e in found] == [("agreement", "2021-05", "asserted")]

    def test_a_partnership_still_to_come_is_planned(self):
        found = events("2025年5月，中国和印度尼西亚将把两国关系提升为全面战略伙伴关系。", "zh")
        assert [(e["kind"], e["modality"]) for e in found] == [("agreement", "planned")]


class TestRussianCountermeasures:
    def test_retaliatory_measures_are_a_sanction_against_the_country_named(self):
        found = summary("В марте Пекин ввел ответные меры против двух литовских компаний.", "ru")
        assert found == [("sanction", "2024-03", ["China", "Lithuania"])]
