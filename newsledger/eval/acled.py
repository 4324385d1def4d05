"""Mapping gold event labels of the benchmark sets to the six ACLED event types.

The ledger types every incident as one of the six ACLED event types (``models.EVENT_TYPES``).
Gold data comes with other vocabularies; :func:`to_acled` maps a gold label to one of the six
(or None when the label has no ACLED counterpart, in which case the field is not scored).
Lookup is case-insensitive and ignores punctuation/spacing, so ``"Conflict.Attack"`` and
``"conflict attack"`` are the same key.

Decisions (also stated in README "Evaluation"):

* **Gun Violence Archive / Stanford MSA shootings** (``"shooting"``, ``"mass shooting"``) ->
  **Violence against civilians**. ACLED codes an armed actor shooting unarmed people as
  Violence against civilians / Attack; GVA and MSA record almost only such incidents
  (criminal, domestic and mass shootings, including a shooter killing himself afterwards).
  Exchanges of fire between armed groups would be Battles in ACLED, but neither data set
  distinguishes them, so a few gold labels will be "wrong" for a system that says Battles.
  Police shootings of suspects are also recorded by GVA; ACLED would code many of them as
  Violence against civilians too, so we keep one rule.
* **SemEval-2018 Task 5** event types ``killing`` / ``injuring`` (GVA-derived) -> Violence
  against civilians; ``fire_burning`` and ``job_firing`` -> None (not political violence;
  not scored).
* **ACLED itself**: the six types map to themselves; ACLED sub-event types map to their
  parent type (``"Armed clash"`` -> Battles, ``"Suicide bomb"`` -> Explosions/Remote
  violence, ``"Peaceful protest"`` -> Protests, ``"Mob violence"`` -> Riots, ``"Arrests"`` ->
  Strategic developments, ...).
* **UCDP** type of violence: 1 state-based -> Battles, 2 non-state -> Battles, 3 one-sided ->
  Violence against civilians.
* **WikiEvents / KAIROS**: ``Conflict.Attack.DetonateExplode`` (and any ``...Detonate...``)
  -> Explosions/Remote violence; ``Conflict.Attack`` (generic) -> Violence against civilians
  (the WikiEvents attacks are mostly terrorist attacks on civilians);
  ``Conflict.Demonstrate`` -> Protests; ``Justice.ArrestJailDetain`` -> Strategic
  developments; ``Life.Die`` / ``Life.Injure`` alone -> Violence against civilians.
"""

from __future__ import annotations

import re

from newsledger.models import EVENT_TYPES

BATTLES, EXPLOSIONS, VAC, PROTESTS, RIOTS, STRATEGIC = EVENT_TYPES


def _key(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", label.lower()).strip()


#: Gold label (normalised with ``_key``) -> ACLED type (None = not scored).
MAPPING: dict[str, str | None] = {
    # ACLED types and common spellings
    **{_key(t): t for t in EVENT_TYPES},
    "explosions": EXPLOSIONS,
    "remote violence": EXPLOSIONS,
    "explosion": EXPLOSIONS,
    "battle": BATTLES,
    "protest": PROTESTS,
    "riot": RIOTS,
    # ACLED sub-event types
    "armed clash": BATTLES,
    "government regains territory": BATTLES,
    "non state actor overtakes territory": BATTLES,
    "non state armed group overtakes territory": BATTLES,
    "chemical weapon": EXPLOSIONS,
    "air drone strike": EXPLOSIONS,
    "air strike": EXPLOSIONS,
    "airstrike": EXPLOSIONS,
    "drone strike": EXPLOSIONS,
    "suicide bomb": EXPLOSIONS,
    "suicide bombing": EXPLOSIONS,
    "bombing": EXPLOSIONS,
    "shelling artillery missile attack": EXPLOSIONS,
    "shelling": EXPLOSIONS,
    "missile attack": EXPLOSIONS,
    "remote explosive landmine ied": EXPLOSIONS,
    "ied": EXPLOSIONS,
    "grenade": EXPLOSIONS,
    "sexual violence": VAC,
    "attack": VAC,
    "abduction forced disappearance": VAC,
    "abduction": VAC,
    "kidnapping": VAC,
    "peaceful protest": PROTESTS,
    "protest with intervention": PROTESTS,
    "excessive force against protesters": PROTESTS,
    "violent demonstration": RIOTS,
    "mob violence": RIOTS,
    "agreement": STRATEGIC,
    "arrests": STRATEGIC,
    "arrest": STRATEGIC,
    "change to group activity": STRATEGIC,
    "disrupted weapons use": STRATEGIC,
    "headquarters or base established": STRATEGIC,
    "looting property destruction": STRATEGIC,
    "non violent transfer of territory": STRATEGIC,
    "other": STRATEGIC,
    # GVA / Stanford MSA
    "shooting": VAC,
    "mass shooting": VAC,
    "gun violence": VAC,
    # SemEval-2018 Task 5
    "killing": VAC,
    "injuring": VAC,
    "fire burning": None,
    "job firing": None,
    # UCDP type_of_violence
    "state based": BATTLES,
    "state based conflict": BATTLES,
    "non state": BATTLES,
    "non state conflict": BATTLES,
    "one sided": VAC,
    "one sided violence": VAC,
    # WikiEvents / KAIROS
    "conflict attack": VAC,
    "conflict attack unspecified": VAC,
    "conflict attack detonateexplode": EXPLOSIONS,
    "conflict demonstrate": PROTESTS,
    "conflict demonstrate unspecified": PROTESTS,
    "conflict demonstrate demonstratewithviolence": RIOTS,
    "justice arrestjaildetain": STRATEGIC,
    "justice arrestjaildetain unspecified": STRATEGIC,
    "life die": VAC,
    "life die unspecified": VAC,
    "life injure": VAC,
    "life injure unspecified": VAC,
}


class UnknownLabel(KeyError):
    pass


def to_acled(label: str | None, strict: bool = False) -> str | None:
    """The ACLED event type of a gold label, or None when it has no counterpart.

    Unknown labels return None (not scored) unless ``strict``, when they raise
    :class:`UnknownLabel` so a builder script cannot silently drop a new vocabulary."""
    if label is None:
        return None
    key = _key(label)
    if key in MAPPING:
        return MAPPING[key]
    if "detonate" in key or "explode" in key:
        return EXPLOSIONS
    if key.startswith("conflict attack"):
        return VAC
    if key.startswith("conflict demonstrate"):
        return PROTESTS
    if strict:
        raise UnknownLabel(label)
    return None
