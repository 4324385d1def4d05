"""Tests for the ingest stage: inputs -> Document / Skipped."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from newsledger.ingest import (
    clean_text,
    detokenize,
    document_id,
    is_english,
    read_inputs,
)
from newsledger.ingest import readers
from newsledger.models import Document, Skipped

FIX = Path(__file__).parent / "fixtures" / "ingest"
SEED = FIX / "seed_russia_syria.txt"
GVA = FIX / "gva_sample.jsonl"
SEMEVAL = FIX / "semeval_sample.jsonl"
HTML = FIX / "article.html"

FRENCH = (
    "Au moins douze personnes ont été tuées et plusieurs dizaines blessées mercredi lors "
    "d'une attaque contre un marché dans le nord-est du Nigeria, selon des sources "
    "sécuritaires. L'attaque n'a pas été revendiquée, mais elle porte la marque du groupe "
    "jihadiste Boko Haram, qui multiplie les attentats dans la région depuis plusieurs mois."
)
RUSSIAN = (
    "В результате обстрела в среду погибли по меньшей мере пять человек, еще двенадцать "
    "получили ранения, сообщили местные власти. Обстрел продолжался несколько часов."
)


def run(paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def only_doc(items) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def only_skip(items) -> Skipped:
    assert len(items) == 1 and isinstance(items[0], Skipped), items
    s = items[0]
    assert s.reason and "\n" not in s.reason
    return s


# --- file kinds ---------------------------------------------------------------------------


def test_seed_text_file():
    doc = only_doc(run([SEED]))
    assert doc.title == "Russia Admits to 'Dozens' of Casualties in Syria Clashes"
    assert "Adjust Comment Print" not in doc.text
    assert doc.text.startswith("While the Kremlin has repeatedly denied")
    assert "more than 200 Russian mercenaries" in doc.text
    assert doc.source == str(SEED)
    assert doc.language == "en"
    assert len(doc.id) == 16


def test_text_without_title_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(
        "Police said two men were shot on Main Street late Friday.\n"
        "Both were taken to a hospital in stable condition.\n"
    )
    doc = only_doc(run([p]))
    assert doc.title is None
    assert doc.text.startswith("Police said two men")


def test_html_file():
    doc = only_doc(run([HTML]))
    assert doc.title == "Man charged in daughter's accidental shooting"
    assert doc.outlet == "Upper Michigan Courier"
    assert doc.published == date(2014, 11, 6)
    assert doc.url == (
        "https://www.example-courier.com/news/2014/11/06/man-charged-daughters-accidental-shooting"
    )
    # dateline kept, chrome gone
    assert doc.text.startswith("SAULT STE. MARIE, Mich. (AP) — A 43-year-old man")
    for chrome in ("cookie", "Subscribe", "Facebook", "All rights reserved", "newsletter",
                   "Advertisement", "Deer season", "Privacy Policy"):
        assert chrome not in doc.text


def test_jsonl_benchmark_shape():
    items = run([GVA])
    assert [type(i) for i in items] == [Document] * 3
    first = items[0]
    assert first.source == f"{GVA}:1"
    assert first.published == date(2014, 1, 31)
    assert first.title == "Two men charged after baby girl accidentally shot, killed - WNCT"
    assert first.url.startswith("http://web.archive.org/")
    # the title line with its "Posted: ... Updated: ..." stamp is not part of the body
    assert first.text.startswith("The Greene County Sheriff's Office is charging")
    assert "Posted:" not in first.text and "EST" not in first.text
    second = items[1]
    assert "SAULT STE. MARIE, Mich." in second.text
    assert "All rights reserved" not in second.text
    assert "Read or Share" not in second.text
    assert "(Photo:" not in second.text


def test_jsonl_plain_keys_and_iso_datetime(tmp_path):
    p = tmp_path / "news.jsonl"
    rows = [
        {"text": "Police said two men were shot on Main Street late Friday night.",
         "title": "Two shot", "url": "https://x.test/1", "published": "2016-05-04T10:00:00Z",
         "outlet": "Test Times", "id": "abc"},
        {"html": HTML.read_text(), "published": "2014-11-07"},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    a, b = run([p])
    assert (a.title, a.url, a.outlet, a.published) == (
        "Two shot", "https://x.test/1", "Test Times", date(2016, 5, 4))
    assert b.outlet == "Upper Michigan Courier"  # from the page
    assert b.published == date(2014, 11, 7)  # the record's value wins over the page's
    assert b.text.startswith("SAULT STE. MARIE")


def test_jsonl_lines_tokenized():
    doc = only_doc(run([SEMEVAL]))
    assert doc.title == "OSHP trooper injured in accidental shooting"
    assert doc.text.startswith("HEATH, OH (WCMH) — An Ohio State Highway Patrol trooper")
    assert "non-life-threatening" in doc.text
    assert "Heath Police department, according to the Highway Patrol." in doc.text
    # promo sentences at the end are chrome
    assert "NBC4 News App" not in doc.text and "email alerts" not in doc.text


def test_detokenize():
    assert detokenize("Smith , 42 , said") == "Smith, 42, said"
    assert detokenize("He said `` I ca n't go '' .") == 'He said "I can\'t go".'
    assert detokenize("the 16-year - old boy ( pictured ) was shot .") == (
        "the 16-year-old boy (pictured) was shot.")
    assert detokenize("Police say it 's over") == "Police say it's over"


def test_jsonl_gz(tmp_path):
    p = tmp_path / "archive.jsonl.gz"
    with gzip.open(p, "wb") as fh:
        fh.write(GVA.read_bytes())
    assert [type(i) for i in run([p])] == [Document] * 3


def test_directory_recursive_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    shutil.copy(SEED, tmp_path / "b" / "seed.txt")
    shutil.copy(HTML, tmp_path / "a.html")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 whatever")
    (tmp_path / ".hidden.txt").write_text("ignored")
    items = run([tmp_path])
    assert [getattr(i, "source", None) or i.input for i in items] == [
        str(tmp_path / "a.html"), str(tmp_path / "b" / "seed.txt"), str(tmp_path / "notes.pdf")]
    assert isinstance(items[2], Skipped) and "unsupported file type (.pdf)" == items[2].reason


def test_directory_without_articles(tmp_path):
    (tmp_path / "x.csv").write_text("a,b\n")
    items = run([tmp_path])
    assert isinstance(items[-1], Skipped) and items[-1].input == str(tmp_path)
    assert "no articles" in items[-1].reason


def test_lazy():
    gen = read_inputs([str(GVA), "/nonexistent/file.txt"])
    first = next(gen)
    assert isinstance(first, Document)


# --- stdin ------------------------------------------------------------------------------


def test_stdin_text():
    doc = only_doc(run(["-"], stdin=io.StringIO(SEED.read_text())))
    assert doc.title.startswith("Russia Admits")
    assert doc.source == "stdin"


def test_stdin_html_binary():
    doc = only_doc(run(["-"], stdin=io.BytesIO(HTML.read_bytes())))
    assert doc.outlet == "Upper Michigan Courier"


def test_stdin_jsonl():
    items = run(["-"], stdin=io.BytesIO(b"\n" + GVA.read_bytes()))
    assert [type(i) for i in items] == [Document] * 3
    assert items[0].source == "stdin:2"


# --- metadata override and ids ----------------------------------------------------------


def test_metadata_override():
    d = date(2018, 2, 21)
    seed = only_doc(run([SEED], published=d, outlet="Seed Wire"))
    assert (seed.published, seed.outlet) == (d, "Seed Wire")
    gva = run([GVA], published=d, outlet="X")
    assert all(i.published == d and i.outlet == "X" for i in gva)
    html = only_doc(run([HTML], outlet="Override"))
    assert html.outlet == "Override" and html.published == date(2014, 11, 6)


def test_ids_idempotent_across_kinds(tmp_path):
    seed = only_doc(run([SEED]))
    again = only_doc(run([SEED]))
    assert seed.id == again.id
    raw = SEED.read_text()
    title, _, body = raw.partition("\n\n")
    p = tmp_path / "seed.jsonl"
    p.write_text(json.dumps({"title": title, "text": body}) + "\n")
    assert only_doc(run([p])).id == seed.id
    # the title inside the text, chrome and extra whitespace do not change the id either
    p2 = tmp_path / "seed2.jsonl"
    p2.write_text(json.dumps({"title": title, "text": raw.replace("\n\n", "\n\n\n") + "\n\nAdvertisement\n"}) + "\n")
    assert only_doc(run([p2])).id == seed.id
    assert document_id(seed.text) == seed.id
    assert document_id(seed.text.upper()) == seed.id


def test_clean_text_idempotent():
    text = clean_text(json.loads(GVA.read_text().splitlines()[2])["content"])
    assert clean_text(text) == text


# --- chrome removal on real gva snippets ------------------------------------------------


@pytest.mark.parametrize(
    "raw, keep, drop",
    [
        ("Two men charged after baby girl accidentally shot, killed Posted: Friday, January 31, "
         "2014 10:21 AM EST Updated: Friday, February 21, 2014 6:31 PM EST",
         "Two men charged after baby girl accidentally shot, killed", "Posted"),
        ("Adjust Comment Print\n\nWhile the Kremlin has repeatedly denied it.",
         "While the Kremlin", "Adjust"),
        ("Share this: Facebook\n\nEmail Facebook Twitter\n\nPolice said the man died.",
         "Police said the man died.", "Facebook"),
        ("A man was shot.\n\nCopyright 2017 WMC Action News 5. All rights reserved.",
         "A man was shot.", "Copyright"),
        ("A man was shot.\n\nCopyright 2016 The Associated Press. All rights reserved. This "
         "material may not be published, broadcast, rewritten or redistributed.",
         "A man was shot.", "rights"),
        ("Buy Photo The Leon County Sheriff's Office is investigating a shooting on I-10 "
         "(Photo: Karl Etters / Tallahassee Democrat)Buy Photo",
         "The Leon County Sheriff's Office is investigating a shooting on I-10", "Photo"),
        ("Elijah Walker, 3, was shot and killed by accident. (Photo: Courtesy of Tameka Cash)",
         "Elijah Walker, 3, was shot and killed by accident.", "Courtesy"),
        ("ALTURAS, Calif. (AP) — A man was killed. (Photo: Courtesy Richard Holloway, Modoc "
         "County Record)", "ALTURAS, Calif. (AP) — A man was killed.", "Holloway"),
        ("By John Smith, Associated Press\n\nALTURAS, Calif. (AP) — A man was killed.",
         "ALTURAS, Calif. (AP) — A man was killed.", "John Smith"),
        ("By: Breaking News Staff\n\nPolice found the victim.", "Police found the victim.",
         "Staff"),
        ("Police found the victim.\n\nRead or Share this story: http://on.freep.com/1yJsGSL",
         "Police found the victim.", "Share"),
        ("Police found the victim.\n\nRELATED: Man accused of killing girlfriend extradited",
         "Police found the victim.", "extradited"),
        ("Police found the victim.\n\nRelated Coverage Community leaders react to violence",
         "Police found the victim.", "Community leaders"),
        ("Police found the victim.\n\nRead More", "Police found the victim.", "Read"),
        ("Advertisement\n\nPolice found the victim.", "Police found the victim.",
         "Advertisement"),
        ("A GoFundMe page was set up for the family. Click here to donate.",
         "A GoFundMe page was set up for the family.", "Click"),
        ("Police found the victim.\n\nClick here to return to the page you were visiting.",
         "Police found the victim.", "Click"),
        ("We use cookies to ensure you get the best experience on our website.\n\nA man died.",
         "A man died.", "cookies"),
        ("A man died.\n\nSign up for one of our email newsletters.", "A man died.", "Sign up"),
        ("The victim was in stable condition, cops said. For the latest on this story, "
         "subscribe to the Bed-Stuy Patch for email newsletters and news alerts.",
         "The victim was in stable condition, cops said.", "Patch"),
        ("A man died.\n\nPlease enable Javascript to watch this video", "A man died.",
         "Javascript"),
        ("A man died.\n\n1:01 Jury still out on man’s 2nd murder trial for 2008 fatal shooting",
         "A man died.", "Jury"),
        ("A man died.\n\njkanderson@baltsun.com\n\ntwitter.com/janders5", "A man died.", "@"),
        ("Three people were shot in Fort Worth on Monday. (Published Monday, July 1, 2013)",
         "Three people were shot in Fort Worth on Monday.", "Published"),
        ("A man died.\n\n___\n\n---", "A man died.", "_"),
    ],
)
def test_chrome_removed(raw, keep, drop):
    out = clean_text(raw)
    assert keep in out
    assert drop not in out


@pytest.mark.parametrize(
    "sentence",
    [
        "ALTURAS, Calif. (AP) —",
        "HEATH, OH (WCMH) — An Ohio State Highway Patrol trooper shot himself.",
        "By the time I looked out the window, people were running.",
        "Anyone with information is asked to call Crime Stoppers at 713-222-TIPS.",
        "The investigation is ongoing.",
        "By Monday, police had arrested three men.",
        "He shared a photo on Facebook before the shooting, police said.",
        "Only moments before the shooting, Henwood bought cookies for a 13-year-old boy.",
        "Police said 16-year-old Printess Winston was shot by another teen.",
        "Related charges were filed against two other men.",
        "UPDATE: Police say the man has died.",
        "Click, click, click went the trigger, a witness said.",
        "More than 200 Russian mercenaries may have been killed.",
        "Copyright lawyers were not involved, the spokesman said.",
    ],
)
def test_real_sentences_kept(sentence):
    assert clean_text(sentence) == sentence


def test_whitespace_and_unicode():
    raw = "Cafe\u0301 owner\u00a0said \u201chello\u201d.\r\n\r\n\r\n\r\nSecond\u200b paragraph.  \n"
    assert clean_text(raw) == "Café owner said \u201chello\u201d.\n\nSecond paragraph."


# --- language -----------------------------------------------------------------------------


def test_is_english():
    assert is_english(SEED.read_text())[0]
    assert is_english("Two shot in Memphis")[0]  # short texts pass
    ok, why = is_english(FRENCH)
    assert not ok and "French" in why
    ok, why = is_english(RUSSIAN)
    assert not ok and "Cyrillic" in why


# --- bad inputs: each is a Skipped with a one-line reason; the batch goes on -----------


def _batch_with(bad: Path):
    items = run([bad, SEED])
    assert isinstance(items[-1], Document), "the batch must go on after a bad input"
    return only_skip(items[:-1])


def test_binary_file(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"hello\x00\x01\x02world" * 50)
    s = _batch_with(p)
    assert s.input == str(p) and s.reason == "binary file (contains NUL bytes)"


def test_binary_mostly_control_chars(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(bytes(range(1, 32)) * 40)
    assert "binary file" in _batch_with(p).reason


def test_empty_and_whitespace(tmp_path):
    e = tmp_path / "empty.txt"
    e.write_bytes(b"")
    w = tmp_path / "ws.txt"
    w.write_text("  \n\n\t \n")
    assert "empty" in _batch_with(e).reason
    assert "empty" in _batch_with(w).reason


def test_cp1252_bytes_are_read(tmp_path):
    p = tmp_path / "latin.txt"
    text = ("The café owner, José Núñez, said the shooting happened at 10 p.m. near the "
            "corner store \u2014 \u201cit was terrible\u201d, he said.")
    p.write_bytes(text.encode("cp1252"))
    doc = only_doc(run([p]))
    assert "José Núñez" in doc.text and "\u201cit was terrible\u201d" in doc.text


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("\ufeffPolice said a man was shot on Main Street.".encode("utf-16-le"))
    assert only_doc(run([p])).text == "Police said a man was shot on Main Street."


def test_invalid_utf8_garbage(tmp_path):
    import random

    rnd = random.Random(7)
    p = tmp_path / "garbage.txt"
    p.write_bytes(bytes(rnd.randrange(0x80, 0x100) for _ in range(3000)))
    assert "undecodable" in _batch_with(p).reason


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 3000)  # the seed is 2.3 KB
    p = tmp_path / "big.txt"
    p.write_text("Police said a man was shot. " * 200)
    assert _batch_with(p).reason.startswith("too large")
    j = tmp_path / "big.jsonl"
    j.write_text(json.dumps({"text": "word " * 1000}) + "\n"
                 + json.dumps({"text": "Police said a man was shot."}) + "\n")
    items = run([j])
    assert isinstance(items[0], Skipped) and items[0].input == f"{j}:1"
    assert items[0].reason.startswith("too large")
    assert isinstance(items[1], Document)


def test_malformed_html(tmp_path):
    p = tmp_path / "bad.html"
    p.write_text("<html><body><div><<<>>><script>var x = 1;</script></div></body")
    assert _batch_with(p).reason == "no article text found in HTML"


def test_non_english(tmp_path):
    fr = tmp_path / "fr.txt"
    fr.write_text(FRENCH)
    ru = tmp_path / "ru.txt"
    ru.write_text(RUSSIAN)
    assert _batch_with(fr).reason.startswith("not English (looks like French")
    assert _batch_with(ru).reason.startswith("not English (mostly Cyrillic")


def test_nonexistent_path(tmp_path):
    s = _batch_with(tmp_path / "nope.txt")
    assert s.reason == "no such file or directory"


def test_only_chrome(tmp_path):
    p = tmp_path / "chrome.txt"
    p.write_text("Adjust Comment Print\n\nCopyright 2017 KSLA. All rights reserved.\n")
    assert "no text left" in _batch_with(p).reason


def test_bad_jsonl_lines_continue(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text(
        '{"text": "Police said a man was shot on Main Street."}\n'
        "{not json\n"
        "[1, 2]\n"
        '{"title": "no text"}\n'
        '{"text": "Police said a man was shot.", "published": "yesterday"}\n'
        "\n"
        '{"text": "A woman was injured in a crash on Elm Road, police said."}\n'
    )
    items = run([p])
    kinds = [(type(i).__name__, getattr(i, "input", getattr(i, "source", None))) for i in items]
    assert kinds == [
        ("Document", f"{p}:1"), ("Skipped", f"{p}:2"), ("Skipped", f"{p}:3"),
        ("Skipped", f"{p}:4"), ("Skipped", f"{p}:5"), ("Document", f"{p}:7"),
    ]
    for s in items[1:5]:
        assert s.reason and "\n" not in s.reason
    assert items[1].reason.startswith("invalid JSON")


def test_every_reason_is_one_line(tmp_path, monkeypatch):
    """A mixed batch: everything comes back, in order, nothing raises."""
    monkeypatch.setattr(readers, "MAX_BYTES", 5000)
    (tmp_path / "bin.txt").write_bytes(b"\x00" * 100)
    (tmp_path / "big.txt").write_text("x " * 5000)
    paths = [tmp_path / "bin.txt", tmp_path / "missing.html", SEED, tmp_path / "big.txt",
             tmp_path / "unknown.xyz"]
    items = run(paths)
    assert len(items) == 5
    assert isinstance(items[2], Document)
    for i in items:
        if isinstance(i, Skipped):
            assert i.reason and "\n" not in i.reason and len(i.reason) < 200
