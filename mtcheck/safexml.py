"""XML from untrusted files (XLIFF, TMX, TBX), parsed safely: no entity is expanded, no DTD
loaded, nothing fetched. A file that declares entities is refused before any parser sees it,
so neither "billion laughs" nor an external entity (XXE) can do anything.
"""

from __future__ import annotations

import re

from mtcheck.errors import InputError, Problem

ENTITY_DECLARATIONS = (b"<!ENTITY", "<!ENTITY".encode("utf-16-le"), "<!ENTITY".encode("utf-16-be"))


def parse(path: str, raw: bytes):
    """The root element of ``raw`` (the bytes of ``path``); problems are InputErrors naming the file."""
    from lxml import etree

    refuse_entities(path, raw)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        message = re.sub(r", line \d+, column \d+$", "", exc.msg or str(exc))
        raise InputError(Problem(path, f"malformed XML: {message}", line or None, column or None)) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # an encoding the byte scan missed
        raise InputError(Problem(path, "entity declarations are not allowed"))
    return root


def refuse_entities(path: str, raw: bytes) -> None:
    """An error at the first "<!ENTITY" (UTF-8 or UTF-16 bytes), found without parsing."""
    for pattern in ENTITY_DECLARATIONS:
        at = raw.find(pattern)
        if at >= 0:
            line, column = _byte_place(raw, at) if pattern is ENTITY_DECLARATIONS[0] else (None, None)
            raise InputError(Problem(path, "entity declarations are not allowed", line, column))


def _byte_place(raw: bytes, at: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte offset ``at`` of UTF-8 bytes."""
    start = raw.rfind(b"\n", 0, at) + 1
    return raw.count(b"\n", 0, at) + 1, len(raw[start:at].decode("utf-8", "replace").lstrip("\ufeff")) + 1
