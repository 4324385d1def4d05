"""Event places on real GVA article snippets: the rules that weigh a name against the rest
of the text and the outlet (foreign namesakes, outlet-only big cities, first names, towns
heading names, stray towns, common-word city names)."""

from __future__ import annotations

import pytest

from newsledger.extract import gazetteer as gz
from newsledger.extract.places import (
    _resolve,
    _title_town_elsewhere,
    event_location,
    find_dateline,
    find_places,
    folder_places,
    host_places,
    paper_states,
    phone_states,
)


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory):
    # Same file as test_places.py's fixture: whichever runs first builds it.
    return gz.Gazetteer(tmp_path_factory.getbasetemp() / f"gazetteer-{gz.BUILD_VERSION}.sqlite")


def _where(loc):
    return loc and (loc.name, loc.admin1)


def test_a_foreign_namesake_does_not_outvote_the_named_country(gazetteer):
    # "Bordeaux" is a Nashville neighbourhood here, not the French city: nothing points to
    # France, the dateline points to Tennessee.
    text = ("NASHVILLE, Tenn. (WKRN) – Police want answers after a 16-year-old boy was found "
            "shot to death Tuesday morning in Bordeaux.\n\nRicky Hambrick was discovered on the "
            "roadside near the intersection of Mattie Street and East Lane off Buena Vista Pike "
            "around 10 a.m.")
    loc = event_location(text, title="16-year-old found shot to death in Bordeaux; Answers "
                         "wanted", gazetteer=gazetteer)
    assert _where(loc) == ("Nashville", "Tennessee")
    # A story that names France keeps Bordeaux.
    loc = event_location("BORDEAUX, France — Two men were shot dead in Bordeaux on Sunday, "
                         "French police said.", gazetteer=gazetteer)
    assert loc is not None and loc.country_code == "FR"


def test_a_demonym_alone_names_no_country_for_the_rule(gazetteer):
    # "Iranians" says who the victims are, not where: Bushwick is not outvoted.
    text = ("The homicide took place at 318 Maujer St., a Bushwick building where at least some "
            "of the band members lived.\n\nThe band is made up of Iranians who have been in the "
            "country for several years.")
    loc = event_location(text, title="Gunman kills 3 bandmates, self after being kicked out of "
                         "rock group", gazetteer=gazetteer)
    assert loc is not None and loc.country_code == "US"


def test_an_outlet_big_city_absorbs_only_its_core(gazetteer):
    # A Chicago paper's story in Melrose Park (19 km from the Loop): the host names Chicago,
    # the text does not, so the suburb stays itself.
    text = ("Police were searching Monday for a possible suspect in the shooting death of a "
            "teenage boy Sunday afternoon in Melrose Park, authorities said.\n\nJulian Hernandez "
            "was pronounced dead at 5:16 p.m. Sunday at Loyola University medical center in "
            "Maywood after the shooting in the 1900 block of North 17th Avenue, according to the "
            "Cook County medical examiner's office.")
    url = ("http://www.chicagotribune.com/news/local/breaking/"
           "ct-teen-killed-melrose-park-20170220-story.html")
    loc = event_location(text, title="Teen shot to death in Melrose Park", url=url,
                         gazetteer=gazetteer)
    assert _where(loc) == ("Melrose Park", "Illinois")
    # A neighbourhood named after the outlet's city is still that city ("South Chicago").
    text = ("A 16-year-old boy was shot and critically wounded Tuesday in the South Chicago "
            "neighborhood on the Far South Side, police said.")
    loc = event_location(text, title="16-year-old boy shot, critically wounded in South Chicago",
                         url="http://www.chicagotribune.com/news/local/breaking/ct-south-"
                         "chicago-shooting-story.html", gazetteer=gazetteer)
    assert _where(loc) == ("Chicago", "Illinois")


def test_a_first_name_with_a_place_cue_is_a_town(gazetteer):
    text = ("Just before 10:00 Monday night, officers with the Douglas Police Department "
            "responded to 900 block of South Coffee Avenue, on a call about a shooting.\n\n"
            "Anyone with any information is asked to contact the Douglas Police Dept.")
    loc = event_location(text, title="Douglas teen shot to death; girl in custody - WALB.com, "
                         "South Georgia News, Weather, Sports", gazetteer=gazetteer)
    assert _where(loc) == ("Douglas", "Georgia")
    # "Gary police", "of Gary" after an age: the town, although "Gary" is a first name.
    text = ("Corey Brazelton, 18, of Indianapolis, was pronounced dead at Methodist Hosptials "
            "Northlake in Gary around 8:10 p.m. Tuesday after his aunt called the Gary Police "
            "for help, police said.\n\nGary Police spokesman Lt. Thomas Pawlak said that when "
            "officers arrived at the home in the 2500 block of Tyler Street, the woman said "
            "Brazelton and her son were playing with a gun when it went off.")
    loc = event_location(text, title="Indianapolis man dies in Gary shooting", gazetteer=gazetteer)
    assert _where(loc) == ("Gary", "Indiana")
    # Without a cue a first name stays a person's.
    assert [m.surface for m in find_places("Gary said he heard three shots.", gazetteer)] == []


def test_a_town_heading_names_beats_the_outlet_region(gazetteer):
    # The only Memphis of the text heads names; the outlet tail is a Georgia station's.
    text = ("The five teens had been at a gym around the corner for a midnight basketball "
            "tournament put on by Memphis Athletic Ministries and Mayor A C Wharton's Memphis "
            "Gun Down initiative. (Photo Source: WMC Action News 5)\n\n(WMC)- Five teens were "
            "shot on Saturday evening, after a Memphis Gun Down event meant to keep teens and "
            "guns off the streets.")
    loc = event_location(text, title="Five teens shot after midnight basketball tournament - "
                         "WALB.com, South Georgia News, Weather, Sports", gazetteer=gazetteer)
    assert _where(loc) == ("Memphis", "Tennessee")
    # They are no mentions of their own; a person's name is not one at all.
    orgs: list = []
    assert find_places("Memphis Athletic Ministries ran the event.", gazetteer, orgs) == []
    assert [m.surface for m in orgs] == ["Memphis"]
    orgs = []
    find_places("Harrison Marshman of Sandusky Court appeared in court.", gazetteer, orgs)
    assert orgs == []


def test_a_lone_namesake_in_an_unsupported_state_is_stray(gazetteer):
    # "Mid-City" (the gazetteer's only one is in California, 83,000) in a New Orleans story.
    text = ("Photo via NOPD.\n\nNEW ORLEANS -- Police want to talk to a man about shooting in "
            "Mid-City that left three people dead and two others injured.\n\nThe incident "
            "happened Oct. 4 around 9:30 p.m. in the 3700 block of Ulloa Street.")
    loc = event_location(text, title="Person of interest named in Mid-City shooting that left "
                         "3 dead", gazetteer=gazetteer)
    assert _where(loc) == ("New Orleans", "Louisiana")


def test_a_us_city_of_common_words_is_a_place(gazetteer):
    text = ("Police said a man shot and killed by officers in Federal Way first shot and killed "
            "his girlfriend and then fatally shot three men at an apartment complex.\n\nAbout "
            "9:35 p.m. on Sunday, Federal Way police officers responding to a report of "
            "suspicious circumstances arrived.")
    loc = event_location(text, title="Police say man shot by Federal Way officers responsible "
                         "for...", gazetteer=gazetteer)
    assert _where(loc) == ("Federal Way", "Washington")
    # Common words that are no such city stay refused.
    assert [m.surface for m in find_places("He lived in the West Side near the East End "
                                           "bars.", gazetteer)] == []


def test_where_a_victim_was_taken_is_not_the_scene(gazetteer):
    text = ("A 42-year-old man was shot in the 400 block of East 47th Street early Wednesday, "
            "according to Chicago Police. He suffered multiple gunshot wounds and was taken to "
            "Mount Sinai, where he died at 5:13 a.m. Wednesday.\n\nAnother man was shot in the "
            "arm and was taken to Mount Sinai in good condition.")
    loc = event_location(text, title="4 killed, 11 wounded in city shootings Tuesday",
                         gazetteer=gazetteer)
    assert _where(loc) == ("Chicago", "Illinois")


def test_a_name_after_block_of_is_a_street(gazetteer):
    text = ("Police said the suspect was driving a vehicle in the 2700 block of Westhaven.\n\nA "
            "traffic stop was initiated and he was booked into the Potter County Detention "
            "Center.")
    assert [m.surface for m in find_places(text, gazetteer)] == ["Potter County"]
    assert [m.surface for m in find_places("He was shot in the 3400 block of West Polk.",
                                           gazetteer)] == []


def test_west_virginia_abbreviated_is_not_virginia(gazetteer):
    loc = event_location("A white man was arrested in the fatal shooting of a black teen.",
                         title="W.Va. White Man Arrested in Fatal Shooting of Black Teen",
                         gazetteer=gazetteer)
    assert loc is not None and loc.admin1 == "West Virginia"
    found = [(m.surface, m.candidates[0].name) for m in find_places("He was shot in W. Va. on "
                                                                     "Sunday.", gazetteer)]
    assert found == [("W. Va.", "West Virginia")]


def test_a_list_of_other_videos_is_chrome(gazetteer):
    text = ("2:55 Widow of Austins Bar & Grill shooting victim speaks\n\n1:35 Mayor of Olathe "
            "and addresses the shooting at Austins Bar & Grill\n\n3:45 March and prayer vigil "
            "for Olathe shooting victims\n\n2:59 Olathe shooting victim is being called a hero\n\n"
            "1:15 Garmin mourns after employees are shot in Olathe attack")
    loc = event_location(text, title="Teenage girl shot and killed in KCK’s third fatal "
                         "drive-by shooting this week", gazetteer=gazetteer)
    assert _where(loc) == ("Kansas City", "Kansas")
    # Times of day are no list ("at 4:38 P.M.", "5:11 AM").
    loc = event_location("Police were called at 4:38 p.m. to a home in Olathe, police said. "
                         "At 5:11 p.m. officers found a man shot. At 6:02 p.m. he died.",
                         gazetteer=gazetteer)
    assert _where(loc) == ("Olathe", "Kansas")


def test_in_a_city_stays_a_place_when_the_word_looks_a_name_elsewhere(gazetteer):
    text = ("Veteran Cincinnati firefighter Marc Monahan was among the first to arrive.\n\n"
            "Sixteen people were shot early Sunday at the Cameo nightclub in Cincinnati, police "
            "said. One man died.")
    loc = event_location(text, title="Latest on Cameo nightclub shooting", gazetteer=gazetteer)
    assert _where(loc) == ("Cincinnati", "Ohio")


def test_a_town_with_its_own_police_is_not_a_neighbourhood(gazetteer):
    # Garner (28,000 people, 6 km from Raleigh's centre) has its own police: a town of its
    # own, not a part of the big city the text also names.
    text = ("Garner police are investigating after a 15-year-old girl was shot at an apartment "
            "on Westcroft Drive.\n\nIt happened Sunday after midnight and authorities say "
            "witnesses report seeing three masked men enter the occupied apartment and then open "
            "fire.\n\nThe teenage girl, of Raleigh, was shot once and was taken to Wake Medical "
            "Center with serious injuries, but is reported to be in stable condition.")
    loc = event_location(text, title="Teen girl shot by masked men in Garner apartment - | "
                         "WBTV Charlotte", gazetteer=gazetteer)
    assert _where(loc) == ("Garner", "North Carolina")
    # Without its own police the same words are a part of Raleigh.
    loc = event_location(text.replace("Garner police are", "Police are"),
                         title="Teen girl shot by masked men in Garner apartment - | WBTV "
                         "Charlotte", gazetteer=gazetteer)
    assert _where(loc) == ("Raleigh", "North Carolina")
    # A neighbourhood policed by the big city stays the big city's.
    text = ("Officials said four people are dead after a shooting at a restaurant in Chicago's "
            "South Shore neighborhood.Police said a male approached the restaurant in the "
            "2700-block of East 75th Street and fired shots around 3:30 p.m. Chicago police "
            "said the crime scene is large and complex.")
    loc = event_location(text, title="Officials: 4 dead in South Shore shooting",
                         gazetteer=gazetteer)
    assert _where(loc) == ("Chicago", "Illinois")


def test_a_local_phone_number_points_to_its_state(gazetteer):
    assert phone_states("call the tip line at 912.525.3124 or (615) 742-7463, or 911") == {
        "Georgia": 1, "Tennessee": 1}
    # Toll-free numbers, prices and dates are no area codes.
    assert phone_states("call 1-800-222-1222; it cost $250-300-4000; on 2016.12.25") == {}
    # A Savannah story on a station's page whose headline tail names Beaufort, SC: the tip
    # line's area code (912) is Georgia's.
    text = ("The Savannah-Chatham Metropolitan Police Department is investigating after a "
            "4-year-old was shot in the hand at the Suburban Extended Stay Hotel on Abercorn "
            "Street, near the Truman Parkway a little before 10 a.m. Sunday morning.\n\nIf you "
            "see Taylor, please call 911 or the confidential tip line that is open directly to "
            "investigators at 912.525.3124.")
    loc = event_location(text, title="Police seek suspect in hotel shooting on Abercorn St. - "
                         "WTOC-TV: Savannah, Beaufort, SC, News, Weather & Sports",
                         gazetteer=gazetteer)
    assert _where(loc) == ("Savannah", "Georgia")


def test_a_stop_word_city_named_with_its_police_or_after_in(gazetteer):
    # "Mobile" is a stop-word (mobile phones, apps), but "Mobile Police" and "in Mobile" are
    # the city (183,000 people).
    text = ("A 5-year-old child received a gunshot wound in his right hand Monday evening at "
            "Palmer Pillans Middle School, according to Mobile Police.\n\nPolice responded to "
            "the school, at 2051 Gatotkoco Drive off Dauphin Island Parkway, at about 6:20 p.m.")
    loc = event_location(text, title="Child shot in hand at Pillans Middle School - WTOC-TV: "
                         "Savannah, Beaufort, SC, News, Weather & Sports", gazetteer=gazetteer)
    assert _where(loc) == ("Mobile", "Alabama")
    loc = event_location("UPDATE: The 15-year-old girl shot and killed in Mobile on Tuesday "
                         "night has been identified as Niaa Savagee.", gazetteer=gazetteer)
    assert _where(loc) == ("Mobile", "Alabama")
    assert find_places("Download our mobile app. Mobile users can watch live.", gazetteer) == []
    # "Mobile, AL." at the end of a sentence pins the state like "Mobile, AL".
    loc = event_location("Shots were fired into the home, hitting the 15-year-old victim in "
                         "the leg.\n\nAll content © 2017, WALA; Mobile, AL. (A Meredith "
                         "Corporation Station). All Rights Reserved.", gazetteer=gazetteer)
    assert _where(loc) == ("Mobile", "Alabama")


def test_a_town_before_pd_is_a_place(gazetteer):
    loc = event_location("Police said a 20-year-old man was shot in the head.",
                         title="Winona PD: 20-Year-Old Critical After Being Shot In Head",
                         gazetteer=gazetteer)
    assert _where(loc) == ("Winona", "Minnesota")
    text = ("The victim has been identified as Ricky Hambrick, 16. (Source: Metro Nashville PD)"
            "\n\nThe body was found outside a Bordeaux home on Tuesday morning. (WSMV)")
    loc = event_location(text, title="Police: Teen found shot to death in Bordeaux",
                         gazetteer=gazetteer)
    assert _where(loc) == ("Nashville", "Tennessee")


def test_a_headline_town_far_from_the_dateline_is_the_story_s(gazetteer):
    # Filed in Nashville, about Springfield, Tennessee (40 km away): the dateline says where
    # the station is.
    text = ("NASHVILLE, Tenn. (WKRN) – A 16-year-old was shot Wednesday afternoon in an "
            "attempted robbery.\n\nChief David Thompson with Springfield police told News 2 it "
            "happened at 3:25 p.m. on Dimaggio Drive.\n\nThe teen was taken to NorthCrest Medical "
            "Center before being flown to Vanderbilt University Medical Center in Nashville. He "
            "was last listed as stable.\n\nSpringfield police said two young men were arrested.")
    title = "2 arrested after Springfield teen shot in head during attempted robbery"
    assert _where(event_location(text, title=title, gazetteer=gazetteer)) == (
        "Springfield", "Tennessee")
    # A school named after a town is no town ("near Seminole High" under SANFORD, Fla.): the
    # dateline keeps its full weight.
    text = ("SANFORD, Fla. - A student was shot near Seminole High School Wednesday afternoon, "
            "according to the Sanford Police Department.")
    title = "Arrest made in shooting near Seminole High, police say"
    dl = find_dateline(text)
    dm = next(m for m in find_places(text, gazetteer) if m.surface == "SANFORD")
    title_m = find_places(title, gazetteer)
    assert [m.surface for m in title_m] == ["Seminole"]
    assert not _title_town_elsewhere(dm, dl, title_m, title, text)
    assert _title_town_elsewhere(dm, dl, title_m, "Arrest made in Seminole shooting",
                                 text.replace("Seminole High School", "Seminole"))


def test_a_state_name_in_the_web_host_is_the_state(gazetteer):
    # "delawareonline.com": Delaware the state, not Delaware, Ohio; so Wilmington, Delaware.
    text = ("Both victims were 23-year-old men, according to Wilmington police. They were shot "
            "on the 2200 block of N. Market street shortly before 11 a.m.")
    loc = event_location(text, title="Possible double shooting in Wilmington investigated",
                         url="http://www.delawareonline.com/story/news/crime/2017/04/05/"
                         "possible-double-shooting-wilmington-investigated/100105094/",
                         gazetteer=gazetteer)
    assert _where(loc) == ("Wilmington", "Delaware")
    # A state's name that is also a big city's stays ambiguous ("washingtonpost.com").
    loc = event_location("Police said a man was shot in Vienna on Sunday.",
                         url="https://www.washingtonpost.com/local/a-story/",
                         gazetteer=gazetteer)
    assert loc is not None and loc.admin1 != "Washington"


def test_a_neighbourhood_is_the_big_city_s_however_far_its_namesake(gazetteer):
    # Washington Park, Illinois (a village 400 km away) is not the Chicago neighbourhood.
    text = ("A 65-year-old gas station employee was caught in the crossfire early Friday morning "
            "when someone sprayed bullets into a Go Lo vestibule on Chicago's South Side. Three "
            "other men were also shot. Two of them died.Witnesses said a gray, four-door "
            "Chevrolet pulled up to the gas station near East 51st Street and South Indiana "
            "Avenue in the city's Washington Park neighborhood around 2 a.m.")
    loc = event_location(text, title="4 shot, 2 fatally, in Washington Park gas station "
                         "shooting", url="http://abc7chicago.com/news/4-shot-2-fatally-in-"
                         "washington-park-gas-station-shooting/1794122/", gazetteer=gazetteer)
    assert _where(loc) == ("Chicago", "Illinois")
    # The headline alone may say it is a neighbourhood; the outlet names the city.
    loc = event_location("As the threat for severe weather arrives in the area, there are "
                         "certain things you need to know before you go to bed Tuesday night.",
                         title="One dead after double shooting in the Russell neighborhood - "
                         "WDRB 41 Louisville News", gazetteer=gazetteer)
    assert _where(loc) == ("Louisville", "Kentucky")


def test_a_stray_namesake_gives_way_to_the_named_state(gazetteer):
    # Ira, Vermont is not in the gazetteer; Ira, New York (2,000 people, a state nothing else
    # points to) is not the answer: Ira, Vermont is, the town the dateline pins to its state
    # (placed at the state's biggest city, precision 3).
    text = ("IRA, Vt. (AP) — Vermont State Police say a man cleaning his handgun at a campsite "
            "accidentally shot his 9-year-old daughter in the stomach, sending her to the "
            "intensive care unit.    The shooting happened Sunday morning at a campsite in a "
            "wooded area off U.S. Route 4 in Ira.")
    loc = event_location(text, title="Police: Dad cleaning handgun shoots daughter, 9, in "
                         "stomach", gazetteer=gazetteer)
    assert loc is not None and loc.admin1 == "Vermont" and loc.precision == 3
    assert loc.name == "Ira" and loc.geonames_id is None
    assert (round(loc.lat), round(loc.lon)) == (44, -73)  # Burlington's coordinates


def test_a_state_and_nothing_nearer_is_coded_at_its_biggest_city(gazetteer):
    # The Wichita Eagle ("kansas.com"): the state from the host, no town in the text.
    loc = event_location("A 29-year-old man has been arrested in connection with a weekend "
                         "shooting incident that killed two people and wounded two others, "
                         "records show.", title="Gang member arrested in weekend shooting "
                         "deaths, police say", url="http://www.kansas.com:80/news/local/crime/"
                         "article6238995.html", gazetteer=gazetteer)
    assert loc is not None and (loc.name, loc.admin1, loc.precision) == ("Wichita", "Kansas", 3)


def test_a_place_folder_of_the_web_address_is_the_outlet_s(gazetteer):
    url = ("https://www.dnainfo.com/chicago/20160817/roseland/officer-grazed-face-by-bullet-"
           "after-roseland-carjacking-police-say")
    assert [m.surface for m in folder_places(url, gazetteer)] == ["chicago"]
    # The slug's words are no folder ("milwaukee-police-called-to-...").
    assert folder_places("http://example.com/news/milwaukee-police-called/", gazetteer) == []
    # "ROSELAND —" is a Chicago neighbourhood here, not Roseland, California.
    text = ("Chicago Police Supt. Eddie Johnson talks to reporters in this file photo. View "
            "Full Caption Getty Images/File Photo\n\n"
            "ROSELAND — An officer was grazed in his face by a bullet while trying to pull over a "
            "car suspected to have been involved in a carjacking in Roseland Tuesday night, "
            "police said.")
    loc = event_location(text, title="Officer Grazed In Face By Bullet After Carjacking, Police "
                         "Say", url=url, gazetteer=gazetteer)
    assert _where(loc) == ("Chicago", "Illinois")


def test_an_unrelated_alternate_name_does_not_beat_a_town_of_that_name(gazetteer):
    # GeoNames lists "Franklin" among Columbus, Ohio's alternate names and "Greenwood" among
    # Kansas City's: the towns that bear the names as their own win.
    text = ("A man and a woman were injured in a shooting at a Franklin hotel Saturday "
            "afternoon.\n\nAccording to Franklin Police, officers were called to the Hyatt "
            "Place hotel at 650 Bakers Bridge Ave. just before 4 p.m. Saturday.")
    loc = event_location(text, title="Man and woman shot inside Franklin hotel room - WSMV "
                         "Channel 4", gazetteer=gazetteer)
    assert loc is not None and loc.name == "Franklin" and loc.admin1 != "Ohio"
    text = ("A man accidentally shot himself in the hand while cleaning his gun at a Greenwood "
            "home early Thursday.\n\nPolice were called to an apartment in the 900 block of "
            "Kings Mill Road in Polo Run Apartments just before 1 a.m. where a man had "
            "accidentally shot himself in the hand, according to the Greenwood police report.")
    loc = event_location(text, title="Man accidentally shoots self", gazetteer=gazetteer,
                         url="http://www.dailyjournal.net/2017/01/27/man_accidentally_shoots_self/")
    assert loc is not None and loc.name == "Greenwood" and loc.admin1 != "Missouri"


def test_another_spelling_is_no_unrelated_alternate_name(gazetteer):
    # "Marlborough" is Marlboro, New York's other spelling (and Marlborough, Massachusetts'
    # own name): in a New York story it is the New York town, as before the stronger
    # alternate-name penalty (which is for unrelated names only).
    m = find_places("The woman was shot at a residence in Marlborough.", gazetteer)[0]
    p = _resolve(m, {"US": 3.0}, {"New York": 6.0}, 6.0)
    assert (p.name, p.admin1) == ("Marlboro", "New York")


def test_a_small_town_s_own_paper_in_the_host(gazetteer):
    # "<town><newspaper word>" fills the label: the town's paper, though under 20,000 people.
    url = "http://www.blythevillecourier.com/story/2248074.html"
    assert [(m.surface, {p.admin1 for p in m.candidates}) for m in host_places(url, gazetteer)] \
        == [("blytheville", {"Arkansas"})]
    # An empty page (an archived paywall): the host is all there is.
    loc = event_location("", title="en", url="http://web.archive.org/web/20151217024608/http://"
                         "www.natchezdemocrat.com:80/2015/12/14/teen-charged-with-murder",
                         gazetteer=gazetteer)
    assert _where(loc) == ("Natchez", "Mississippi")
    # Not a newspaper word itself (Star, Idaho), not a county's outlet (Brevard County).
    assert host_places("http://www.startribune.com/x/1/", gazetteer) == []
    assert host_places("http://www.brevardsheriff.com/x/1/", gazetteer) == []


def test_the_outlet_s_city_in_the_headline_tail_gives_its_state(gazetteer):
    # "Prescott" (a street here) is Prescott, Arizona to the gazetteer; the outlet's city
    # (Corpus Christi, Texas) in the headline's tail points to Texas.
    text = ("A man told police someone shot him in the right hand, Wednesday morning.\n\n"
            "The incident began when police received a call about an injured man at a parking "
            "lot on Kostoryz.\n\nPolice say, when they arrived, a man told police someone shot "
            "him near the intersection of Prescott and Gollihar.")
    loc = event_location(text, title="Police investigate accidental shooting - KZTV10.com | "
                         "Continuous News Coverage | Corpus Christi", gazetteer=gazetteer)
    assert loc is not None and loc.admin1 == "Texas"


def test_a_stray_town_gives_way_to_a_named_city_of_the_supported_state(gazetteer):
    # Pittsburgh's Mt. Washington is not in the gazetteer (Mount Washington, Kentucky is);
    # the text names Pittsburgh and the host is Pittsburgh's.
    text = ("MT. WASHINGTON (KDKA) — Yasha Ross had her whole life ahead of her.\n\n"
            "That all ended Sunday afternoon when she got her hands on a gun inside a house in "
            "Mt. Washington.\n\n“It appears that she got possession of a weapon that was in "
            "the house and shot herself in the upper chest,” Allegheny County District Attorney "
            "Stephen Zappala said.\n\nThe toddler and her mother, who live in Moon Township, "
            "had been visiting Parrish. Police in Pittsburgh are looking for him.")
    loc = event_location(text, title="DA: 3-Year-Old Accidentally Shot Herself In Chest In Mt. "
                         "Washington", url="http://pittsburgh.cbslocal.com/2017/03/16/da-3-year-"
                         "old-accidentally-shot-herself-in-chest-in-mt-washington/",
                         gazetteer=gazetteer)
    assert _where(loc) == ("Pittsburgh", "Pennsylvania")


def test_a_newspaper_named_in_the_text_gives_its_state(gazetteer):
    assert paper_states("Attorney Richard McCague tells the Pittsburgh Tribune-Review that's "
                        "why he waived the hearing.", gazetteer) == {"Pennsylvania"}
    assert paper_states("the boy told the Detroit Free Press.", gazetteer) == {"Michigan"}
    # A name whose big cities lie in several states says nothing ("Columbus Dispatch").
    assert paper_states("© 2016 The Columbus Dispatch", gazetteer) == set()
    text = ("The attorney for a 14-year-old boy charged with killing his 13-year-old friend "
            "while they played with a gun wants the case moved to juvenile court.\n\n"
            "Attorney Richard McCague tells the Pittsburgh Tribune-Review that's why he waived "
            "his client's preliminary hearing.\n\n“My reaction is brokenhearted,” Mount "
            "Pleasant resident Kathleen Ceroni said.")
    loc = event_location(text, title="Boy, 14, charged with killing 13-year-old in Mount "
                         "Pleasant", gazetteer=gazetteer)
    assert _where(loc) == ("Mount Pleasant", "Pennsylvania")


def test_a_town_pinned_to_its_state_is_a_place_though_the_gazetteer_lacks_it(gazetteer):
    # Toone, Tennessee is not in cities500: the pinned name is the answer, placed at the
    # best other place of its state the text names (Hardeman County).
    text = ("Tennessee Bureau of Investigation special agents are responding to a homicide "
            "report in Toone, Tennessee, which is in Hardeman County.")
    loc = event_location(text, title="2 men, 1 woman arrested for murder of teen, father in "
                         "Toone, TN - WMC Action News 5 - Memphis, Tennessee", gazetteer=gazetteer)
    assert loc is not None and (loc.name, loc.admin1) == ("Toone", "Tennessee")
    assert loc.geonames_id is None and loc.lat is not None
    # The gazetteer knows other Tyrones (Georgia, Pennsylvania), none in Missouri.
    loc = event_location("Authorities say Joseph Jesse Aldridge, 36, traveled to four homes in "
                         "the dark of night Thursday, shooting people multiple times.",
                         title="In tiny Tyrone, Mo., ‘half of the town got killed last night’",
                         gazetteer=gazetteer)
    assert loc is not None and (loc.name, loc.admin1) == ("Tyrone", "Missouri")
    # The gazetteer's Manchesters are in England, Jamaica and 20 other US states.
    got = [(m.surface, m.state, m.candidates[0].geonames_id) for m in find_places(
        "Police responded to an apartment complex on East Street in Manchester, IL and found "
        "the shooting victims.", gazetteer)]
    assert got == [("Manchester", "Illinois", None)]
    # Datelines in capitals are written back in Title case.
    loc = event_location("PINETOWN, N.C. (AP) — A 6-year-old girl was killed when her cousin "
                         "showed her a shotgun.", gazetteer=gazetteer)
    assert loc is not None and (loc.name, loc.admin1) == ("Pinetown", "North Carolina")


def test_no_unknown_town_from_a_common_word_or_a_call_sign(gazetteer):
    def unknown(text):
        return [m.surface for m in find_places(text, gazetteer)
                if m.candidates and m.candidates[0].geonames_id is None]
    assert unknown("A controversy is brewing over guns in restaurants. Now, Louisiana "
                   "Attorney General Buddy Caldwell has weighed in.") == []
    assert unknown("Copyright 2016 KAIT Jonesboro, AR - All rights reserved.") == []
    assert unknown("The shooting happened in Southeast, Washington, police said.") == []
    # Georgia the country: its towns are not unknown towns of Georgia the state.
    assert unknown("Protesters gathered in Tbilisi, Georgia on Sunday.") == []


def test_a_town_s_own_police_mark_the_event_s_town(gazetteer):
    # Little Rock (the hospital's city, a big city) no longer outvotes the town whose own
    # police investigate.
    text = ("Police arrested a man after they say he shot a 7-year-old child.\n\n"
            "Beebe police arrested Jeremiah Owens, 26, on suspicion of first-degree battery.\n\n"
            "A helicopter took the child to Arkansas Children’s Hospital in Little Rock where he "
            "remains in critical condition, according to a news release from the Beebe Police "
            "Department.")
    loc = event_location(text, title="Man arrested, accused of shooting 7-year-old child - WMC "
                         "Action News 5 - Memphis, Tennessee", gazetteer=gazetteer)
    assert _where(loc) == ("Beebe", "Arkansas")
    # "Saratoga" (a street) is Saratoga, California to the gazetteer.
    text = ("Omaha police were called around midnight Saturday to an area near 48th and Saratoga "
            "streets for a report of shots fired.")
    loc = event_location(text, title="Teen shot, calls for help behind home", gazetteer=gazetteer)
    assert _where(loc) == ("Omaha", "Nebraska")


def test_a_county_s_sheriff_marks_the_event_s_county(gazetteer):
    # Magnolia is the boy's home, the paper's town and one police force of the search; the
    # Union County sheriff investigates: the county, coded at its seat El Dorado.
    text = ("The body of Hank Bradley Bollen, age 9, of Magnolia, was sent to the Arkansas Crime "
            "Lab in Little Rock for an autopsy after the young hunter was found dead about 8 a.m. "
            "Tuesday near Shuler Road in Union County.\n\nChief Deputy Bill Hickman of the Union "
            "County Sheriff’s Office said that the apparent cause of death was a hunting "
            "accident. No further specifics were released.\n\nThe Union and Columbia County "
            "sheriff’s offices, Arkansas National Guard, 13th Judicial District Drug Task Force, "
            "Arkansas Game & Fish Commission personnel, Magnolia Police Department, volunteer "
            "firefighters, family members and others took part in the search.")
    loc = event_location(text, title="Magnolia youth, Hank Bollen, dies in Union County hunting "
                         "accident", url="http://www.magnoliareporter.com:80/news_and_business/"
                         "local_news/article_03f97af4.html", gazetteer=gazetteer)
    assert _where(loc) == ("El Dorado", "Arkansas")


def test_a_weekday_after_a_town_is_no_surname(gazetteer):
    # "Sulphur Sunday" is one capitalised run; the weekday does not make "Sulphur" a name.
    got = [m.surface for m in find_places(
        "A 4-year-old boy was killed in a murder-suicide in Sulphur Sunday night, authorities "
        "said.", gazetteer)]
    assert got == ["Sulphur"]
    text = ("SAN ANTONIO – A seven-year-old girl was shot after an alleged dispute in Kerrville "
            "Saturday evening.\n\nThe Kerrville Police Department responded to a shooting that "
            "occurred in the 800 block of Hays Street.")
    loc = event_location(text, title="7-year-old flown to trauma center after being shot in the "
                         "head", gazetteer=gazetteer)
    assert _where(loc) == ("Kerrville", "Texas")


def test_every_outlet_segment_of_the_headline_is_the_outlet(gazetteer):
    # "San Diego, CA News Station" sits between two other outlet segments: it is where the
    # station is, not a place the headline names.
    text = ("LEMON GROVE (CNS) - A suspect in an East County home invasion that ended in a "
            "shootout that left his accomplice dead and a resident wounded remained at large "
            "early Wednesday.\n\nThe suspect sought by authorities was one of two gun-wielding "
            "men who entered a house in the 2400 block of Edding Drive in Lemon Grove shortly "
            "before 2 a.m. Tuesday.")
    loc = event_location(text, title="Father saves son, kills intruder in Lemon Grove - CBS News "
                         "8 - San Diego, CA News Station - KFMB Channel 8", gazetteer=gazetteer)
    assert _where(loc) == ("Lemon Grove", "California")


def test_a_county_story_is_filed_at_a_town_the_outlet_names_in_it(gazetteer):
    text = ("HORRY COUNTY, SC (WMBF) – A young child was reportedly killed in an accidental "
            "shooting that took place Thursday in the Arrowhead community, according to Horry "
            "County Coroner Robert Edge.\n\nOnline records for the Horry County Police "
            "Department state a death investigation was registered at a location on Afton Court.")
    loc = event_location(text, title="Coroner: Young child killed following accidental shooting "
                         "in Hor - WMBFNews.com, Myrtle Beach/Florence SC, Weather",
                         gazetteer=gazetteer)
    assert _where(loc) == ("Myrtle Beach", "South Carolina")


def test_a_county_story_is_filed_at_an_unknown_town_pinned_to_its_state(gazetteer):
    # Pinetown, North Carolina is not in cities500; the sheriff makes Beaufort County win, and
    # the pinned town the text names is the county's town of the story (coded at the county).
    text = ("On January 3, 2017 at about 6:00 PM the Beaufort County Sheriff’s Office received a "
            "call reporting a shooting at a residence on Main Street in Pinetown, North "
            "Carolina. First responders including Pinetown Fire/ EMS, Beaufort County Emergency "
            "Services and Beaufort County Deputies were immediately dispatched to the scene.\n\n"
            "Beaufort County Sheriff’s Investigators were called to the scene to investigate the "
            "incident.")
    loc = event_location(text, title="Beaufort County Sheriff's Office", url="http://web.archive."
                         "org/web/20170316050812/http://www.beaufortcountysheriff.org/2017/01/04/"
                         "accidental-shooting-pinetown/", gazetteer=gazetteer)
    assert _where(loc) == ("Pinetown", "North Carolina")
    assert loc.precision == 2 and loc.geonames_id is None



def test_a_county_story_is_filed_at_a_town_near_its_point(gazetteer):
    # GeoNames files Suwanee under Gwinnett County; the Forsyth County sheriff investigates a
    # home "near Suwanee": a town named strongly near the county's point is its town.
    text = ("“No, nothing’s going on,” Rebecca Manning told Forsyth County deputies Tuesday "
            "night.\n\nOn a street lined with neighborhoods, churches and schools near Suwanee, "
            "one small home in a culvert became a gruesome shooting scene, leaving investigators "
            "with more questions than answers.\n\nForsyth County sheriff’s Deputy Robin Regan "
            "confirmed four people died Wednesday, July 22, 2015, in a murder-suicide in the 5500 "
            "block of Old Atlanta Road.\n\nEarly Wednesday, Fields called his mother in Dawson "
            "County to say he’d shot four people and planned to kill himself.\n\nThe shooting "
            "occurred at a small white house on Old Atlanta Road near Suwanee.")
    loc = event_location(text, title="Atlanta News: 4 dead, 1 wounded in Forsyth Co. "
                         "murder-suicide", gazetteer=gazetteer)
    assert _where(loc) == ("Suwanee", "Georgia")
