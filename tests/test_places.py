"""Place mentions and the event's location, on real sentences (seed + GVA dev snippets)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsledger.extract import gazetteer as gz
from newsledger.extract.places import event_location, find_dateline, find_places
from newsledger.models import Location


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory):
    # Same file as test_gazetteer.py's fixture: whichever runs first builds it.
    return gz.Gazetteer(tmp_path_factory.getbasetemp() / f"gazetteer-{gz.BUILD_VERSION}.sqlite")

ROOT = Path(__file__).resolve().parent.parent
SEED_CANDIDATES = [
    ROOT.parent / "shared" / "seed" / "000_eedac8ea6769e308.txt",
    Path("/work/shared/seed/000_eedac8ea6769e308.txt"),
]


def _seed() -> tuple[str, str]:
    for p in SEED_CANDIDATES:
        if p.exists():
            text = p.read_text(encoding="utf-8")
            title, _, body = text.partition("\n")
            return title, body
    pytest.skip("seed article not found")


def _names(text, gaz):
    return [(m.surface, m.candidates[0].name, m.candidates[0].admin1) for m in find_places(text, gaz)]


# --- seed acceptance ---------------------------------------------------------------------


def test_seed_is_deir_ez_zor(gazetteer):
    title, body = _seed()
    loc = event_location(body, title=title, gazetteer=gazetteer)
    assert isinstance(loc, Location)
    assert loc.name == "Deir ez-Zor" and loc.country == "Syria" and loc.country_code == "SY"
    assert abs(loc.lat - 35.33) < 0.05 and abs(loc.lon - 40.14) < 0.05
    assert "Deir Ezzor" in loc.mentions and "Deir ez-Zor" in loc.mentions
    # Named as a province: the provincial capital at precision 3 (ACLED practice).
    assert loc.precision == 3 and loc.admin1 == "Dayr az Zawr"


def test_relatives_in_moscow_do_not_move_a_syrian_clash(gazetteer):
    text = (
        "Five Russian citizens were killed in a coalition bombing in the eastern Deir Ezzor "
        "province, the Foreign Ministry said. Relatives in Moscow demand answers. Moscow has "
        "provided no details. Russia's Defense Ministry said the fighters were in Syria."
    )
    loc = event_location(text, focus=[(0, 95)], gazetteer=gazetteer)
    assert loc.country_code == "SY" and loc.geonames_id == 170794


# --- spelling variants -------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling", ["Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour", "Dayr az-Zawr"]
)
def test_spelling_variants_in_text(gazetteer, spelling):
    text = f"Fighters clashed near {spelling} on Wednesday, killing 12 people."
    loc = event_location(text, gazetteer=gazetteer)
    assert loc is not None and loc.country_code == "SY"
    assert abs(loc.lat - 35.33) < 0.2 and abs(loc.lon - 40.14) < 0.2
    assert spelling in loc.mentions


# --- false friends -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mobile users can watch the video on the app.",
        "Police say the victim was taken to a hospital.",
        "Come back next Week for more on this story.",
        "Van Smith and Can Ozturk spoke on March 3.",
        "May the best team win, Will said.",
        "Reading the report, the officer said Bath salts were found.",
        "Deal or no deal, Hope remained.",
        "Victoria told reporters she had no hope.",
        "Officers found him on Letchworth Drive. Marie Letchworth rents the home.",
        "Sgt. Vince Lewis with the department said Jackson was arrested.",
        "I’ve never seen anything like it, said a neighbor.",
        "He was taken to Mount Sinai Hospital after the East End shooting.",
    ],
)
def test_false_friends_are_not_places(gazetteer, text):
    assert _names(text, gazetteer) == []


def test_false_friend_words_still_work_with_a_state(gazetteer):
    assert _names("The shooting happened in Mobile, Ala., on Friday.", gazetteer) == [
        ("Mobile", "Mobile", "Alabama")
    ]
    # ... or with the city's police (a stop-word that is a city of 50,000+ people).
    assert _names("Mobile police said the man was shot on Sunday.", gazetteer) == [
        ("Mobile", "Mobile", "Alabama")
    ]
    got = _names("She grew up in Victoria, Texas, and moved away.", gazetteer)
    assert got[0][1:] == ("Victoria", "Texas")


def test_first_name_after_in_is_a_place(gazetteer):
    loc = event_location("Police: Youth wounded in accidental shooting in Gary", gazetteer=gazetteer)
    assert loc.name == "Gary" and loc.admin1 == "Indiana"


# --- datelines and "City, ST" ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, admin1, cc",
    [
        ("ALTURAS, Calif. (AP) — A gunman killed four people on Friday.", "Alturas", "California", "US"),
        ("HEATH , OH ( WCMH ) — A man was shot Tuesday.", "Heath", "Ohio", "US"),
        ("KABUL, Afghanistan (Jan. 25, 2013) — A suicide bomber killed 10.", "Kabul", None, "AF"),
        ("FORT MYERS, Fla.- A 20-year-old Okeechobee man was killed.", "Fort Myers", "Florida", "US"),
        ("LOUISVILLE, KY (WAVE) - Louisville Metro Police have released new details.",
         "Louisville", "Kentucky", "US"),
        ("Officer Mike Flamion was critically injured during a shooting on Friday.\n\n"
         "BALLWIN, Mo. (KMOV.com) – A police officer is in critical condition.",
         "Ballwin", "Missouri", "US"),
        ("PITTSBURGH (KDKA) – Police are investigating after shots were fired at a store.",
         "Pittsburgh", "Pennsylvania", "US"),
    ],
)
def test_datelines(gazetteer, text, name, admin1, cc):
    loc = event_location(text, gazetteer=gazetteer)
    assert loc.name == name and loc.country_code == cc
    if admin1:
        assert loc.admin1 == admin1
    assert loc.precision == 1


def test_dateline_parts():
    dl = find_dateline("ALTURAS, Calif. (AP) — A gunman killed four.")
    assert dl.city == "ALTURAS" and dl.state == "California"
    dl = find_dateline("KABUL, Afghanistan (Jan. 25, 2013) — A bomber struck.")
    assert dl.city == "KABUL" and dl.state is None and dl.region == "Afghanistan"
    assert find_dateline("UPDATE: Police say the man was shot.") is None


@pytest.mark.parametrize(
    "text, name, admin1",
    [
        ("Two men were shot in Memphis, Tenn., on Monday.", "Memphis", "Tennessee"),
        ("He lives in Springfield, Illinois, police said.", "Springfield", "Illinois"),
        ("A man was killed in Springfield, MO on Saturday.", "Springfield", "Missouri"),
        ("In tiny Ballwin, Mo., half of the street was awake.", "Ballwin", "Missouri"),
        ("Hopkinsville, KY (42240) - the store was robbed.", "Hopkinsville", "Kentucky"),
    ],
)
def test_city_state(gazetteer, text, name, admin1):
    ms = find_places(text, gazetteer)
    assert ms[0].kind == "city_state" and ms[0].state == admin1
    assert ms[0].candidates[0].name == name
    # The state's abbreviation is not a second mention.
    assert len(ms) == 1 or ms[1].surface not in ("Tenn", "Tenn.", "MO", "Mo.", "KY")


# --- real dev-set sentences ----------------------------------------------------------------


@pytest.mark.parametrize(
    "title, text, name, admin1",
    [
        ("1 killed, 2 injured in Moreno Valley shooting",
         "One woman was killed in an early-morning shooting Sunday, Feb. 19 in Moreno Valley, "
         "authorities disclosed Monday.", "Moreno Valley", "California"),
        ("UPDATE: Young Child Wounded in Dubuque Shooting",
         "Police in Dubuque say they are still conducting interviews in the case of a little "
         "boy critically wounded in a shooting Sunday.", "Dubuque", "Iowa"),
        ("2 teens shot in Phoenix, 1 killed - CBS 5 - KPHO",
         "A 17-year-old male was shot and killed on Monday night, according to Sgt. Vince Lewis "
         "with the Phoenix Police Department.", "Phoenix", "Arizona"),
        ("Teen driver shot to death in Allentown; his passenger is wounded",
         "A 17-year-old Allentown man was killed Tuesday night when someone fired shots into "
         "his car on North Ninth Street in the city, authorities said.", "Allentown",
         "Pennsylvania"),
    ],
)
def test_dev_snippets(gazetteer, title, text, name, admin1):
    loc = event_location(text, title=title, gazetteer=gazetteer)
    assert loc.name == name and loc.admin1 == admin1 and loc.country_code == "US"


def test_county_named_with_state(gazetteer):
    loc = event_location(
        "FRANKLIN COUNTY, Va. – The Franklin County Sheriff's Office arrested a man after a "
        "girl was accidentally shot.", gazetteer=gazetteer)
    assert loc.admin1 == "Virginia" and loc.precision == 2


# --- demonyms, kinds, speed ----------------------------------------------------------------


def test_demonyms(gazetteer):
    ms = find_places("Syrian troops and Russian contractors clashed near the Iraqi border.", gazetteer)
    assert [(m.surface, m.kind, m.candidates[0].country_code) for m in ms] == [
        ("Syrian", "demonym", "SY"), ("Russian", "demonym", "RU"), ("Iraqi", "demonym", "IQ")
    ]


def test_province_suffix_and_province_of(gazetteer):
    ms = find_places("Clashes in the province of Deir ez-Zor and in Idlib province.", gazetteer)
    kinds = {m.surface: m.kind for m in ms}
    assert kinds == {"Deir ez-Zor": "admin", "Idlib": "admin"}


def test_offsets_point_at_the_surface(gazetteer):
    text = "Gunmen attacked a checkpoint in Kandahar, Afghanistan, on Monday."
    for m in find_places(text, gazetteer):
        assert text[m.start : m.end] == m.surface


def test_no_place_returns_none(gazetteer):
    assert event_location("the man was shot twice and died later.", gazetteer=gazetteer) is None


def test_speed(gazetteer):
    title, body = _seed()
    event_location(body, title=title, gazetteer=gazetteer)  # warm the caches
    t = time.perf_counter()
    for _ in range(20):
        event_location(body, title=title, gazetteer=gazetteer)
    assert (time.perf_counter() - t) / 20 < 0.02  # well under the 20 ms/article budget


# --- outlet host, headline case, city-states, neighbouring names -----------------------

from newsledger.extract.places import _recase_title, host_places  # noqa: E402


def test_host_places_finds_place_names_inside_hosts():
    def names(url):
        return [sorted({p.name for p in m.candidates}) for m in host_places(url)]

    assert names("http://web.archive.org/web/2016/http://www.kansascity.com:80/news/x") == [["Kansas City"]]
    assert names("https://abc7chicago.com/news/x") == [["Chicago"]]
    assert names("http://pittsburgh.cbslocal.com/2016/11/07/x") == [["Pittsburgh"]]
    # a name inside another word, or next to a word that is not a newspaper word: nothing
    assert host_places("http://www.timesunion.com/a") == []
    assert host_places("http://breaking911.com/a") == []
    assert host_places("http://www.columbian.com/a") == []
    assert host_places(None) == []


def test_url_host_places_an_article_that_names_no_place():
    text = "A 3-month-old boy was riding in a car driven by his mother when he was shot in the hand."
    loc = event_location(text, title="Infant is injured in shooting near 51st and Walrond",
                         url="http://www.kansascity.com/news/local/crime/article73520257.html")
    assert loc is not None and loc.name == "Kansas City"


def test_title_case_headline_keeps_place_capitals_only():
    gaz = gz.Gazetteer.default()
    assert _recase_title("Five Shot During Party At Kankakee Banquet Hall", "", gaz) == \
        "Five shot during party at Kankakee banquet hall"
    assert _recase_title("Man charged in death of 3 year old son", "", gaz) == \
        "Man charged in death of 3 year old son"


def test_title_case_headline_place_wins():
    loc = event_location("Best destinations for spring travel.",
                         title="Five Shot During Party At Kankakee Banquet Hall")
    assert loc is not None and loc.name == "Kankakee" and loc.admin1 == "Illinois"


def test_district_of_columbia_is_washington():
    loc = event_location("Thirteen people were shot on a street corner in D.C. overnight, police said.")
    assert loc is not None and loc.name == "Washington" and loc.admin1 == "District of Columbia"


def test_county_named_elsewhere_picks_the_town_inside_it():
    text = ("SELMA – An apparent domestic dispute led to the fatal police shooting of a man. "
            "Dallas County District Attorney Michael Jackson said Friday that the man was shot.")
    loc = event_location(text)
    assert loc is not None and loc.name == "Selma" and loc.admin1 == "Alabama"


# --- suburbs, state pins, D.C., outlets, counties, web addresses, stray small towns -----

from newsledger.extract.places import _outlet_names, path_places  # noqa: E402


def test_town_well_beyond_the_big_city_stays_itself():
    # Lolo lies 14 km from Missoula, ~6 core radii of a 73,000-people city: a town of its own.
    text = ("MISSOULA- Deputies and detectives with the Missoula County Sheriff's Office have been "
            "on scene since Monday night, trying to understand the sequence of events that lead "
            "to the death of two people shot near Lolo.")
    loc = event_location(text, title="Two shot and killed in Lolo, suspect not yet charged - "
                         "ABC FOX Montana Local News, Weather, Sports KTMF | KWYB")
    assert loc is not None and loc.name == "Lolo" and loc.admin1 == "Montana"


def test_neighbourhood_inside_the_big_city_is_the_city():
    text = ("Two people were killed and three wounded in a shooting Sunday in Brighton Park, "
            "Chicago police said.")
    loc = event_location(text, title="Police: 3 dead in Brighton Park quintuple shooting",
                         url="http://abc7chicago.com/news/x")
    assert loc is not None and loc.name == "Chicago"


def test_state_name_after_a_town_without_comma_pins_the_state(gazetteer):
    text = "Three officers with the Bristol Tennessee Police Department arrived and confronted him."
    ms = find_places(text, gazetteer)
    assert [(m.surface, m.kind, m.state) for m in ms] == [("Bristol", "city_state", "Tennessee")]
    body = ("BRISTOL (WATE/AP) – A man accused of shooting at passing cars told investigators he "
            "was angry, The Tennessee Bureau of Investigation said Friday.\n\n" + text)
    loc = event_location(body, title="TBI: Highway gunman in Bristol motivated by police shootings")
    assert loc is not None and loc.name == "Bristol" and loc.admin1 == "Tennessee"


def test_alternate_name_alone_brings_no_foreign_country():
    text = ("A 10-year-old is recovering after being shot inside his York home Saturday morning, "
            "according to the York Police Department.\n\nAnyone with information on the case is "
            "asked to call York City Police Department at 717-846-1234.")
    loc = event_location(text, title="10-year-old shot during family dispute at York home")
    assert loc is not None and loc.name == "York" and loc.country_code == "US"


def test_washington_with_dc_quadrant_is_the_city():
    text = ("A 17-year-old boy was shot and killed Sunday night in Northeast Washington, police "
            "said.")
    loc = event_location(text, title="Teenage boy fatally shot in Northeast Washington",
                         url="https://www.washingtonpost.com/local/public-safety/x")
    assert loc is not None and loc.admin1 == "District of Columbia"


def test_outlet_name_is_cut_at_station_words(gazetteer):
    assert _outlet_names("| WBTV Charlotte") == "Charlotte"
    assert _outlet_names("WDAM-TV 7-News, Weather, Sports-Hattiesburg, MS") == "Hattiesburg, MS"
    ms = find_places(_outlet_names("KSLA News 12 Shreveport, Louisiana News Weather & Sports"),
                     gazetteer)
    assert [(m.surface, m.state) for m in ms] == [("Shreveport", "Louisiana")]


def test_county_with_a_namesake_town_is_coded_at_the_town():
    text = "Denton County deputies said a 21-year-old man shot himself in the leg on Sunday."
    loc = event_location(text)
    assert loc is not None and loc.name == "Denton" and loc.admin1 == "Texas"
    assert loc.precision == 2  # still a county-level location


def test_bare_county_name_is_read_in_that_county():
    text = ("MOON LAKE — A victim who escaped from a mobile home where three people were killed "
            "early Monday also was injured, the Pasco County Sheriff's Office said.\n\n"
            "Pasco deputies said the victims could have been targeted.")
    loc = event_location(text)
    assert loc is not None and loc.admin1 == "Florida"


def test_web_address_path_is_the_last_resort():
    def names(url):
        return [m.surface for m in path_places(url)]

    assert names("http://web.archive.org/web/2016/http://www.northwestgeorgianews.com/rome/news/"
                 "local/copeland-street-homicide-victim-identified") == ["rome"]
    assert names("http://www.wisn.com/article/milwaukee-police-called-to-report-of-shooting/92") \
        == ["milwaukee"]
    loc = event_location("Close Get email notifications on Alan Riquelmy daily!",
                         url="http://www.northwestgeorgianews.com/rome/news/local/x")
    assert loc is not None and loc.name == "Rome" and loc.admin1 == "Georgia"
    # Only when the text names no place at all.
    loc = event_location("A man was shot in Peoria, Illinois, on Monday.",
                         url="http://www.wisn.com/article/milwaukee-police-x")
    assert loc is not None and loc.name == "Peoria"


def test_small_town_in_a_state_nothing_else_supports_gives_way():
    text = ("Two teenage boys were shot Friday evening in the Roseland neighborhood on the Far "
            "South Side. The boys were walking in the 10300 block of South Corliss when someone "
            "opened fire, according to Chicago Police.")
    loc = event_location(text, title="2 teenage boys shot in Roseland",
                         url="http://abc7chicago.com/news/2-teenage-boys-shot-in-roseland/1749095/")
    assert loc is not None and loc.admin1 == "Illinois"


def test_word_joined_to_a_venue_is_a_business_name():
    text = ("A third person has died from the shooting in the parking lot outside of J. "
            "McCroskey's Irish Pub and Grill from Friday morning. Police say they were called "
            "to a shooting at J. McCroskey's Irish Pub & Grill.")
    assert "Grill" not in [m.surface for m in find_places(text)]
    text += (" According to the Hickory Police Department, 21-year-old Quajuae Alexus Kennedy "
             "succumbed to her injuries.\n\nPREVIOUS: Pair charged in Hickory shooting that left "
             "two dead, multiple injured\n\nGreydon Keith and Dontray Cumberland, both 23 of "
             "Hickory, have been charged in the case.")
    loc = event_location(text, title="Third victim dies from injuries sustained in shooting "
                         "outside Hi - | WBTV Charlotte")
    assert loc is not None and loc.name == "Hickory" and loc.admin1 == "North Carolina"


def test_hand_written_abbreviation_is_read_in_capitals():
    loc = event_location("A 15-year-old girl was killed in a drive-by shooting Wednesday night.",
                         title="KCK police release identity of 15-year-old drive-by shooting victim")
    assert loc is not None and loc.name == "Kansas City" and loc.admin1 == "Kansas"
    # Other short capitals ("PD", "CIS") stay refused.
    assert [m.surface for m in find_places("The PD said the CIS team arrived.")] == []


def test_a_dominant_city_lends_its_state():
    text = ("Danville Police have identified the victim of a homicide as a 15-year-old boy.\n\n"
            "Sean Clayborne of Danville died Thursday night. Police responded to the 100 block "
            "of Piney Forest Road for a report of shots being fired.\n\nHis body will be sent to "
            "the Medical Examiner's Office in Roanoke for an autopsy.")
    loc = event_location(text, title="UPDATE: Danville police identify 15-year-old boy as "
                         "homicide victim")
    assert loc is not None and loc.name == "Danville" and loc.admin1 == "Virginia"


def test_a_name_called_a_neighbourhood_is_one_everywhere():
    text = ("15-year-old boy shot to death in Gresham identified\n\nA 15-year-old boy who was "
            "shot to death Friday night in the South Side Gresham neighborhood has been "
            "identified. The Cook County medical examiner's office identified him. Chicago "
            "police said the boy was standing outside when he was shot.")
    loc = event_location(text, title="15-year-old boy shot to death in Gresham identified",
                         url="http://chicago.suntimes.com/news/15-year-old-boy-shot-to-death-in-"
                         "gresham-identified/")
    assert loc is not None and loc.name == "Chicago" and loc.admin1 == "Illinois"


def test_county_is_coded_at_its_main_town():
    # A county of one main town is filed at that town; a county of many is not.
    text = ("A Putnam County man accidentally shot himself Tuesday, the Putnam County "
            "Sheriff's Office said. Deputies said the man was cleaning his gun at his home.")
    loc = event_location(text, title="Man accidentally shoots himself in Putnam County, Fla.")
    assert loc is not None and loc.name == "Palatka" and loc.precision == 2
    loc = event_location("Deputies: Man shoots himself while fleeing robbery in Orange "
                         "County, Fla.", title="Deputies: man shoots himself in Orange County, Fla.")
    assert loc is not None and loc.name == "Orange County" and loc.admin1 == "Florida"



def test_co_abbreviates_county(gazetteer):
    got = [(m.surface, m.candidates[0].name, m.candidates[0].feature)
           for m in find_places("Teens shot at Prince George's Co. Metro station", gazetteer)]
    assert got == [("Prince George's Co", "Prince George's County", "admin2")]
    assert [m.candidates[0].name for m in find_places(
        "Three surrender in connection to Colleton Co. gang-related shooting", gazetteer)] \
        == ["Colleton County"]
    # The headline's county outweighs the AP dateline's WASHINGTON; the town is in it.
    text = ("WASHINGTON (WUSA9) - Two teens are injured after being shot in the bus bay area at "
            "the Naylor Road Metro station in Prince George's County early Saturday morning.\n\n"
            "Around 2 a.m., police say a 15-year-old boy and a 16-year-old girl were shot while "
            "waiting for a bus in Temple Hills.")
    loc = event_location(text, title="Teens shot at Prince George's Co. Metro station",
                         gazetteer=gazetteer)
    assert loc is not None and (loc.name, loc.admin1) == ("Temple Hills", "Maryland")
