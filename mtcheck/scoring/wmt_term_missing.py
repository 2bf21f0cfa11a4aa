"""The ``term-missing`` rule measured on the WMT 2021 terminology annotations.

Each ``<term src=".." tgt="a|b">`` of the source SGML becomes a glossary term (source form: its
source text; accepted forms: its target forms), and the rule runs on every (source segment,
hypothesis segment) pair exactly as it runs on a translation file. Its findings are set beside
the exact-match metric's misses: the rule also accepts inflected and near forms, so it may
report fewer missing terms than exact match does, and the difference says how much.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from mtcheck.bilingual.document import BilingualDocument
from mtcheck.bilingual.formats import Pair
from mtcheck.glossary.index import TermIndex
from mtcheck.lexicon import lexicon_for
from mtcheck.model import Glossary, Term
from mtcheck.rules import term_missing
from mtcheck.rules.base import CheckContext

_TARGET_LANGUAGE = re.compile(r"""\btrglang\s*=\s*["']?([A-Za-z-]+)""")


@dataclass(frozen=True)
class TermMissingCheck:
    findings: int  # term-missing findings on the hypothesis
    occurrences: int  # annotated (segment, term) pairs the rule looked for

    def as_dict(self) -> dict:
        return {"findings": self.findings, "occurrences": self.occurrences}


def target_language(*sgml_texts: str, default: str = "en") -> str:
    for text in sgml_texts:
        found = _TARGET_LANGUAGE.search(text)
        if found and found.group(1).lower() not in ("any", "und"):
            return found.group(1).lower()
    return default


def check_term_missing(source, hypothesis, language: str) -> TermMissingCheck:
    """``source`` and ``hypothesis``: the WMT segments (mtcheck.scoring.wmt_terms.Segment), in order."""
    terms = _glossary_terms(source)
    if not terms:
        return TermMissingCheck(0, 0)
    glossary = Glossary("wmt21-annotations", language, "<annotations>", tuple(terms.values()), source_language="src")
    index = TermIndex([glossary], lexicon_for(language))
    pairs = [Pair(i, s.seg_id, s.text, h.text, i + 1) for i, (s, h) in enumerate(zip(source, hypothesis))]
    document = BilingualDocument.of("<hypothesis>", pairs)
    context = CheckContext(document, (), index.lexicon, Counter(), source_language="src", language=language, index=index)
    findings = sum(1 for _ in term_missing.check(context))
    occurrences = sum(len({m.term.id for m in index.find(s.text) if m.form.role == "source"}) for s in source)
    return TermMissingCheck(findings, occurrences)


def _glossary_terms(source) -> dict[tuple[str, str], Term]:
    terms: dict[tuple[str, str], Term] = {}
    for segment in source:
        for annotation in segment.terms:
            forms = [f.strip() for f in annotation.tgt.split("|") if f.strip()]
            key = (annotation.text, annotation.tgt)
            if forms and annotation.text and key not in terms:
                terms[key] = Term(id=f"wmt{len(terms)}", canonical=forms[0], glossary="wmt21-annotations",
                                  variants=tuple(forms[1:]), source=(annotation.text,))
    return terms
