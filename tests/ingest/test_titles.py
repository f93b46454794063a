from ingest.pipeline import title_for
from timeline.models import Actor


def person(name):
    return Actor(name=name, kind=Actor.Kind.PERSON)


def country(name):
    return Actor(name=name, kind=Actor.Kind.COUNTRY)


def group(name):
    return Actor(name=name, kind=Actor.Kind.ORGANISATION)


XI, PUTIN = person("Xi Jinping"), person("Vladimir Putin")


class TestTitleFor:
    def test_leaders_speak_by_phone(self):
        actors = [(XI, "participant"), (PUTIN, "participant"), (country("China"), "participant")]
        assert title_for("call", actors, None) == "Xi Jinping and Vladimir Putin speak by phone"

    def test_a_state_invades_its_target(self):
        actors = [(country("Russia"), "initiator"), (country("Ukraine"), "target")]
        assert title_for("invasion", actors, None) == "Russia invades Ukraine"

    def test_a_visit_names_its_destination(self):
        actors = [(XI, "initiator"), (country("Russia"), "target")]
        assert title_for("visit", actors, "Moscow") == "Xi Jinping visits Moscow"

    def test_a_summit_is_named_by_its_organisation_and_place(self):
        actors = [(XI, "participant"), (group("SCO"), "participant")]
        assert title_for("summit", actors, "Astana") == "SCO summit in Astana"

    def test_two_initiators_of_a_statement_issue_it_jointly(self):
        actors = [(XI, "initiator"), (PUTIN, "initiator")]
        assert title_for("statement", actors, None) == "Xi Jinping and Vladimir Putin issue a joint statement"

    def test_other_events_say_what_happened(self):
        actors = [(PUTIN, "participant"), (XI, "participant")]
        title = title_for("other", actors, None, "launched the Power of Siberia pipeline")
        assert title == "Vladimir Putin and Xi Jinping: launched the Power of Siberia pipeline"

    def test_a_leader_who_acts_stands_for_his_state(self):
        russia = Actor(pk=7, name="Russia", kind=Actor.Kind.COUNTRY)
        putin = Actor(name="Vladimir Putin", kind=Actor.Kind.PERSON, country=russia)
        actors = [(putin, "initiator"), (country("China"), "participant"), (russia, "participant")]
        assert title_for("invasion", actors, None) == "Invasion by Russia"
