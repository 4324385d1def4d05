"""Clustering: evidence features, explainable scores, incremental candidates by name."""

from newsledger.models import Event, EventDate, Location
from newsledger.resolve import cluster
from newsledger.resolve.evidence import person_names, terms
from newsledger.store.store import IncidentRow


def _loc(name, lat, lon, gid, admin1="Illinois", precision=1):
    return Location(name=name, admin1=admin1, country="United States", country_code="US", lat=lat, lon=lon,
                    geonames_id=gid, precision=precision, mentions=[name])


CHICAGO = _loc("Chicago", 41.85, -87.65, 4887398)


def _row(i, start, precision="day", loc=CHICAGO, names=(), killed=1):
    return IncidentRow(id=i, event_type="Violence against civilians", sub_type="attack",
                       date=EventDate(start, start, precision), location=loc, killed_best=killed,
                       injured_best=None, n_documents=1, names=frozenset(names))


def _ev(start, precision="day", loc=CHICAGO, doc="d"):
    return Event(document_id=doc, event_type="Violence against civilians", sub_type="attack",
                 date=EventDate(start, start, precision), location=loc)


def test_person_names_keep_victims_drop_officials():
    text = ("Michael J. Carter, 23, of Fontaine was arrested. Police Lt. Dan McGrath said the boy died. "
            "Carter was held on bond. The shooting happened on Copeland Street in Fort Worth.")
    assert person_names(text) == {"michael carter"}


def test_person_names_skip_page_chrome_and_read_titles_in_a_run():
    # page links and headings are no people: "Related\nAbout", "Incident Houston" (the word
    # "incident" is written in lowercase in the text too), "Southeast Portland"
    text = ("Related\nAbout Us. Incident Houston: a man was shot. The incident is under investigation. "
            "Houston police said. Southeast Portland news. Portland police.")
    assert person_names(text) == set()
    # "Public Schools Superintendent Alberto Carvalho" is an official, not "Public Schools"
    text = ("Miami-Dade County Public Schools Superintendent Alberto Carvalho posted on Twitter early "
            "Wednesday. Carvalho called the killing unacceptable.")
    assert "alberto carvalho" not in person_names(text)
    # a victim whose given name is also a word keeps it when an age or a role says person
    assert "will campbell" in person_names("Will Campbell, 23, was shot. Campbell will recover.")


def test_terms_are_content_words():
    t = terms("The gunman fired into the crowd at the Boss Nightclub.", "Nightclub shooting")
    assert {"gunman", "crowd", "nightclub", "boss"} <= t and "the" not in t and "shooting" not in t


def test_same_day_same_place_joins_with_reasons():
    incident, why = cluster.choose(_ev("2015-04-07"), 1, [_row(7, "2015-04-07")])
    assert incident == 7
    assert "same day (+2)" in why and "same big city Chicago (+1)" in why


def test_far_dates_rule_out_unless_a_rare_name_is_shared():
    ev, row = _ev("2015-09-08"), _row(3, "2015-08-03", names={"malijha granger"})
    assert cluster.score(ev, 1, row, cluster.Evidence()) is None
    evd = cluster.Evidence(names={"malijha granger"}, name_incidents={"malijha granger": {3}})
    incident, why = cluster.choose(ev, 1, [row], evd)
    assert incident == 3 and "named in both: Malijha Granger (+3)" in why and "days apart (-1)" in why


def test_common_names_are_no_evidence():
    evd = cluster.Evidence(names={"rahm emanuel"}, name_incidents={"rahm emanuel": {1, 2, 3, 4, 5}})
    total, reasons = cluster.score(_ev("2015-04-07"), None, _row(1, "2015-04-07", names={"rahm emanuel"}), evd)
    assert not any("named in both" in r for r in reasons)


def test_undated_article_cannot_precede_the_event():
    # an undated article (date = publication) published before the incident's date
    assert cluster.score(_ev("2015-04-01", "unknown"), None, _row(1, "2015-04-07")) is None
    total, reasons = cluster.score(_ev("2015-04-09", "unknown"), None, _row(1, "2015-04-07"))
    assert any("undated, published 2 day(s) after" in r for r in reasons)


def test_province_contains_town_and_other_country_rules_out():
    illinois = _loc("Illinois", 40.0, -89.0, 4896861, precision=3)
    total, reasons = cluster.score(_ev("2015-04-07", loc=illinois), None, _row(1, "2015-04-07"))
    assert "same province Illinois (+1)" in reasons
    paris = Location(name="Paris", country_code="FR", lat=48.85, lon=2.35, geonames_id=2988507, precision=1)
    assert cluster.score(_ev("2015-04-07", loc=paris), None, _row(1, "2015-04-07")) is None


def test_low_text_similarity_keeps_same_city_same_day_apart():
    evd = cluster.Evidence(terms={"gangway", "englewood", "teenager"},
                           row_terms={1: {"expressway", "motorist", "dan", "ryan"}},
                           idf={"gangway": 5.0, "englewood": 4.0, "teenager": 2.0})
    incident, why = cluster.choose(_ev("2015-04-07"), 2, [_row(1, "2015-04-07", killed=1)], evd)
    assert incident is None and "text similarity 0.00 (-2)" in why


def test_a_death_on_one_side_only_counts_against_the_join():
    # "2 16-year-old boys killed, woman injured in West Side shooting" against the incident of
    # "Man accidentally shot in hand in East Garfield Park" (gva train, Chicago, a day apart):
    # one report tells of deaths, the other of none
    evd = cluster.Evidence(terms={"boys", "west", "side"}, row_terms={1: {"boys", "west", "side"}},
                           idf={"boys": 1.0, "west": 1.0, "side": 1.0})
    incident, why = cluster.choose(_ev("2017-01-03"), 2, [_row(1, "2017-01-02", killed=0)], evd)
    assert "killed 2 vs 0: a death on one side only (-1)" in why
    total, _ = cluster.score(_ev("2017-01-03"), 0, _row(1, "2017-01-02", killed=0), evd)
    assert total - cluster.score(_ev("2017-01-03"), 2, _row(1, "2017-01-02", killed=0), evd)[0] == 2


def test_incremental_candidates_by_name(tmp_path):
    from newsledger.pipeline import add_report
    from newsledger.models import Document, Report
    from newsledger.store.store import Store

    store = Store(str(tmp_path / "l.db"))
    first = Document(id="a", text="Malijha Granger, 1, was shot in Kent on Thursday. Granger died.", title="Baby shot")
    later = Document(id="b", text="A man was charged with murder in the death of Malijha Granger. Granger, 1, died.",
                     title="Man charged")
    kent = _loc("Kent", 47.38, -122.23, 5799841, admin1="Washington")
    add_report(store, Report(first, [_ev("2015-04-16", doc="a", loc=kent)]))
    # months later: outside the window
    touched = add_report(store, Report(later, [_ev("2015-08-25", doc="b", loc=kent)]))
    (incident,) = touched
    assert store.incident_of_document("a") == [incident]
    assert "named in both: Malijha Granger" in store.incident(incident).why[1]
    store.close()


def test_the_same_small_town_weighs_more_than_the_same_big_city():
    """Wagoner, Oklahoma (about 8,000 people) against Chicago: same day, same place, same type
    and unrelated wording (gva dev: two reports of one home invasion) join only in the town.
    Chicago (2.7 million) weighs +1: "2 16-year-old boys killed, woman injured in West Side
    shooting" and "Man accidentally shot in hand in East Garfield Park" (gva train) are two
    shootings a day apart; a mid-sized city (Kent, Washington, about 120,000) weighs +2."""
    from newsledger.extract.gazetteer import Gazetteer

    def place(name, state):
        p = next(p for p in Gazetteer.default().lookup(name) if p.admin1 == state and p.feature != "admin2")
        return _loc(name, p.lat, p.lon, p.geonames_id, admin1=state)

    wagoner, kent = place("Wagoner", "Oklahoma"), place("Kent", "Washington")
    chicago = place("Chicago", "Illinois")
    pts_town, why_town = cluster._place_points(wagoner, wagoner, strong=False)
    pts_city, why_city = cluster._place_points(chicago, chicago, strong=False)
    pts_mid, why_mid = cluster._place_points(kent, kent, strong=False)
    assert (pts_town, pts_mid, pts_city) == (3, 2, 1)
    assert "small town" in why_town and "big city" in why_city and "same place Kent" in why_mid
