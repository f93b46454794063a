import datetime

from ingest.extraction import Gazetteer


class TestGazetteer:
    def test_it_resolves_an_office_by_date(self):
        gazetteer = Gazetteer.default()
        assert gazetteer.holder("President of Russia", datetime.date(2010, 1, 1)) == "Dmitry Medvedev"
        assert gazetteer.holder("President of Russia", datetime.date(2022, 6, 15)) == "Vladimir Putin"
        assert gazetteer.holder("Premier of China", datetime.date(2020, 1, 1)) == "Li Keqiang"

    def test_an_unknown_day_gives_the_current_holder(self):
        assert Gazetteer.default().holder("Prime Minister of Russia", None) == "Mikhail Mishustin"

    def test_it_finds_aliases_in_each_language(self):
        gazetteer = Gazetteer.default()
        assert [m.actor for m in gazetteer.find_mentions("Tiongkok dan RRT", "id")] == ["China", "China"]
        assert [m.actor for m in gazetteer.find_mentions("визит Путина в Китай", "ru")] == ["Vladimir Putin", "China"]
        assert [m.actor for m in gazetteer.find_mentions("习近平会见普京", "zh")] == ["Xi Jinping", "Vladimir Putin"]

    def test_short_acronyms_are_case_sensitive(self):
        gazetteer = Gazetteer.default()
        assert [m.actor for m in gazetteer.find_mentions("AS dan RI", "id")] == ["United States", "Indonesia"]
        assert gazetteer.find_mentions("as far as we know", "en") == []

    def test_latin_america_is_not_the_united_states(self):
        mentions = Gazetteer.default().find_mentions("trade with Latin America grew", "en")
        assert all(m.actor != "United States" for m in mentions)

    def test_it_can_be_built_from_records(self):
        gazetteer = Gazetteer.from_records(
            [{"name": "Atlantis", "kind": "country", "aliases": {"en": ["Atlantis"]}, "offices": []}]
        )
        assert [m.actor for m in gazetteer.find_mentions("Atlantis rose", "en")] == ["Atlantis"]
        assert gazetteer.records[0]["name"] == "Atlantis"

    def test_the_required_actors_are_there(self):
        names = {r["name"] for r in Gazetteer.default().records}
        required = {
            "China",
            "Russia",
            "Ukraine",
            "United States",
            "European Union",
            "NATO",
            "Shanghai Cooperation Organisation",
            "BRICS",
            "Xi Jinping",
            "Vladimir Putin",
            "Dmitry Medvedev",
            "Wang Yi",
            "Sergey Lavrov",
            "Li Qiang",
            "Mikhail Mishustin",
            "Volodymyr Zelensky",
        }
        assert required <= names
