"""Date expressions and event dates. Snippets are taken from the GVA dev articles and the
seed article (shortened); the expected resolutions are worked out by hand from the
publication date given with each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsledger.extract.dates import event_date, find_dates

SEED = Path("/work/shared/seed/000_eedac8ea6769e308.txt")


def _mention(text: str, published: date | None, needle: str):
    found = [m for m in find_dates(text, published) if needle in m.text or m.text in needle]
    assert found, f"no date mention for {needle!r} in {[m.text for m in find_dates(text, published)]}"
    return found[0]


# (snippet, publication date, the expression, start, end, precision, is_report_date)
CASES = [
    # seed article, published Wednesday 2018-02-21
    ("the Foreign Ministry said last week that five Russian citizens had \"presumably\" been killed.",
     date(2018, 2, 21), "last week", "2018-02-12", "2018-02-18", "week", True),
    ("the Syrian militia fighters came under the coalition's strikes in the province of "
     "Deir ez-Zor on February 7 due to actions uncoordinated with the Russian military.",
     date(2018, 2, 21), "February 7", "2018-02-07", "2018-02-07", "day", False),
    ("some were killed but these were not Russian troops, Russia's Foreign Ministry said on Tuesday.",
     date(2018, 2, 21), "Tuesday", "2018-02-20", "2018-02-20", "day", True),
    ("The military began a partial withdrawal from Syria in December on orders by President "
     "Vladimir Putin", date(2018, 2, 21), "in December", "2017-12", "2017-12", "month", False),
    ("An armed clash earlier this month in which United States strikes may have killed more "
     "than 200 Russian mercenaries", date(2018, 2, 21), "earlier this month", "2018-02",
     "2018-02", "month", False),
    # weekdays: the most recent such day, publication day included
    ("The shooting happened Wednesday night.", date(2014, 1, 31), "Wednesday night",
     "2014-01-29", "2014-01-29", "day", False),
    ("The Georgia Bureau of Investigation says the shooting happened Sunday night as the woman",
     date(2015, 8, 17), "Sunday night", "2015-08-16", "2015-08-16", "day", False),
    ("Police said Thursday they arrested 21-year-old", date(2014, 3, 27), "Thursday",
     "2014-03-27", "2014-03-27", "day", True),
    ("According to Kent Assistant Police Chief Derek Kammerzell, last Friday detectives served a",
     date(2015, 5, 20), "last Friday", "2015-05-15", "2015-05-15", "day", False),
    ("two more in connection with a shooting incident last Saturday that impacted people",
     date(2016, 5, 17), "last Saturday", "2016-05-14", "2016-05-14", "day", False),
    ("He is due back in court next Tuesday.", date(2016, 5, 17), "next Tuesday",
     "2016-05-24", "2016-05-24", "day", False),
    ("were wounded in shootings from Saturday morning to early Sunday, police said.",
     date(2017, 2, 25), "early Sunday", "2017-02-26", "2017-02-26", "day", False),
    # relative days
    ("Charges were filed yesterday against Joshua Herrington", date(2017, 2, 2), "yesterday",
     "2017-02-01", "2017-02-01", "day", False),
    ("in the shooting of a juvenile that occurred at his residence on Floral Lane, last night",
     date(2015, 1, 27), "last night", "2015-01-26", "2015-01-26", "day", False),
    ("\u201cOne of our neighbors told us something happened this morning, but I don\u2019t know",
     date(2015, 2, 9), "this morning", "2015-02-09", "2015-02-09", "day", False),
    ("The Division of Criminal Investigation is not involved in the overnight shooting",
     date(2016, 1, 4), "overnight", "2016-01-04", "2016-01-04", "day", False),
    ("shot his 17-year-old high school friend and football teammate over the weekend in a "
     "northern Minnesota home", date(2015, 12, 1), "over the weekend", "2015-11-28",
     "2015-11-29", "day", False),
    ("arrested a man suspected of killing his girlfriend in Idaho on New Year\u2019s Day",
     date(2015, 1, 3), "New Year\u2019s Day", "2015-01-01", "2015-01-01", "day", False),
    # explicit dates in every common format
    ("an update regarding the accidental shooting in Putnam County on 03/08/2016",
     date(2016, 3, 9), "03/08/2016", "2016-03-08", "2016-03-08", "day", False),
    ("The shooting happened 2018-02-07 at a bar.", date(2018, 2, 21),
     "2018-02-07", "2018-02-07", "2018-02-07", "day", False),
    ("The attack on 7 February 2018 killed four.", None, "7 February 2018", "2018-02-07",
     "2018-02-07", "day", False),
    ("KABUL, Afghanistan (Jan. 25, 2013) -- A suicide bomber", date(2013, 1, 25),
     "Jan. 25, 2013", "2013-01-25", "2013-01-25", "day", True),
    ("Two men charged after baby girl accidentally shot, killed Posted: Friday, January 31, "
     "2014 10:21 AM EST Updated: Friday, February 21, 2014 6:31 PM EST", date(2014, 1, 31),
     "Friday, February 21, 2014", "2014-02-21", "2014-02-21", "day", True),
    ("shooting claims one man's life Posted: Sunday, March 8, 2015 1:11 PM EDT",
     date(2015, 3, 8), "Sunday, March 8, 2015", "2015-03-08", "2015-03-08", "day", True),
    ("Fire broke out Wed., Feb. 5, 2014 in the Sun Valley home.", None, "Wed., Feb. 5, 2014",
     "2014-02-05", "2014-02-05", "day", False),
    # year-less dates: the year that makes them past (or a few days ahead)
    ("The victim was shot on December 30 outside the bar.", date(2015, 1, 3), "December 30",
     "2014-12-30", "2014-12-30", "day", False),
    ("This year's parade will be held on Saturday, March 11, at 10 a.m.", date(2017, 2, 11),
     "Saturday, March 11", "2017-03-11", "2017-03-11", "day", False),
    # ranges
    ("Strikes between Feb. 3 and 5 killed dozens, officials said.", date(2018, 2, 21),
     "between Feb. 3 and 5", "2018-02-03", "2018-02-05", "day", False),
    ("the shootings may have all started with a murder earlier this month", date(2014, 5, 11),
     "earlier this month", "2014-05", "2014-05", "month", False),
    # no publication date: partial dates, never a guessed year
    ("strikes in the province of Deir ez-Zor on February 7 due to", None, "February 7",
     "--02-07", "--02-07", "day", False),
    ("Strikes between Feb. 3 and 5 killed dozens.", None, "between Feb. 3 and 5", "--02-03",
     "--02-05", "day", False),
    ("Russia's Foreign Ministry said on Tuesday.", None, "Tuesday", None, None, "unknown", True),
    ("Charges were filed yesterday against Joshua Herrington", None, "yesterday", None, None,
     "unknown", False),
]


@pytest.mark.parametrize("text,published,needle,start,end,precision,report", CASES)
def test_resolution(text, published, needle, start, end, precision, report):
    m = _mention(text, published, needle)
    assert (m.date.start, m.date.end, m.date.precision) == (start, end, precision)
    assert m.is_report_date is report
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text", [
    # "may" the modal verb, "march" the verb or noun, "Sun" in names: no dates
    "An armed clash in which United States strikes may have killed more than 200 mercenaries",
    "shooting claims one man's life, may have injured others",
    "1:56 Protesters march against Trump's immigration order",
    "A march from the library to the apartment complex drew hundreds.",
    "The Baltimore Sun and the Sun Sentinel reported the death.",
    "Police say a man was shot on June Drive near the school.",
    "The Mar. rally was canceled, Wed said.",
])
def test_false_friends(text):
    assert find_dates(text, date(2018, 2, 21)) == []


def test_may_and_march_as_months():
    got = {m.text: m.date.start for m in find_dates(
        "He was shot on May 5 and arrested in March.", date(2018, 6, 1))}
    assert got == {"May 5": "2018-05-05", "in March": "2018-03"}


def test_seed_event_date():
    text = SEED.read_text()
    ed = event_date(text, date(2018, 2, 21))
    assert (ed.start, ed.precision) == ("2018-02-07", "day")
    assert event_date(text, None).start == "--02-07"


@pytest.mark.parametrize("text,published,start,precision", [
    # event words beat report dates
    ("Police said Tuesday that a man was shot and killed Sunday night in the 3100 block of "
     "Rhodes Avenue.", date(2013, 5, 21), "2013-05-19", "day"),
    # later happenings (arrests, court) lose to the event
    ("Two men charged after baby girl accidentally shot, killed\n\nFriday, Allen Ormond Jr and "
     "his friend Kevin Elkins made their first appearance in court.\n\nThe shooting happened "
     "Wednesday night.", date(2014, 1, 31), "2014-01-29", "day"),
    # a dateline anchors relative dates when the metadata date is missing
    ("Posted: Friday, January 31, 2014 10:21 AM EST\n\nThe shooting happened Wednesday night.",
     None, "2014-01-29", "day"),
    # nothing about the event on the page (paywall, sign-in form): the day before
    # publication as a default, precision unknown
    ("Close Get email notifications daily! Your notification has been saved.",
     date(2015, 2, 28), "2015-02-27", "unknown"),
    ("Subscribe now for unlimited access. Already a subscriber? Sign in to continue reading.",
     date(2016, 5, 2), "2016-05-01", "unknown"),
    # the event is on the page but undated: the publication date as a default
    ("A man was shot in the leg outside a convenience store, police said.",
     date(2015, 2, 28), "2015-02-28", "unknown"),
    ("Close Get email notifications daily! Your notification has been saved.", None, None,
     "unknown"),
])
def test_event_date(text, published, start, precision):
    ed = event_date(text, published)
    assert (ed.start, ed.precision) == (start, precision)


def test_focus_spans_are_preferred():
    text = ("A vigil was held Sunday for the victims. The gunman opened fire Friday night at "
            "the club.")
    f = text.index("The gunman")
    assert event_date(text, date(2016, 6, 13), focus=[(f, len(text))]).start == "2016-06-10"


def test_focus_bounds_the_attack_word_sentences():
    # The claim sentences (the pipeline's focus) hold the later shootings; the sentence
    # with the date of the first ("It happened around 10:45 p.m. Friday") holds no claim
    # but is about the event: inside the focus's stretch, attack-word sentences are focus.
    text = ("ST. LOUIS (KMOX) – A two year old child and a woman are shot overnight in north "
            "St. Louis. It happened around 10:45 p.m. Friday on Kossuth near Marcus in the "
            "Penrose neighborhood. Both were hit in the foot. They’re in stable condition."
            "\n\nAnother person was shot around 3:30 Saturday morning on North 13th at Cass. "
            "He was conscious and breathing.\n\nA male victim is hospitalized after he was "
            "shot around 4:40 Saturday morning at Lee and North Grand near Fairground Park. "
            "He’s in stable condition.")
    claims = [(0, text.index(" It happened")),
              (text.index("Another"), text.index(" He was conscious")),
              (text.index("A male"), text.index(" He’s"))]
    assert event_date(text, date(2016, 7, 2), focus=claims).start == "2016-07-01"


def test_dates_in_a_video_list_are_other_stories():
    text = ("2:55 Boy rescued from attic now an honorary deputy Pause\n\n"
            "0:39 Fairway police investigate shooting death\n\n"
            "1:05 Suspects in rape, kidnap of Johnson County deputy make first appearance\n\n"
            "2:31 May 9 arrests at Kansas City library event\n\n"
            "5:16 Mizzou Minute: Tod Palmer breaks down the loss at South Carolina")
    ed = event_date(text, date(2016, 11, 4),
                    title="Year-old boy dies after accidental shooting in KCK")
    assert (ed.start, ed.precision) == ("2016-11-04", "unknown")


def test_default_after_a_follow_up_title_is_the_day_before():
    text = "A teenager has been charged with murder in the shooting death of a 17-year-old."
    ed = event_date(text, date(2016, 6, 21),
                    title="Teen charged in Hawkinsville 17-year-old’s shooting death")
    assert (ed.start, ed.precision) == ("2016-06-20", "unknown")
    ed = event_date(text, date(2016, 6, 21), title="Teen killed in Hawkinsville shooting")
    assert (ed.start, ed.precision) == ("2016-06-21", "unknown")


def test_title_is_used():
    ed = event_date("Police are looking for a suspect.", date(2016, 6, 13),
                    title="Man shot and killed Saturday night in Dayton")
    assert ed.start == "2016-06-11"


def test_holiday_far_in_the_past_is_page_chrome():
    from datetime import date as _d

    from newsledger.extract.dates import find_dates as _fd
    text = "Valentine's Day is just around the corner, so shop for gifts now."
    assert not [m for m in _fd(text, _d(2013, 1, 25)) if m.kind == "holiday"]
    # with "on" in front it is a past holiday
    text = "The shooting on Christmas left two dead."
    hits = [m for m in _fd(text, _d(2016, 6, 1)) if m.kind == "holiday"]
    assert hits and hits[0].date.start == "2015-12-25"


@pytest.mark.parametrize("text,published,start", [
    # a bare weekday naming the day after publication is the day the article was written
    # (the page date is a day early), not six days back
    ("LEMON GROVE (CNS) - A suspect in an East County home invasion that ended in a shootout "
     "that left his accomplice dead and a resident wounded remained at large early Wednesday.\n\n"
     "Two gun-wielding men entered a house in Lemon Grove shortly before 2 a.m. Tuesday and "
     "one of the intruders shot the younger victim.", date(2017, 2, 7), "2017-02-07"),
    # "N days after" / "the morning after": the event is N days before the date it follows
    ("MIAMI-DADE COUNTY, Fla. - A 19-year-old man was arrested Thursday on a manslaughter "
     "charge, a day after he accidentally shot his friend in the head at a northwest Miami-Dade "
     "County home, police said.", date(2017, 2, 24), "2017-02-22"),
    ("As the New Castle County Courthouse in Delaware remained partially closed Wednesday, two "
     "days after a gunman killed two people and then himself inside its lobby, the gunman's "
     "daughter told a local paper.", date(2013, 2, 13), "2013-02-11"),
    # the date of a statement counts too: "said Thursday, a day after ..."
    ("Police said Thursday, a day after a man was shot and killed outside a store, that no "
     "arrests had been made.", date(2017, 2, 24), "2017-02-22"),
    # "died Friday after being shot Thursday": the shooting, not the death
    ("INDIANAPOLIS (PIX11) - A 9-month-old baby in Indiana died Thursday after he was shot in "
     "the head by accident, WXIN reported. John Hambaugh III, 31, was cleaning his loaded "
     "handgun on Wednesday when it went off.", date(2014, 10, 26), "2014-10-22"),
    # "was arrested Thursday in connection with the shooting": a follow-up, not the event
    ("MIAMI - A convicted felon was arrested Thursday in connection with a fatal shooting "
     "outside a nightclub. The victim was inside the nightclub early on Sept. 10 when he got "
     "into an argument with someone.", date(2016, 9, 23), "2016-09-10"),
    # "his would-be victim" and "due to" do not make a weekday future
    ("A 17-year-old boy committing a robbery was shot by his would-be victim Monday night, "
     "suffering a non-life-threatening injury, Milwaukee police said.", date(2017, 2, 7),
     "2017-02-06"),
])
def test_event_date_rules(text, published, start):
    assert event_date(text, published).start == start


def test_offset_mention():
    text = ("Both teenagers went to school Friday, the morning after the shooting that killed "
            "Booher.")
    got = [m for m in find_dates(text, date(2016, 10, 5)) if m.kind == "offset"]
    assert [(m.text, m.date.start) for m in got] == [("the morning after", "2016-09-29")]
    # at the end of the clause it is an adverb: "the night before" is the day before
    got = [m for m in find_dates("Police were called Tuesday after he was shot the night "
                                 "before.", date(2017, 2, 24)) if m.kind == "offset"]
    assert [m.date.start for m in got] == ["2017-02-20"]
    # "three days after that" counts forward from the earlier date: not an offset we read
    assert not [m for m in find_dates("A man was wounded there on Jan. 6 and three days after "
                                      "that a resident was shot.", date(2017, 1, 20))
                if m.kind == "offset"]


def test_future_context_needs_the_preposition_next_to_the_date():
    text = "Bullets cut through a Chicago neighborhood on Monday, killing two."
    m = _mention(text, date(2016, 5, 18), "Monday")
    assert m.date.start == "2016-05-16" and not m.future
    m = _mention("He remains jailed until Monday.", date(2016, 5, 18), "Monday")
    assert m.date.start == "2016-05-23"


@pytest.mark.parametrize("text,published,needle,start", [
    ("prosecutors have charged a 25-year-old man with murder for the April 16 drive-by shooting "
     "that killed a 1-year-old girl", date(2015, 4, 30), "April 16", "2015-04-16"),
    ("Abdulazeez was charged with driving under the influence and had faced a July 30 court "
     "date.", date(2015, 8, 5), "July 30", "2015-07-30"),
    ("Sam died Feb. 21,2015. Samuel Mark Kenser, son of Kelly", date(2015, 3, 5), "Feb. 21,2015",
     "2015-02-21"),
])
def test_dates_next_to_lowercase_street_words(text, published, needle, start):
    assert _mention(text, published, needle).date.start == start


def test_year_less_date_after_future_words_is_the_coming_one():
    # "due in court November 3rd" in an October article: next month, not last year
    m = _mention("Court records show Anderson is due in court November 3rd.", date(2014, 10, 14),
                 "November 3rd")
    assert m.date.start == "2014-11-03" and m.future
    m = _mention("He will be sentenced Jan. 9 in federal court.", date(2014, 10, 14), "Jan. 9")
    assert m.date.start == "2015-01-09" and m.future
    # without a future word a year-less date is in the past
    m = _mention("Anderson was shot November 3rd.", date(2014, 10, 14), "November 3rd")
    assert m.date.start == "2013-11-03"


def test_year_less_date_takes_the_year_written_in_full_elsewhere():
    # an article two years on: "Mar. 13" is the "March 13, 2013" of the next paragraph
    text = ("Two teens were shot and killed by unknown suspects at Libby Lake Park in Oceanside "
            "on Mar. 13. Charges have been dismissed against a teenager accused in the case. "
            "The two teens were gunned down in the Oceanside park on March 13, 2013.")
    m = _mention(text, date(2014, 6, 13), "Mar. 13")
    assert m.date.start == "2013-03-13"
    assert event_date(text, date(2014, 6, 13)).start == "2013-03-13"


def test_earlier_incident_named_for_context_loses():
    # "the second such incident this month. On Feb. 6, ...": an earlier shooting
    text = ("The Toledo man charged with accidentally shooting his 3-year-old daughter Saturday "
            "is legally blind, court records show. Police were called to the Prouty Avenue "
            "duplex on a report of a person shot about 1:45 p.m. Saturday. "
            "Young Kaylee's shooting was the second such "
            "incident this month. On Feb. 6, Marquise Hudson, Jr., 2, was shot in an apparent "
            "gang-related shooting.")
    assert event_date(text, date(2015, 2, 23)).start == "2015-02-21"


def test_possessive_weekday_naming_the_event():
    # "Friday's shooting": the weekday names the event itself, it is not a report date
    text = "'You just get there,' injured officer Matt Pearce says in aftermath of Friday's shooting"
    ed = event_date(text, date(2016, 9, 15), title="Fort Worth man fatally shot while hunting near Azle")
    assert ed.start == "2016-09-09"


def test_capitalised_street_is_not_a_date():
    assert not [m for m in find_dates("He lives on June 5 Drive in Dayton.", date(2016, 7, 1))
                if m.kind == "mdy"]


def test_holiday_after_for_is_not_a_date():
    text = ("PINETOWN, N.C. - A 6-year-old girl was killed Tuesday after her 11-year-old cousin's "
            "new shotgun that he got for Christmas went off.")
    assert not [m for m in find_dates(text, date(2017, 1, 4)) if m.kind == "holiday"]
    assert event_date(text, date(2017, 1, 4)).start == "2017-01-03"


# ---------------------------------------------------------------------------------------
# Rules from the third round of error analysis (GVA dev sentences)


def test_last_night_that_ran_past_midnight_is_the_publication_day():
    # a Sunday paper: "last night" is Saturday night running into Sunday, and the shooting
    # came "shortly after 1 a.m. Sunday"
    text = ("Saddened to learn about last night's shooting in Cincinnati. Shortly after 1 a.m. "
            "Sunday at the packed Cameo Night Club in Cincinnati, a DJ called for calm as "
            "gunfire broke out.")
    assert _mention(text, date(2017, 3, 26), "last night").date.start == "2017-03-26"
    assert event_date(text, date(2017, 3, 26)).start == "2017-03-26"
    # without the small hours "last night" stays the day before
    text = "Saddened to learn about last night's shooting in Cincinnati."
    assert _mention(text, date(2017, 3, 26), "last night").date.start == "2017-03-25"
    # "11 a.m. Sunday" is no small hour
    text = ("A man was shot last night outside the club. As of 11 a.m. Sunday, the suspect "
            "remained hospitalized.")
    assert _mention(text, date(2017, 3, 26), "last night").date.start == "2017-03-25"


def test_second_victim_within_a_week_names_an_earlier_killing():
    text = ("Birmingham police now say a teen was shot and killed Tuesday afternoon when he went "
            "with a group of people to purchase a handgun.\n\nJohnson is the second Wenonah High "
            "School student to be killed within a week. Juzahris Webb, 17, was shot and killed "
            "Jan. 31 while walking home from school.")
    assert event_date(text, date(2017, 2, 7)).start == "2017-02-07"


def test_the_day_bodies_were_found_is_not_the_day_of_the_killing():
    text = ("Keith and Erin Kroeker and their 3 kids, Leia, Luke and Braedon, lived in the home "
            "that was intentionally set on fire on January 3.\n\nThe Kroeker family's Hubbard "
            "house burned down in a fire and 5 bodies were found on the property, January 5, "
            "2017.")
    ed = event_date(text, date(2017, 1, 6),
                    title="Hubbard fire investigation focused on murder-suicide")
    assert ed.start == "2017-01-03"


def test_the_month_march_is_no_protest_march():
    # "march" is a follow-up word (a protest march); the month in "the March 4 shooting" is not
    from newsledger.extract.dates import _candidates

    text = "Los Banos police arrested the pair in the March 4 shooting death of Shane Thomas Moore."
    _, cands = _candidates(text, date(2013, 4, 3), None, None)
    feats = [c.features for c in cands if c.mention is not None and c.mention.text == "March 4"]
    assert feats and "later" not in feats[0]


def test_reported_missing_is_no_report_date():
    # "reported" + a lowercase word is no speech verb with its object ("police reported Smith")
    text = ("The child was reported missing late Monday afternoon after he went squirrel "
            "hunting about 11 a.m.")
    assert not _mention(text, date(2014, 2, 17), "late Monday afternoon").is_report_date
    assert _mention("Police said Monday the boy was found.", date(2014, 2, 17),
                    "Monday").is_report_date


@pytest.mark.parametrize("url,expected", [
    ("http://web.archive.org/web/20160720180349/http://www.starnewsonline.com/news/20160719/"
     "girl-7-grazed-by-bullet-man-shot-in-leg", date(2016, 7, 19)),
    ("http://web.archive.org/web/20170310190417/http://krqe.com/2017/02/10/police-activity",
     date(2017, 2, 10)),
    ("http://www.columbian.com/news/2015/mar/31/father-of-marysville-school-shooter",
     date(2015, 3, 31)),
    ("http://www.dallasnews.com/news/crime/headlines/20130808-dallas-area-man-arrested.ece",
     date(2013, 8, 8)),
    ("http://web.archive.org/web/20170316052103/http://katv.com/archive/man-charged", None),
    ("http://example.com/story/2016/13/45/x", None),
    (None, None),
])
def test_url_date(url, expected):
    from newsledger.extract.dates import url_date

    assert url_date(url) == expected


def test_a_date_in_the_url_wins_over_a_wrong_publication_date():
    # an archived page whose metadata date is six months late: "late Monday" is the Monday
    # before the date in the story's URL
    text = ("WILMINGTON -- A 7-year-old girl was grazed by a bullet, and a man was shot in the "
            "leg in a shooting near Seventh and Queen streets late Monday, according to police.")
    url = ("http://web.archive.org/web/20160720180349/http://www.starnewsonline.com/news/"
           "20160719/girl-7-grazed-by-bullet-man-shot-in-leg")
    assert event_date(text, date(2017, 1, 29)).start == "2017-01-23"
    assert event_date(text, date(2017, 1, 29), url=url).start == "2016-07-18"
    # a story ID that reads as a date, or a URL date after the page's date, is no anchor
    old = "http://myinforms.com/en/a/19170726-5-injured-in-overnight-shootings-in-johnstown/"
    assert event_date(text, date(2017, 1, 29), url=old).start == "2017-01-23"
    later = "http://www.starnewsonline.com/news/20170219/girl-7-grazed"
    assert event_date(text, date(2017, 1, 29), url=later).start == "2017-01-23"


def test_an_archive_copy_older_than_the_page_date_is_the_anchor():
    # the page's date (2015-07-18) is after the archive.org copy (2013-09-26): the story was
    # up by the crawl, and "Tuesday night" is the Tuesday before it
    text = ("Six people were shot in a Huntington, West Virginia, housing complex on Tuesday "
            "night, local media reported.")
    url = ("http://web.archive.org/web/20130926201346/http://www.theepochtimes.com:80/n3/"
           "298606-huntington-shooting-6-people-shot-in-west-virginia/")
    assert event_date(text, date(2015, 7, 18), url=url).start == "2013-09-24"
    # a copy taken after the page's date changes nothing
    later = "http://web.archive.org/web/20150801000000/http://example.com/story"
    assert event_date(text, date(2015, 7, 18), url=later).start == "2015-07-14"


@pytest.mark.parametrize("text,published,start", [
    # "in retaliation for a gang-related shooting on Saturday": another, earlier shooting
    ("An NYPD officer killed a suspect who pointed a gun at him in a Brooklyn backyard Thursday "
     "— following a chase and wild shootout that began at a nearby housing project, authorities "
     "said. Officials said the officers were in the area because they believed there would be "
     "retaliation for a gang-related shooting on Saturday.", date(2017, 2, 16), "2017-02-16"),
    # "Unlike sniper attacks ... on July 7 in Dallas": a comparison with other attacks
    ("A man suspected of opening fire on two San Diego police officers, killing one and "
     "severely wounding the other, has been arrested and charged with murder, police said on "
     "Friday. A second man was arrested near a house that a police SWAT team had surrounded in "
     "the aftermath of Thursday night's gun battle, but whether he was connected with the "
     "shooting was still under investigation, police said. Unlike sniper attacks on "
     "police that killed five officers on July 7 in Dallas, there was no immediate overt "
     "indication that the police in San Diego were targeted for attack.", date(2016, 7, 30),
     "2016-07-28"),
    # "stationed since the fatal officer-involved shooting of ... on Sunday, Nov. 15"
    ("Authorities have identified four men arrested in connection to the shooting Monday night "
     "near Minneapolis Police Department's 4th Precinct that injured five people. The area is "
     "one block north of the 4th Precinct station, where protesters have been stationed since "
     "the fatal officer-involved shooting of 24-year-old Jamar Clark on Sunday, Nov. 15.",
     date(2015, 11, 25), "2015-11-23"),
])
def test_another_incident_named_for_comparison_loses(text, published, start):
    assert event_date(text, published).start == start


def test_default_after_a_morning_title_is_the_publication_day():
    # a paywall page: no usable date; the title puts the shooting in the morning
    text = ("Already a subscriber?\n\nClick on the button below to set up your account or log in "
            "if you already have one.")
    ed = event_date(text, date(2014, 9, 14),
                    title="6 wounded, 1 critically, in morning shooting outside downtown bar")
    assert (ed.start, ed.precision) == ("2014-09-14", "unknown")
    ed = event_date(text, date(2014, 9, 14), title="6 wounded outside downtown bar")
    assert (ed.start, ed.precision) == ("2014-09-13", "unknown")


def test_police_incident_record_date_is_no_report_date():
    text = ("Murder Warrant Issued For The City's Most Recent Homicide\n\n"
            "Date: Tuesday, February 14, 2017, 10:55 PM\n\nLocation: 2630 Waldron\n\n"
            "Offense: Murder")
    m = _mention(text, date(2017, 2, 16), "February 14, 2017")
    assert not m.is_report_date
    # a page's own "Date:" line stays a report date
    m = _mention("Date: Tuesday, February 14, 2017\n\nA man was shot.", date(2017, 2, 16),
                 "February 14, 2017")
    assert m.is_report_date


def test_birth_dates_and_history_are_no_event_dates():
    assert not find_dates("Alexander was born on September 8, 1999 at Tripler Army Medical "
                          "Center.", date(2014, 11, 14))
    assert not find_dates("PARIS RICHARDSON\n\nDOB: 09/15/1991\n\n5'9\" 155-160 lbs",
                          date(2017, 2, 16))
    # a date decades before publication is history, not the event reported
    text = ("\"Young L.A. Girl Slain; Body Slashed in Two\" -L.A.'s Daily News On January 15, "
            "1947, the remains of Elizabeth Short were found in a vacant lot. The kidnapping and "
            "murder of aviator Charles Lindbergh's infant son continues to fascinate theorists "
            "today.")
    assert event_date(text, date(2013, 1, 21)).start == "2013-01-21"


@pytest.mark.parametrize("text", [
    "Sign up for email alerts today.",
    "Sign up for our BEST VALUE today!",
    "Be sure and watch TODAY'S TMJ4 on Roku",
    "Related Link: Today's Top Stories",
    "According to a joint study by the Associated Press and USA Today, 141 minors died.",
])
def test_today_in_page_chrome_is_no_date(text):
    assert not find_dates(text, date(2017, 3, 14))


def test_today_in_the_story_stays():
    m = _mention("Our prayers go out to those affected by today's shooting.", date(2017, 3, 14),
                 "today")
    assert m.date.start == "2017-03-14"
