"""``mtcheck glossary init``: a new glossary file whose comments explain the format, with an
example term to copy (commented out: a starter must not check texts for an invented term). With
several languages, a multilingual glossary (format version 2): one term holds its forms in each."""

from __future__ import annotations

import re

from mtcheck.errors import GlossaryError, Problem
from mtcheck.glossary.loader import DEFAULT_FUZZY, glossary_schema, load_glossary_text

HEADER = """\
# mtcheck glossary {name}: the terms of texts in {language}{translated}.
#
# One entry per concept, with every form it may take in a text. Edit this file by hand or with
# `mtcheck glossary add`, `edit` and `remove` (they keep these comments); check it with
# `mtcheck glossary validate`, `test` and `lint`. The format's JSON Schema, for completion in
# editors: `mtcheck glossary schema > glossary.schema.json`, then make the first line of this
# file `# yaml-language-server: $schema=glossary.schema.json`.

version: 1                  # the format's version
name: {name}{name_pad}# a-z, 0-9, '.', '_', '-'; unique among the glossaries checked together
language: {language}{language_pad}# BCP 47 tag of the texts this glossary checks
{source_line}
defaults:                   # what every term takes unless it sets its own
  fuzzy: {fuzzy}                 # how alike (0-100) a misspelling must be to be reported; false: never
  case_sensitive: false     # true: forms match only with the capitals they are written with
  morphology: inflect       # inflect: also found inflected where the language inflects; exact: as written
  # severity: major         # neutral, minor, major or critical; unset: each rule's own severity

# A term, to copy below `terms:` in place of [] (without the leading "# "), or to add with
#   mtcheck glossary add FILE --id csm --canonical "Community of Serb Municipalities" --short CSM ...
#
#   - id: csm                                     # a-z, 0-9, '.', '_', '-'; unique across glossaries
#     canonical: Community of Serb Municipalities  # the preferred form
#     variants: [Association of Serb Municipalities]  # accepted too; mixing forms in one text is reported
#     short: [CSM]                                # short forms and abbreviations, accepted anywhere
#     forbidden: [Union of Serbian Municipalities] # wrong renderings: always reported
#     source: [Zajednica srpskih opština, ZSO]    # source-language forms: reported as left untranslated
#     type: organization                          # a free tag: person, place, organization, ...
#     note: Name used in the 2013 Brussels Agreement.  # why the canonical form is canonical; editors see it
#     severity: major                             # any of the defaults, for this term only
#     examples:                                   # the term's own tests: mtcheck glossary test
#       flag: ["the Union of Serbian Municipalities met"]  # each must be reported for this term
#       pass: ["the CSM met"]                     # each must not
#     reviewed:                                   # lint codes a person checked, with the reason
#       nested-form: "a concept of its own inside a longer name; the longer match wins there"

terms: []
"""


MULTILINGUAL_HEADER = """\
# mtcheck glossary {name}: the terms of texts in {listed}, one entry per concept with its forms
# in each language (a multilingual glossary, format version 2).
#
# Each term's `forms` hold a block per language: the forms of the concept in that language. A text
# is checked with the block of its language (a translation file's declared target language, else
# `mtcheck check --language L`), and the source language's forms count as left untranslated.
# Edit this file by hand or with `mtcheck glossary add`, `edit` and `remove` and their
# `--language L` (they keep these comments); check it with `mtcheck glossary validate`, `test` and
# `lint`. The format's JSON Schema, for completion in editors: `mtcheck glossary schema --version 2
# > glossary.schema.json`, then make the first line of this file
# `# yaml-language-server: $schema=glossary.schema.json`.

version: 2                  # the format's version: terms with forms per language
name: {name}{name_pad}# a-z, 0-9, '.', '_', '-'; unique among the glossaries checked together
languages: [{languages}]{languages_pad}# BCP 47 tags; the first that is not the source language is the default
{source_line}
defaults:                   # what every term takes unless it sets its own, in every language
  fuzzy: {fuzzy}                 # how alike (0-100) a misspelling must be to be reported; false: never
  case_sensitive: false     # true: forms match only with the capitals they are written with
  morphology: inflect       # inflect: also found inflected where the language inflects; exact: as written
  # severity: major         # neutral, minor, major or critical; unset: each rule's own severity

# A term, to copy below `terms:` in place of [] (without the leading "# "; its languages are en, de
# and sr-Latn: write this file's), or to add with
#   mtcheck glossary add FILE --language en --id csm --canonical "Community of Serb Municipalities" ...
#   mtcheck glossary edit FILE csm --language de --set canonical="Gemeinschaft der serbischen Gemeinden"
#
#   - id: csm                                     # a-z, 0-9, '.', '_', '-'; unique across glossaries
#     type: organization                          # a free tag: person, place, organization, ...
#     note: Name used in the 2013 Brussels Agreement.  # about the concept, in every language
#     severity: major                             # any of the defaults, for this term only
#     forms:                                      # a block per language; a language without one: not checked
#       en:
#         canonical: Community of Serb Municipalities  # the preferred form in this language
#         variants: [Association of Serb Municipalities]  # accepted too; mixing forms in one text is reported
#         short: [CSM]                            # short forms and abbreviations, accepted anywhere
#         forbidden: [Union of Serbian Municipalities]  # wrong renderings: always reported
#         examples:                               # this language's tests: mtcheck glossary test
#           flag: ["the Union of Serbian Municipalities met"]  # each must be reported for this term
#           pass: ["the CSM met"]                 # each must not
#       de:
#         canonical: Gemeinschaft der serbischen Gemeinden
#         forbidden: [Serbischer Gemeindebund]
#         note: So heißt sie im Abkommen.         # this language's own note (else the term's is shown)
#       sr-Latn: {{canonical: Zajednica srpskih opština, short: [ZSO]}}  # the source forms, in a source language

terms: []
"""


def starter_glossary(path: str, name: str, language: str, source_language: str | None) -> str:
    """The text of a new glossary, valid and lint-clean (it has no term yet)."""
    _refuse_unless(path, "--name", name, "identifier", "a-z, 0-9, '.', '_' and '-'")
    _refuse_unless(path, "--language", language, "language", "a BCP 47 tag such as 'en' or 'pt-BR'")
    if source_language is not None:
        _refuse_unless(path, "--source-language", source_language, "language", "a BCP 47 tag such as 'sr' or 'sr-Latn'")
    source_line = (f"source_language: {source_language}{_pad(source_language, 11)}# the texts' source language: "
                   "`source` forms are in it" if source_language else
                   "# source_language: sr      # the language translated from (for `source` forms)")
    text = HEADER.format(
        name=name, language=language, translated=f", translated from {source_language}" if source_language else "",
        name_pad=_pad(name, 22), language_pad=_pad(language, 18), source_line=source_line, fuzzy=DEFAULT_FUZZY)
    load_glossary_text(text, path)  # the starter itself must be right
    return text


def multilingual_starter(path: str, name: str, languages: list[str], source_language: str | None) -> str:
    """The text of a new multilingual glossary (version 2) of ``languages``, valid and lint-clean."""
    _refuse_unless(path, "--name", name, "identifier", "a-z, 0-9, '.', '_' and '-'")
    if not languages:
        raise GlossaryError(Problem(path, "--languages names no language: use BCP 47 tags such as 'en,de,sr-Latn'"))
    for language in languages:
        _refuse_unless(path, "--languages", language, "language", "BCP 47 tags such as 'en,de,sr-Latn'")
    if len(set(map(str.lower, languages))) != len(languages):
        raise GlossaryError(Problem(path, f"--languages {','.join(languages)}: a language is named twice"))
    if source_language is not None:
        _refuse_unless(path, "--source-language", source_language, "language", "a BCP 47 tag such as 'sr' or 'sr-Latn'")
        if source_language.lower() not in map(str.lower, languages):
            languages = [*languages, source_language]  # the source forms are a language's blocks too
    listed = ", ".join(languages)
    source_line = (f"source_language: {source_language}{_pad(source_language, 11)}# the source forms' language "
                   "when a run names none" if source_language else
                   "# source_language: sr-Latn # the source forms' language when a run names none")
    text = MULTILINGUAL_HEADER.format(
        name=name, listed=listed, name_pad=_pad(name, 22), languages=listed, languages_pad=_pad(listed, 15),
        source_line=source_line, fuzzy=DEFAULT_FUZZY)
    load_glossary_text(text, path)  # the starter itself must be right
    return text


def _pad(value: str, width: int) -> str:
    """Spaces that line the comment up with the others, or one."""
    return " " * max(1, width - len(value))


def _refuse_unless(path: str, option: str, value: str, definition: str, wanted: str) -> None:
    """The loader's own rule (the schema's pattern) for the value: refused before anything is written."""
    if not re.fullmatch(glossary_schema()["$defs"][definition]["pattern"], value):
        raise GlossaryError(Problem(path, f"{option} {value!r} is not valid: use {wanted}"))
