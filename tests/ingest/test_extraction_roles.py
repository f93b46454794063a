"""Initiator and target roles of directional events (issue 3 item 4). Sentences written for these tests."""

import datetime

from ingest.extraction import extract

PUBLISHED = datetime.datetime(2023, 9, 14, 18, 0, tzinfo=datetime.UTC)  # a Thursday


def roles_of(text, kind, language="en"):
    """{actor: role} of the first event of `kind` found in `text`."""
    for candidate in extract(text, published=PUBLISHED, language=language):
        if candidate.kind == kind:
            return {a.name: a.role for a in candidate.actors}
    return None


class TestNominalTriggerOwner:
    def test_a_possessive_before_the_noun_is_the_attacker_not_the_subject_of_another_verb(self):
        roles = roles_of("Indonesia on Tuesday refused to call Russia's assault on Ukraine an invasion.", "attack")
        assert roles["Russia"] == "initiator"
        assert roles["Ukraine"] == "target"
        assert roles.get("Indonesia") != "initiator"

    def test_a_demonym_before_the_noun_is_the_attacker(self):
        roles = roles_of("Ukraine condemned the Russian airstrike on Kharkiv on Tuesday.", "attack")
        assert roles == {"Russia": "initiator", "Ukraine": "target"}  # the bystander's country is the struck one

    def test_coordinated_owners_are_all_initiators(self):
        roles = roles_of("The U.S. and EU sanctions on Russia took effect on Monday.", "sanction")
        assert roles["United States"] == "initiator"
        assert roles["European Union"] == "initiator"
        assert roles["Russia"] == "target"

    def test_indonesian_genitive_after_the_noun_is_the_invader(self):
        # (not "Jakarta menyesalkan invasi Rusia ... pada Senin": the day is the regret's, the invasion only named)
        roles = roles_of("Jakarta mencatat invasi Rusia ke Ukraina pada Kamis (24/2/2022).", "invasion", "id")
        assert roles["Russia"] == "initiator"
        assert roles["Ukraine"] == "target"
        assert roles.get("Indonesia") != "initiator"

    def test_indonesian_arrival_verb_is_not_owned_by_the_place(self):
        roles = roles_of("Li Qiang tiba di Moskwa pada Senin (11/9).", "visit", "id")
        assert roles["Li Qiang"] == "initiator"
        assert roles["Russia"] == "target"


class TestVerbalTrigger:
    def test_the_subject_of_the_trigger_verb_invades_its_object(self):
        roles = roles_of("Russia invaded Ukraine on Monday.", "invasion")
        assert roles == {"Russia": "initiator", "Ukraine": "target"}

    def test_indonesian_subject_imposes_sanctions_on_the_object(self):
        roles = roles_of("AS menjatuhkan sanksi terhadap Rusia pada Senin (11/9).", "sanction", "id")
        assert roles["United States"] == "initiator"
        assert roles["Russia"] == "target"

    def test_a_stance_verb_subject_is_no_initiator(self):
        roles = roles_of("Vladimir Putin said on Monday that Xi Jinping will visit Moscow in October.", "visit")
        assert roles["Xi Jinping"] == "initiator"
        assert roles["Russia"] == "target"
        assert roles["Vladimir Putin"] != "initiator"

    def test_indonesian_condemner_is_dropped_from_an_attack(self):
        roles = roles_of("Indonesia mengecam serangan Rusia terhadap Ukraina pada Senin (11/9).", "attack", "id")
        assert roles == {"Russia": "initiator", "Ukraine": "target"}


class TestOneCountryOneSide:
    def test_the_host_of_a_visit_is_on_the_target_side(self):
        roles = roles_of(
            "Xi Jinping dan Vladimir Putin bertemu saat Xi berada di Moskwa untuk kunjungan kenegaraan "
            "pada Senin (11/9).",
            "visit",
            "id",
        )
        assert roles["Xi Jinping"] == "initiator"
        assert roles.get("Vladimir Putin") != "initiator"

    def test_the_inviting_host_is_not_an_initiator_of_the_guests_visit(self):
        text = (
            "Presiden Rusia Vladimir Putin mengundang Xi Jinping melakukan kunjungan kenegaraan ke Moskwa pada Senin."
        )
        roles = roles_of(text, "visit", "id")
        assert roles["Xi Jinping"] == "initiator"
        assert roles["Russia"] == "target"
        assert roles["Vladimir Putin"] == "target"


class TestCarriedActors:
    def test_actors_of_an_earlier_sentence_do_not_join_the_attackers(self):
        text = (
            "Ukraine and China held talks on Monday. "
            "Russian President Vladimir Putin announced what he called a special military operation on Tuesday."
        )
        roles = roles_of(text, "invasion")
        assert roles["Vladimir Putin"] == "initiator"
        assert roles.get("Ukraine") != "initiator"
        assert roles.get("China") != "initiator"


class TestAgentsAndHosts:
    def test_the_agent_after_by_is_the_initiator(self):
        # (not "The West condemned the annexation ... on Monday": the day is the condemnation's)
        roles = roles_of("The annexation of Crimea by Russia on March 18, 2014 shocked the West.", "invasion")
        assert roles == {"Russia": "initiator", "Ukraine": "target"}

    def test_the_indonesian_agent_after_oleh_is_the_initiator(self):
        roles = roles_of("Aneksasi Krimea oleh Rusia pada 18 Maret 2014 mengejutkan dunia.", "invasion", "id")
        assert roles == {"Russia": "initiator", "Ukraine": "target"}

    def test_the_inviting_host_is_the_target_side_of_the_visit(self):
        roles = roles_of("Vladimir Putin on Monday invited Xi Jinping to visit Moscow in the spring.", "visit")
        assert roles == {"Vladimir Putin": "target", "Xi Jinping": "initiator", "Russia": "target"}

    def test_joined_weapon_nouns_still_let_the_owner_through(self):
        text = "Serangan rudal dan drone Rusia ke Kyiv pada Senin (11/9) menewaskan 20 orang."
        assert roles_of(text, "attack", "id") == {"Russia": "initiator", "Ukraine": "target"}


class TestChineseDui:
    def test_the_country_after_dui_is_the_visited_one(self):
        assert roles_of("9月11日，习近平对俄罗斯进行国事访问。", "visit", "zh") == {
            "Xi Jinping": "initiator",
            "Russia": "target",
        }

    def test_the_country_after_dui_is_the_struck_one(self):
        roles = roles_of("9月11日，俄军对乌克兰发动导弹袭击。", "attack", "zh")
        assert roles == {"Russia": "initiator", "Ukraine": "target"}


class TestSelfOwnedTrigger:
    def test_a_warning_given_during_ones_own_visit_keeps_the_visitor(self):
        text = "Antony Blinken memperingatkan Beijing dalam kunjungannya ke China pada Senin (11/9)."
        roles = roles_of(text, "visit", "id")
        assert roles["Antony Blinken"] == "initiator"
        assert roles["China"] == "target"


class TestSanctionPlaces:
    def test_the_country_where_the_war_is_fought_is_not_the_sanctioned_one(self):
        text = "Uni Eropa menjatuhkan sanksi terhadap Rusia atas perang di Ukraina pada Senin (11/9)."
        roles = roles_of(text, "sanction", "id")
        assert roles["European Union"] == "initiator"
        assert roles["Russia"] == "target"
        assert roles.get("Ukraine") != "target"


class TestVisitDestinations:
    def test_actors_named_in_what_the_visitor_said_are_not_visited(self):
        text = "Olaf Scholz, visiting Beijing on Monday, warned Chinese leaders that Russia's war harms Europe."
        roles = roles_of(text, "visit")
        assert roles["Olaf Scholz"] == "initiator"
        assert roles["China"] == "target"
        assert roles.get("Russia") != "target"

    def test_a_country_after_to_is_the_destination_even_before_the_trigger(self):
        text = "Xi Jinping travelled to Russia on Monday, when he attended the opening of the Victory Day parade."
        roles = roles_of(text, "visit")
        assert roles == {"Xi Jinping": "initiator", "Russia": "target"}


class TestSettleSides:
    def test_a_country_keeps_the_side_its_first_actor_took(self):
        from ingest.extraction.actors import ActorRole, settle_sides
        from ingest.extraction.gazetteer import Gazetteer

        actors = [
            ActorRole("Xi Jinping", "person", "initiator"),
            ActorRole("Russia", "country", "target"),
            ActorRole("Vladimir Putin", "person", "initiator"),
            ActorRole("China", "country", "target"),
        ]
        settled = {a.name: a.role for a in settle_sides(actors, Gazetteer.default())}
        assert settled == {
            "Xi Jinping": "initiator",
            "Russia": "target",
            "Vladimir Putin": "participant",
            "China": "participant",
        }
