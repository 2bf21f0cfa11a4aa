"""term-untranslated: a source-language form of a term left in the target text.

Fails: "there is nothing from the ZSO" (ZSO is the Serbian acronym).
Passes: "there is nothing from the CSM".
"""

from __future__ import annotations

from mtcheck.glossary.index import WRITTEN_AS_GIVEN
from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule, replace_with_suggestion, written_fix


def check(ctx: CheckContext):
    for match in ctx.matches:
        if match.kind in WRITTEN_AS_GIVEN and match.form.role == "source":
            found = match.text
            suggestion, fixable = written_fix(ctx, match)
            language = f" ({ctx.source_language})" if ctx.source_language else ""
            yield Hit(
                Span(match.start, match.end),
                found,
                f"'{found}' is the untranslated source-language{language} form of '{match.term.canonical}'",
                term=match.term.id,
                suggestion=suggestion,
                severity=match.term.severity,
                fixable=fixable,
            )


# An example glossary of another language pair (English to French): the rule reads any.
_ENGLISH_TO_FRENCH = """\
version: 1
name: example-en-fr
language: fr
source_language: en
terms:
  - id: email
    canonical: courriel
    source: [email, e-mail]
"""

RULE = Rule(
    "term-untranslated", "Accuracy/Untranslated", Severity.MAJOR,
    "A source-language form of a term is left untranslated.", check,
    fix=replace_with_suggestion,
    examples=(
        Example("there is nothing from the ⟦ZSO⟧"),
        Example("the talks in ⟦Beograd⟧ ended"),
        Example("there is nothing from the CSM"),
        Example("the talks in Belgrade ended"),
        Example("envoyez-nous un ⟦e-mail⟧", glossary=_ENGLISH_TO_FRENCH),
        Example("envoyez-nous un courriel", glossary=_ENGLISH_TO_FRENCH),
    ),
)
