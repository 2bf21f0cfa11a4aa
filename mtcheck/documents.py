"""Find and decode the documents to check: files, folders, or standard input."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mtcheck.errors import InputError, Problem
from mtcheck.model import Document, DocumentProtocol, ProseDocument
from mtcheck.selection import Selection
from mtcheck.selection import walk as selection_walk
from mtcheck.text import cut_point, split_evenly

# Texts a folder walk picks. Not .html/.htm: no reader takes the text out of the markup, so
# scripts, styles and tags would be checked and counted as words (a file named is read as text).
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
STDIN = "-"
STREAM_ABOVE = 32 * 2**20  # files larger than this many bytes are streamed
SEGMENT_CHARS = 1_000_000  # small enough that scanning one adds little to memory
EXAMINE_WHOLE_UP_TO = 2_000_000  # characters: a longer text is examined in SEGMENT_CHARS pieces
READ_BYTES = 2**22



def read_bytes(path: str) -> bytes:
    """A whole (small) file, or standard input; a missing or unreadable one is an InputError."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(Problem(path, "is a folder, not a file")) from None
    except FileNotFoundError:
        raise InputError(Problem(path, "no such file")) from None
    except OSError as exc:
        raise InputError(Problem(path, f"cannot read: {exc.strerror}")) from None


def read_text(path: str, encoding: str = "utf-8-sig") -> str:
    """A whole (small) text file; a missing, unreadable or undecodable one is an InputError."""
    return decode(read_bytes(path), path, encoding)


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")  # checked first: the little-endian one starts like UTF-16's
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def decode(raw: bytes, source: str, encoding: str = "utf-8-sig") -> str:
    """UTF-8, with or without a BOM, or UTF-16 or UTF-32 with its BOM (as Windows tools write it);
    anything else is an error naming the first bad byte."""
    if encoding.startswith("utf-8"):  # the BOM says which byte order, and is dropped
        encoding = "utf-32" if raw.startswith(UTF32_BOMS) else "utf-16" if raw.startswith(UTF16_BOMS) else encoding
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(undecodable(raw, exc, source, encoding)) from None
    if may_give_surrogates(encoding) and (found := LONE_SURROGATE.search(text)):
        raise InputError(lone_surrogate(text, found.start(), source, encoding))
    return text


def may_give_surrogates(encoding: str) -> bool:
    """Whether decoding with ``encoding`` can give a lone surrogate, which is no character and which
    no report can be written with: only escape codecs can (unicode_escape turns a "\\ud800" into one,
    as utf-7 does "+2AA-"); the UTF codecs refuse them, and single-byte code pages map none."""
    return not codecs.lookup(encoding).name.startswith(("utf-8", "utf-16", "utf-32"))


def lone_surrogate(text: str, offset: int, source: str, encoding: str, first_line: int = 1) -> Problem:
    """A lone surrogate at ``offset`` in ``text``, by line and column."""
    line_start = text.rfind("\n", 0, offset) + 1
    return Problem(source, f"not valid {encoding}: it gives a lone surrogate U+{ord(text[offset]):04X}, which is no character",
                   first_line + text.count("\n", 0, offset), offset - line_start + 1)


def undecodable(raw: bytes, error: UnicodeDecodeError, source: str, encoding: str = "utf-8") -> Problem:
    """Name the first bad byte by line, column (in characters) and byte offset."""
    line_start = raw.rfind(b"\n", 0, error.start) + 1
    line = raw.count(b"\n", 0, error.start) + 1
    column = len(raw[line_start : error.start].decode("utf-8", errors="replace").lstrip("\ufeff")) + 1
    name = "UTF-8" if encoding.startswith("utf-8") else encoding
    return Problem(source, f"not valid {name} (byte offset {error.start})", line, column)


# How a file is read, by its suffix: the one list of what mtcheck reads. --input-format names one
# of these formats for a file of another suffix.
SUFFIX_FORMATS = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".tmx": "tmx", ".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl",
    # XLIFF 1.2 as Trados (.sdlxliff), memoQ (.mqxliff) and Phrase (.mxliff) write it
    ".sdlxliff": "xliff", ".mqxliff": "xliff", ".mxliff": "xliff",
}
INPUT_FORMATS = tuple(dict.fromkeys(SUFFIX_FORMATS.values()))
BILINGUAL_FORMATS = frozenset({"xliff", "po", "tmx", "csv", "tsv", "jsonl"})
BILINGUAL_SUFFIXES = tuple(suffix for suffix, kind in SUFFIX_FORMATS.items() if kind in BILINGUAL_FORMATS)
# CSV and JSON Lines only when named
FOLDER_BILINGUAL_SUFFIXES = tuple(suffix for suffix in BILINGUAL_SUFFIXES if suffix not in (".csv", ".tsv", ".jsonl"))
WALKED_SUFFIXES = TEXT_SUFFIXES + FOLDER_BILINGUAL_SUFFIXES


def is_bilingual(path: str) -> bool:
    return Path(path).suffix.lower() in BILINGUAL_SUFFIXES


def read_as(path: str, input_format: str | None = None) -> str | None:
    """The format ``path`` is read in (one of INPUT_FORMATS): its suffix's; for another suffix,
    ``input_format`` (--input-format); for a file of no suffix and standard input, ``input_format``
    or else text. None: a suffix mtcheck does not know, and no format given."""
    suffix = "" if path == STDIN else Path(path).suffix.lower()
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    return input_format or (None if suffix else "text")


def check_input_format(input_format: str | None) -> str | None:
    """--input-format's value, checked: one of INPUT_FORMATS (or None)."""
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise InputError(f"unknown input format {input_format!r} (choose from {', '.join(INPUT_FORMATS)})")
    return input_format


def _refuse_unknown_suffix(path: str, input_format: str | None) -> None:
    """A named file mtcheck cannot tell how to read (a .docx, say) is an error, not plain text."""
    if read_as(path, input_format) is None:
        raise InputError(Problem(path, f"unknown file type {Path(path).suffix!r}: mtcheck reads "
                                       f"{', '.join(SUFFIX_FORMATS)} (and files of no suffix as text); "
                                       f"say how to read it with --input-format ({', '.join(INPUT_FORMATS)})"))


def document_paths(paths: list[str], selection: Selection = Selection(), input_format: str | None = None) -> list[str]:
    """Expand folders into the files the selection keeps (texts: *.txt, *.md, *.markdown; translation
    files: *.xlf, *.xliff, *.po, *.tmx; sorted); keep the given order. A file named is always kept,
    whatever ``exclude``, ``include`` or .gitignore say, unless its suffix is unknown and no
    ``input_format`` says how to read it. A folder that cannot be read, and a link with a checked
    suffix that leads nowhere, are errors: a walk must not leave files out unsaid."""
    found: list[str] = []
    for given in paths:
        if given == STDIN:
            found.append(STDIN)
            continue
        path = Path(given)
        if path.is_dir():
            found.extend(_walked(given, selection))
        elif path.is_file():
            _refuse_unknown_suffix(given, input_format)
            found.append(path.as_posix())
        else:
            raise InputError(Problem(given, why_not_a_file(given) or "no such file or folder"))
    return list(dict.fromkeys(found))


def _walked(folder: str, selection: Selection) -> list[str]:
    walk = selection_walk(folder, WALKED_SUFFIXES, selection, on_error=_unreadable(folder))
    if not walk.files:
        left_out = (f" ({_count(walk.files_left_out, 'file')} and {_count(walk.folders_left_out, 'folder')} left out "
                    "by include, exclude or .gitignore: name a file to check it anyway)"
                    if walk.files_left_out or walk.folders_left_out else "")
        raise InputError(Problem(folder, f"no *.txt, *.md or translation files in this folder{left_out}"))
    for path in walk.files:
        if why := why_not_a_file(path):
            raise InputError(Problem(Path(path).as_posix(), why))
    return sorted(Path(path).as_posix() for path in walk.files)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def files_in(folder: str, suffixes: tuple[str, ...]) -> list[str]:
    """The files with these suffixes in ``folder`` and its subfolders (links to folders not followed),
    sorted. A folder that cannot be read, or such a file that is no regular file, is an InputError."""
    inside = []
    for root, _, names in os.walk(folder, onerror=_unreadable(folder)):
        for name in names:
            path = Path(root, name)
            if path.suffix.lower() not in suffixes:
                continue
            if why := why_not_a_file(str(path)):
                raise InputError(Problem(path.as_posix(), why))
            inside.append(path.as_posix())
    return sorted(inside)


def _unreadable(folder: str):
    def unreadable(error: OSError):
        raise InputError(Problem(Path(error.filename or folder).as_posix(), f"cannot read folder: {error.strerror}"))

    return unreadable


def why_not_a_file(path: str) -> str | None:
    """Why ``path`` is no regular file to read (None if it is one, or does not exist at all)."""
    try:
        if stat.S_ISREG(os.stat(path).st_mode):
            return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symlink loop"
        if os.path.islink(path):
            return f"broken symbolic link (to {os.readlink(path)})"
        return None if error.errno == errno.ENOENT else f"cannot read: {error.strerror}"
    return "not a regular file"


BINARY_SNIFF_BYTES = 8192


def nul_offset(path: str, encoding: str = "utf-8-sig") -> int | None:
    """Where the first NUL byte is in the first 8 KB of the file, the sign of an image, an archive or a
    PDF; None when there is none, or when the text may hold NULs: UTF-16 or UTF-32 (by its byte-order
    mark, or as the encoding given)."""
    if path == STDIN or codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        return None
    try:
        with open(path, "rb") as handle:
            head = handle.read(BINARY_SNIFF_BYTES)
    except OSError:
        return None  # reading it will report the problem
    offset = head.find(b"\x00")
    return None if offset < 0 or head.startswith(UTF16_BOMS + UTF32_BOMS) else offset


def _starts_with_utf16_or_utf32_bom(path: str) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4).startswith(UTF16_BOMS + UTF32_BOMS)


def read_document(path: str, stream_above: int = STREAM_ABOVE, encoding: str = "utf-8-sig"
                  ) -> Document | StreamedDocument:
    """The document at ``path``: in memory, or streamed in segments when larger than ``stream_above`` bytes."""
    if path == STDIN:
        return Document("<stdin>", decode(sys.stdin.buffer.read(), "<stdin>", encoding))
    try:
        if Path(path).stat().st_size > stream_above and not _starts_with_utf16_or_utf32_bom(path):
            return StreamedDocument(path, encoding=encoding)
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(Problem(path, f"cannot read: {exc.strerror}")) from None
    return Document(path, decode(raw, path, encoding))


def examination_segments(document) -> Iterator[tuple[int, str]]:
    """The (offset, text) pieces a document is examined in.

    They depend on the document alone, never on the number of workers examining them side by side,
    so neither do the findings: a text of up to EXAMINE_WHOLE_UP_TO characters is one piece, a longer
    one comes in pieces of equal size, at most about SEGMENT_CHARS (so that workers examining them
    side by side finish together), cut at paragraph breaks; a streamed one in pieces of SEGMENT_CHARS.
    """
    if type(document) in (Document, ProseDocument) and len(document.text) > EXAMINE_WHOLE_UP_TO:
        return split_evenly(document.text, -(-len(document.text) // SEGMENT_CHARS), SEGMENT_CHARS)
    return document.segments()


def check_encoding(encoding: str) -> str:
    """The codec's canonical name; an unknown one, or one that is no text encoding (rot13, base64,
    hex, zlib: bytes-to-bytes or str-to-str codecs, which bytes.decode refuses; "undefined"), is a
    usage error."""
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if not codec._is_text_encoding or codec.name == "undefined":  # "undefined" refuses to decode anything
        raise InputError(f"{encoding!r} is not a text encoding (e.g. utf-8, utf-16, cp1250, latin-1)")
    return codec.name


@dataclass(frozen=True, slots=True)
class StreamedDocument(DocumentProtocol):
    """A large file read segment by segment, each time its text is needed, in bounded memory.

    Segments end at paragraph breaks where there is one (no term spans a paragraph
    break, see ``mtcheck.folding``), else at a line break, else at a space.
    """

    path: str
    segment_chars: int = SEGMENT_CHARS
    encoding: str = "utf-8-sig"
    streamed = True

    def segments(self, size: int | None = None) -> Iterator[tuple[int, str]]:
        """(offset, text) pieces of about ``size`` (default ``segment_chars``) characters, read lazily."""
        size = size or self.segment_chars
        decoder = codecs.getincrementaldecoder(self.encoding)()
        pending, base, read, lines = "", 0, 0, 0
        try:
            with open(self.path, "rb") as handle:
                while chunk := handle.read(READ_BYTES):
                    pending += self._decode(decoder, chunk, read, base, pending, lines)
                    read += len(chunk)
                    while len(pending) > size:
                        cut = cut_point(pending, size)
                        yield base, pending[:cut]
                        lines += pending.count("\n", 0, cut)
                        base, pending = base + cut, pending[cut:]
                pending += self._decode(decoder, b"", read, base, pending, lines, final=True)
        except OSError as exc:
            raise InputError(Problem(self.path, f"cannot read: {exc.strerror}")) from None
        if pending or not base:
            yield base, pending

    def _decode(self, decoder, chunk: bytes, read: int, base: int, pending: str, lines: int, final=False) -> str:
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            offset = read - (len(exc.object) - len(chunk)) + exc.start
            before = exc.object[: exc.start].decode("utf-8", errors="replace")
            line = lines + pending.count("\n") + before.count("\n") + 1
            column = len(before) - before.rfind("\n") if "\n" in before else len((pending + before).rsplit("\n", 1)[-1]) + 1
            name = "UTF-8" if self.encoding.startswith("utf-8") else self.encoding
            raise InputError(Problem(self.path, f"not valid {name} (byte offset {offset})", line, column)) from None
        if may_give_surrogates(self.encoding) and (found := LONE_SURROGATE.search(text)):
            held = pending.rsplit("\n", 1)[-1]  # the start of the line the decoded text goes on with
            problem = lone_surrogate(held + text, len(held) + found.start(), self.path, self.encoding,
                                     lines + pending.count("\n") + 1)
            raise InputError(problem)
        return text
