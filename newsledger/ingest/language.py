"""A cheap, conservative "is this English?" check.

Two signals, no model:

* script: if most letters are not Latin (Cyrillic, Arabic, CJK, ...) the text is not English;
* stopwords: English prose is roughly 35-50 % function words ("the", "of", "and", ...).
  A text is rejected only when it is long enough to judge (``MIN_WORDS``), its English
  stopword ratio is very low, and another language's stopwords clearly fit better (or
  nothing fits at all and the text is long).

Short texts, lists and headlines pass: the check exists to keep foreign-language articles out
of an English pipeline, not to police every input.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

MIN_WORDS = 25
#: Below this share of English stopwords a long text is suspicious (English news: 0.3-0.5).
EN_RATIO_MIN = 0.12

# Frequent function words; words shared with English ("a", "in", "on", "die", "son") are
# left out of the other lists so they cannot vote against English.
_STOPWORDS = {
    "English": set(
        """the of and to a in is was for on that with by as at from it he she his her they
        their were are be been has had have not but or an this which who said after
        will would its after about into than when there more one two police""".split()
    ),
    "French": set(
        """le la les des du de et est dans une pour qui que sur au aux par pas sont ont
        été avec il elle ils ces cette leur mais ou où plus selon lors été était""".split()
    ),
    "Spanish": set(
        """el la los las del de y que en un una por con para es fue se su sus al lo como
        más pero sobre este esta entre según han ha""".split()
    ),
    "German": set(
        """der die das und ist nicht mit den dem des ein eine einer sich auf für von zu
        im wurde sind wird auch bei nach aus oder wie über hat haben""".split()
    ),
    "Italian": set(
        """il la di che e è per un una del della dei delle con non sono nel nella gli le
        da al alla ha stato più anche come""".split()
    ),
    "Portuguese": set(
        """o a os as de do da dos das e que em um uma para com não por se na no foi são
        pelo pela mais como""".split()
    ),
    "Dutch": set(
        """de het een van en is dat op te zijn met voor niet aan er ook door bij werd
        naar uit worden""".split()
    ),
}
_SHARED = {"a", "in", "on", "die", "son", "is", "to", "as", "et", "se", "e", "o"}
for _lang, _words in _STOPWORDS.items():
    if _lang != "English":
        _words -= _STOPWORDS["English"] | _SHARED

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _script_share(text: str) -> tuple[float, str]:
    """Share of letters that are Latin, and the most common non-Latin script's name."""
    head = text[:20000]
    # ASCII letters are Latin letters: counted at once; only the other characters are named
    # one by one, in text order (the first script seen wins a tie, as before).
    latin = len(_ASCII_LETTER.findall(head))
    other = 0
    scripts: dict[str, int] = {}
    for ch in () if head.isascii() else _NON_ASCII.findall(head):
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("LATIN"):
            latin += 1
        else:
            other += 1
            script = name.split(" ")[0] if name else "unknown"
            scripts[script] = scripts.get(script, 0) + 1
    total = latin + other
    if not total:
        return 1.0, ""
    top = max(scripts, key=scripts.get) if scripts else ""
    return latin / total, top.title()


def is_english(text: str) -> tuple[bool, str]:
    """``(ok, detail)``: whether ``text`` passes as English, and a short explanation.

    The detail is the part of a skip reason in brackets, e.g. ``"looks like French; 2 %
    English stopwords"`` or ``"mostly Cyrillic script"``.
    """
    latin_share, script = _script_share(text)
    if latin_share < 0.5:
        return False, f"mostly {script or 'non-Latin'} script"
    words = [w.lower() for w in _WORD.findall(text[:50000])]
    if len(words) < MIN_WORDS:
        return True, f"too short to judge ({len(words)} words)"
    n = len(words)
    counts = Counter(words)  # each distinct word tested once per language
    ratios = {
        lang: sum(c for w, c in counts.items() if w in stop) / n
        for lang, stop in _STOPWORDS.items()
    }
    en = ratios.pop("English")
    best = max(ratios, key=ratios.get)
    if en >= EN_RATIO_MIN:
        return True, f"{en:.0%} English stopwords"
    if ratios[best] >= 2 * en and ratios[best] >= 0.08:
        return False, f"looks like {best}; {en:.0%} English stopwords"
    if en < 0.04 and n >= 100:
        return False, f"{en:.0%} English stopwords"
    return True, f"{en:.0%} English stopwords, but no other language fits better"
