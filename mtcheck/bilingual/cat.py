"""What CAT tools write about a unit in XLIFF: its state, whether it is locked, whether it is to be
translated at all; each tool's state names mapped onto one small vocabulary that ``--states`` picks.

The vocabulary, in workflow order: new (nothing done yet), draft (edited, pre-translated or
machine-translated, not confirmed), translated (confirmed by the translator), reviewed (confirmed
by a reviewer), final (signed off), and rejected (sent back by a reviewer). A unit whose file
says nothing of its state, or names a state listed in no table here, has none and is checked.

The names each tool writes come from its published description:
- XLIFF 1.2 ``<target state>`` (OASIS XLIFF 1.2, "state" attribute values);
- XLIFF 2.x ``<segment state>`` (OASIS XLIFF 2.0/2.1, 4.3.1.41);
- Trados Studio ``.sdlxliff``: ``conf`` of ``sdl:seg`` in ``sdl:seg-defs`` (no ``conf``: not
  translated), ``locked="true"``;
- memoQ ``.mqxliff``: ``mq:status`` and ``mq:locked="locked"`` on ``trans-unit``;
- Phrase (Memsource) ``.mxliff``: ``m:confirmed`` ("1" or "0") and ``m:locked="true"`` on
  ``trans-unit``;
- gettext PO: the ``fuzzy`` flag (``#, fuzzy``), a draft that msgfmt leaves out of the compiled
  catalogue; an entry with every form translated and no such flag is translated (GNU gettext
  manual, "Fuzzy Entries"; msgfmt --statistics counts translated, fuzzy and untranslated ones).
  An untranslated entry names no state. Obsolete (``#~``) entries are never read at all.

TMX names no state, and CSV/TSV/JSON Lines follow no standard that does: their units are all checked.
"""

from __future__ import annotations

from dataclasses import dataclass

STATES = ("new", "draft", "translated", "reviewed", "final", "rejected")
DEFAULT_STATES = frozenset({"translated", "reviewed", "final"})  # translated and later

SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
MEMOQ_NS = "MQXliff"
PHRASE_NS = "http://www.memsource.com/mxlf/2.0"

# The one table: (where the state is written, the name written there) -> the state in STATES.
STATE_NAMES: dict[str, dict[str, str]] = {
    "xliff 1.2 state": {
        "new": "new", "needs-translation": "new",
        "needs-l10n": "draft", "needs-adaptation": "draft",
        "translated": "translated", "needs-review-translation": "translated",
        "needs-review-l10n": "translated", "needs-review-adaptation": "translated",
        "signed-off": "reviewed", "final": "final",
    },
    "xliff 2 state": {"initial": "new", "translated": "translated", "reviewed": "reviewed", "final": "final"},
    "trados conf": {
        "": "new", "Draft": "draft", "Translated": "translated",
        "ApprovedTranslation": "reviewed", "ApprovedSignOff": "final",
        "RejectedTranslation": "rejected", "RejectedSignOff": "rejected",
    },
    "memoq status": {
        "NotStarted": "new", "PreTranslated": "draft", "Pretranslated": "draft", "PartiallyEdited": "draft",
        "Edited": "draft", "AssembledFromFragments": "draft", "MachineTranslated": "draft",
        "ManuallyConfirmed": "translated", "Confirmed": "translated", "TranslatorConfirmed": "translated",
        "Reviewer1Confirmed": "reviewed", "Proofread": "final", "Reviewer2Confirmed": "final",
        "Rejected": "rejected",
    },
    "phrase confirmed": {"0": "draft", "1": "translated"},
    "po entry": {"fuzzy": "draft", "translated": "translated"},
}


@dataclass(frozen=True, slots=True)
class Status:
    state: str | None = None  # one of STATES; None when the file says nothing (or nothing known)
    locked: bool = False  # locked in the CAT tool, or marked translate="no": never checked


def state_named(where: str, name: str | None) -> str | None:
    """The state in STATES that ``name``, as written in ``where`` (a key of STATE_NAMES), stands for."""
    return None if name is None else STATE_NAMES[where].get(name.strip())


def parse_states(value: str) -> frozenset[str]:
    """``--states``: comma-separated names from STATES, or "all". Raises ValueError naming the wrong one."""
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    if "all" in names:
        return frozenset(STATES)
    if not names:
        raise ValueError(f"no state named (choose from {', '.join(STATES)}, or all)")
    for name in names:
        if name not in STATES:
            raise ValueError(f"unknown state {name!r} (choose from {', '.join(STATES)}, or all)")
    return frozenset(names)


def is_checked(status: Status, states: frozenset[str]) -> bool:
    """Whether a unit of this status is checked when ``states`` are wanted: never a locked one."""
    return not status.locked and (status.state is None or status.state in states)


def xliff1_status(unit, target, segment_definition=None) -> Status:
    """A trans-unit's status (or, given its ``sdl:seg``, one Trados segment's): the tool's own
    attributes first, then the XLIFF 1.2 ``state`` of the target."""
    locked = not translatable(unit)
    if segment_definition is not None:
        return Status(state_named("trados conf", segment_definition.get("conf", "")),
                      locked or segment_definition.get("locked") == "true")
    memoq, phrase = unit.get(f"{{{MEMOQ_NS}}}status"), unit.get(f"{{{PHRASE_NS}}}confirmed")
    locked = locked or unit.get(f"{{{MEMOQ_NS}}}locked") in ("locked", "true")
    locked = locked or unit.get(f"{{{PHRASE_NS}}}locked") == "true"
    if memoq is not None:
        return Status(state_named("memoq status", memoq), locked)
    if phrase is not None:
        return Status(state_named("phrase confirmed", phrase), locked)
    state = target.get("state") if target is not None else None
    return Status(state_named("xliff 1.2 state", state), locked)


def xliff2_status(segment) -> Status:
    """An XLIFF 2 segment's status: its ``state``; locked when it or a unit, group or file above it
    says translate="no"."""
    # The spec's default state is "initial", but most XLIFF 2 files are written with no states at all,
    # and the default --states would then skip them whole: a segment with no state has none, and is checked.
    return Status(state_named("xliff 2 state", segment.get("state")), not translatable(segment))


def po_status(entry) -> Status:
    """A live polib entry's status: draft when flagged fuzzy (whatever its translation), translated
    when every form is, none when some form is not (its empty-target is then still reported)."""
    if entry.fuzzy:
        return Status(state_named("po entry", "fuzzy"))
    return Status(state_named("po entry", "translated") if entry.translated() else None)


def translatable(element) -> bool:
    """False when the nearest ``translate`` attribute on the element or above it says "no"."""
    for node in (element, *element.iterancestors()):
        if (value := node.get("translate")) is not None:
            return value.strip() != "no"
    return True


def trados_segment_definitions(unit) -> dict[str, object]:
    """A Trados trans-unit's ``sdl:seg`` elements by their id (the ``mid`` of a segment)."""
    return {seg.get("id"): seg for seg in unit.iter(f"{{{SDL_NS}}}seg")}
