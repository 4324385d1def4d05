"""Claims, sentence by sentence: real sentences from the dev articles, each with the claims a
careful human coder would write for it (the "Claims" issue's test file).

Sources (only dev material): the gva documents with ``"split": "dev"``
(/work/shared/benchdata/gva/documents.jsonl), the Stanford MSA descriptions of the dev split,
the WikiEvents dev documents and the seed article (tests/fixtures/seed_deir_ez_zor.txt).
Each case names its source (``src``: "gva:<doc_id prefix>", "msa:<id>", "wiki:<doc_id>",
"seed") and, for gva, the article's publication date, passed as ``published`` the way the
pipeline does. A few cases are two or three consecutive sentences of one article where the
reading needs them (a running toll, a speaker named after the quote, a historical passage).

The expectations were written by reading each sentence, following the rules in README.md
("The rules") and data/vague_amounts.tsv, not by copying the system's output:

* ``claims``: every one must be present: same ``counts`` (a tuple when two readings are
  equally right), ``low`` and ``high`` (None = unknown/open), plus any field given:
  ``text`` / ``source`` / ``hedge`` are case-insensitive substrings (``source=None`` or
  ``hedge=None`` means there must be none), ``detail`` is equal. ``negated``, ``historical``
  and ``perpetrator`` are checked always and default to False (a coder writes them for every
  claim); ``None`` there means "either reading is defensible, not checked".
* ``exact``: no claim beyond the listed ones (and those in ``optional``, matched on counts,
  low and high: readings a coder would accept but not require).
* ``excluded``: "not counts": no claim may have this number as its low, high or best.
* ``reconcile``: the per-document figure, ``reconcile([Event('d', claims=...)], counts).best``
  (totals and their parts, running tolls, parts that add up).
* ``headline``: the text is an article title (``extract_claims(..., headline=True)``).

Vague amounts (vague_amounts.tsv): a couple [2,3], a few [2,5], several [3,9], a dozen 12,
dozens [12,open), scores [40,open), hundreds [100,open), thousands [1000,open), some/multiple
[2,open). Bounds: more than N [N+1,open), at least N [N,open), as many as N [-,N], about/some N
N±10 %. "N people were shot" is ``other``/``shot``; casualties are ``other``/``casualties``.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.extract.claims import extract_claims
from newsledger.models import Claim, Event
from newsledger.resolve.reconcile import reconcile


def K(counts, low, high, **fields):
    """One expected claim."""
    return {"counts": counts, "low": low, "high": high, **fields}


def SHOT(low, high, **fields):
    return K("other", low, high, detail="shot", **fields)


def CAS(low, high, **fields):
    return K("other", low, high, detail="casualties", **fields)


CASES: list[dict] = [
    # ------------------------------------------------------------ digits, separators
    dict(id="digits-separators-annual-totals", src="gva:4b701572", published="2017-01-12",
         text="According to police, there were 762 murders, 3,550 shooting incidents and 4,331 shooting victims in 2016.",
         claims=[K("killed", 762, 762, source="police", historical=True),
                 SHOT(4331, 4331, source="police", historical=True)],
         excluded=[3550, 2016]),
    dict(id="digits-killed-12-injured-8", src="gva:73825a5a", published="2013-09-16",
         text="A gunman killed 12 people and injured eight inside a heavily secured building at the Washington, D.C., Navy Yard Monday, in one of the worst mass shootings ever at a U.S. military facility, and one of the deadliest single events ever in the nation's capital.",
         claims=[K("killed", 12, 12), K("injured", 8, 8)], exact=True),
    dict(id="digits-168-more-than-500-time-year", src="wiki:scenario_en_kairos_73",
         text="The Murrah Federal Building in Oklahoma City was shattered by an explosion at 9:02 a.m. on April 19, 1995, killing 168 people and injuring more than 500 others.",
         claims=[K("killed", 168, 168, historical=None), K("injured", 501, None, historical=None)],
         excluded=[9, 2, 19, 1995]),
    dict(id="digits-killed-13-wounded-71-year", src="wiki:wiki_ied_bombings_9",
         text="The Cafetería Rolando bombing was an attack on 13 September 1974 at the Rolando cafe in Calle del Correo, Madrid, Spain which killed 13 people and wounded 71.",
         claims=[K("killed", 13, 13), K("injured", 71, 71)], excluded=[1974]),
    dict(id="digits-23-and-another-15", src="wiki:suicide_ied_114",
         text="They killed 23 Afghan soldiers and injured another 15.",
         claims=[K("killed", 23, 23), K("injured", 15, 15)], exact=True),
    dict(id="digits-headline-7-militants", src="wiki:road_ied_12", headline=True,
         text="7 militants killed in blasts in Afghanistan",
         claims=[K("killed", 7, 7)], exact=True),
    dict(id="digits-fragment-6-wounded", src="msa:msa_290",
         text="6 wounded.", claims=[K("injured", 6, 6)], exact=True),
    dict(id="digits-one-man-died-3-injured", src="msa:msa_309",
         text="One man died, 3 injured.",
         claims=[K("killed", 1, 1), K("injured", 3, 3)], exact=True),
    dict(id="digits-headline-five-dead-8-wounded", src="gva:81d30874", published="2017-01-07", headline=True,
         text="Five dead, 8 wounded after shooting at Fort Lauderdale Airport",
         claims=[K("killed", 5, 5), K("injured", 8, 8)], exact=True),
    dict(id="digits-one-fatality-10-treated", src="gva:39bdc613", published="2015-11-06",
         text="\"Essentially, we had one fatality, 10 treated with gunshot wounds and all were either discharged or transported.",
         claims=[K("killed", 1, 1), K("injured", 10, 10)], exact=True),

    # ------------------------------------------------------------ number words
    dict(id="words-twenty-one-nineteen-age", src="msa:msa_16",
         text="On July 18, 1984, a 41-year-old unemployed man, walked into a McDonald's restaurant in San Ysidro, California, killing twenty-one people and injuring nineteen others.",
         claims=[K("killed", 21, 21), K("injured", 19, 19)], excluded=[18, 1984, 41]),
    dict(id="words-fifty-five-shot-last-year", src="gva:85a4cb9d", published="2016-06-25",
         text="Fifty-five people were shot in Daytona Beach last year.",
         claims=[SHOT(55, 55, historical=True)], exact=True),
    dict(id="words-ninety-six-in-hospital-about-24", src="wiki:wiki_ied_bombings_1_news_4",
         text="Ninety six people were detained in hospital, and about 24 others were allowed home after treatment.",
         claims=[K("injured", 96, 96), K("injured", 22, 26)], exact=True),
    dict(id="words-four-killed-eight-injured-22-year-old", src="msa:msa_45",
         text="On August 6, 1993, a 22-year old army sergeant opened fire inside Luigi's Restaurant in Fayetteville, North Carolina, killing four people and injuring eight more.",
         claims=[K("killed", 4, 4), K("injured", 8, 8)], excluded=[6, 1993, 22]),
    dict(id="words-killing-four-wounding-two", src="msa:msa_61",
         text="He then entered the facility and began shooting his former coworkers, killing four and wounding two others.",
         claims=[K("killed", 4, 4), K("injured", 2, 2)], exact=True),
    dict(id="words-killing-six-age-date", src="msa:msa_85",
         text="On August 27, 2003, a 36-year-old former employee of Windy City Core Supply in Chicago, Illinois arrived at the warehouse in which he used to work and began shooting at the supervisors that fired him and other coworkers, killing six.",
         claims=[K("killed", 6, 6)], excluded=[27, 2003, 36]),
    dict(id="words-three-died", src="msa:msa_318",
         text="Three died.", claims=[K("killed", 3, 3)], exact=True),
    dict(id="words-all-nine-occupants-no-witnesses", src="msa:msa_152",
         text="After looting the monastery and holding the monks hostage, the boys decided to shoot and kill all nine occupants of the house to leave no witnesses of their crime.",
         claims=[K("killed", 9, 9)], excluded=[0]),
    dict(id="words-two-killed-five-wounded-two-gangs", src="gva:6398f3c3", published="2015-03-05",
         text="Two people were killed and five wounded in a shooting between two rival gangs in San Bernardino.",
         claims=[K("killed", 2, 2), K("injured", 5, 5)], exact=True),
    dict(id="words-two-killed-two-seriously-wounded", src="gva:deb28e7a", published="2016-08-09",
         text="ALBUQUERQUE, N.M. — Two people were killed and two were left seriously wounded in a shooting inside a Northeast Albuquerque home late Monday night.",
         claims=[K("killed", 2, 2), K("injured", 2, 2)], exact=True),
    dict(id="words-five-killed-six-injured", src="gva:24db181b", published="2017-01-07",
         text="Five people were killed and six injured amid the chaos, as terrified passengers ran before police apprehended the suspect without incident.",
         claims=[K("killed", 5, 5), K("injured", 6, 6)], exact=True, optional=[K("arrested", 1, 1)]),
    dict(id="words-thirteen-dead-at-least-three-recovering", src="gva:73825a5a", published="2013-09-16",
         text="Thirteen are dead and at least three others are recovering from gunshot wounds after a shooting at Navy Yard Monday morning.",
         claims=[K("killed", 13, 13), K("injured", 3, None)], exact=True),
    dict(id="words-seven-taliban-killed-office-confirmed", src="wiki:road_ied_12",
         text="KANDAHAR, Afghanistan, Oct. 3 (Xinhua) -- Seven Taliban militants were killed in two accidental explosions in Afghanistan's southern Kandahar province Friday night, provincial police office confirmed on Saturday.",
         claims=[K("killed", 7, 7, source="provincial police office")], excluded=[3]),
    dict(id="words-three-militants-participants", src="wiki:road_ied_12",
         text="\"Three militants tried to plant an improvised explosive device (IED) along a road in Arghandab district Friday night to target security forces.",
         claims=[K("participants", 3, 3)], exact=True),
    dict(id="words-four-women-and-a-child-add-up", src="msa:msa_2",
         text="The gunman shot and killed four women and a child and injured another woman and an infant.",
         claims=[K("killed", 4, 4)], reconcile={"killed": 5, "injured": 2}),
    dict(id="words-fatally-wounded-is-killed", src="msa:msa_33",
         text="The shooter fatally wounded three professors on his dissertation committee, an academic affairs officer, and the researcher who received the award he felt he deserved, and as well as paralyzing a student employee before committing suicide.",
         claims=[K("killed", 3, 3), K("killed", 1, 1, perpetrator=True)]),
    dict(id="words-six-nato-two-americans-an-afghani", src="wiki:suicide_ied_11",
         text="Six American NATO service members were killed with two other Americans and an Afghani injured.",
         claims=[K("killed", 6, 6), K("injured", 2, 2)], reconcile={"killed": 6, "injured": 3}),
    dict(id="words-all-six-of-the-members", src="wiki:suicide_ied_11",
         text="All six of the members killed were of American nationality.",
         claims=[K("killed", 6, 6)], exact=True),
    dict(id="words-two-soliders-typo", src="wiki:wiki_ied_bombings_1_news_4",
         text="As a Land-Rover containing Welsh Guardsmen arriuved, it exploded, killing two soliders instantly and tearing through the waiting-room",
         claims=[K("killed", 2, 2)], exact=True),
    dict(id="words-three-dead-burglars-age-word", src="gva:5bb81f98", published="2017-04-05",
         text="Twenty-three-year-old Zach Peters of Broken Arrow, Oklahoma, caught three masked burglars breaking into his house one night, and the end result were three shots by Peters from his AR-15, and three dead burglars.",
         claims=[K("killed", 3, 3)], excluded=[23, 15]),
    dict(id="words-eight-people-died-announced", src="wiki:scenario_en_7",
         text="Angel Sarmiento, president of Aragua Medical School, announced eight people died of the yet unidentified disease.",
         claims=[K("killed", 8, 8, source="Sarmiento")], exact=True),

    # ------------------------------------------------------------ "a man", implicit one
    dict(id="one-a-man-shot-and-killed", src="gva:e54d052c", published="2017-02-06",
         text="Orange County authorities are investigating after a man was shot and killed in a retail theft incident at a Pine Hills Walmart.",
         claims=[K("killed", 1, 1)], exact=True, optional=[SHOT(1, 1)]),
    dict(id="one-a-teen-police-now-say", src="gva:759bab23", published="2017-02-07",
         text="Birmingham police now say a teen was shot and killed Tuesday afternoon when he went with a group of people to purchase a handgun.",
         claims=[K("killed", 1, 1, source="Birmingham police")], exact=True, optional=[SHOT(1, 1)]),
    dict(id="one-one-man-killed-three-shot-house-number", src="gva:55f38d3d", published="2013-03-22",
         text="One man was killed and three other people were shot in a home in the 4900 block of Brookside Boulevard in Kansas City late Thursday night.",
         claims=[K("killed", 1, 1), SHOT(3, 3)], exact=True, excluded=[4900]),
    dict(id="one-one-person-dead-four-injured", src="gva:4d83f137", published="2016-07-07",
         text="We have an update on the overnight shootings on Volunteer Parkway in Bristol, Tenn. One person is dead and four others are injured.",
         claims=[K("killed", 1, 1), K("injured", 4, 4)], exact=True),
    dict(id="one-police-say-one-killed-three-wounded", src="gva:7a6a46d5", published="2016-05-14",
         text="TOM HINDMAN | Gazette Mail Police say one man was killed and three others were wounded during a shooting early Saturday at Boondocks Bar & Grill in Charleston.",
         claims=[K("killed", 1, 1, source="Police"), K("injured", 3, 3, source="Police")], exact=True),
    dict(id="one-police-officials-say", src="gva:dc46d2e6", published="2015-11-07",
         text="DENVER — Police officials say one person was killed and three others were wounded in a Denver shooting.",
         claims=[K("killed", 1, 1, source="Police officials"), K("injured", 3, 3, source="Police officials")], exact=True),
    dict(id="one-one-man-killed-three-injured", src="gva:db97f594", published="2016-09-10",
         text="MIAMI (WSVN) - One man was killed and three other people were injured after a shooting outside a nightclub in Miami, Saturday morning.",
         claims=[K("killed", 1, 1), K("injured", 3, 3)], exact=True),
    dict(id="one-baby-boy-killed-three-women-shot", src="gva:c6275213", published="2014-05-11",
         text="Three women were shot during the home invasion and a baby boy was killed.",
         claims=[SHOT(3, 3), K("killed", 1, 1)], exact=True),
    dict(id="one-killed-a-man-age-of-charged", src="gva:94075693", published="2013-08-14",
         text="A 20-year-old man was charged this morning for a June shooting that killed a man and seriously wounded three others in the city's Kelvin Park neighborhood.",
         claims=[K("killed", 1, 1), K("injured", 3, 3)], exact=True, optional=[K("arrested", 1, 1)], excluded=[20]),
    dict(id="one-a-local-commander-reportedly", src="wiki:road_ied_8",
         text="A local commander of Syria's National Defense Forces, a pro-Assad militia, was also reportedly killed.",
         claims=[K("killed", 1, 1, hedge="reportedly")], exact=True),
    dict(id="one-killing-a-student-wounding-two", src="msa:msa_83",
         text="On May 9, 2003, a graduate of the Case Western Reserve University in Cleveland, Ohio began shooting on the school grounds, killing a student and wounding a professor and another student.",
         claims=[K("killed", 1, 1)], reconcile={"killed": 1, "injured": 2}, excluded=[9, 2003]),
    dict(id="one-shot-three-killing-two-wounding-a-third", src="msa:msa_140",
         text="At the end of the session he shot three people at the entrance of the building, killing the two man involved in the session with him and wounding a third person.",
         claims=[SHOT(3, 3), K("killed", 2, 2)], reconcile={"killed": 2, "injured": 1}),

    # ------------------------------------------------------------ vague amounts
    dict(id="vague-dozens-hurt-some-killed-seed", src="seed", published="2018-02-21",
         text="Dozens of Russian and CIS citizens were hurt in a recent skirmish in Syria and some were killed but these were not Russian troops, Russia's Foreign Ministry said on Tuesday.",
         claims=[K("injured", 12, None, source="Foreign Ministry"),
                 K("killed", 2, None, source="Foreign Ministry")]),
    dict(id="vague-headline-dozens-of-casualties-seed", src="seed", published="2018-02-21", headline=True,
         text="Russia Admits to 'Dozens' of Casualties in Syria Clashes",
         claims=[CAS(12, None)], exact=True),
    dict(id="vague-a-dozen-other-people-and-a-boy", src="gva:e8bc27b4", published="2013-09-20",
         text="At least 16 bullets were fired into Cornell Square Park around 10:15 p.m. on Thursday, wounding a 3-year-old boy and a dozen other people.",
         claims=[K("injured", 12, 12)], reconcile={"injured": 13}, excluded=[16, 10, 15, 3]),
    dict(id="vague-more-than-a-dozen-at-least-1-death", src="gva:81830062", published="2015-08-09",
         text="Overnight more than a dozen victims were shot, resulting in at least 1 death.",
         claims=[SHOT(13, None), K("killed", 1, None)], exact=True),
    dict(id="vague-several-shot-some-killed-obama", src="gva:73825a5a", published="2013-09-16",
         text="“We do know that several people have been shot, and some have been killed,” President Obama said from the White House Monday.",
         claims=[SHOT(3, 9, source="Obama"), K("killed", 2, None, source="Obama")], exact=True),
    dict(id="vague-several-injured-escaping", src="gva:358807b6", published="2017-03-26",
         text="Rescue efforts were slightly delayed due to confusion of club-goers fleeing the scene and several people were injured while trying to escape.",
         claims=[K("injured", 3, 9)]),
    dict(id="vague-several-shot-reports-indicate", src="gva:1b94ce15", published="2015-08-09",
         text="Reports indicate that several people were shot on Anderson Street, but their conditions are unknown at this time.",
         claims=[SHOT(3, 9, source="Reports")], exact=True),
    dict(id="vague-several-fired-striking-six", src="gva:9c90328f", published="2016-04-24",
         text="Several people in the vehicle fired handguns at the crowd, striking six, Miglio said.",
         claims=[K("participants", 3, 9, source="Miglio"), SHOT(6, 6, source="Miglio")], exact=True),
    dict(id="vague-several-victims-surgery-told-cnn", src="gva:e08ffa2d", published="2017-03-26",
         text="Several victims were undergoing surgery, Cincinnati Police Sgt. Eric Franz told CNN Sunday morning.",
         claims=[K("injured", 3, 9, source="Eric Franz")], exact=True),
    dict(id="vague-several-injured-last-year-same-incident", src="gva:fad92b0a", published="2017-02-16",
         text="Two men pleaded guilty Thursday to charges stemming from a shootout inside a North Charleston bar last year, which left one man dead and several others injured.",
         claims=[K("killed", 1, 1), K("injured", 3, 9)]),
    dict(id="vague-several-people-injured-believed-scopes-man", src="wiki:scenario_en_kairos_60",
         text="Police in the city of Lyon were searching for a man believed to be responsible for a Friday blast which injured several people.",
         claims=[K("injured", 3, 9, hedge=None)], exact=True),
    dict(id="vague-a-few-of-the-fighters", src="gva:d3f8aaac", published="2015-04-15",
         text="According to the affidavit, a few of the fighters went south of the parking lot and out onto Auburn Way North to fight and the rest began moving north through the parking lot, toward where the fatal shots were later fired.",
         claims=[K("participants", 2, 5, source="affidavit")]),
    dict(id="vague-a-couple-and-two-children", src="gva:50503316", published="2016-04-20",
         text="A couple and their two small children were found shot to death Tuesday morning, April 19, 2016 in an apparent murder-suicide at a home in the 1300 block of Longdraw Drive near Monona Drive in the Katy area.",
         claims=[K("killed", 2, 2, text="two")], reconcile={"killed": 4}, excluded=[19, 2016, 1300]),
    dict(id="vague-multiple-people-firing", src="gva:fad92b0a", published="2017-02-16",
         text="Multiple people were firing shots inside the the Boondocks Bar and Grill in the 2300 block of Washington Street East, just after 2 a.m. on May 14, assistant Kanawha County prosecutor Fred Giggenbach said.",
         claims=[K("participants", 2, None, source="Fred Giggenbach")], exact=True, excluded=[2300, 14]),
    dict(id="vague-headline-two-dead-multiple-injured", src="gva:3e3694b0", published="2017-04-09", headline=True,
         text="PREVIOUS: Pair charged in Hickory shooting that left two dead, multiple injured",
         claims=[K("killed", 2, 2), K("injured", 2, None)], optional=[K("arrested", 2, 2)], exact=True),
    dict(id="vague-scores-more-paris-since", src="wiki:scenario_en_kairos_60",
         text="France has been on high-alert since the \"Islamic State\" militant group launched a series of attacks across Paris, killing 130 people and injuring scores more.",
         claims=[K("killed", 130, 130, historical=True), K("injured", 40, None, historical=True)], exact=True),
    dict(id="vague-hundreds-hostages-scores-died-1995", src="wiki:scenario_en_kairos_75",
         text="In 1995 and 1996, they seized hundreds of hostages in hospitals in the Dagestani towns of Budennovsk and Kizlyar. Scores died in the attacks.",
         claims=[K("kidnapped", 100, None, historical=True), K("killed", 40, None, historical=True)],
         exact=True, excluded=[1995, 1996]),
    dict(id="vague-thousands-arrested", src="wiki:scenario_en_62",
         text="Thousands have been arrested, and many allege mistreatment.",
         claims=[K("arrested", 1000, None)], exact=True),
    dict(id="vague-more-than-two-dozen-observatory", src="wiki:road_ied_8",
         text="In April, more than two dozen Syrian pro-regime fighters were killed in IS attacks in Badia al-Sukhnah and Badia al-Sham, prompting Russian airstrikes, according to the Syrian Observatory for Human Rights.",
         claims=[K("killed", 25, None, source="Syrian Observatory", historical=True)], exact=True),

    # ------------------------------------------------------------ bounds
    dict(id="bound-may-have-killed-more-than-200-seed", src="seed", published="2018-02-21",
         text="An armed clash earlier this month in which United States strikes may have killed more than 200 Russian mercenaries attacking American-backed forces inflamed a standoff between Moscow and Washington in Syria.",
         claims=[K("killed", 201, None, hedge="may have", text="more than 200")], exact=True),
    dict(id="bound-at-least-13-police-said", src="gva:0c10decf", published="2013-09-16",
         text="At least 13 people are dead and others wounded after a shooter opened fire at the Washington Navy Yard on Monday, police said.",
         claims=[K("killed", 13, None, source="police")], exact=True),
    dict(id="bound-at-least-12-more-chicago-police", src="gva:8f3f27e7", published="2017-01-23",
         text="Three people were killed and at least 12 more were wounded in shootings across the city Monday, according to Chicago Police.",
         claims=[K("killed", 3, 3, source="Chicago Police"), K("injured", 12, None, source="Chicago Police")], exact=True),
    dict(id="bound-at-least-six-oxford-street", src="wiki:wiki_ied_bombings_1_news_4",
         text="The worst explosion was at the busy Oxford Street bus station, where at least six people were killed.",
         claims=[K("killed", 6, None)], exact=True),
    dict(id="bound-at-least-11-died", src="wiki:wiki_ied_bombings_1_news_4",
         text="In the afternoon, during an hour of concentrated bombing at least 11 people died.",
         claims=[K("killed", 11, None)], exact=True),
    dict(id="bound-at-least-one-student-injured", src="wiki:scenario_en_8",
         text="An alleged ongoing confrontation in or around the Universidad de Los Andes campus in Tachira state between students and security forces has left at least one student injured.",
         claims=[K("injured", 1, None)]),
    dict(id="bound-as-many-as-19-police-say", src="gva:6fa77540", published="2013-05-12",
         text="As many as 19 people have been injured in shooting at a Mother's Day parade in New Orleans, police say.",
         claims=[K("injured", None, 19, source="police")], exact=True),
    dict(id="bound-about-100-died", src="wiki:scenario_en_62",
         text="About 100 people have died in three months of anti-government street protests.",
         claims=[K("killed", 90, 110, historical=None)], exact=True, excluded=[3]),
    dict(id="bound-some-130-injured-75-minutes", src="wiki:wiki_ied_bombings_1_news_3",
         text="In just 75 minutes of violence, nine people were dead and some 130 more were mutilated, injured and mentally scarred by what they had witnessed.",
         claims=[K("killed", 9, 9), K("injured", 117, 143)], exact=True, excluded=[75]),
    dict(id="bound-more-than-260-not-charged-scope", src="wiki:32_VOA_EN_NW_2014.06.04.1929720",
         text="He is not charged with taking part in the April 15, 2013, attack, which killed three people and injured more than 260.",
         claims=[K("killed", 3, 3, negated=False, historical=None), K("injured", 261, None, negated=False, historical=None)],
         exact=True, excluded=[15, 2013]),

    # ------------------------------------------------------------ ranges
    dict(id="range-250-to-300-participants-speaker-after", src="seed", published="2018-02-21",
         text="\"Was it local direction? But I doubt that 250 to 300 people, all just excited on their individual self, suddenly crossed the river in enemy territory, started shelling a location and maneuvering tanks against it\", he added. \"Was it from external sources?Don't ask me.I don't know\", the USA defense secretary said.",
         claims=[K("participants", 250, 300, source="defense secretary")], exact=True),
    dict(id="range-3-to-4-men", src="gva:544e9868", published="2017-01-19",
         text="Police say they are looking for 3 to 4 men seen running from the scene",
         claims=[K("participants", 3, 4, source="Police")], exact=True),
    dict(id="range-two-or-three-suspects", src="gva:971096c5", published="2015-10-23",
         text="Ben Mallard, owner of East Coast Sign and Lighting, says his surveillance cameras show the red car come down the road at 1:17 p.m. He said the suspects ditched the car in front of his business and two or three suspects jumped out, heading toward the woods.",
         claims=[K("participants", 2, 3)], excluded=[1, 17]),
    dict(id="range-six-to-nine-people-with-guns", src="gva:13a3c38b", published="2016-10-24",
         text="The lawmen approached a group of six to nine people who had guns displayed in the bed of a pickup.",
         claims=[K(("participants", "other"), 6, 9)], exact=True),
    dict(id="range-between-250-300-crowd", src="gva:6b5dc2cf", published="2013-06-23",
         text="A crowd outside the club was estimated to be between 250 – 300 people.",
         claims=[K(("participants", "other"), 250, 300)], exact=True),

    # ------------------------------------------------------------ totals and parts
    dict(id="total-at-least-17-including-four", src="gva:b754648f", published="2016-10-29",
         text="- At least 17 people, including four teenagers, were killed and 41 others were wounded in shootings across Chicago between Friday evening and Monday morning.",
         claims=[K("killed", 17, None), K("injured", 41, 41)], reconcile={"killed": 17, "injured": 41}),
    dict(id="total-six-including-two-teenage-boys", src="gva:c51e8763", published="2017-03-26",
         text="Six people, including two teenage boys, were wounded in Chicago shootings Sunday.",
         claims=[K("injured", 6, 6)], reconcile={"injured": 6}),
    dict(id="total-two-men-including-17-year-old", src="gva:3193b95f", published="2017-03-22",
         text="Two men - including a 17-year-old high school senior - are dead after the gun they were playing with went off.",
         claims=[K("killed", 2, 2)], reconcile={"killed": 2}, excluded=[17]),
    dict(id="total-eight-individuals-including-officer", src="gva:73825a5a", published="2013-09-16",
         text="D.C. Mayor Vincent Gray reported late Monday eight individuals were injured, including a D.C. police officer, identified as Scott Williams, who was shot in the leg while responding to the shooting.",
         claims=[K("injured", 8, 8, source="Vincent Gray")], reconcile={"injured": 8}),
    dict(id="total-at-least-three-including-sailor-cnn", src="gva:aec53edf", published="2015-07-17",
         text="At least three other individuals, including a Navy sailor and a police officer, were wounded in the shooting, CNN reported.",
         claims=[K("injured", 3, None, source="CNN")], reconcile={"injured": 3}),
    dict(id="total-four-others-including-officer", src="gva:a34aada2", published="2016-07-07",
         text="Four others were injured including a Bristol police officer.",
         claims=[K("injured", 4, 4)], reconcile={"injured": 4}),
    dict(id="total-five-including-a-baby", src="msa:msa_284",
         text="Five people, including a baby, were injured.",
         claims=[K("injured", 5, 5)], reconcile={"injured": 5}),
    dict(id="total-five-injured-three-children", src="msa:msa_201",
         text="Five people were injured, three of them were children.",
         claims=[K("injured", 5, 5)], reconcile={"injured": 5}),
    dict(id="total-nine-three-men-six-women", src="msa:msa_215",
         text="Nine people - three men and six women including the church's pastor - were shot and killed during a prayer meeting at a church in Charleston, South Carolina.",
         claims=[K("killed", 9, 9)], reconcile={"killed": 9}),
    dict(id="total-of-the-130-injured-77", src="wiki:wiki_ied_bombings_1_news_3",
         text="Of the 130 injured, 77 were women or children out shopping in the city centre.",
         claims=[K("injured", 130, 130)], reconcile={"injured": 130}),
    dict(id="total-13-injured-11-in-hospital", src="wiki:scenario_en_kairos_61",
         text="Regional authorities said 13 people had suffered mostly minor injuries but 11 were still in hospital on Saturday morning.",
         claims=[K("injured", 13, 13, source="Regional authorities")], reconcile={"injured": 13}),
    dict(id="total-arrested-12-seven-women-five-men", src="wiki:64_VOA_EN_NW_2017.06.05.3887168",
         text="On Sunday, police arrested 12 people, seven women and five men in connection with Saturday's terror attack.",
         claims=[K("arrested", 12, 12)]),
    dict(id="total-four-people-including-fields-dead", src="gva:06646c73", published="2015-07-22",
         text="When he was done, four people, including Fields, were dead and a 75-year-old man remained hospitalized.",
         claims=[K("killed", 4, 4), K("injured", 1, 1)], reconcile={"killed": 4, "injured": 1}, excluded=[75]),
    dict(id="total-sum-four-workers-two-soldiers", src="wiki:wiki_ied_bombings_1_news_3",
         text="At Oxford St, the busiest bus station in Northern Ireland, four Ulsterbus workers and two soldiers were killed.",
         claims=[K("killed", 4, 4), K("killed", 2, 2)], reconcile={"killed": 6}),
    dict(id="total-sum-eight-women-girl-four-men", src="wiki:scenario_en_kairos_60",
         text="There were eight women, a 10-year-old girl and four men injured.",
         claims=[K("injured", 4, 4)], reconcile={"injured": 13}, excluded=[10]),
    dict(id="total-sum-three-teenaged-one-50-year-old", src="msa:msa_48",
         text="He then opened fire, killing three teenaged employees, one 50-year-old employee, and wounding another before being arrested.",
         claims=[K("killed", 3, 3)], reconcile={"killed": 4, "injured": 1}, excluded=[50]),
    dict(id="total-sum-two-and-two-others-according-to", src="gva:b8cc7c7c", published="2017-02-12",
         text="Two victims injured during the shooting were taken for treatment at the Hardin County Medical Center and two others were sent to Regional Medical Center in Memphis, according to Niland.",
         claims=[K("injured", 2, 2, source="Niland")], reconcile={"injured": 4}),
    dict(id="total-sum-she-and-two-sons-allegedly-scope", src="gva:06646c73", published="2015-07-22",
         text="Hours later, she and her two sons were dead and her father critically injured, allegedly because of her husband’s actions, according to authorities.",
         claims=[K("killed", 2, 2, source="authorities", hedge=None)], reconcile={"killed": 3, "injured": 1}),
    dict(id="total-sum-bodies-three-named", src="gva:4caccdcc", published="2015-08-13",
         text="The bodies of Regina Herring, 43, Rhonda Herring, 48, and their mother, Julie Falzarano, 73, were discovered by a family member Saturday morning at a home on Airport Road.",
         claims=[], reconcile={"killed": 3}, excluded=[43, 48, 73]),
    dict(id="total-sum-bodies-two-named", src="gva:75d75c63", published="2017-02-14",
         text="Inside were the bodies of Shanice Smith, 15, and her mother, Karen Lyle.",
         claims=[], reconcile={"killed": 2}, excluded=[15]),
    dict(id="total-sum-two-named-died-ages", src="gva:eae1dc95", published="2016-02-24",
         text="Father Vic Buckner, 50, mother Kimberly Buckner, 49, died at the scene.",
         claims=[], reconcile={"killed": 2}, excluded=[49, 50]),
    dict(id="total-shot-four-two-serious", src="gva:3062c13a", published="2016-07-25",
         text="We’re told of the four people shot, two of them had serious injuries.",
         claims=[SHOT(4, 4), K("injured", 2, 2)]),
    dict(id="total-four-shot-three-died-ages-no-hyphen", src="gva:04c3e255", published="2014-04-19",
         text="Four people were shot that night and three of them died: 21 year old Antuan Greer, 25 year old Nicholas Lindsay, and Lorenzo Duncan.",
         claims=[SHOT(4, 4), K("killed", 3, 3)], exact=True, excluded=[21, 25]),
    dict(id="total-12-initially-killed-two-of-them", src="wiki:wiki_ied_bombings_9",
         text="Two of the 12 initially killed and 11 of the injured were members of the police force.",
         claims=[K("killed", 12, 12)], reconcile={"killed": 12}),

    # ------------------------------------------------------------ running tolls
    dict(id="toll-rose-12-then-13", src="gva:73825a5a", published="2013-09-16",
         text="A gunman killed 12 people and injured eight inside a heavily secured building at the Washington, D.C., Navy Yard Monday, in one of the worst mass shootings ever at a U.S. military facility, and one of the deadliest single events ever in the nation's capital. Mayor Vincent Gray, Police Chief Cathy Lanier, Valerie Parlave of the FBI and Congresswoman Elanor Holmes Norton brief press about ongoing search for potential 2nd shooter, additional death reports bringing total death toll to 13, and the FBI urges the public to provide details about known shooter, Aaron Alexis.",
         claims=[K("killed", 12, 12), K("killed", 13, 13)], reconcile={"killed": 13, "injured": 8}, excluded=[2]),
    dict(id="toll-military-death-toll-to-5", src="gva:6462d662", published="2015-07-17",
         text="Smith died from his injuries Saturday July 18, bringing the military death toll after the shooting rampage in Chattanooga, Tennessee to 5.",
         claims=[K("killed", 5, 5)], reconcile={"killed": 5}, excluded=[18]),
    dict(id="toll-five-plus-the-gunman", src="gva:6462d662", published="2015-07-17",
         text="The U.S. Navy confirms that 26-year-old Logistics Specialist 2nd Class / LS2 Randall Smith passed away early this morning bringing the military death toll to five plus the gunman.",
         claims=[K("killed", 5, 5, source="Navy"), K("killed", 1, 1, perpetrator=True)], excluded=[26, 2]),
    dict(id="toll-initial-estimates-of-11", src="wiki:wiki_ied_bombings_1_news_3",
         text="When the emergency services reached the scene, they found that some of the victims had been literally blown to pieces, leading to initial estimates of a death toll of 11.",
         claims=[K("killed", 11, 11, hedge="estimat")]),
    dict(id="toll-number-involved-risen-to-34", src="wiki:scenario_en_113",
         text="The Venezuelan Attorney General Tarek William Saab said Tuesday that the number of people involved in the assassination attempt against President Nicolás Maduro has risen to 34.",
         claims=[K("participants", 34, 34, source="Saab")], exact=True),

    # ------------------------------------------------------------ dead, bodies, fatalities, casualties
    dict(id="dead-found-two-people-dead-hpd", src="gva:0bf3d80c", published="2017-04-07",
         text="Police arrived and found two people dead at the scene, according to HPD.",
         claims=[K("killed", 2, 2, source="HPD")], exact=True),
    dict(id="dead-left-seven-dead-gunman-himself", src="gva:899f7bae", published="2015-02-28",
         text="TYRONE, Mo. (AP) — A southern Missouri sheriff has identified the final three victims in a shooting rampage that left seven people dead before the gunman killed himself.",
         claims=[K("killed", 7, 7), K("killed", 1, 1, perpetrator=True)]),
    dict(id="bodies-two-bodies", src="gva:42a7e829", published="2017-02-13",
         text="That’s when police found the two bodies.",
         claims=[K("killed", 2, 2)], exact=True),
    dict(id="bodies-5-bodies-murder-suicide", src="gva:dbbfce75", published="2017-01-06",
         text="PORTLAND, Ore. (KOIN) — The Marion County Sheriff’s Office is now investigating a Hubbard house fire as a murder-suicide after 5 bodies were found in the debris.",
         claims=[K("killed", 5, 5)]),
    dict(id="fatalities-headline-four", src="gva:50932c52", published="2017-04-07", headline=True,
         text="REPORT OF SHOTS FIRED LEADS TO FOUR FATALITIES",
         claims=[K("killed", 4, 4)], exact=True),
    dict(id="fatalities-identified-the-fatality-age", src="gva:28d70a9f", published="2016-07-07",
         text="The Bristol Herald Courier identified the fatality as 44-year-old Jennifer Brewer Rooney, who was employed as a carrier for the newspaper, though authorities have not officially confirmed that information.",
         claims=[K("killed", 1, 1, negated=False)], excluded=[44]),
    dict(id="fatalities-none-of-the-fatalities-not-zero", src="gva:73825a5a", published="2013-09-16",
         text="None of the fatalities is reported to be military personnel.",
         claims=[], exact=True, excluded=[0]),
    dict(id="casualties-no-military-casualties", src="wiki:wiki_ied_bombings_1_news_4",
         text="There were no military casualties.",
         claims=[CAS(0, 0)], exact=True),
    dict(id="casualties-appears-no-casualties-macron", src="wiki:scenario_en_kairos_60",
         text="\"It's not for me to give a toll but it appears there are no casualties,\" said Macron.",
         claims=[CAS(0, 0, source="Macron", hedge="appear")], exact=True),
    dict(id="hospital-none-of-the-injuries-11-taken", src="wiki:scenario_en_kairos_60",
         text="None of the injuries were life-threatening but 11 people were taken to hospital.",
         claims=[K("injured", 11, 11)], exact=True, excluded=[0]),
    dict(id="hospital-two-men-critical-condition-ages", src="gva:27da5dc9", published="2017-01-13",
         text="Two men were taken in critical condition to Stroger Hospital: an 18-year-old shot in the back and a 22-year-old shot in the face, according to police and fire officials.",
         claims=[K("injured", 2, 2, source="police and fire officials")], excluded=[18, 22]),
    dict(id="shot-four-one-fatally-possibly-scope", src="gva:4b701572", published="2017-01-12",
         text="Four people were shot, one fatally, possibly with an assault rifle, in Chicago’s Brighton Park neighborhood Wednesday night on the city’s South Side, officials confirmed.",
         claims=[SHOT(4, 4, source="officials", hedge=None), K("killed", 1, 1, source="officials", hedge=None)], exact=True),
    dict(id="shot-according-to-sheriffs-department", src="gva:2096dde8", published="2017-02-07",
         text="COLUMBIA, SC (WIS) - According to the Richland County Sheriff's Department, four people were shot Tuesday.",
         claims=[SHOT(4, 4, source="Richland County Sheriff")], exact=True),
    dict(id="shot-males-with-gunshot-wounds-time", src="gva:50e6cf84", published="2016-09-12",
         text="At about 2:15 p.m. Sept. 1 at 16th Street SE, near Good Hope Road and Minnesota Avenue, police found two males with gunshot wounds.",
         claims=[K(("injured", "other"), 2, 2)], exact=True, excluded=[15, 16]),
    dict(id="injured-non-fatal-bullet-wounds", src="gva:cfe39059", published="2013-04-03",
         text="Three others sustained non-fatal bullet wounds.",
         claims=[K("injured", 3, 3)], exact=True),
    dict(id="injured-another-in-critical-condition", src="gva:274e7f60", published="2017-03-29",
         text="BEXAR COUNTY, Texas - One female is dead and another is in critical condition after a call for a shooting in south Bexar County, deputies said.",
         claims=[K("killed", 1, 1, source="deputies"), K("injured", 1, 1)], exact=True),
    dict(id="injured-listed-in-fair-condition", src="gva:04c118db", published="2015-11-10",
         text="All three are listed in fair condition as of Tuesday.",
         claims=[K("injured", 3, 3)], exact=True),
    dict(id="injured-name-critical-but-stable", src="gva:5b054d3c", published="2016-09-06",
         text="Keisha is in critical but stable condition.",
         claims=[K("injured", 1, 1)], exact=True),
    dict(id="shot-also-hit-in-leg", src="gva:4c6fbeb2", published="2016-10-05",
         text="An 18-year-old woman sitting in the car was also hit in one of her legs by the gunfire.",
         claims=[SHOT(1, 1)], exact=True, excluded=[18]),
    dict(id="injured-wounded-a-six-year-old", src="gva:98db4a86", published="2013-04-24",
         text="(KTVI) - The man who police believe shot and killed five people and wounded a six-year-old in Scott County, Illinois is dead.",
         claims=[K("killed", 5, 5), K("injured", 1, 1)], excluded=[6]),
    dict(id="not-count-ages-joined-by-and", src="gva:e5973faf", published="2017-03-08",
         text="Police said a 16 and 17-year-old were shot in the 6700 block of Shadeville Lane shortly after 1 p.m.",
         claims=[], excluded=[16, 17, 6700]),
    dict(id="killed-two-deceased-victims-two-injured-subjects", src="gva:c1978f11", published="2016-08-09",
         text="The Albuquerque Police Department says when officers arrived on scene, they found two deceased victims and two injured subjects inside the home.",
         claims=[K("killed", 2, 2), K("injured", 2, 2)]),
    dict(id="shot-hit-by-gunfire-three-died", src="gva:db0448f1", published="2013-03-31",
         text="Four people were hit by gunfire and three of those shooting victims died at the scene.",
         claims=[SHOT(4, 4), K("killed", 3, 3)], exact=True),
    dict(id="headline-toddler-shot-parsed-as-noun", src="gva:13d97ce4", published="2016-11-16", headline=True,
         text="Tampa toddler shot in spray of bullets",
         claims=[SHOT(1, 1)], exact=True),
    dict(id="headline-woman-critical-after-shot", src="gva:4c24f75f", published="2017-02-27", headline=True,
         text="Police: Woman critical after being accidently shot in face",
         claims=[K("injured", 1, 1)], exact=True),
    dict(id="headline-teenager-shot-killed", src="gva:d516cba4", published="2017-04-07", headline=True,
         text="Teenager shot, killed in East Lake identified",
         claims=[K("killed", 1, 1)], exact=True),
    dict(id="headline-shooting-of-a-boy", src="gva:d92d9761", published="2017-02-14", headline=True,
         text="Arrest made in shooting of 17-year-old boy in Victorville",
         claims=[SHOT(1, 1)], exact=True, optional=[K("arrested", 1, 1)], excluded=[17]),
    dict(id="total-sum-name-and-three-others", src="gva:1fed10ae", published="2015-04-10",
         text="Gunfire struck Milner and three others — Dishon Lamar Glanton, 21; Quatevious Tarae Johnson, 22; and Craig Bernard Calhoun Sr., 23.",
         claims=[SHOT(4, 4)], excluded=[5, 21, 22, 23]),
    dict(id="perp-dead-suspects-uninjured-residents", src="gva:0cd85ebd", published="2017-03-27",
         text="When they arrived, they found the three dead suspects and two uninjured residents.",
         claims=[K("killed", 3, 3, perpetrator=True)], exact=True),
    dict(id="perp-not-police-say-shot-and-killed", src="gva:1d1f6a70", published="2015-08-31",
         text="DETROIT (WXYZ) - Curry Bryson, the father of the 11-year-old who police say shot and killed a 3-year-old, appeared in court today for a hearing.",
         claims=[K("killed", 1, 1, perpetrator=False)], exact=True, excluded=[11, 3]),
    dict(id="total-kin-list-wife-son-daughter-agent", src="gva:0ddeb6df", published="2016-04-20",
         text="KATY, Texas (AP) -  Investigators say a man shot and killed his wife, son and daughter before killing himself in a Houston-area home.",
         claims=[K("killed", 3, 3), K("killed", 1, 1, perpetrator=True)], exact=True),
    dict(id="not-count-partitive-whole", src="msa:msa_291",
         text="Four of the seven sustained non-life-threatening injuries.",
         claims=[K("injured", 4, 4)], exact=True, excluded=[7]),
    dict(id="not-count-age-yo", src="gva:9ca07e98", published="2017-02-25",
         text="8 yo girl killed by gunfire off the Beltway in SW Houston.",
         claims=[], excluded=[8], optional=[K("killed", 1, 1)]),
    dict(id="not-implied-attempted-murder-charges", src="gva:25212f48", published="2017-03-06",
         text="X and the family are demanding that the district attorneys office file attempted murder charges.",
         claims=[], exact=True),
    dict(id="total-a-man-and-a-boy-not-summed-twice", src="gva:0abdfdc4", published="2017-03-02", headline=True,
         text="2 people - a man and a boy - are shot in Santa Ana, police say",
         claims=[SHOT(2, 2)], excluded=[3], optional=[SHOT(1, 1)]),
    dict(id="total-and-another-adds-one", src="gva:6c4925b1", published="2013-04-07",
         text="Two victims remain hospitalized in critical condition and another was treated and released.",
         claims=[K("injured", 3, 3)], reconcile={"injured": 3}, optional=[K("injured", 2, 2), K("injured", 1, 1)],
         exact=True),
    dict(id="killed-injured-each-verb-its-own-object", src="gva:101fcb5b", published="2016-07-12",
         text="Authorities say a man accused of killing a woman and injuring a police officer and two others when he shot at passing cars has been indicted.",
         claims=[K("killed", 1, 1), K("injured", 3, 3)], optional=[K("injured", 1, 1), K("injured", 2, 2), K("arrested", 1, 1)],
         exact=True),
    dict(id="not-count-family-had-two-sons", src="gva:983bd260", published="2013-01-25",
         text="Friends said the dead man had two young sons.",
         claims=[], exact=True, excluded=[2], optional=[K("killed", 1, 1)]),
    dict(id="shot-army-claimed-hit-three-gunmen", src="wiki:wiki_ied_bombings_1_news_4",
         text="The army claimed to have hit three gunmen.",
         claims=[K(("other", "injured"), 3, 3, source="army")], exact=True),

    # ------------------------------------------------------------ perpetrator
    dict(id="perp-shooter-killed-by-sniper", src="msa:msa_16",
         text="The shooter was killed at the scene by a SWAT team sniper perched on the roof next door.",
         claims=[K("killed", 1, 1, perpetrator=True)], exact=True),
    dict(id="perp-police-shot-and-killed-the-shooter", src="msa:msa_285",
         text="Police shot and killed the shooter.",
         claims=[K("killed", 1, 1, perpetrator=True)], exact=True),
    dict(id="perp-police-killed-the-gunman", src="gva:6462d662", published="2015-07-17",
         text="Police killed the gunman.",
         claims=[K("killed", 1, 1, perpetrator=True)], exact=True),
    dict(id="perp-suspected-gunman-also-killed-age", src="gva:73825a5a", published="2013-09-16",
         text="The suspected gunman, 34-year-old Aaron Alexis of Fort Worth, Texas, was also killed.",
         claims=[K("killed", 1, 1, perpetrator=True)], exact=True, excluded=[34]),
    dict(id="perp-shot-and-killed-himself", src="msa:msa_208",
         text="Then the gunman also shot and killed himself.",
         claims=[K("killed", 1, 1, perpetrator=True)], exact=True),
    dict(id="perp-six-killed-committing-suicide", src="msa:msa_91",
         text="The gunman shot and killed six people and injured two more before committing suicide.",
         claims=[K("killed", 6, 6), K("injured", 2, 2), K("killed", 1, 1, perpetrator=True)], exact=True),
    dict(id="perp-five-schoolgirls-own-life", src="msa:msa_95",
         text="On October 2, 2006, a 32-year old men killed five schoolgirls and seriously wounded five others in West Nickel Amish School in Nickel Mines, Pennsylvania before taking his own life.",
         claims=[K("killed", 5, 5), K("injured", 5, 5), K("killed", 1, 1, perpetrator=True)], excluded=[2, 2006, 32]),
    dict(id="perp-gunned-down-four-fatally-shooting-himself", src="msa:msa_210",
         text="On May 12, 2015, the man gunned down four of his family members, including his 17-year-old niece, before fatally shooting himself in a murder-suicide.",
         claims=[K("killed", 4, 4), K("killed", 1, 1, perpetrator=True)], excluded=[12, 2015, 17]),
    dict(id="perp-blew-himself-up-killing-six", src="wiki:suicide_ied_11",
         text="On December 21, 2015 in Bagram, a suicide bomber blew himself up, killing six NATO service members.",
         claims=[K("killed", 6, 6), K("killed", 1, 1, perpetrator=True)], exact=True, excluded=[21, 2015]),
    dict(id="perp-killing-her-and-another-woman-himself", src="gva:0bccdf10", published="2013-02-12",
         text="That fear became a shocking reality Monday, when her ex-father-in-law, Thomas Matusiewicz, 68, opened fire in the New Castle County Courthouse in Wilmington, killing her and another woman, and wounding two law enforcement officers before killing himself, state police said.",
         claims=[K("killed", 2, 2, source="state police"), K("injured", 2, 2, source="state police"),
                 K("killed", 1, 1, perpetrator=True, source="state police")], excluded=[68]),
    dict(id="perp-falling-dead-self-inflicted", src="gva:0bccdf10", published="2013-02-12",
         text="Thomas Matusiewicz then exchanged gunfire with Capitol Police, eventually falling dead near the revolving doors with a gunshot in the upper body and a self-inflicted shot to the head, state police said.",
         claims=[K("killed", 1, 1, perpetrator=True, source="state police")], exact=True),
    dict(id="perp-dead-self-inflicted-father-critical", src="gva:06646c73", published="2015-07-22",
         text="Fields, 32, was dead from a self-inflicted gunshot wound and Manning’s father was critically injured, the sheriff’s office said.",
         claims=[K("killed", 1, 1, perpetrator=True, source="sheriff"), K("injured", 1, 1, source="sheriff")],
         exact=True, excluded=[32]),
    dict(id="perp-girl-died-father-killed-himself", src="gva:06d4bd32", published="2016-09-16",
         text="A 4-year girl has died after she was wounded in an apparent murder-suicide that ended when her father killed himself Thursday night in west Harris County, officials said.",
         claims=[K("killed", 1, 1, source="officials"), K("killed", 1, 1, perpetrator=True, source="officials")],
         exact=True, excluded=[4]),
    dict(id="perp-took-his-own-life-45-caliber", src="gva:fd75d6e4", published="2015-04-08",
         text="Texas County Sheriff James Sigman said testing at the Missouri State Highway Patrol Crime Laboratory also helped investigators conclude the victims were shot with the .45-caliber semi-automatic pistol found beside Joseph Jesse Aldridge after he took his own life in his pickup truck.",
         claims=[K("killed", 1, 1, perpetrator=True, source="James Sigman")], exact=True, excluded=[45]),
    dict(id="perp-suspect-died-self-inflicted-last-week", src="gva:58c5d736", published="2016-02-17",
         text="The Kerr County man suspected in the shooting deaths last week of his wife and son died Tuesday night at a San Antonio hospital from injuries that authorities suspect were self-inflicted.",
         claims=[K("killed", 1, 1, perpetrator=True), K("killed", 2, 2, historical=False)]),
    dict(id="perp-named-bomber-died-gunfight", src="wiki:32_VOA_EN_NW_2014.06.04.1929720",
         text="Tamerlan, 26, died after a gunfight with police three days after the bombing.",
         claims=[K("killed", 1, 1, perpetrator=True, historical=None)], exact=True, excluded=[26, 3]),
    dict(id="perp-not-shot-himself-critically-wounded", src="gva:12d9b5aa", published="2017-02-22",
         text="Dispatchers said a man playing with a gun shot himself in the head, and was critically wounded.",
         claims=[K("injured", 1, 1, source="Dispatchers")], exact=True, optional=[SHOT(1, 1)]),
    dict(id="perp-not-boy-accidental-self-inflicted-believe", src="gva:afc5884c", published="2016-06-07",
         text="Police are still investigating, but family members said they believe the boy died from an accidental, self-inflicted gunshot wound.",
         claims=[K("killed", 1, 1, perpetrator=False, source="family members", hedge="believe")], exact=True),

    # ------------------------------------------------------------ attribution
    dict(id="attr-acknowledged-five-of-its-citizens-seed", src="seed", published="2018-02-21",
         text="Russian Federation has acknowledged that five of its citizens were killed in a US-led coalition bombing in the eastern Deir Ezzor province after they were part of a group of pro-regime combatants which led an attack on positions held by the Syrian Democratic Forces.",
         claims=[K("killed", 5, 5, source="Russian Federation", hedge=None, text="five")]),
    dict(id="attr-tass-reported", src="wiki:road_ied_8",
         text="Three other Russian military personnel were wounded, Russia’s state-run Tass news agency reported.",
         claims=[K("injured", 3, 3, source="Tass")], exact=True),
    dict(id="attr-quote-speaker-after-bujeda", src="gva:11e0a261", published="2013-11-08",
         text="“We have an individual or individuals at large who shot and killed four people,” Bujeda said.",
         claims=[K("killed", 4, 4, source="Bujeda")], exact=True),
    dict(id="attr-quote-police-said-in-statement", src="wiki:road_ied_12",
         text="After a while, the device detonated accidentally, killing the three on the spot,\" the police said in a statement.",
         claims=[K("killed", 3, 3, source="police")], exact=True),
    dict(id="attr-the-statement-said", src="wiki:road_ied_12",
         text="Four militants were killed in neighboring Shah Wali Kot district when a vehicle they were traveling touched off an IED, setting off an explosion that claimed the lives of all militants aboard the vehicle, the statement said.",
         claims=[K("killed", 4, 4, source="statement")], exact=True),
    dict(id="attr-told-the-ap-distance", src="gva:d395d012", published="2014-10-24",
         text="Erwin told The Associated Press that two deputies from her department also were shot in Auburn, about 30 miles north of Sacramento, as the manhunt continued.",
         claims=[SHOT(2, 2, source="Erwin")], exact=True, excluded=[27, 30, 33]),
    dict(id="attr-police-say-bean-station", src="gva:e4f64b11", published="2013-05-24",
         text="Crime scene: Police in Bean Station, Tennessee, say former police officer Jason Holt opened fired inside Down Home Pharmacy, killing two people and wounding two others",
         claims=[K("killed", 2, 2, source="Police"), K("injured", 2, 2, source="Police")], exact=True),
    dict(id="attr-officials-say-killing-five-age", src="gva:e251ec15", published="2017-01-10",
         text="Officials say 26-year-old Esteban Santiago, an Army veteran, loaded his weapon in a bathroom stall before opening fire on fellow passengers, killing five and wounding six others, including Prather.",
         claims=[K("killed", 5, 5, source="Officials"), K("injured", 6, 6, source="Officials")], exact=True, excluded=[26]),
    dict(id="attr-deputy-confirmed-four-died", src="gva:06646c73", published="2015-07-22",
         text="Forsyth County sheriff’s Deputy Robin Regan confirmed four people died Wednesday, July 22, 2015, in a murder-suicide in the 5500 block of Old Atlanta Road.",
         claims=[K("killed", 4, 4, source="Robin Regan")], excluded=[22, 2015, 5500]),
    dict(id="attr-toledo-police-reported-age-block", src="gva:6e663a16", published="2017-02-21",
         text="An 11-year-old boy was shot in the leg by another youth Friday night in the 3200 block of North Detroit Avenue, Toledo police reported.",
         claims=[SHOT(1, 1, source="Toledo police")], exact=True, excluded=[11, 3200]),
    dict(id="attr-according-to-police-four-shot", src="gva:1db55738", published="2016-04-20",
         text="According to police, Blackmon's arrest stems from an incident in which four people were shot at a house party on Baxter Street in Enterprise on Saturday.",
         claims=[SHOT(4, 4, source="police")], exact=True, optional=[K("arrested", 1, 1)]),
    dict(id="attr-six-35pm-police-said-block", src="gva:fb2914e1", published="2015-03-10",
         text="At 6:35 p.m., two men were shot in the 7000 block of South Honore Street in the West Englewood neighborhood, police said.",
         claims=[SHOT(2, 2, source="police")], exact=True, excluded=[6, 35, 7000]),
    dict(id="attr-appears-man-shot-family-two-children", src="gva:0ddeb6df", published="2016-04-20",
         text="Sheriff's spokesman Bob Haenel says it appears the man shot his family, including two children under the age of 5.",
         claims=[SHOT(2, 2, source="Bob Haenel", hedge="appear")], excluded=[5]),
    dict(id="attr-mack-likely-scopes-drugs", src="gva:a03b34dd", published="2013-04-22",
         text="Mack said he thinks it’s likely the gunman was on drugs when he killed four people.",
         claims=[K("killed", 4, 4, source="Mack", hedge=None)], exact=True),
    dict(id="attr-affidavit-likely-killed-greer", src="gva:d3f8aaac", published="2015-04-15",
         text="But according to the affidavit for determination of probable cause, the document in which Auburn Police lay out their case against Jimerson, a stray bullet, fired by an unknown person, likely killed Greer.",
         claims=[K("killed", 1, 1, source="affidavit", hedge="likely")], exact=True),

    # ------------------------------------------------------------ hedges
    dict(id="hedge-presumably-denied-scope-seed", src="seed", published="2018-02-21",
         text="While the Kremlin has repeatedly denied having any connection to the fighters, the Foreign Ministry said last week that five Russian citizens had \"presumably\" been killed.",
         claims=[K("killed", 5, 5, source="Foreign Ministry", hedge="presumably", text="five", negated=False)], exact=True),
    dict(id="hedge-allegedly-fatally-shot-wife-and-son", src="gva:2ad48990", published="2016-02-10",
         text="By then, according to law enforcement sources, Roman had allegedly fatally shot his 44-year-old wife, Deborah, who was a Mohonasen school district teacher, and his younger son, who attended school in the North Colonie school district.",
         claims=[K("killed", 2, 2, source="law enforcement sources", hedge="allegedly")], excluded=[44]),
    dict(id="hedge-apparently-shot-time-year", src="gva:126e1298", published="2016-12-27",
         text="Wilfong was apparently shot on Monday, Dec. 26, 2016 at around 9:30 p.m.",
         claims=[SHOT(1, 1, hedge="apparently")], exact=True, excluded=[26, 2016, 9, 30]),
    dict(id="hedge-allegedly-shot-clerk-150-miles", src="gva:03460e6a", published="2016-10-24",
         text="Vance allegedly then stole Valerie's Mitsubishi and drove 150 miles west, to Sayre, where he shot a gas station clerk twice in the leg.",
         claims=[SHOT(1, 1, hedge="allegedly")], exact=True, excluded=[150, 2]),
    dict(id="hedge-believed-scopes-suspect-wounding-13", src="wiki:scenario_en_kairos_61",
         text="French police are hunting a suspect believed to have deposited a paper bag containing a device that exploded on Friday, wounding 13 people on a busy pedestrian street in the city of Lyon.",
         claims=[K("injured", 13, 13, hedge=None)], exact=True),

    # ------------------------------------------------------------ negation, denial, zero
    dict(id="zero-no-one-was-hurt", src="gva:7c6cdbdf", published="2017-01-23",
         text="No one was hurt, and classes were not interrupted.",
         claims=[K("injured", 0, 0)], exact=True),
    dict(id="zero-no-injuries-reported", src="gva:e0430344", published="2013-04-25",
         text="No injuries were reported.",
         claims=[K("injured", 0, 0)], exact=True),
    dict(id="zero-no-officers-injured-facebook-said", src="gva:f4e60474", published="2016-07-15",
         text="The Marion Police Department Facebook page said no officers were injured.",
         claims=[K("injured", 0, 0, source="Marion Police Department")], exact=True),
    dict(id="zero-none-of-them-hurt-cooper", src="gva:7a6a46d5", published="2016-05-14",
         text="“Fortunately none of them were hurt and the officers weren’t forced to use deadly force,” Cooper said.",
         claims=[K("injured", 0, 0, source="Cooper")], exact=True),
    dict(id="zero-no-fatality-miracle-mccarthy", src="gva:e8bc27b4", published="2013-09-20",
         text="“It's a miracle there has been no fatality,” Police Superintendent Garry McCarthy said at a news conference this morning.",
         claims=[K("killed", 0, 0, source="McCarthy")], exact=True),
    dict(id="zero-no-fatalities-at-this-point", src="gva:89d3ec9c", published="2013-05-12",
         text="\"At this point, there are no fatalities, and most of the wounds are not life-threatening.",
         claims=[K("killed", 0, 0)], exact=True),
    dict(id="neg-two-adults-not-hurt", src="gva:dca005ec", published="2017-01-27",
         text="Two adults inside the home were not hurt.",
         claims=[K("injured", 2, 2, negated=True)], exact=True),
    dict(id="neg-one-person-not-injured", src="gva:7f87d0e2", published="2017-02-10",
         text="One person inside the apartment was not injured and was questioned by police.",
         claims=[K("injured", 1, 1, negated=True)], exact=True),
    dict(id="neg-denied-firing-scope-wounded-16", src="gva:9d9eeb10", published="2017-03-26",
         text="One of two men charged in the shootout inside the crowded Cameo nightclub that wounded 16 people and killed one has denied firing any shots or even having a gun that night.",
         claims=[K("injured", 16, 16, negated=False), K("killed", 1, 1, negated=False)],
         optional=[K("arrested", 2, 2)], exact=True),
    dict(id="neg-no-one-else-suspected-not-zero", src="gva:58c5d736", published="2016-02-17",
         text="Hierholzer said two pistols were recovered at the scene and no one else is suspected of involvement in the shootings.",
         claims=[], exact=True, excluded=[0, 2]),

    # ------------------------------------------------------------ historical
    dict(id="hist-last-year-301-homicides", src="gva:e70ebb4c", published="2017-02-06",
         text="Last year, there were 301 homicides in the D.C. region.",
         claims=[K("killed", 301, 301, historical=True)], exact=True),
    dict(id="hist-last-year-when-344-were-killed", src="gva:d08c637f", published="2016-12-12",
         text="Killings in Baltimore are slightly down this year compared with last year, when 344 were killed, but remain higher in than any year since the 1990s.",
         claims=[K("killed", 344, 344, historical=True)], exact=True, excluded=[1990]),
    dict(id="hist-in-2010-nine-shot-three-fatally", src="gva:3622bbbe", published="2013-03-11",
         text="The shooting came three years after a similar high-profile shooting in the District; in 2010, nine people were shot, three of them fatally, on South Capitol Street.",
         claims=[SHOT(9, 9, historical=True), K("killed", 3, 3, historical=True)], exact=True, excluded=[2010]),
    dict(id="hist-1982-airliner-killing-78", src="gva:0c10decf", published="2013-09-16",
         text="The incident, in which the death toll rose almost hourly, represents the single worst loss of life in the District since an airliner plunged into the Potomac River in 1982, killing 78.",
         claims=[K("killed", 78, 78, historical=True)], exact=True, excluded=[1982]),
    dict(id="hist-last-years-pulse-49-no-evidence-scope", src="gva:307e6d7e", published="2017-03-30",
         text="Officials have said a fight that spun out of control led to the shooting and that there was no evidence of a \"terrorist attack\" such as last year's Pulse nightclub massacre in Orlando, Florida, that killed 49 people in the deadliest mass shooting in U.S. history.",
         claims=[K("killed", 49, 49, historical=True, negated=False)], exact=True),
    dict(id="hist-in-2012-shot-and-killed-teenager", src="gva:81dc8ac1", published="2016-11-23",
         text="In 2012, when Michael Dunn shot and killed teenager Jordan Davis because the music in his friend's car was too loud, he did virtually the same thing.",
         claims=[K("killed", 1, 1, historical=True)], exact=True, excluded=[2012]),
    dict(id="hist-45-homicides-in-2013-two-behind", src="gva:8df8db2b", published="2013-06-24",
         text="The city now has had 45 homicides in 2013, that's two behind the number of homicides at the same time last year.",
         claims=[K("killed", 45, 45, historical=True)], exact=True, excluded=[2, 2013]),
    dict(id="hist-end-of-1972-496-killed-258-civilians", src="wiki:wiki_ied_bombings_1_news_3",
         text="By the end of 1972, 496 had been killed, 258 of them civilians.",
         claims=[K("killed", 496, 496, historical=True)], exact=True, optional=[K("killed", 258, 258)], excluded=[1972]),
    dict(id="hist-earlier-in-the-year-13-protesters", src="wiki:wiki_ied_bombings_1_news_3",
         text="Earlier in the year, the IRA had experienced a massive propaganda and recruitment boost after the Parachute Regiment killed 13 protesters during Bloody Sunday in Derry.",
         claims=[K("killed", 13, 13, historical=True)], exact=True),
    dict(id="hist-since-2017-lieutenant-general", src="wiki:road_ied_8",
         text="It was the first reported death of a Russian general in Syria since 2017, when a lieutenant general was killed in the same province, reportedly by mortar fire from the Islamic State, Al-Monitor reported.",
         claims=[K("killed", 1, 1, historical=True)], excluded=[2017]),
    dict(id="hist-later-that-month-cobb-county", src="gva:06646c73", published="2015-07-22",
         text="Later that month, a Cobb County woman killed her three children, ranging in age from 9 months old to 10 years old, before killing herself, according to investigators.",
         claims=[K("killed", 3, 3, historical=True, source="investigators"),
                 K("killed", 1, 1, perpetrator=True, historical=True)], exact=True, excluded=[9, 10]),
    dict(id="hist-passage-bcu-2015-incidents", src="gva:85a4cb9d", published="2016-06-25",
         text="At least 11 B-CU students were shot in 2015 in three separate incidents, police records show. Two female students were shot to death in an off-campus apartment by a man who killed himself after his arrest. Three more B-CU students were shot, one of them fatally, during an off-campus party, police said.",
         claims=[SHOT(11, None, historical=True), K("killed", 2, 2, historical=True),
                 K("killed", 1, 1, perpetrator=True, historical=True),
                 SHOT(3, 3, historical=True), K("killed", 1, 1, historical=True)],
         excluded=[2015]),

    # ------------------------------------------------------------ not counts
    dict(id="not-phone-number-dashes", src="gva:080a7b61", published="2017-02-01",
         text="Anyone with information about the shooting is asked to call police at 901-528-2274.",
         claims=[], exact=True, excluded=[901, 528, 2274]),
    dict(id="not-phone-number-parens", src="gva:a9e82024", published="2015-02-09",
         text="Anyone with information about Monday’s killings can submit an anonymous tip on the sheriff’s office website or call (800) 706-2488.",
         claims=[], exact=True, excluded=[800, 706, 2488]),
    dict(id="not-phone-number-crimestoppers", src="gva:35a89d92", published="2016-10-26",
         text="Anyone with information about Jones or the shooting is asked to call Crimestoppers at (504) 822-1111.",
         claims=[], exact=True, excluded=[504, 822, 1111]),
    dict(id="not-ages-range-46-to-73", src="gva:73825a5a", published="2013-09-16",
         text="Those killed ranged in age from 46 to 73, according to D.C. Police.",
         claims=[], exact=True, excluded=[46, 73]),
    dict(id="not-age-range-40-50-second-shooter", src="gva:73825a5a", published="2013-09-16",
         text="Police released a lookout for a \"possible\" second shooter, described as a man between 40 and 50 years old, who was wearing olive drab and was armed with a \"long gun.\"",
         claims=[], exact=True, optional=[K("participants", 1, 1)], excluded=[2, 40, 50]),
    dict(id="not-age-after-name-charged-time-block", src="gva:d78f6821", published="2017-02-04",
         text="Jonathan A. Ramos, 22, was charged with aggravated battery for the shooting that happened at about 6:40 p.m. Wednesday in the 3700 block of West Lawrence Avenue in the Albany Park neighborhood, authorities said.",
         claims=[], exact=True, optional=[K("arrested", 1, 1)], excluded=[22, 6, 40, 3700]),
    dict(id="not-age-headline-boy-15", src="gva:3c268ac0", published="2017-01-19", headline=True,
         text="Boy, 15, shot in Englewood",
         claims=[SHOT(1, 1)], exact=True, excluded=[15]),
    dict(id="not-age-16-year-old-victim", src="gva:80ca5856", published="2016-11-07",
         text="The 16-year-old victim was in the basement when she was wounded.",
         claims=[K("injured", 1, 1)], exact=True, excluded=[16]),
    dict(id="not-age-fourth-victim-26", src="gva:080a7b61", published="2017-02-01",
         text="Police said a fourth victim, a 26-year-old man, was grazed on the right shoulder by a bullet.",
         claims=[K("injured", 1, 1, source="Police")], exact=True, excluded=[4, 26]),
    dict(id="not-time-block-9-17", src="gva:7197265d", published="2017-03-30",
         text="Deputies received the call of an accidental shooting at a residence on the 6700 block of Boulder Run Loop in Zephyrhills at 9:17 p.m. on Wednesday.",
         claims=[], exact=True, excluded=[6700, 9, 17]),
    dict(id="not-calibre-9mm", src="gva:73825a5a", published="2013-09-16",
         text="Sources told News4 that surveillance footage showed that he began his attack with a shotgun, but was found with a 9mm pistol.",
         claims=[], exact=True, excluded=[9, 4]),
    dict(id="not-calibre-12-gauge-last-year", src="gva:7cfed6b9", published="2016-08-02",
         text="Authorities said she was armed with a 12-gauge pistol grip shotgun that was legally purchased last year.",
         claims=[], exact=True, excluded=[12]),
    dict(id="not-calibre-22-caliber-date", src="gva:0d10d974", published="2015-11-18",
         text="Casey Olaf Sandoval was indicted this week on one count of murder with use of a deadly weapon after a medical examiner determined that the .22-caliber handgun was pressed up against the back of Ariele Azrate-Lujan's head when she was shot Oct. 15.",
         claims=[], excluded=[22, 15]),
    dict(id="not-calibre-45-four-homes-age", src="gva:97341df8", published="2015-02-27",
         text="Authorities say Joseph Jesse Aldridge, 36, traveled to four homes in the dark of night Thursday, shooting people multiple times with a .45-caliber handgun.",
         claims=[], exact=True, excluded=[36, 4, 45]),
    dict(id="not-money-reward-up-to", src="gva:391e2527", published="2017-02-25",
         text="Crime Stoppers is offering an award up to $5,000 for information that leads to an arrests and charges.",
         claims=[], exact=True, excluded=[5000, 4999]),
    dict(id="not-money-bond-preteen-shot", src="gva:9745e231", published="2016-06-20",
         text="PEORIA — A homeless man was ordered held on $250,000 bond Monday for his part in an exchange of gunfire in which a preteen girl was shot in the leg as she was sleeping in her home earlier this month.",
         claims=[SHOT(1, 1)], exact=True, optional=[K("arrested", 1, 1)], excluded=[250000]),
    dict(id="not-money-400-a-few-cell-phones", src="gva:41dd4480", published="2013-03-27",
         text="Prosecutors say two suspects got away with $400, a few cell phones and a small amount of marijuana after killing a UMKC student and left three others wounded.",
         claims=[K("killed", 1, 1), K("injured", 3, 3)], optional=[K("participants", 2, 2)], exact=True, excluded=[400]),
    dict(id="not-distance-50-feet", src="gva:2f2df13f", published="2013-02-11",
         text="Chinski said he was standing about 50 feet from the women who were killed, adding it was clear they were the intended target.",
         claims=[], exact=True, excluded=[45, 50, 55]),
    dict(id="not-percent-murder-rate", src="gva:e8bc27b4", published="2013-09-20",
         text="McCarthy argued Friday that the statistics were old news and did not represent the progress made in the city, where the murder rate has dropped by 20 percent over the past year.",
         claims=[], exact=True, excluded=[20]),
    dict(id="not-fewer-than-50-residents-dates", src="gva:fd75d6e4", published="2015-04-08",
         text="The shootings happened the night of Feb. 26 and the early hours of Feb. 27 in Tyrone, a small unincorporated community of fewer than 50 residents.",
         claims=[], exact=True, excluded=[26, 27, 49, 50]),
    dict(id="not-shootings-23-hunting", src="gva:dd173d3e", published="2016-11-28",
         text="So far this year there have been 23 hunting-related shootings.",
         claims=[], exact=True, excluded=[23]),
    dict(id="not-shootings-nearly-a-dozen", src="gva:c6275213", published="2014-05-11",
         text="Investigators said there is a good chance nearly a dozen shootings in DeKalb County this weekend are connected.",
         claims=[], exact=True, excluded=[10, 11, 12]),
    dict(id="not-shootings-12-to-15-series", src="gva:ef6d74ac", published="2015-05-04",
         text="Kent police said the shooting is connected to a series of 12 to 15 gang-related shootings that have occurred between Seattle and Tacoma and the cities in between in the month before the girl was killed.",
         claims=[], excluded=[12, 15]),
    dict(id="not-shots-between-six-and-15", src="gva:21eef424", published="2013-04-22",
         text="Somewhere between six and 15 shots were fired at the scene.",
         claims=[], exact=True, excluded=[6, 15]),
    dict(id="not-shots-couple-of-shots-age-time", src="gva:deb28e7a", published="2016-08-09",
         text="Kendra Westfall, 19, lives nearby and said she was taking out the trash around 11 p.m. when she heard a couple of shots.",
         claims=[], exact=True, excluded=[19, 11, 2]),
    dict(id="not-shots-up-to-30-crowd-200", src="gva:6398f3c3", published="2015-03-05",
         text="Up to 30 shots were fired into a crowd of around 200 people in the parking lot.",
         claims=[], excluded=[30]),
    dict(id="not-age-in-prison-execution", src="wiki:32_VOA_EN_NW_2014.06.04.1929720",
         text="Dzhokhar Tsarnaev, 20, is being held in a federal prison west of Boston awaiting trial on charges that carry the threat of execution if he is convicted.",
         claims=[], exact=True, optional=[K("arrested", 1, 1)], excluded=[20]),
]


# ---------------------------------------------------------------- checking

_FLAGS = ("negated", "historical", "perpetrator")


def _matches(claim: Claim, exp: dict, *, loose: bool = False) -> bool:
    counts = exp["counts"] if isinstance(exp["counts"], tuple) else (exp["counts"],)
    if claim.counts not in counts or claim.low != exp["low"] or claim.high != exp["high"]:
        return False
    if loose:
        return True
    for key in ("text", "source", "hedge"):
        if key in exp:
            want, got = exp[key], getattr(claim, key)
            if want is None:
                if got is not None:
                    return False
            elif got is None or want.lower() not in got.lower():
                return False
    if "detail" in exp and claim.detail != exp["detail"]:
        return False
    for flag in _FLAGS:
        want = exp.get(flag, False)
        if want is not None and bool(getattr(claim, flag)) != want:
            return False
    return True


def _show(claims: list[Claim]) -> str:
    if not claims:
        return "  (no claims)"
    rows = []
    for c in claims:
        flags = [f for f in _FLAGS if getattr(c, f)]
        rows.append(f"  {c.counts}{'/' + c.detail if c.detail else ''} [{c.low}, {c.high}] text={c.text!r} "
                    f"source={c.source!r} hedge={c.hedge!r} {' '.join(flags)}".rstrip())
    return "\n".join(rows)


def _expected_str(exp: dict) -> str:
    extra = {k: v for k, v in exp.items() if k not in ("counts", "low", "high")}
    return f"{exp['counts']} [{exp['low']}, {exp['high']}] {extra if extra else ''}".rstrip()


#: Cases the extractor still gets wrong (measured when the file was written: 208 cases, 84
#: failing; these remain). They run as strict xfails: each still checks the full expectation,
#: and a fix makes its case XPASS, which fails the suite until the id is removed here. The
#: expectations are a careful coder's; they are never edited to match the system.
KNOWN_GAPS: frozenset[str] = frozenset({
    "bound-at-least-12-more-chicago-police",
    "casualties-appears-no-casualties-macron",
    "digits-separators-annual-totals",
    "fatalities-identified-the-fatality-age",
    "hist-45-homicides-in-2013-two-behind",
    "hist-earlier-in-the-year-13-protesters",
    "hist-end-of-1972-496-killed-258-civilians",
    "hist-last-year-301-homicides",
    "hist-later-that-month-cobb-county",
    "hist-passage-bcu-2015-incidents",
    "hospital-none-of-the-injuries-11-taken",
    "neg-denied-firing-scope-wounded-16",
    "not-age-16-year-old-victim",
    "not-age-headline-boy-15",
    "perp-dead-self-inflicted-father-critical",
    "perp-falling-dead-self-inflicted",
    "perp-killing-her-and-another-woman-himself",
    "perp-named-bomber-died-gunfight",
    "perp-not-boy-accidental-self-inflicted-believe",
    "perp-not-shot-himself-critically-wounded",
    "perp-suspect-died-self-inflicted-last-week",
    "range-3-to-4-men",
    "range-two-or-three-suspects",
    "shot-army-claimed-hit-three-gunmen",
    "shot-four-one-fatally-possibly-scope",
    "toll-five-plus-the-gunman",
    "toll-initial-estimates-of-11",
    "toll-number-involved-risen-to-34",
    "total-sum-bodies-three-named",
    "total-sum-bodies-two-named",
    "total-sum-eight-women-girl-four-men",
    "total-sum-she-and-two-sons-allegedly-scope",
    "total-sum-two-and-two-others-according-to",
    "total-sum-two-named-died-ages",
    "vague-a-couple-and-two-children",
    "vague-a-dozen-other-people-and-a-boy",
    "vague-a-few-of-the-fighters",
    "vague-headline-two-dead-multiple-injured",
    "vague-hundreds-hostages-scores-died-1995",
    "vague-more-than-two-dozen-observatory",
    "vague-scores-more-paris-since",
    "vague-several-injured-escaping",
    "vague-several-injured-last-year-same-incident",
    "words-ninety-six-in-hospital-about-24",
    "words-six-nato-two-americans-an-afghani",
    "words-three-dead-burglars-age-word",
})


def _param(case: dict):
    marks = [pytest.mark.xfail(strict=True, reason="known extraction gap")] if case["id"] in KNOWN_GAPS else []
    return pytest.param(case, id=case["id"], marks=marks)


def test_known_gaps_name_real_cases() -> None:
    assert KNOWN_GAPS <= {c["id"] for c in CASES}
    assert len(CASES) >= 80 and len(KNOWN_GAPS) < len(CASES) / 3


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_claims_in_sentence(case: dict) -> None:
    published = date.fromisoformat(case["published"]) if case.get("published") else None
    claims = extract_claims(case["text"], "d", published=published, headline=case.get("headline", False))
    problems: list[str] = []

    for exp in case["claims"]:
        if not any(_matches(c, exp) for c in claims):
            problems.append(f"missing: {_expected_str(exp)}")

    if case.get("exact"):
        allowed = case["claims"] + case.get("optional", [])
        for c in claims:
            if not any(_matches(c, exp, loose=True) for exp in allowed):
                problems.append(f"unexpected: {c.counts} [{c.low}, {c.high}] text={c.text!r}")

    for n in case.get("excluded", []):
        for c in claims:
            if n in (c.low, c.high, c.best):
                problems.append(f"not a count, but claimed: {n} in {c.counts} [{c.low}, {c.high}] text={c.text!r}")

    for counts, best in case.get("reconcile", {}).items():
        got = reconcile([Event(document_id="d", claims=claims)], counts).best
        if got != best:
            problems.append(f"reconciled {counts}: expected best {best}, got {got}")

    assert not problems, (
        f"[{case['src']}] {case['text']}\n" + "\n".join(problems) + "\nsystem claims:\n" + _show(claims)
    )


def test_a_shooting_without_figures_or_deaths_implies_one_shot_none_killed() -> None:
    """gva dev 'Duncan police investigate shooting, teen in custody': no figure anywhere."""
    from newsledger.extract.claims import implied_casualty

    title = "Duncan police investigate shooting, teen in custody - FOX Carolina 21"
    text = ("Dispatch said officers are responding to a shooting in Duncan. Duncan Police Chief C.E. Long "
            "said the victim is alive. Police say the victim told them that he was accidentally shot in "
            "the face with a .22 revolver.")
    c = implied_casualty(text, title, [])
    assert c is not None and (c.counts, c.detail, c.low, c.high, c.vague) == ("other", "shot", 1, None, True)
    ev = Event(document_id="d", claims=[c])
    assert (reconcile([ev], "killed").best, reconcile([ev], "injured").best) == (0, 1)
    # "attempted murder", "might kill", "his or her body" name no death
    assert implied_casualty("Marquise Murphy was indicted on one count each of attempted murder and "
                            "first-degree assault.", "Indictments filed against shooting suspects", []).counts == "other"
    # a death named without a figure implies one killed; a stated figure implies nothing
    died = implied_casualty(text + " He later died at the hospital.", title, [])
    assert died is not None and (died.counts, died.low, died.high, died.vague) == ("killed", 1, None, True)
    assert implied_casualty(text, title, [Claim(counts="injured", low=2, high=2, text="two", sentence="")]) is None
