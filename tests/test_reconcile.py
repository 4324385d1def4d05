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


def _c(counts: str, n: int, text: str, sentence: str, start: int = 0, **kw):
    from newsledger.models import Claim

    return Claim(counts=counts, low=n, high=kw.pop("high", n), best=n, text=text, sentence=sentence,
                 start=start, end=kw.pop("end", start + len(text)), **kw)


def test_a_city_roundup_figure_is_not_the_incident_figure():
    """'17 dead, 41 wounded in Chicago weekend shootings' (gva dev, one GVA incident of the
    weekend): the tally is of many shootings; the victims the report names one by one stay."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    title = "17 dead, 41 wounded in Chicago weekend shootings"
    lead = ("At least 17 people, including four teenagers, were killed and 41 others were wounded in "
            "shootings across Chicago between Friday evening and Monday morning.")
    one = "About 15 minutes earlier, 19-year-old Raqkown Ricks was killed and a 40-year-old man was wounded."
    claims = [_c("killed", 17, "17", title, end=0), _c("injured", 41, "41", title, end=0),
              _c("killed", 17, "At least 17", lead, 2, high=None), _c("injured", 41, "41", lead, 64),
              _c("killed", 1, "Edwin", "Edwin was pronounced dead at 3:45 a.m.", 1119),
              _c("killed", 1, "19-year-old Raqkown Ricks", one, 1273),
              _c("injured", 1, "a 40-year-old man", one, 1314),
              _c("injured", 39, "At least 39", "At least 39 more people were wounded in other shootings "
                 "across the city between 4:45 p.m. Friday and 9:15 p.m. Sunday.", 6970, high=None)]
    ev = Event(document_id="d", claims=claims)
    assert reconcile([ev], "killed").best == 1
    assert reconcile([ev], "injured").best == 1
    # the same figures about one shooting are the incident's: "17 dead, 41 wounded in Chicago
    # shooting" has no tally of several shootings
    single = Event(document_id="e", claims=[_c("killed", 17, "17", "17 dead, 41 wounded in Chicago shooting", end=0)])
    assert reconcile([single], "killed").best == 17


def test_reports_silent_on_injured_vote_for_none_unless_a_later_report_gives_a_figure():
    """'HPD: 8-year-old shot, killed after accident' (gva dev): one report's stray 'the woman
    who shot De'Maree' makes injured 1 (2 shot − 1 killed), while the reports of the days after
    name the death and no one injured: injured 0. 'Mother critical after shot in the head by
    child' (two reports, 17 Aug) and 'Mother shot in head by 4-year-old son dies' (18 Aug):
    the earlier reports' silence on deaths is no vote against the later death."""
    from datetime import date

    from newsledger.models import Claim, Event
    from newsledger.resolve.reconcile import reconcile

    def ev(doc, day, *claims, month=2):
        return Event(document_id=doc, claims=list(claims), published=date(2017, month, day))

    killed = lambda s: _c("killed", 1, "An 8-year-old girl", s, 65)  # noqa: E731
    shot = Claim(counts="other", detail="shot", low=2, high=2, best=2, text="De'Maree", start=1450, end=1458,
                 sentence="Police have not found the woman who shot De'Maree or the driver.")
    events = [ev("a", 25, killed("An 8-year-old girl was shot and killed.")),
              ev("b", 26, killed("Family pleads for suspect in 8-year-old girl's killing"), shot),
              ev("c", 1, killed("Someone began shooting and DeMaree was killed."), month=3),
              ev("d", 2, killed("An arrest in the killing of an 8-year-old girl."), month=3)]
    assert reconcile(events, "injured").best == 0
    assert reconcile(events[:2], "injured").best == 1  # the silent report came before the figure

    critical = lambda doc: ev(doc, 17, _c("injured", 1, "A mother", "A mother is in critical condition."),  # noqa: E731
                              month=8)
    dies = ev("z", 18, _c("killed", 1, "a mother", "A mother who was shot in the head has died."), month=8)
    assert reconcile([critical("x"), critical("y"), dies], "killed").best == 1


def test_a_report_naming_a_death_without_a_figure_votes_for_one():
    """Wagoner County teen (gva dev): 'body of 15-year-old Brennon Davis found' (a death, no
    figure), 'arrested in the murder of Brennon Davis' (1) and 'Two men are facing murder
    charges' (2, the men charged): the implied death breaks the tie for 1."""
    from datetime import date

    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    implied = _c("killed", 1, "body of", "Person of interest arrested after body of 15-year-old Brennon Davis "
                 "found on fire", end=0, high=None, vague=True, detail="implied")
    named = _c("killed", 1, "Brennon Davis", "Thompson has been arrested in the murder of Brennon Davis, 15.", 104)
    two = _c("killed", 2, "Two", "Two men are facing 1st-degree murder charges in the killing of an Okay teen.", 20)
    events = [Event(document_id="a", claims=[implied], published=date(2017, 1, 18)),
              Event(document_id="b", claims=[named], published=date(2017, 1, 18)),
              Event(document_id="c", claims=[two], published=date(2017, 2, 2))]
    assert reconcile(events, "killed").best == 1
    assert reconcile(events[1:], "killed").best == 2  # without it: a tie, to the higher


def test_a_later_headline_telling_of_a_death_gives_the_injured_figure():
    """'Mother critical after shot in the head by child' (two reports, 17 Aug 2015) and 'Mother
    shot in head by 4-year-old son dies' (18 Aug; gva dev): the wounded mother has since died,
    injured 0 (not the 1 the two earlier reports give). A headline of the first day ('Teen
    dies after shooting') is no update."""
    from datetime import date

    from newsledger.models import Claim, Event
    from newsledger.resolve.reconcile import reconcile

    def critical(doc, day):
        return Event(document_id=doc, published=date(2015, 8, day), claims=[
            _c("injured", 1, "Mother", "Mother critical after shot in the head by child", end=0),
            _c("injured", 1, "A mother", "A mother is in critical condition after she was accidentally shot.", 271)])

    headline = Claim(counts="other", detail="shot", low=1, high=1, best=1, text="Mother", start=0, end=0,
                     sentence="Mother shot in head by 4-year-old son dies")
    died = _c("killed", 1, "a mother", "The GBI confirmed that a mother who was shot in the head has died.", 319)
    dies = Event(document_id="z", published=date(2015, 8, 18), claims=[headline, died])
    est = reconcile([critical("x", 17), critical("y", 17), dies], "injured")
    assert est.best == 0 and "headline tells of a death" in est.rule
    same_day = Event(document_id="z", published=date(2015, 8, 17), claims=[headline, died])
    assert reconcile([critical("x", 17), critical("y", 17), same_day], "injured").best == 1


def test_equal_parts_inside_their_sum_vote_once():
    """'one male and one female have been found dead' (gva dev 2aa0b523, twice in the report:
    claims 1, 1 and their sum 2 each time) under the title '2 confirmed dead': the parts of
    one sum vote once together, so 2 is the report's figure, not 1."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    a = ("Missoula County Sheriff's Office Spokeswoman Brenda Bassett says one male and one female have "
         "been found dead at the scene of a reported shooting west of Lolo.")
    b = "Deputies then discovered the bodies of one adult male and one adult female after entering the residence."
    ia, ib = a.index("one male"), b.index("one adult")
    claims = [_c("killed", 2, "2", "2 confirmed dead in Lolo shooting, suspect in custody", end=0),
              _c("killed", 1, "one", a, 100 + ia), _c("killed", 1, "one", a, 100 + a.index("one female")),
              _c("killed", 2, "one male and one female", a, 100 + ia, end=100 + a.index(" have")),
              _c("killed", 1, "one", b, 400 + ib), _c("killed", 1, "one", b, 400 + b.index("one adult female")),
              _c("killed", 2, "one adult male and one adult female", b, 400 + ib, end=400 + b.index(" after"))]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 2
    # parts of different values still vote each (hand-made): the title's "two children" and the
    # part "Two" outvote the sum 3
    s = "Two children and an adult male were found dead."
    claims = [_c("killed", 2, "two", "Police identify man, two children found dead", end=0),
              _c("killed", 2, "Two", s, 0), _c("killed", 1, "an adult male", s, 18),
              _c("killed", 3, "Two children and an adult male", s, 0, end=31)]
    assert reconcile([Event(document_id="e", claims=claims)], "killed").best == 2


def test_equal_parts_inside_their_sum_in_a_title_vote_once():
    """'Mother, boy fatally shot in head in southwest Baltimore' (gva train): title claims carry
    no offsets, so the parts 'Mother' and 'boy' are placed in the title itself and vote once
    with their sum 2."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    t = "Mother, boy fatally shot in head in southwest Baltimore"
    claims = [_c("killed", 1, "Mother", t, end=0), _c("killed", 2, "Mother, boy", t, end=0),
              _c("killed", 1, "boy", t, end=0)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 2


def test_separate_shooting_incidents_are_a_roundup():
    """'One man and one women were killed, and six more men were wounded in five separate shooting
    incidents across Philadelphia' (gva dev ad790428): a tally of several shootings."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    tally = ("One man and one women were killed, and six more men were wounded in five separate shooting "
             "incidents across Philadelphia in the span of about six hours Tuesday.")
    one = ("The sun sets over West Somerset Avenue Tuesday night, as neighbors gather around the scene of a "
           "shooting in which one woman was killed and three men were wounded.")
    claims = [_c("killed", 1, "one", one, 10), _c("injured", 3, "three", one, 30),
              _c("killed", 2, "One man and one women", tally, 300, end=321), _c("injured", 6, "six", tally, 340)]
    ev = Event(document_id="d", claims=claims)
    assert reconcile([ev], "killed").best == 1
    assert reconcile([ev], "injured").best == 3


def test_a_person_also_hit_is_one_more_injured_beside_the_dead():
    """'5-year-old killed in drive-by shooting ... Kason's 7-year-old brother was also hit in the
    shooting' (gva dev 1cd56f57): people shot (1) minus people killed (1) would say 0 injured;
    the brother "also hit" is one more, who lived."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    also = "Kason's 7-year-old brother was also hit in the shooting."
    claims = [_c("killed", 1, "5-year-old", "Coroner's office officially ID's 5-year-old killed in drive-by shooting",
                 end=0),
              _c("other", 1, "Kason's 7-year-old brother", also, 300, detail="shot")]
    ev = Event(document_id="d", claims=claims)
    assert reconcile([ev], "injured").best == 1
    assert reconcile([ev], "killed").best == 1
    # not when the sentence names a death: "A second man was also shot and died"
    died = "A second man was also shot and died at the hospital."
    ev = Event(document_id="e", claims=[claims[0], _c("other", 1, "A second man", died, 300, detail="shot")])
    assert reconcile([ev], "injured").best == 0


def test_a_tie_between_reports_goes_to_the_figure_a_report_leads_with():
    """'Texas police: Father kills wife, son, daughter, then himself' (3, in the title) against a
    report whose only figure, a single man, stands far down the page (gva dev): one report
    each, and the figure told in a title or the opening lines wins the tie, whatever the
    other repeats."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    title = _c("killed", 3, "wife, son, daughter", "Texas police: Father kills wife, son, daughter, then himself", end=0)
    deep = [_c("killed", 1, "a man", "Deputies found a man dead inside the home.", 1757),
            _c("killed", 1, "The man", "The man was pronounced dead at the scene.", 1900)]
    a, b = Event(document_id="a", claims=[title]), Event(document_id="b", claims=deep)
    assert reconcile([a, b], "killed").best == 3
    assert reconcile([Event(document_id="a", claims=[_c("killed", 3, "three", "He killed three.", 2500)]), b],
                     "killed").best == 1  # neither leads: the figure more claims repeat


def test_a_report_leading_with_a_shooting_and_no_death_votes_0_against_a_death_far_down():
    """'Toddler Shot Playing "Cops And Robbers"' and '3-Year-Old Shot In Head ...' (gva train):
    the second names '2-year-old Lavontay White', killed a month before, far down the page.
    Silence on deaths under a headline of a shooting is a lead vote for 0 killed."""
    from datetime import date

    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    day = date(2017, 3, 16)
    a = Event(document_id="a", published=day, claims=[
        _c("other", 1, "Toddler", "Toddler shot playing 'cops and robbers' in 'deplorable conditions'", end=0,
           detail="shot")])
    b = Event(document_id="b", published=day, claims=[
        _c("other", 1, "3-Year-Old", "3-Year-Old shot in head was playing 'cops and robbers,' police say", end=0,
           detail="shot"),
        _c("killed", 1, "2-year-old Lavontay White", "The shooting comes a little more than a month after 2-year-old "
           "Lavontay White, 11-year-old Takiya Holmes and 12-year-old Kanari Gentry were shot.", 1757)])
    assert reconcile([a, b], "killed").best == 0


def test_a_later_death_far_down_the_page_does_not_silence_earlier_reports_of_no_death():
    """'Two injured, shooter dead at Alpine High School' (8 Sep, no victim killed) and five days
    later a report whose only victim death stands far down ('the 14-year-old turned the gun on
    herself', the shooter again): a death is news, told in the title or the opening lines, so
    only such a later report overrides the earlier silence (killed; injured keeps rule 5)."""
    from datetime import date

    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    early = Event(document_id="a", published=date(2016, 9, 8), claims=[
        _c("other", 2, "Two", "Two injured, shooter dead at Alpine High School", end=0, detail="shot")])
    later = Event(document_id="b", published=date(2016, 9, 13), claims=[
        _c("killed", 1, "the 14-year-old", "That's when, according to police, the 14-year-old turned the gun on "
           "herself and died at the scene.", 917)])
    assert reconcile([early, later], "killed").best == 0
    told = Event(document_id="c", published=date(2016, 9, 13), claims=[
        _c("killed", 1, "Student", "Student shot at Alpine High School dies", end=0)])
    assert reconcile([early, told], "killed").best == 1


def test_people_shot_minus_the_incidents_dead_across_reports():
    """'Man fatally shoots wife after mistaking her for burglar, police say' and 'Husband
    Accidentally Shoots Wife Overnight In Goldsboro' (1 shot, no death named; gva train, here
    published a day later, so the first report's silence on injured is no vote): the wife the
    second report saw shot is the one who died, so injured is 0, not 1. One report alone
    keeps its own arithmetic."""
    from datetime import date

    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    day = date(2017, 1, 20)
    a = Event(document_id="a", published=date(2017, 1, 21), claims=[
        _c("other", 1, "Wife", "Husband Accidentally Shoots Wife Overnight In Goldsboro", end=0, detail="shot")])
    b = Event(document_id="b", published=day, claims=[
        _c("killed", 1, "wife", "Man fatally shoots wife after mistaking her for burglar, police say", end=0)])
    assert reconcile([a, b], "injured").best == 0
    assert reconcile([a], "injured").best == 1


def test_a_victim_named_as_the_one_a_dead_suspect_killed_stays_a_victim():
    """'Teen suspect in New Year's murder of 16-year-old girl dies ... The 15-year-old boy
    suspected of killing a teenage girl ... has died' (gva train): the suspect's death does not
    make the girl he killed the suspect again; 'police returned fire, killing Young' still does."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    title = "Teen suspect in New Year's murder of 16-year-old girl dies"
    body = ("The 15-year-old boy suspected of killing a teenage girl and shooting her mother before turning "
            "the gun on himself has died, police said.")
    claims = [_c("killed", 1, "Teen suspect", title, subject="Teen suspect", perpetrator=True),
              _c("killed", 1, "16-year-old girl", title),
              _c("killed", 1, "The 15-year-old boy", body, start=80),
              _c("killed", 1, "a teenage girl", body, start=120)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 1
    police = [_c("killed", 1, "Suspect", "Suspect killed", subject="Suspect", perpetrator=True),
              _c("killed", 1, "Young", "Police returned fire, killing Young.", start=90)]
    assert reconcile([Event(document_id="d", claims=police)], "killed").best == 0


def test_an_agentless_total_in_a_report_of_the_gunmans_death_counts_him():
    """'3 dead, 2 wounded in Del. courthouse shooting ... The gunman ... was fatally shot'
    (gva dev): the total counts the gunman, 2 victims; so does '5 dead, including gunman'."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    gunman = _c("killed", 1, "The gunman", "The gunman, identified as Thomas F. Matusiewicz, 68, was fatally shot.",
                start=200, subject="The gunman", perpetrator=True)
    title = _c("killed", 3, "3", "3 dead, 2 wounded in Del. courthouse shooting")
    assert reconcile([Event(document_id="d", claims=[title, gunman])], "killed").best == 2
    incl = _c("killed", 5, "5", "Police: 5 dead, including gunman, in Georgia shooting")
    assert reconcile([Event(document_id="d", claims=[incl, gunman])], "killed").best == 4
    # without a perpetrator's death the total stands
    assert reconcile([Event(document_id="d", claims=[title])], "killed").best == 3


def test_a_total_the_report_also_gives_as_victims_or_left_by_him_stands():
    """'Officials: 5 people dead in 2 shootings ... suspected of shooting five people to death
    before killing himself' (gva train) and 'He left seven dead, including some relatives, and
    one wounded before killing himself' (gva dev): those totals are the victims."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    body = ("The daughter of a northeast Georgia man suspected of shooting five people to death before killing "
            "himself says her father was a 'ticking time bomb.'")
    claims = [_c("killed", 5, "5", "Officials: 5 people dead in 2 shootings in Georgia"),
              _c("killed", 5, "five", body, start=100),
              _c("killed", 1, "killing himself", body, start=150, subject="the perpetrator", perpetrator=True)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 5
    left = "He left seven dead, including some relatives, and one wounded before killing himself."
    claims = [_c("killed", 7, "seven", left, start=300),
              _c("killed", 1, "killing himself", left, start=350, subject="the perpetrator", perpetrator=True)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 7


def test_a_report_leading_with_a_perpetrators_death_is_a_lead_vote_for_no_victim():
    """'Alleged shoplifter shot dead at Wal-Mart near Pine Bluff' (gva dev): a report that leads
    with a perpetrator's death and names no victim killed leads with 0 victims, against a report
    naming a death only further down."""
    from datetime import date

    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    day = date(2017, 2, 6)
    a = Event(document_id="a", published=day, claims=[
        _c("killed", 1, "shot dead", "Alleged shoplifter shot dead at Wal-Mart near Pine Bluff", end=0,
           subject="a suspect killed", perpetrator=True)])
    b = Event(document_id="b", published=day, claims=[
        _c("killed", 1, "a man", "Deputies said a man was killed in the parking lot.", 900)])
    assert reconcile([a, b], "killed").best == 0


def test_an_agentless_total_in_a_murder_suicide_report_counts_the_perpetrator():
    """'Man, woman dead, 2 children injured in North Las Vegas shooting ... a murder-suicide'
    (gva train): no perpetrator claim, but the report calls it a murder-suicide: 1 victim."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    claims = [_c("killed", 2, "Two", "Two people were found dead inside the home, police said."),
              _c("other", 1, "the man", "Police believe the shooting was a murder-suicide by the man.", start=80)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 1


def test_one_death_in_an_officer_involved_shooting_is_the_suspect():
    """'One person dead in officer-involved shooting in NE Portland' (gva train): the one killed
    is the person the officers shot, a perpetrator to coders: 0 victims killed."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile, reconcile_perpetrators

    title = "One person dead in officer-involved shooting in NE Portland"
    body = "One person was killed in an officer-involved shooting in northeast Portland Thursday."
    claims = [_c("killed", 1, "One", title, end=0), _c("killed", 1, "One", body, start=60),
              _c("injured", 0, "no officers", "Police said no officers were injured.", start=200)]
    ev = Event(document_id="d", claims=claims)
    assert reconcile([ev], "killed").best == 0
    assert reconcile_perpetrators([ev]).best == 1  # counted apart, as the perpetrator killed
    # "UPDATE: Juvenile killed in officer-involved incident ... The juvenile died at the scene."
    claims = [_c("killed", 1, "Juvenile", "UPDATE: Juvenile killed in officer-involved incident", end=0),
              _c("killed", 1, "The juvenile", "The juvenile died at the scene.", start=1500)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 0


def test_a_police_shooting_beside_a_victim_of_the_suspect_or_more_dead_keeps_the_victims():
    """A report that counts more than one dead, or names a person the suspect killed, keeps its
    figure: the police rule only reads a lone death as the person the officers shot."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    s = "Two people were killed in an officer-involved shooting in Hayward on Sunday."
    assert reconcile([Event(document_id="d", claims=[_c("killed", 2, "Two", s)])], "killed").best == 2
    s = "The man suspected of killing a teenage girl last week died Sunday in an officer-involved shooting."
    claims = [_c("killed", 1, "a teenage girl", s, start=30), _c("killed", 1, "The man", s, start=0)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 1


def test_a_total_including_the_perpetrator_makes_the_other_totals_count_him():
    """'Officials: Four dead, 14 wounded in shooting at Excel Industries in Hesston ... four
    people were dead, including the shooter' (gva train): 3 victims, not the title's 4."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    incl = ("Harvey County Sheriff T. Walton confirmed at a 9 p.m. news conference that four people were dead, "
            "including the shooter identified Friday as Cedric Ford.")
    claims = [_c("killed", 4, "Four", "Officials: Four dead, 14 wounded in shooting at Excel Industries in Hesston",
                 end=0),
              _c("killed", 4, "four", incl, start=300, detail="incl. perpetrator"),
              _c("killed", 4, "Four", "Four were killed including himself, the shooter.", start=1500)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 3


def test_the_death_of_the_nth_victim_is_a_toll_of_n():
    """'Third person dies after shootings at Omaha party' (gva train): the third death, not one."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    title = "Third person dies after shootings at Omaha party"
    claims = [_c("killed", 1, "Third person", title, end=0), _c("killed", 1, "person", title, end=0)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 3
    s = "A third person has died after a shooting near a school in North Philadelphia on Monday afternoon."
    assert reconcile([Event(document_id="d", claims=[_c("killed", 1, "A third person", s)])], "killed").best == 3
    s = "Two days after a shooting spree shocked Santa Monica, the rampage claimed a fifth victim Sunday."
    assert reconcile([Event(document_id="d", claims=[_c("killed", 1, "a woman", s, start=40)])], "killed").best == 5
    # "another woman", not the second death; and a third person arrested is no death at all
    s = "A second woman, a man and a baby were taken to UF Health Jacksonville, where the child and woman died."
    assert reconcile([Event(document_id="d", claims=[_c("killed", 1, "a second woman", s)])], "killed").best == 1
    s = "Third person charged in fatal shooting at Winchester apartment"
    assert reconcile([Event(document_id="d", claims=[_c("killed", 1, "fatal shooting", s, end=0)])],
                     "killed").best == 1


def test_the_nth_death_in_a_murder_suicide_counts_the_perpetrator():
    """'5th person dies after July murder-suicide in Forsyth County' (gva dev): the fifth death
    counts the man who killed himself: 4 victims."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    title = "5th person dies after July murder-suicide in Forsyth County"
    claims = [_c("killed", 1, "5th person", title, end=0)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 4


def test_a_playlist_entry_or_related_link_gives_no_figure():
    """'Man accidentally shoots himself in leg in Kennewick ... 0:41 Woman dies crossing
    Clearwater in Kennewick' (gva train): the video playlist names another story; so do related
    links ("READ MORE: Six killed in campsite homicide, suspect charged")."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    claims = [_c("killed", 1, "Woman", "0:41 Woman dies crossing Clearwater in Kennewick", start=365),
              _c("injured", 1, "A man", "A man accidentally shot himself in the leg Sunday.", start=40)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 0
    claims = [_c("killed", 6, "Six", "READ MORE: Six killed in campsite homicide, suspect charged", start=900),
              _c("killed", 5, "five", "The bodies of five people were found at the campsite.", start=100)]
    assert reconcile([Event(document_id="d", claims=claims)], "killed").best == 5
    # "10:30 p.m." opens a sentence of the story itself
    s = "10:30 p.m. Sunday, police found a man dead in the parking lot."
    assert reconcile([Event(document_id="d", claims=[_c("killed", 1, "a man", s, start=30)])], "killed").best == 1


def test_people_a_shooter_shot_minus_his_victims_killed():
    """'Police: 5 dead, including gunman, in Georgia shooting ... A man shot six people Saturday
    afternoon, killing four of them ... the gunman killed himself' (gva train): the six are his
    victims, four of whom died: 2 wounded, not 6 - 5 = 1."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    lead = ("DOUGLASVILLE, Ga. (AP) — A man shot six people Saturday afternoon, killing four of them, including "
            "his ex-wife and several children before turning the gun on himself.")
    claims = [_c("killed", 5, "5", "Police: 5 dead, including gunman, in Georgia shooting", end=0),
              _c("other", 6, "six", lead, 36, detail="shot"),
              _c("killed", 4, "four", lead, 75),
              _c("killed", 1, "killed himself", "Investigators believe the gunman killed himself at the end of the "
                 "shooting spree.", 816, subject="the perpetrator", perpetrator=True)]
    ev = Event(document_id="d", claims=claims)
    assert reconcile([ev], "injured").best == 2
    assert reconcile([ev], "killed").best == 4
    # a total in the sentence of the people shot counts those shot: "suspected of shooting 5
    # people at a home in Sisseton; four people are dead and one is critically injured" (gva dev)
    s = "He's suspected of shooting 5 people at a home in Sisseton; four people are dead and one is critically injured."
    same = [_c("killed", 1, "The suspect", "The suspect in a fatal shooting was found dead in the home.", 871,
               subject="The suspect", perpetrator=True),
            _c("other", 5, "5", s, 2162, detail="shot"), _c("killed", 4, "four", s, 2194)]
    assert reconcile([Event(document_id="e", claims=same)], "injured").best == 1


def test_people_shot_without_a_shooter_named_may_include_the_perpetrator():
    """'Parents, 2 children dead in Stokes County murder-suicide ... All four bodies were found
    ... All four people were shot in the head' (gva train): the four shot include the father, so
    injured is 0; so is one struck by police gunfire who died ('Woman dies in officer-involved
    shooting ... one of the female occupants was struck by gunfire'); 'One officer shot the boy':
    police shot the suspect."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    claims = [_c("killed", 2, "2", "Parents, 2 children dead in Stokes County murder-suicide", end=0,
                 detail="incl. perpetrator"),
              _c("killed", 4, "four", "All four bodies were found around 11:50 a.m. Wednesday.", 154),
              _c("other", 4, "four", "All four people were shot in the head, deputies said.", 722, detail="shot")]
    assert reconcile([Event(document_id="d", claims=claims)], "injured").best == 0
    police = [_c("killed", 1, "Woman", "Hayward: Woman dies in officer-involved shooting near CSU East Bay", end=0),
              _c("other", 1, "the boy", "One officer shot the boy six times with an AR-15 rifle.", 977, detail="shot")]
    assert reconcile([Event(document_id="e", claims=police)], "injured").best == 0


def test_a_stated_number_wounded_outvotes_the_single_people_named():
    """'Chicago deacon killed, boy wounded on family's couch ... killing a 77-year-old church
    deacon and wounding three others' (gva dev): the boy, the 2-year-old and his mother, named
    one by one, are parts of the three; so are the man and teens of '2 teens, man wounded ...
    Three people, including two teenagers, were wounded' (a figure in the opening lines)."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    s = ("WLS Bullets cut through a Chicago neighborhood on Monday, killing a 77-year-old church deacon and "
         "wounding three others.")
    claims = [_c("killed", 1, "Chicago deacon", "Chicago deacon killed, boy wounded on family's couch: report", end=0),
              _c("injured", 1, "boy", "Chicago deacon killed, boy wounded on family's couch: report", end=0),
              _c("injured", 1, "the boy", "Odell Branch Sr., 77, was killed and the boy wounded by errant gunfire.", 735),
              _c("killed", 1, "a 77-year-old church deacon", s, 1300),
              _c("injured", 3, "three", s, 1368),
              _c("injured", 1, "The 2-year-old", "The 2-year-old was in critical condition, and his mother was in "
                 "stable condition.", 1383),
              _c("injured", 1, "his mother", "The 2-year-old was in critical condition, and his mother was in "
                 "stable condition.", 1429)]
    assert reconcile([Event(document_id="d", claims=claims)], "injured").best == 3
    lead = ("MIAMI-DADE COUNTY, Fla. - Three people, including two teenagers, were wounded in a shooting Tuesday "
            "morning in northwest Miami-Dade County, police said.")
    miami = [_c("injured", 1, "man", "2 teens, man wounded in northwest Miami-Dade shooting", end=0),
             _c("injured", 3, "Three", lead, 26),
             _c("injured", 1, "A 37-year-old man", "A 37-year-old man was also hospitalized Tuesday.", 1255)]
    assert reconcile([Event(document_id="e", claims=miami)], "injured").best == 3
    # a report that leads with one wounded person and states no figure keeps its single person
    one = [_c("injured", 1, "Teen", "Teen wounded in Fresno shooting", end=0),
           _c("injured", 1, "The boy", "The boy was taken to a hospital.", 600)]
    assert reconcile([Event(document_id="f", claims=one)], "injured").best == 1


def test_how_many_of_the_wounded_are_critical_is_a_part():
    """'4 injured, 1 critically, in Harbor City shooting ... leaving one person hospitalized in
    critical condition' (gva train): the 1 critically hurt is one of the 4, not a rival figure."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    title = "4 injured, 1 critically, in Harbor City shooting"
    body = ("HARBOR CITY (CNS) - An argument degenerated to a shooting at a family party at a Harbor City home "
            "today, leaving one person hospitalized in critical condition.")
    claims = [_c("injured", 4, "4", title, end=0), _c("injured", 1, "1", title, end=0),
              _c("injured", 1, "one", body, 113)]
    assert reconcile([Event(document_id="d", claims=claims)], "injured").best == 4


def test_allegedly_doubts_the_act_not_the_figure():
    """'A man was arrested after allegedly opening fire on his parents and family friends inside
    his home, killing his stepfather and injuring four others' (gva train): "allegedly" is the
    legal hedge on the accused, so the four stand against the parts named later."""
    from newsledger.models import Event
    from newsledger.resolve.reconcile import reconcile

    s = ("A man was arrested after allegedly opening fire on his parents and family friends inside his home, "
         "killing his stepfather and injuring four others, including a baby.")
    parts = "His mother, two adult women and a 5-month-old girl were injured and taken to a hospital."
    claims = [_c("injured", 4, "four", s, 135, hedge="allegedly"), _c("injured", 2, "two", parts, 439)]
    assert reconcile([Event(document_id="d", claims=claims)], "injured").best == 4
    doubted = [_c("injured", 4, "four", s, 135, hedge="possibly"), _c("injured", 2, "two", parts, 439)]
    assert reconcile([Event(document_id="d", claims=doubted)], "injured").best == 2
