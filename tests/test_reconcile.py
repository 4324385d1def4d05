"""Reconciliation rules on hand-made claims."""

from __future__ import annotations


def test_later_figure_from_the_same_source_supersedes_the_earlier():
    """Rule 3 across reports: the ministry said 5, two days later the ministry said 7."""
    from newsledger.models import Claim, Event
    from newsledger.resolve.reconcile import reconcile

    def ev(doc, n, source):
        c = Claim(counts="killed", low=n, high=n, best=n, text=str(n), sentence=f"{source} said {n} were killed.",
                  document_id=doc, source=source)
        return Event(document_id=doc, claims=[c])

    est = reconcile([ev("a", 5, "the Foreign Ministry"), ev("b", 7, "Foreign Ministry"), ev("c", 6, "police")],
                    "killed")
    assert (est.low, est.best, est.high) == (6, 7, 7)
    assert "superseded" in est.rule


def _claim(text: str, n: int, start: int, sentence: str):
    from newsledger.models import Claim

    return Claim(counts="killed", low=n, high=n, best=n, text=text, sentence=sentence, start=start)


def test_victims_named_one_by_one_do_not_outvote_the_total_the_report_leads_with():
    """'Three people were killed ... Found dead were Justin Huckeby, 25, and Shane Newland, 42 ...
    a 22-month-old boy' (gva dev): the named victims are parts of the total."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    claims = [_claim("Three", 3, 0, "Three people were killed early Monday."),
              _claim("Justin Huckeby", 1, 200, "Found dead were Justin Huckeby, 25."),
              _claim("a 22-month-old boy", 1, 400, "A 22-month-old boy was killed.")]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 3


def test_a_report_that_leads_with_one_victim_keeps_that_victim():
    """'Teen shot to death in Melrose Park ... 17 people were killed in the suburb this year':
    the later figure is not this incident, so the lead's single victim still counts."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    claims = [_claim("Teen", 1, 0, "Teen shot to death in Melrose Park"),
              _claim("Julian Hernandez", 1, 50, "Julian Hernandez, 16, was killed."),
              _claim("17", 17, 300, "17 people were killed in the suburb.")]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 1


def test_a_vague_number_shot_does_not_beat_a_stated_injured_figure():
    """'A Blytheville shooting killed 1 woman and injured 11 others' ... 'Overnight more than
    a dozen victims were shot' (gva dev): shot minus killed (12) is vague; 11 stands."""
    from newsledger.models import Claim, Event
    from newsledger.resolve.reconcile import reconcile

    s1 = "A Blytheville shooting killed 1 woman and injured 11 others Saturday."
    s2 = "Overnight more than a dozen victims were shot, resulting in at least 1 death."
    claims = [Claim(counts="killed", low=1, high=1, best=1, text="1", sentence=s1, start=0),
              Claim(counts="injured", low=11, high=11, best=11, text="11", sentence=s1, start=10),
              Claim(counts="other", detail="shot", low=13, high=None, best=13, text="more than a dozen",
                    sentence=s2, start=100, vague=True)]
    assert reconcile([Event(document_id="d", claims=claims)], "injured").best == 11


def test_a_suspect_killed_by_police_and_named_again_is_no_victim():
    """'Suspect killed in officer-involved shooting identified ... A man was killed ... police
    returned fire, killing Young' (gva dev): one dead person, the suspect; victims killed 0."""
    from newsledger.models import Claim, Event
    from newsledger.resolve.reconcile import reconcile

    claims = [Claim(counts="killed", low=1, high=1, best=1, text="Suspect", sentence="Suspect killed", start=0,
                    subject="Suspect", perpetrator=True),
              Claim(counts="killed", low=1, high=1, best=1, text="A man", sentence="A man was killed.", start=40),
              Claim(counts="killed", low=1, high=1, best=1, text="Young", sentence="Police returned fire, killing Young.",
                    start=90)]
    est = reconcile([Event(document_id="d", claims=claims)], "killed")
    assert est.best == 0
    # a victim named beside a perpetrator who killed himself still counts
    claims[0] = Claim(counts="killed", low=1, high=1, best=1, text="killing himself", sentence="before killing himself",
                      start=0, subject="the perpetrator", perpetrator=True)
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 1


def test_later_means_published_later_not_ingested_later():
    """The ministry said 7 on 12 Feb and 5 on 9 Feb; ingested newest first, 7 still stands."""
    from datetime import date

    from newsledger.models import Claim, Event
    from newsledger.resolve.reconcile import reconcile

    def ev(doc, n, day):
        c = Claim(counts="killed", low=n, high=n, best=n, text=str(n), sentence=f"The ministry said {n} were killed.",
                  document_id=doc, source="the ministry")
        return Event(document_id=doc, claims=[c], published=date(2018, 2, day))

    est = reconcile([ev("b", 7, 12), ev("a", 5, 9)], "killed")
    assert est.best == 7 and "superseded" in est.rule


def test_a_tie_between_reports_goes_to_the_figure_more_claims_repeat():
    """Two reports, one figure each (1 vs 2): the report that repeats its 1 in three
    sentences outweighs the single mention of 2; with equal support the higher wins."""
    from newsledger.models import Claim, Event
    from newsledger.resolve.reconcile import reconcile

    def c(n, start):
        return Claim(counts="killed", low=n, high=n, best=n, text=str(n), sentence=f"{n} killed.", start=start)

    a = Event(document_id="a", claims=[c(1, 0), c(1, 50), c(1, 90)])
    b = Event(document_id="b", claims=[c(2, 0)])
    assert reconcile([a, b], "killed").best == 1
    assert reconcile([Event(document_id="a", claims=[c(1, 0)]), b], "killed").best == 2


def test_a_report_whose_only_dead_are_attackers_gives_no_victim_killed_with_an_open_high():
    """'Homeowner's son shoots, kills three would-be burglars' (gva dev): victims killed 0
    with an open high; the three are perpetrators_killed."""
    from newsledger.models import Claim, Event
    from newsledger.resolve.reconcile import reconcile, reconcile_perpetrators

    c = Claim(counts="killed", low=3, high=3, best=3, text="three", subject="would-be burglars",
              sentence="Homeowner's son shoots, kills three would-be burglars", perpetrator=True)
    ev = Event(document_id="d", claims=[c])
    est = reconcile([ev], "killed")
    # 0 as best, but the high stays open: the report may simply not name the victims
    # ("Man killed home intruder but also brother, housemate")
    assert (est.best, est.high) == (0, None)
    assert reconcile_perpetrators([ev]).best == 3


def test_a_reprint_that_updates_the_toll_is_kept():
    """A wire copy republished with 'the death toll rose to 5' is an update, not a copy: it is
    kept, while a reprint with the same figure is still left out (no confirmation)."""
    from newsledger.models import Claim, Event
    from newsledger.resolve.reconcile import reconcile

    def ev(doc, n, sentence):
        return Event(document_id=doc, claims=[Claim(counts="killed", low=n, high=n, best=n, text=str(n),
                                                    sentence=sentence, document_id=doc)])

    a = ev("a", 3, "Three people were killed.")
    same = ev("b", 3, "Three people were killed.")
    update = ev("c", 5, "The death toll rose to 5.")
    est = reconcile([a, same, update], "killed", duplicates={"b", "c"})
    assert est.best in (3, 5) and est.high == 5 and "1 near-duplicate" in est.rule


def test_shot_himself_in_a_report_of_a_death_is_the_one_who_died():
    """'Oregon teen dies after accidentally shooting himself' (gva dev): the self-inflicted
    wound is the death, not one more injured; without a death it stays injured."""
    from newsledger.models import Claim, Event
    from newsledger.resolve.reconcile import reconcile

    self_shot = Claim(counts="injured", low=1, high=1, best=1, text="shot himself", subject="self-inflicted",
                      sentence="At about 8:30 p.m., the boy accidentally shot himself while handling a gun.")
    died = Claim(counts="killed", low=1, high=1, best=1, text="teen", sentence="Oregon teen dies after shooting")
    assert reconcile([Event(document_id="d", claims=[died, self_shot])], "injured").best == 0
    assert reconcile([Event(document_id="d", claims=[self_shot])], "injured").best == 1
