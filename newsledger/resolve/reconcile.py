"""Reconcile an incident's claims into low / best / high, under a named policy.

Rules, in order (each estimate's ``rule`` says which applied; ``claim_ids`` which claims):

1. Only claims that count the figure (killed or injured) about this incident take part:
   negated / denied claims, historical or hypothetical mentions, and participant counts are
   left out. A perpetrator's own death ("before killing himself") is a separate claim with the
   perpetrator flag, reconciled apart (``reconcile_perpetrators``): killed counts victims,
   as the Stanford MSA data and GVA's participant types record them. A total said to include
   the perpetrator ("3 dead in a murder-suicide", "including the gunman") counts one fewer
   victim; a person killed by police officers carries the perpetrator flag (the suspect).
   When a report says a perpetrator was killed by others and otherwise names single dead
   people without a figure, they are taken to be that perpetrator again; a report whose only
   deaths are perpetrators has 0 victims killed (gva dev killed exact 0.766 -> 0.778), unless
   one of them is named as the one killed ("Teen suspect in New Year's murder of 16-year-old
   girl dies"; session 4: per-article killed train +3, incidents train +1, dev 0). In a report
   of one perpetrator's death (or of a "murder-suicide"), an agentless total of two or more
   ("3 dead, 2 wounded", "three bodies were found", "5 dead, including gunman") counts him too,
   unless the report gives the same figure as victims ("shooting five people to death") or
   "he left" them dead (session 4: per-article killed train +16 -1, dev +5; incidents killed
   dev 0.879 -> 0.891, train 0.856 -> 0.860). A total said to include the perpetrator ("four
   fatalities, including the shooter") tells of his death too, so the report's other agentless
   totals ("4 dead, including suspect"; "5th person dies", "dies" read as "died") count him as
   well (session 5, incidents with fixed clusters: killed train +1; "dies": dev +1, train 0).
   A report that tells of one death at police hands ("One person was killed in an
   officer-involved shooting", "Juvenile killed in officer-involved incident", "Family of man
   killed by police") and counts no more dead: the one killed is the person the officers shot,
   whom coders record as the suspect, so its single deaths are that perpetrator (session 5,
   fixed clusters: incidents killed train +7 -1, dev +1; the one lost: a report of the spree
   killer shot by police beside a report of his victim, a tie the perpetrator's lead now wins).
   A city's tally of several shootings ("17 dead, 41 wounded in Chicago weekend shootings",
   "killed in separate shootings across the city") is not this incident's figure: those
   claims are left out when the report names victims otherwise, who remain (gva, fixed
   clusters: per-article killed dev +1 article, train +1, injured train +1; incident killed
   dev +1 incident, train +1, injured train +1; none lost; leaving the tally out even when it
   is all the report gives: one more on each, but then a report of only "At least 17 people
   were killed ... in shootings across Chicago" would say nothing; "overnight shootings" is
   not in the pattern: one gunman's spree is one incident). "in five separate shooting
   incidents across Philadelphia" is such a tally too.
   A video playlist entry left in the text ("0:41 Woman dies crossing Clearwater in Kennewick")
   gives no figure, even when it is all the report has (session 5, fixed clusters: incidents
   killed train +2, dev 0); a related link ("READ MORE: Six killed in campsite homicide", "+ 2
   dead, 2 injured in south Louisville shooting") is left out beside other figures only, as the
   tally: it is as often the same incident's earlier coverage (left out always: per-article
   injured dev -1).
2. Specific figures beat vague ones: "dozens" or "some" are used only when no document gives a
   number. Hedged figures ("may have", "presumably") are used for the high bound always, and
   for low and best only when no unhedged figure exists.
3. Within one document, a running toll ("the death toll rose to 12") replaces the earlier
   figures of that document, and across documents a later report's figure from the same named
   source replaces that source's earlier ones; otherwise the document's figure is the one it
   repeats most, ties going to the larger, since reports repeat the total and mention parts
   once ("three people, including two children" is 3; gva killed exact, dev 0.720 -> 0.727,
   train 0.702 -> 0.712, against "the largest figure"). When a report leads with a stated
   figure, single victims it later names ("a 22-month-old boy", "Smith") do not vote: they
   are parts of that figure (killed exact, dev 0.730 -> 0.735, train 0.714 -> 0.721; doing
   the same for injured whatever the report leads with: dev +2 articles, train -2, not kept).
   For injured they do not vote either when the report states how many were wounded: a figure
   of two or more in its title or opening lines ("2 teens, man wounded ... Three people,
   including two teenagers, were wounded"), or N others wounded beside a death ("Chicago deacon
   killed, boy wounded ... killing a 77-year-old church deacon and wounding three others")
   (session 5: per-article injured train +3 -2 (the losses: an uncaught city tally "nine other
   people were wounded in attacks in Chicago", a sum with "several people who witnessed"), dev
   +2; incidents injured dev +1, train +2 -2; the lead figure alone: train +3 -1, dev 0; the
   "others" figure without a death in its sentence: train +1 -2).
   Parts of one value inside the span of a larger claim of the same kind in the same sentence
   (the sum) vote once together: "one male and one female have been found dead" (1, 1 and the
   sum 2) no longer gives 1 two votes against 2; unequal parts ("Two children and an adult
   male": 2, 1, sum 3) already vote once each (session 4: per-article killed dev +1 -1 (the
   loss a city roundup's tie), train 0; incident killed dev +1).
   A figure of how many of a larger one in its sentence are badly hurt ("4 injured, 1
   critically", "Two other teens were wounded, one of them critically") is a part and does
   not vote (session 5: per-article injured train +1 -0, dev 0; incidents train +1; killed
   unchanged; the construction is in 9 train articles, 6 already right).
   The death of the Nth victim ("Third person dies after shootings at Omaha party", "A third
   person has died", "the rampage claimed a fifth victim") is a toll of N, not one more death
   (session 5, fixed clusters: incidents killed train +4 -1 (the loss a merged cluster of two
   incidents), dev +1; with "man", "woman" as the noun too: "a second woman, a man and a baby
   were taken to ... where the child and woman died" is "another woman", train -1, not kept).
4. Injured is also derived from "N people were shot" minus those killed in the same document
   (in an incident of several reports: minus the incident's killed figure when larger, since
   a victim an early report saw shot may have died since: "Husband Accidentally Shoots Wife"
   beside "Man fatally shoots wife after mistaking her for burglar" is injured 0; session 4,
   clusters fixed: injured train 0.781 -> 0.788, +10 -1, dev -1, both losses from a wrong
   killed figure), and that figure is used when it is larger than the injured figures stated
   ("five people were shot ... one is in critical condition"). People a shooter shot, the
   object of his shooting ("A man shot six people ..., killing four of them", "Teen who shot 4
   ... is killed by cops"; not police shooting), are his victims: minus the victims killed as
   the killed rules count them ("5 dead, including gunman" is 4; a perpetrator killed by others
   is no victim; the Nth victim's death is N), a total in the sentence of the people shot
   staying as said ("shooting 5 people ...; four people are dead": 1); "Four people were shot"
   without a shooter may count the perpetrator, so every death there is subtracted
   (session 5: per-article injured train +8 -0, dev 0; incidents injured train +2, dev 0;
   victims only for every count of people shot: train +11 -9, losses in police shootings and
   murder-suicides, "All four people were shot in the head"). Deaths in a playlist entry or a
   related link are not subtracted. When reports give casualty figures of one kind and none of the
   other ("four people shot, all survived"; "a man was killed"), the missing one is 0 as best
   ("none reported"), with an open high: coders record 0 when no report mentions any. A
   self-inflicted wound ("the boy accidentally shot himself") in a report that also names a
   death is that death, not one more injured (gva dev injured exact 0.685 -> 0.695).
   One person "also hit" or "shot but survived" ("Kason's 7-year-old brother was also hit in
   the shooting") is one injured vote beside the dead, though the claim stays people shot
   (session 4: per-article injured dev +3, train +8 -1; as a claims rule turning the claim into
   injured: dev +3, train +10 -2, but coders write "shot" for "also hit").
5. Across documents:
   * ``ucdp``: low = the lowest credible figure, high = the highest credible figure (an open
     "more than 200" contributes its lower bound), best = the most reliable figure: the firm
     (unhedged, exact) figure that most reports give, ties going to the figure more reports
     lead with (stated in the title or the first ``LEAD_CHARS`` characters: what the report
     is about; a figure only found further down is more often a part, a follow-up or another
     incident), then to the figure more claims repeat, then to the higher one: corroboration
     is what makes a figure reliable, and tolls rise as reports come in (on gva,
     incident-level killed exact: train 0.712 -> 0.738, dev 0.728 -> 0.740 against "the
     highest firm figure"; the claim count as first tie-break: train 0.820 -> 0.823, dev
     0.831 -> 0.834; "ties: the lower" lost 5 dev incidents on injured; the lead before the
     claim count, session 4, with the two silence changes below, clusters fixed: killed train
     0.834 -> 0.839 (+8 -2), dev 0.861 -> 0.873 (+4), injured train 0.767 -> 0.772 (+9 -3),
     dev 0.801 -> 0.807 (+2); a figure written as a count before the claim count: killed train
     +2, dev -1, injured train +4 -3, dev -1, not kept). The most recent report does not win
     by itself: later reports repeat earlier figures as often as they update them (see the
     measured rules below; session 4, clusters fixed: the most recent as the last tie-break
     instead of the higher: killed train +2 -2, dev +1, injured train +7 -6, dev -2; ties to
     the most recent after the lead: killed train +6 -12; to the most recent alone: killed
     train +8 -18, dev +1 -6); a later figure replaces an earlier one only as a running toll
     (rule 3) or from the same named source.
     A report that gives casualty figures of the other kind and none of this kind votes for 0
     (rule 4's "none reported"), a lead vote when it leads with that other figure ("15-Year-Old
     Shot in Pine Bluff" against a report naming, far down, a child killed a month before; for
     killed, a report leading with a perpetrator's death, "Alleged shoplifter shot dead", leads
     with no victim: session 4, incidents killed dev +1, train +1, none lost),
     unless a report published later gives a figure: a later report may tell of a death or an
     injury the earlier one did not know ("Mother critical after shot in the head" then
     "... dies"). For killed the later report must lead with its figure: a death is news, told
     in the title or the opening lines (silence overridden by any later figure, injured too:
     injured train -2, dev -1, not kept; silence never overridden: killed train +14 -9, injured
     train +15 -12, not kept). A report that names a death without a figure
     ("a fatal shooting", "charged with murder") votes for 1 beside the reports with figures.
     (gva, incident-level with the clustering fixed: silence as a vote, killed train +3
     incidents, injured dev +1, train +4, dev killed unchanged; without the "later report"
     clause dev lost 1 killed and 2 injured; the implied death: dev killed +1, train
     unchanged.) The last report published after the first day whose headline tells of a
     death ("Mother critical after shot in the head" twice, then "Mother shot in head by
     4-year-old son dies") gives injured when its figure is lower: the wounded victim has
     since died (incident injured dev +3, train +1: 3 fixed, 2 lost; the same from any
     sentence naming a death and wounds: dev -1, train -1, not kept).
   * ``acled``: best = the most conservative (lowest) credible figure; low and high as ucdp.

Measured and not kept (session 4): every claim nested in a larger claim's span of the same
kind loses its vote (the session-3 rule below, again): per-article killed train -5, 0 fixed
(the lost: "Two children and an adult male" where gold leaves out the perpetrator, "Four
adults and two children", sums built from a wrong part); the equal-parts rule of rule 3 is
the targeted form.

Measured and not kept (gva, incident-level with the clustering fixed, dev / train; session 3):
only the largest figure of a sentence votes (parts: "one male and one female" after "one",
"one"): killed dev 0 / +1 incidents, per-article killed -1 / -1; claims nested in a larger
claim's span do not vote: the same; a report published on a later day with a higher killed
figure wins: killed dev -1, train -10 (its injured when lower: injured dev -6); the headline's
figure weighs 1.5 votes: dev +1 / +1, train killed -1; a figure written as a count weighs 2
votes against a single person mentioned: killed train -7, injured dev -2; the last report
telling that a wounded victim died ("died" and "wounds" in any sentence) sets injured: dev -1,
train -1 (4 fixed, 7 lost; from the headline only it is kept, rule 5); the same for killed
(a later "... dies" headline's higher figure): no change; across reports, single dead people
named without a figure taken as the perpetrator another report says was killed by others
(rule 1 across reports): killed dev +1, train 0 (4 fixed, 4 lost).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date

from newsledger.models import Claim, Estimate, Event

POLICIES = ("ucdp", "acled")

_TOLL = re.compile(r"\b(?:toll|rose to|risen to|climbed to|increased to|now stands|has risen|has climbed|now at)\b", re.IGNORECASE)


@dataclass
class _DocFigure:
    document_id: str
    order: int
    low: int | None
    high: int | None
    best: int | None
    exact: bool
    hedged: bool
    vague: bool
    claim_ids: list[int]
    rule: str
    source: str | None = None  # who gave the figure (normalised), for superseded tolls
    support: int = 1  # how many of the report's claims give this figure
    implied: bool = False  # only a death named without a figure ("charged with murder"): 1
    silent: bool = False  # no figure of this kind while the report gives the other kind
    published: date | None = None  # the report's publication date
    lead: bool = False  # the report states its figure in the title or its opening lines


def _usable(c: Claim, counts: str) -> bool:
    return (c.counts == counts and not c.negated and not c.historical and not c.perpetrator)


#: a city's tally of several shootings ("17 dead, 41 wounded in Chicago weekend shootings",
#: "killed in separate shootings across the city"): a figure of many incidents, not of this one
_ROUNDUP = re.compile(
    r"\b(?:shootings|shooting\s+incidents)\b.{0,60}\b(?:weekend|across|citywide|city-wide)\b|"
    r"\b(?:weekend|separate|across|citywide|city-wide)\b.{0,40}\b(?:shootings|shooting\s+incidents)\b",
    re.IGNORECASE)


def _roundup(c: Claim) -> bool:
    return bool(_ROUNDUP.search(c.sentence))


#: a video playlist entry left in the text: "0:41 Woman dies crossing Clearwater in Kennewick",
#: "1:27 1 dead after Fife collision, police say" (not "10:30 p.m. Sunday, police found ...")
_PLAYLIST = re.compile(r"^\W{0,3}\d{1,2}:\d{2}\s+(?![ap]\.?m\b)", re.IGNORECASE)
#: a related link: "READ MORE: Six killed in campsite homicide", "+ Brother of man killed in ..."
_RELATED = re.compile(r"^\W{0,3}(?:\+\s|(?:read\s+more|more|related|see\s+also|also\s+read|watch)\s*:)",
                      re.IGNORECASE)


def _playlist(c: Claim) -> bool:
    """The claim stands in a video playlist entry: another story's figure (rule 1)."""
    return bool(_PLAYLIST.match(c.sentence))


def _related(c: Claim) -> bool:
    """The claim stands in a related link: often the same incident's earlier coverage ("+ 2
    dead, 2 injured in south Louisville shooting"), often another story (rule 1)."""
    return bool(_RELATED.match(c.sentence))


def _perpetrator_deaths(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.counts == "killed" and c.perpetrator and not c.negated and not c.historical]


_CASUALTY = ("killed", "injured")


def _victims_only(c: Claim) -> Claim:
    """'3 dead in a murder-suicide' counts the perpetrator: victims are one fewer (rule 1)."""
    if c.detail != "incl. perpetrator":
        return c
    minus = lambda v: None if v is None else max(0, v - 1)  # noqa: E731
    return replace(c, low=minus(c.low), high=minus(c.high), best=minus(c.point))


#: a total that counts everyone dead, the perpetrator too, when he died: "3 dead, 2 wounded in
#: Del. courthouse shooting", "Three people have been found dead", "left four people dead",
#: "5 dead, including gunman"; not "killing at least 10 people" or "Four Marines were killed"
_ALL_DEAD_AFTER = re.compile(
    r"^(?:\s+(?:people|persons|others))?(?:\s+(?:are|were|have\s+been|had\s+been|now|all|who\s+were))*"
    r"\s+(?:found\s+dead|dead|have\s+died|died|dies|bodies|fatalities|killed\s+in)\b", re.IGNORECASE)
_INCLUDING_PERPETRATOR = re.compile(
    r"\bincluding\s+(?:the\s+)?(?:gunman|shooter|suspect|attacker|killer|himself|herself)\b", re.IGNORECASE)

#: the perpetrator as the one who left the dead: those are his victims
_LEFT_BY_HIM = re.compile(r"\b(?:he|she|gunman|shooter)\s+(?:had\s+)?left\s+$", re.IGNORECASE)


def _counts_the_dead_perpetrator(c: Claim) -> Claim:
    """Rule 1: in a report that tells of the perpetrator's death, an agentless total of two or
    more ("3 dead, 2 wounded", "three bodies were found", "5 dead, including gunman") counts
    him too: it is marked "incl. perpetrator" so that it counts one fewer victim."""
    if c.detail == "incl. perpetrator" or (c.point or 0) < 2 or c.vague:
        return c
    at = c.sentence.find(c.text)
    if at < 0:
        return c
    if _LEFT_BY_HIM.search(c.sentence[:at]):  # "He left seven dead ... before killing himself"
        return c
    after = c.sentence[at + len(c.text):]
    if _ALL_DEAD_AFTER.match(after) or _INCLUDING_PERPETRATOR.search(after[:60]):
        return replace(c, detail="incl. perpetrator")
    return c


_MURDER_SUICIDE = re.compile(r"\bmurder[- ]suicide\b", re.IGNORECASE)


def _totals_without_the_perpetrator(claims: list[Claim], usable: list[Claim]) -> list[Claim]:
    """Rule 1: agentless totals in a report of one perpetrator's death (or of a
    "murder-suicide") count him (``_counts_the_dead_perpetrator``), unless the report also gives that figure as victims
    ("5 people dead in 2 shootings ... suspected of shooting five people to death before killing
    himself"), or several perpetrators died ("14 dead ...; 2 suspects killed": counted apart)."""
    perps = _perpetrator_deaths(claims)
    suicide = any(_MURDER_SUICIDE.search(c.sentence) for c in claims)
    # "Police: 4 dead, including suspect ... four fatalities, including the shooter": a total said
    # to include him tells of his death as well
    suicide = suicide or any(c.detail == "incl. perpetrator" for c in usable)
    if (not perps and not suicide) or any((c.point or 0) > 1 for c in perps):
        return usable
    marked = [_counts_the_dead_perpetrator(c) for c in usable]
    as_victims = {c.point for c, m in zip(usable, marked) if m is c and c.detail != "incl. perpetrator"
                  and not c.vague}
    return [c if m.detail != c.detail and c.point in as_victims else m for c, m in zip(usable, marked)]


def _doc_figure(doc_claims: list[Claim], order: int, doc_id: str) -> _DocFigure | None:
    """One document's figure for one count, from its claims (rule 2 and 3)."""
    doc_claims = [_victims_only(c) for c in doc_claims]
    if not doc_claims:
        return None
    specific = [c for c in doc_claims if not c.vague]
    pool = specific or doc_claims
    if pool and (not _one_person(min(pool, key=lambda c: c.start)) or _states_the_wounded(pool)):
        pool = [c for c in pool if not _one_person(c)]
    unhedged = [c for c in pool if not _hedged(c)]
    pool = unhedged or pool
    tolls = [c for c in pool if _TOLL.search(c.sentence)]
    if tolls:
        pick = max(tolls, key=lambda c: c.start)
        rule = "running toll: the last toll figure in the document"
        chosen = [pick]
    else:
        votes = Counter(c.point for c in _without_summed_parts(pool) if not _a_part_of_a_larger_one(c, pool))
        pick = max(pool, key=lambda c: (votes[c.point], c.point or 0, c.low or 0))
        rule = "the document's most repeated figure"
        chosen = pool
    high_candidates = [c.high if c.high is not None else c.low for c in doc_claims if not c.vague or not specific]
    high_candidates = [h for h in high_candidates if h is not None]
    return _DocFigure(
        document_id=doc_id, order=order,
        low=pick.low if pick.low is not None else pick.point,
        high=max(high_candidates) if high_candidates else pick.high,
        best=pick.point,
        exact=pick.low is not None and pick.low == pick.high,
        hedged=not unhedged,
        vague=not specific,
        claim_ids=[c.id for c in chosen if c.id is not None],
        rule=rule,
        source=_source_key(pick.source),
        support=sum(1 for c in pool if c.point == pick.point),
        implied=all(c.detail == "implied" for c in pool),
        lead=any(c.point == pick.point and _in_lead(c) for c in pool),
    )


#: characters of text that count as a report's opening lines, with its title (rule 5's ties)
LEAD_CHARS = 400


def _in_lead(c: Claim) -> bool:
    """The claim stands in the title (no offsets) or the opening lines: what the report is about.
    A figure only found further down is more often a part, a follow-up or another incident."""
    return c.end == 0 or c.start < LEAD_CHARS


def _without_summed_parts(pool: list[Claim]) -> list[Claim]:
    """'one male and one female were shot' gives claims 1, 1 and their sum 2: parts of the same
    value that lie inside the span of a larger claim of the same kind in the same sentence
    vote once together, so repeated equal parts do not outvote their sum (unequal parts
    already vote once each, and ties go to the larger)."""
    out: list[Claim] = []
    seen: set[tuple[int, int | None]] = set()
    span = {id(c): _span(c) for c in pool}
    for p in pool:
        ps, pe = span[id(p)]
        sums = [k for k, s in enumerate(pool) if s is not p and s.sentence == p.sentence and s.counts == p.counts
                and s.detail == p.detail and span[id(s)][0] <= ps and pe <= span[id(s)][1]
                and span[id(s)] != (ps, pe) and (s.point or 0) > (p.point or 0)]
        if sums:
            key = (min(sums), p.point)
            if key in seen:
                continue
            seen.add(key)
        out.append(p)
    return out


#: "4 injured, 1 critically", "Two other teens were wounded, one of them critically"
_PART_OF = re.compile(r"^,?\s*(?:of\s+them\s+)?(?:critically|seriously|gravely|severely|of\s+them)\b", re.IGNORECASE)


def _a_part_of_a_larger_one(c: Claim, pool: list[Claim]) -> bool:
    """Rule 3: "4 injured, 1 critically, in Harbor City shooting": the 1 is how many of the
    4 are in critical condition, a part that does not vote against the total beside it."""
    at = c.sentence.find(c.text)
    return at >= 0 and _PART_OF.match(c.sentence[at + len(c.text):]) is not None and any(
        d.sentence == c.sentence and (d.point or 0) > (c.point or 0) for d in pool)


def _span(c: Claim) -> tuple[int, int]:
    """The claim's character span; for a title claim (no offsets: the title is not part of the
    text) its place in the title, so "Mother, boy" spans "Mother" and "boy" there too."""
    if c.end or not c.text:
        return c.start, c.end
    at = c.sentence.find(c.text)
    return (at, at + len(c.text)) if at >= 0 else (c.start, c.end)


#: a figure written as a count: "3", "three", "At least one", "twenty-two" (not "a 20-year-old man")
_STATED = re.compile(
    r"^\W*(?:(?:at\s+least|about|nearly|almost|more\s+than|over|some|only|all|another)\s+)?"
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|single|both|dozen)\b"
    r"(?![\w-]*-(?:year|month|week|day)s?-old)",
    re.IGNORECASE)


#: "wounding three others", "four others were hospitalized", "and two more injured"
_OTHERS = re.compile(r"\s+(?:other|others|more)\b", re.IGNORECASE)


def _states_the_wounded(pool: list[Claim]) -> bool:
    """Rule 3 for injured: the report states how many were wounded, so the single people it
    names are parts of that figure and do not vote, whatever it leads with: a figure of two or
    more in its title or opening lines ("2 teens, man wounded ... Three people, including two
    teenagers, were wounded"), or N others wounded beside a death ("killing a 77-year-old
    church deacon and wounding three others", under "Chicago deacon killed, boy wounded")."""
    if pool[0].counts != "injured":
        return False
    for c in pool:
        if _one_person(c) or (c.point or 0) < 2:
            continue
        if _in_lead(c):
            return True
        at = c.sentence.find(c.text)
        if at >= 0 and _OTHERS.match(c.sentence[at + len(c.text):]) and _DEATH_WORD.search(c.sentence[:at]):
            return True
    return False


def _one_person(c: Claim) -> bool:
    """A single person named or described without a figure ("a 20-year-old man", "his wife",
    "Smith"). Reports name victims one by one after stating the total, so these mentions do not
    vote against a figure the report leads with ("Three people were killed ... Found dead were
    Justin Huckeby ..."). When the report leads with a person ("Teen shot to death ... 17 people
    were killed in the city this year"), the figures later on are often other incidents, so
    the mentions keep their votes."""
    return c.point == 1 and not _STATED.search(c.text)


def _quick_best(ev: Event, counts: str) -> int | None:
    """One report's own figure for ``counts`` (rule 3), or None."""
    fig = _doc_figure([c for c in ev.claims if _usable(c, counts)], 0, ev.document_id)
    return None if fig is None else fig.best


def _by_publication(events: list[Event]) -> list[Event]:
    """Reports in publication order (undated ones first, then ingest order): "later" in the
    rules means published later, whatever order the files were ingested in."""
    return [e for _, e in sorted(enumerate(events), key=lambda x: (x[1].published is not None,
                                                                   x[1].published or 0, x[0]))]


def _perpetrators_killed_by_others(claims: list[Claim]) -> list[Claim]:
    """Perpetrator deaths other than his own hand (``subject`` "the perpetrator" marks a
    suicide): killed by police, a homeowner, or not said."""
    return [c for c in _perpetrator_deaths(claims) if c.subject != "the perpetrator"]


#: a person named as the one killed: "murder of 16-year-old girl", "killing a teenage girl",
#: "accidentally shot and killed his visiting teenage brother"
_KILLED_OBJECT = re.compile(r"\b(?:(?:murder|killing|slaying|death)\s+of|kill(?:s|ed|ing)|murder(?:s|ed|ing)|slew)\s+$",
                            re.IGNORECASE)


#: those who kill a perpetrator: "police returned fire, killing Young" names the perpetrator
_KILLERS_OF_PERPETRATORS = re.compile(
    r"\b(?:police|officers?|deputy|deputies|troopers?|agents?|sheriff|swat|homeowner|returned\s+fire)\b",
    re.IGNORECASE)


def _named_as_killed(c: Claim) -> bool:
    """The claim names the object of a killing ("suspected of killing a teenage girl"): a victim,
    not the perpetrator again, unless police or a homeowner did the killing ("police returned
    fire, killing Young")."""
    at = c.sentence.find(c.text)
    return (at > 0 and _KILLED_OBJECT.search(c.sentence[:at]) is not None
            and not _KILLERS_OF_PERPETRATORS.search(c.sentence[:at]))


#: a death at police hands: "One person dead in officer-involved shooting", "Juvenile killed in
#: officer-involved incident", "Family of man killed by police", "the fatal police shooting of"
_POLICE_DEATH = re.compile(
    r"\b(?:officer|police|deputy|trooper)[- ]involved\b|"
    r"\b(?:killed|shot\s+and\s+killed|shot\s+dead|fatally\s+shot|gunned\s+down)\s+by\s+(?:[\w.-]+\s+){0,3}?"
    r"(?:police|officers?|deputies|deputy|troopers?|cops?)\b|"
    r"\bfatal\s+police\s+shooting\b", re.IGNORECASE)


def _police_deaths_as_perpetrators(claims: list[Claim]) -> list[Claim]:
    """Rule 1: a report that tells of one death at police hands ("One person was killed in an
    officer-involved shooting", "Juvenile killed in officer-involved incident") and counts no
    more dead: the one killed is the person the officers shot, whom coders record as the
    suspect (GVA participant types; ``claims._by_police`` flags the plain "killed by police"
    sentences), so its single deaths carry the perpetrator flag, unless one is named as
    killed by someone else ("suspected of killing a teenage girl")."""
    dead = [c for c in claims if _usable(c, "killed")]
    if not dead or any(c.point != 1 or c.vague for c in dead) \
            or not any(_police_death(c.sentence) for c in dead) or any(_named_as_killed(c) for c in dead):
        return claims
    return [replace(c, perpetrator=True) if _usable(c, "killed") else c for c in claims]


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10, "eleventh": 11, "twelfth": 12}
_ORDINAL = r"(?:" + "|".join(_ORDINALS) + r"|[2-9](?:nd|rd|th)|1[0-2]th)"
#: "Third person dies after shootings at Omaha party", "A third man, shot in the stomach Saturday
#: ..., has died from his wounds", "the rampage claimed a fifth victim": the Nth death
_ORDINAL_DEATH = re.compile(
    r"\b(?P<n>" + _ORDINAL + r")\s+(?:[\w-]+\s+)?(?:person|victim)\b[^.;]{0,120}?\b(?:dies|died|has\s+died|have\s+died|succumbs|succumbed|passes\s+away|"
    r"passed\s+away|is\s+dead|was\s+killed|has\s+been\s+killed)\b|"
    r"\bclaim(?:s|ed)?\s+(?:a|the|its)\s+(?P<m>" + _ORDINAL + r")\s+(?:victim|life)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _police_death(sentence: str) -> bool:
    """The sentence tells of a death at police hands (memoised: an incident's claims are
    reconciled again each time a report joins it)."""
    return _POLICE_DEATH.search(sentence) is not None


@lru_cache(maxsize=4096)
def _ordinal_death(sentence: str) -> int | None:
    """N when the sentence tells of the death of the Nth victim, else None (memoised)."""
    m = _ORDINAL_DEATH.search(sentence)
    if m is None:
        return None
    word = (m.group("n") or m.group("m")).lower()
    return _ORDINALS.get(word) or int(re.match(r"\d+", word).group(0))


def _ordinal_deaths(claims: list[Claim]) -> list[Claim]:
    """Rule 3: "Third person dies after shootings at Omaha party": the death of the Nth victim
    is a toll of N, not one more person; single deaths in such a sentence count N."""
    out, changed = [], False
    for c in claims:
        n = _ordinal_death(c.sentence) if _usable(c, "killed") and c.point == 1 \
            and (not c.vague or c.detail == "implied") else None
        if n is not None:
            c = replace(c, low=n, high=n, best=n, vague=False, detail=c.detail if c.detail != "implied" else None)
            changed = True
        out.append(c)
    return out if changed else claims


def _only_the_perpetrator(claims: list[Claim], usable: list[Claim]) -> bool:
    """'Suspect killed in officer-involved shooting ... A man was killed ... police returned
    fire, killing Young': when a report says a perpetrator was killed by others (police, a
    homeowner) and otherwise names single dead people without any figure, those are most
    likely that perpetrator again (rule 1: killed counts victims)."""
    by_others = [c for c in _perpetrators_killed_by_others(claims) if c.point == 1]
    if any(_named_as_killed(c) for c in usable):  # "suspected of killing a teenage girl"
        return False
    return bool(by_others) and bool(usable) and all(_one_person(c) for c in usable)


def _source_key(source: str | None) -> str | None:
    if not source:
        return None
    words = [w for w in source.lower().replace("'s", "").split() if w not in ("the", "a", "an")]
    return " ".join(words) or None


def _drop_superseded(figures: list[_DocFigure]) -> tuple[list[_DocFigure], int]:
    """Rule 3 across reports: a later report's figure from the same named source (the same
    ministry, the same police department) replaces that source's earlier figures."""
    latest: dict[str, int] = {}
    for f in figures:
        if f.source and not f.vague:
            latest[f.source] = max(latest.get(f.source, -1), f.order)
    kept = [f for f in figures if not (f.source and not f.vague and f.order < latest[f.source])]
    return kept, len(figures) - len(kept)


#: words that do not doubt a figure: "at least" bounds it; "allegedly" and "suspected" are the
#: legal hedge on what the accused did ("after he allegedly shot and killed Oliver", "He's
#: suspected of shooting 5 people ...; four people are dead"), not on how many were hurt
#: (session 5: per-article injured train +2, killed dev +1, incidents killed dev +1; with
#: "reportedly", "apparently" too: killed train -1)
_NO_DOUBT = ("at least", "an estimated", "estimated", "allegedly", "suspected")


def _hedged(c: Claim) -> bool:
    if not c.hedge:
        return False
    # "at least" bounds a figure; it does not doubt it
    hedges = [h.strip() for h in c.hedge.split(",") if h.strip() not in _NO_DOUBT]
    return bool(hedges)


def reconcile(events: list[Event], counts: str, policy: str = "ucdp",
              duplicates: set[str] | None = None) -> Estimate:
    """The incident's estimate for ``counts`` ("killed" or "injured") from its events.

    ``duplicates``: ids of documents that are near-duplicates of another document of the same
    incident (``resolve/copies.py``); their events are left out: a reprint is no confirmation,
    unless it states a figure no other report gives (an updated toll: incident-level killed
    exact, gva train 0.823 -> 0.825, dev unchanged)."""
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; choose one of {', '.join(POLICIES)}")
    if duplicates:  # copies
        kept = [e for e in events if e.document_id not in duplicates]
        # a reprint that states another figure is an update ("the toll rose to 5"), not a copy
        said = {_quick_best(e, counts) for e in kept}
        copies = [(e, _quick_best(e, counts)) for e in events if e.document_id in duplicates]
        kept += [e for e, best in copies if best is not None and best not in said]
        if kept and len(kept) < len(events):
            est = reconcile(kept, counts, policy)
            n = len({e.document_id for e in events} - {e.document_id for e in kept})
            est.rule += f"; {n} near-duplicate report(s) not counted (copies, not confirmation)"
            return est
    est = _estimate(events, counts, policy)
    if counts == "killed":
        _LAST_KILLED[0] = (_events_key(events, policy), [(e, e.claims, tuple(e.claims)) for e in events], est.best)
    return est


#: the last killed estimate computed (key, the events and claims it was computed from, best):
#: the pipeline reconciles an incident's killed figure and then its injured figure, which needs
#: that killed figure again (rule 4); the objects are held so that their ids are not reused
_LAST_KILLED: list = [None]


def _events_key(events: list[Event], policy: str) -> tuple:
    """Identity of a list of events and of their claims. Events and claims are not changed
    once reconciled (the pipeline reads them afresh from the store at every refresh), so the
    same objects give the same figure."""
    return policy, tuple((id(e), e.published, id(e.claims), tuple(map(id, e.claims))) for e in events)


def _incident_killed(events: list[Event], policy: str) -> int | None:
    """The incident's killed figure for rule 4: the one just computed for these very events
    (``reconcile(events, "killed")`` then ``reconcile(events, "injured")``), or computed now."""
    last = _LAST_KILLED[0]
    if last is not None and last[0] == _events_key(events, policy):
        return last[2]
    return reconcile(events, "killed", policy).best


def _estimate(events: list[Event], counts: str, policy: str) -> Estimate:
    """``reconcile`` once near-duplicate reports are set aside."""
    figures: list[_DocFigure] = []
    silent: list[_DocFigure] = []
    # rule 4 across reports: people shot minus the incident's dead (one report alone: its own)
    incident_killed = _incident_killed(events, policy) if counts == "injured" and len(events) > 1 else None
    for order, ev in enumerate(_by_publication(events)):
        if counts == "killed":  # rules 1 and 3: a death at police hands, the Nth victim's death
            claims = _killed_claims(ev.claims)
            if claims is not ev.claims:
                ev = replace(ev, claims=claims)
            usable = _victims_killed(ev.claims)
        else:
            usable = _counted(ev.claims, counts)
        if counts == "injured":
            usable += [replace(c, counts="injured", detail=None) for c in ev.claims if _also_shot(c)]
        if counts == "injured" and any(c.counts == "killed" and not c.negated and not c.historical
                                       for c in ev.claims):
            # "the boy accidentally shot himself" in a report of a death: he is the one who died
            usable = [c for c in usable if c.subject != "self-inflicted"]
        fig = _doc_figure(usable, order, ev.document_id)
        if counts == "injured":
            shot = _injured_from_shot(ev, order, incident_killed)
            if shot is not None and (fig is None or ((shot.best or 0) > (fig.best or 0)
                                                     and (not shot.vague or fig.vague))):
                fig = shot  # "five people were shot, one critically": injured 5, not 1
        if fig is not None:
            figures.append(replace(fig, published=ev.published))
        elif _other_casualties(ev.claims, counts):
            silent.append(_DocFigure(ev.document_id, order, 0, None, 0, True, False, False, [],
                                     f"no {counts} figure while the report gives other casualty figures",
                                     support=0, silent=True, published=ev.published,
                                     lead=_other_in_lead(ev.claims, counts)))
    if not figures:
        if silent:  # "three would-be burglars killed": no victim
            return Estimate(0, 0, None, f"no {counts} figure in any report while other casualty figures exist: "
                            "best 0 (none reported), high open", [])
        return Estimate(None, None, None, "no figure reported", [])
    silence = _silence_votes(silent, figures, counts)
    figures, superseded = _drop_superseded(figures)
    specific = [f for f in figures if not f.vague]
    vague_only = not specific
    pool = specific or figures
    firm = [f for f in pool if not f.hedged] or pool
    lows = [f.low for f in firm if f.low is not None]
    highs = [h for h in ((f.high if f.high is not None else f.low) for f in pool) if h is not None]
    low = min(lows) if lows else None
    high = max(highs) if highs else None
    if policy == "acled":
        best = low
        rule = "acled: the most conservative credible figure"
    else:
        exact = [f for f in firm if f.exact] or firm
        if not vague_only:  # a report naming a death without a figure ("a fatal shooting") says 1
            exact = exact + [f for f in figures if f.vague and f.implied and f.best is not None]
        exact = exact + silence
        votes = Counter(f.best for f in exact if f.best is not None)
        # (measured against "ties to the most recent" and "the most recent firm figure" on gva
        # dev incidents: killed 0.813 vs 0.810 / 0.816, injured 0.704 vs 0.689 / 0.680)
        support: Counter = Counter()  # ties: the figure more claims repeat, then the higher
        for f in exact:
            support[f.best] += f.support
        leads = Counter(f.best for f in exact if f.lead)  # ties: the figure more reports lead with
        best = max(votes, key=lambda v: (votes[v], leads[v], support[v], v)) if votes else None
        rule = ("ucdp: low = lowest credible, high = highest credible, best = the firm figure most "
                "reports give (ties: the one more reports lead with, then more claims repeat, then the higher)")
    if counts == "injured" and policy == "ucdp" and best:
        died = _injured_after_a_death(events)
        if died is not None and died < best:
            best = died
            rule += "; a later report's headline tells of a death: its injured figure (the wounded died)"
    if high is not None and best is not None and high < best:
        high = best
    if low is not None and best is not None and low > best:
        low = best
    parts = [rule]
    if vague_only:
        parts.append("only vague amounts reported (documented table)")
    if any(f.hedged for f in pool) and len(firm) < len(pool):
        parts.append("hedged figures used for the high bound only")
    if superseded:
        parts.append(f"{superseded} earlier figure(s) superseded by a later report from the same source")
    if any(f.rule.startswith("running toll") for f in figures):
        parts.append("running toll supersedes earlier figures in the same report")
    ids = [i for f in pool for i in f.claim_ids]
    return Estimate(low, best, high, "; ".join(parts), ids)


def reconcile_perpetrators(events: list[Event], duplicates: set[str] | None = None) -> Estimate:
    """Perpetrators killed ("before killing himself", "the gunman was shot dead by police"),
    counted apart from the victims, as data sets record them (Stanford MSA, GVA participant
    types): per report the largest such figure; low / best / high across reports."""
    per_doc = []
    for ev in events:
        if duplicates and ev.document_id in duplicates:
            continue
        perps = _perpetrator_deaths(_police_deaths_as_perpetrators(ev.claims))  # a lone death at police hands
        if perps:
            per_doc.append((max(c.point or 0 for c in perps), [c.id for c in perps if c.id is not None]))
    if not per_doc:
        return Estimate(None, None, None, "no perpetrator death reported", [])
    values = [v for v, _ in per_doc]
    return Estimate(min(values), max(values), max(values),
                    "perpetrator deaths, counted apart from victims: the largest figure of a report",
                    [i for _, ids in per_doc for i in ids])


#: a headline telling of a death: "Mother shot in head by 4-year-old son dies"
_DIED = re.compile(r"\b(?:died|dies|has died|succumbed|succumbs|passed away|passes away)\b", re.IGNORECASE)


def _injured_after_a_death(events: list[Event]) -> int | None:
    """Rule 5: the injured figure of the last report, published after the first day, whose
    headline tells of a death ("Mother critical after shot in the head" twice, then "Mother
    shot in head by 4-year-old son dies"): the wounded victim has since died. None when there
    is no such report."""
    dated = [e for e in _by_publication(events) if e.published is not None]
    if len(dated) < 2:
        return None
    first = dated[0].published
    for ev in reversed(dated):
        if ev.published <= first:
            return None
        if any(c.start == 0 and c.end == 0 and (c.counts == "killed" or c.detail == "shot") and not c.negated
               and not c.perpetrator and _DIED.search(c.sentence) for c in ev.claims):
            return reconcile([ev], "injured").best
    return None


#: "Kason's 7-year-old brother was also hit in the shooting", "Shriver's wife was shot but survived"
_ALSO_SHOT = re.compile(r"\b(?:was|were|is)\s+also\s+(?:shot|hit|struck|wounded)\b|\bshot\s+but\s+survived\b",
                        re.IGNORECASE)
_DEATH_WORD = re.compile(r"\b(?:kill|dead|died|dies|dying|death|fatal|slain|murder|homicide)", re.IGNORECASE)


def _also_shot(c: Claim) -> bool:
    """Rule 4: one person shot "also" (or shot "but survived") is one more injured beside those
    the report says died, whatever the count of people shot minus the dead gives (the person
    shot is still recorded as shot: some may die; not when the sentence names a death)."""
    if c.detail != "shot" or c.low != 1 or c.high != 1 or c.negated or c.historical or c.perpetrator:
        return False
    m = _ALSO_SHOT.search(c.sentence)
    return m is not None and c.sentence.find(c.text) < m.start() and not _DEATH_WORD.search(c.sentence)


def _other_casualties(claims: list[Claim], counts: str) -> bool:
    """The report gives casualty figures of the other kind (or people shot, or a perpetrator
    killed), so its silence on ``counts`` says "none" (rule 4)."""
    other = "injured" if counts == "killed" else "killed"
    return any(_usable(c, other) or c.detail == "shot" or (c.counts == "killed" and c.perpetrator and not c.negated)
               for c in claims)


def _other_in_lead(claims: list[Claim], counts: str) -> bool:
    """A report silent on ``counts`` leads with a figure of the other kind ("15-Year-Old Shot in
    Pine Bluff"): its silence is what it leads with, so it counts as a lead vote for 0 (rule 5)."""
    other = "injured" if counts == "killed" else "killed"
    # a report leading with a perpetrator's death ("3 of 4 suspects charged after K-9 was killed",
    # "Alleged shoplifter shot dead") leads with no victim killed
    perpetrators = _perpetrator_deaths(claims) if counts == "killed" else []
    return any((_usable(c, other) or c.detail == "shot" or c in perpetrators) and not c.vague and _in_lead(c)
               for c in claims)


def _silence_votes(silent: list[_DocFigure], figures: list[_DocFigure], counts: str) -> list[_DocFigure]:
    """Rule 5: a report that gives casualty figures of the other kind and none of this kind votes
    for 0 ("four people shot, all survived" says killed 0), unless a report published later
    gives a figure: a later report may tell of a death or an injury the earlier one did not know.
    For killed, only a later report that leads with its figure: a death is news, told in the
    title or the opening lines; one named only further down is more often another incident or
    a sidebar ("Dr. David Gunn is shot to death ..." under "One Teen Injured ...")."""
    told = [f.published for f in figures if f.published is not None and (f.lead or counts != "killed")]
    last = max(told) if told else None
    return [f for f in silent if last is None or (f.published is not None and f.published >= last)]


def _killed_claims(claims: list[Claim]) -> list[Claim]:
    """A report's claims as the killed rules read them (rules 1 and 3): a lone death at police
    hands is the perpetrator's, the Nth victim's death is a toll of N."""
    return _ordinal_deaths(_police_deaths_as_perpetrators(claims))


def _counted(claims: list[Claim], counts: str) -> list[Claim]:
    """Rule 1: the claims that count ``counts`` about this incident (no playlist entry; no
    city tally or related link beside other figures)."""
    usable = [c for c in claims if _usable(c, counts) and not _playlist(c)]
    return [c for c in usable if not _roundup(c) and not _related(c)] or usable


def _victims_killed(claims: list[Claim]) -> list[Claim]:
    """Rule 1: the killed claims that count victims, from claims already read by
    ``_killed_claims``: none when the only dead are a perpetrator killed by others; totals
    that count a dead perpetrator marked so that they count one fewer."""
    usable = _counted(claims, "killed")
    if _only_the_perpetrator(claims, usable):
        return []
    # "3 dead, 2 wounded" in a report of the gunman's death: 2 victims
    return _totals_without_the_perpetrator(claims, usable)


#: the people a shooter shot, as the object of his shooting: "A man shot six people",
#: "suspected of shooting 5 people", "Teen who shot 4"
_SHOT_BY = re.compile(r"\b(?:shot|shoots|shooting|wounded|wounding|wounds)\s+$", re.IGNORECASE)


def _shot_by_the_shooter(c: Claim) -> bool:
    """The claim counts the people a shooter shot, the object of his shooting ("A man shot six
    people ..., killing four of them"): his victims, not himself; not when police did the
    shooting ("One officer shot the boy six times": the one shot is the suspect)."""
    at = c.sentence.find(c.text)
    return at > 0 and _SHOT_BY.search(c.sentence[:at]) is not None \
        and not _KILLERS_OF_PERPETRATORS.search(c.sentence[:at])


def _injured_from_shot(ev: Event, order: int, incident_killed: int | None = None) -> _DocFigure | None:
    """Rule 4: 'two people were shot, one fatally' gives injured 1. ``incident_killed``: the
    incident's killed figure when it has several reports: 'Husband Accidentally Shoots Wife'
    (1 shot, no death yet) beside 'Man fatally shoots wife ...' gives injured 0, not 1."""
    shot = [c for c in ev.claims if c.detail == "shot" and not c.negated and not c.historical and not c.perpetrator
            and not _roundup(c) and not _playlist(c)]
    if not shot:
        return None
    vague = all(c.vague for c in shot)  # "more than a dozen victims were shot" never beats "11 injured"
    shot = [c for c in shot if not c.vague] or shot
    n_shot = max((c.point or 0) for c in shot)
    top = [c for c in shot if (c.point or 0) == n_shot]
    if any(_shot_by_the_shooter(c) for c in top):
        # his victims: "A man shot six people ..., killing four of them" under "5 dead, including
        # gunman" leaves 2 wounded, not 1; "Teen who shot 4 ... is killed by cops": 4. A total in
        # the sentence of the people shot counts those shot ("suspected of shooting 5 people
        # ...; four people are dead and one is critically injured": 1)
        claims = _killed_claims(ev.claims)
        victims = _victims_killed(claims)
        beside = {c.sentence for c in shot}
        dead = [c if c.sentence in beside and c.detail != v.detail else _victims_only(v)
                for c, v in zip(_counted(claims, "killed"), victims)] if victims else []
    else:  # "Four people were shot": the perpetrator may be one of them ("All four people were
        # shot in the head" in a murder-suicide; "one ... was struck by gunfire" by police)
        dead = _counted(ev.claims, "killed")
    killed = [c.point or 0 for c in dead if not c.vague] \
        or [c.point or 0 for c in dead]  # "a fatal shooting": one of them died
    k = max(killed) if killed else 0
    if incident_killed:  # a person this report saw shot may be one whom a later report says died
        k = max(k, incident_killed)
    value = max(0, n_shot - k)
    return _DocFigure(ev.document_id, order, value, value, value, True, False, vague,
                      [c.id for c in shot if c.id is not None], "people shot minus people killed")
