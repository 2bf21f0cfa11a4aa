"""A review session: the check run of ``mtcheck check``, and the decisions an editor takes on its
findings, each written where ``check`` will see it.

- apply-fix: the finding's fix, by the fixer ``mtcheck fix`` uses; apply-all-fixes: every fix of
  the file, exactly as ``mtcheck fix --write`` writes it;
- edit: the finding's span replaced by what the editor typed;
- in a translation file, both go through its format (bilingual.fixing: escaped as the format writes
  text, verified by reading the file back), and are offered only where the span's place is certain;
- dismiss: one more entry in the baseline file, or, where the config says ``review: {dismiss:
  inline}``, a directive line above the finding in the text (mtcheck.suppressions);
- accept-variant, add-forbidden, add-short: the flagged form added to its term in the glossary YAML
  (mtcheck.glossary.editing keeps its comments and layout), once the whole set of glossaries still
  loads; in a multilingual glossary (version 2), to the term's block of the language the file was
  checked in; every file is then checked again, so the finding goes wherever it stood;
- undo: the last decision's file back to its exact bytes, if nobody changed it since.

Nothing is ever written over what another program wrote: every file a run read (the articles, the
glossaries, the baseline) is remembered by its digest, and a decision taken while one of them
differs is refused (``Conflict``) after a fresh check, whose findings come with the refusal. Writes
are atomic (``output.rewrite``, ``output.write_atomic``) and decisions are taken one at a time.
Every decision is a line of the decision log, ``mtcheck-review.jsonl`` next to the config.

Only the files the session was started on (after folder expansion, as ``check`` names them) are
files of the review; any other path is refused (``NotAllowed``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from mtcheck.baseline import with_one_more
from mtcheck.config import glossary_paths
from mtcheck.documents import BILINGUAL_FORMATS, STDIN, decode, document_paths, read_as
from mtcheck.engine import Checker
from mtcheck.errors import GlossaryError, MtcheckError, Problem
from mtcheck.fingerprints import finding_key, numbered_keys
from mtcheck.bilingual.fixing import Uncertain, edit_translation_file, fix_translation_file, uncertain_places
from mtcheck.fixer import AMBIGUOUS, encode_like, fix_file, fixes, read_raw
from mtcheck.glossary.editing import TermChanges, add_term, edit_term
from mtcheck.glossary.loader import GLOSSARY_SUFFIXES, glossary_files, is_projection, load_glossaries
from mtcheck.model import FileResult, Finding, Term, printable_path
from mtcheck.output import FileChanged, refuse_to_overwrite_inputs, rewrite, write_atomic
from mtcheck.reporters.html_report import INLINE_LIMIT, Mark, located, nesting, pieces
from mtcheck.reporters.json_report import report_dict
from mtcheck.runner import compile_index
from mtcheck.scoring.quality import score_run
from mtcheck.suppressions import DIRECTIVE_RE, Suppressions
from mtcheck.text import LINE_BREAK_RE
from mtcheck.visible import visible
from mtcheck.workflow import CheckRequest, _fix_one, resolve_config, run_cache, scored_run, write_targets

LOG_FILE = "mtcheck-review.jsonl"
BASELINE_FILE = ".mtcheck-baseline.json"  # the README's name for a project's baseline

FIX, FIX_ALL, EDIT, DISMISS = "apply-fix", "apply-all-fixes", "edit", "dismiss"
GLOSSARY_ROLES = {"accept-variant": "variants", "add-forbidden": "forbidden", "add-short": "short"}
ADD_TERM = "add-term"  # a name spelled two ways (name-inconsistent): a new term, the other spelling forbidden
ACTIONS = (FIX, FIX_ALL, EDIT, DISMISS, *GLOSSARY_ROLES, ADD_TERM)
# Rules whose finding's text is how the text renders a term: that rendering can join the term. Others
# that name a term flag something else (term-missing: a whole target segment).
RENDERING_RULES = frozenset({"term-misspelled", "term-forbidden", "term-untranslated", "term-inconsistent"})
NEW_TERM_RULES = frozenset({"name-inconsistent"})  # findings of a name with no term yet, and a spelling to suggest
MARKUP_FORMATS = ("markdown", "html")  # their directives are comments: <!-- mtcheck: ignore RULE -->
MAX_REASON = 2000  # characters: a reason is a sentence or two, not a document


class Refused(MtcheckError):
    """A decision or request the session does not carry out; ``status`` is the HTTP status that says why."""

    status = 422


class BadRequest(Refused):
    status = 400


class NotAllowed(Refused):
    """A path that is no file of this review."""

    status = 403


class NotFound(Refused):
    """No such finding or action."""

    status = 404


class Conflict(Refused):
    """The files are not as the decision expects (changed on disk, nothing to undo); ``report``: the
    file's findings after a fresh check, where there is one."""

    status = 409

    def __init__(self, problems, report: dict | None = None):
        super().__init__(problems)
        self.report = report


@dataclass(frozen=True)
class _Decision:
    """What undoing a decision needs: the one file it wrote, its bytes before (None: it did not
    exist) and after."""

    entry: dict  # its decision log line
    written: str
    before: bytes | None
    after: bytes


class ReviewSession:
    """The findings of ``request``'s files and the decisions taken on them; thread-safe (one at a time)."""

    def __init__(self, request: CheckRequest, baseline: str | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        if STDIN in request.paths:
            raise MtcheckError("review works on files, not standard input")
        # One process: the server's threads must not fork a pool, and a review's files are few.
        self._request = replace(request, jobs=1, engine="local", baseline=None, write_baseline=None)
        self.config = resolve_config(self._request)
        folder = os.path.dirname(self.config.path) if self.config.path else ""  # "": the current folder
        self.baseline = baseline or os.path.join(folder, BASELINE_FILE)
        self.log = os.path.join(folder, LOG_FILE)
        self.dismiss = self.config.dismiss
        self._clock = clock
        self._lock = threading.RLock()
        self._cache = _ResultsInMemory(run_cache(self._request, self.config))
        self._glossary_paths = glossary_paths(request.glossaries, self.config, request.use_config or bool(request.config_file))
        self._done: list[_Decision] = []
        self.glossaries = tuple(str(path) for path in glossary_files(self._glossary_paths))
        inputs = [("document", path) for path in document_paths(request.paths, self.config.selection, request.input_format)]
        inputs += [("glossary", path) for path in self.glossaries] + ([("config file", self.config.path)] if self.config.path else [])
        refuse_to_overwrite_inputs([("--baseline", self.baseline), ("the decision log", self.log)], inputs)
        self._check()
        self.paths = tuple(file.path for file in self._run.files)  # the files of the review, in check's order
        if not self.paths:
            raise MtcheckError("nothing to review: no file was checked")
        if unnamable := [path for path in self.paths if printable_path(path) != path]:
            # The page and the API name files in JSON, which cannot hold such a name's bytes.
            raise MtcheckError(Problem(printable_path(unnamable[0]), "its name is not UTF-8, which the review page cannot "
                                                                     "name: rename it, or leave it out of the review"))

    # ------------------------------------------------------------------------------- reading

    def files(self) -> dict:
        """The files of the review with their counts and scores, and where decisions go."""
        with self._lock:
            return self._files_answer()

    def findings(self, path: str) -> dict:
        """The file's findings as a JSON report v1 of that file, each finding with its ``id``,
        ``fingerprint``, the ``actions`` that apply and its ``mark`` in the file's ``view``."""
        with self._lock:
            return self._report(self._allowed(path))

    def recheck(self, path: str | None = None) -> dict:
        """Check every file again (the files, glossaries or baseline may have changed); the
        findings of ``path``, or the file list."""
        with self._lock:
            if path is not None:
                self._allowed(path)
            self._check()
            return self._report(path) if path is not None else self._files_answer()

    def decisions(self, last: int = 200) -> dict:
        """The last lines of the decision log (every session's, not only this one's)."""
        try:
            with open(self.log, encoding="utf-8") as handle:
                lines = handle.readlines()[-last:]
        except FileNotFoundError:
            lines = []
        except (OSError, UnicodeDecodeError) as error:
            raise Refused(Problem(self.log, f"cannot read the decision log: {error}")) from None
        return {"log": self.log, "decisions": [entry for line in lines if (entry := _parsed(line)) is not None]}

    # ------------------------------------------------------------------------------- deciding

    def decide(self, path: str, finding_id: str | None, action: str, *, reason: str | None = None,
               old: str | None = None, new: str | None = None) -> dict:
        """Take ``action`` on the finding ``finding_id`` of ``path`` (apply-all-fixes takes the file,
        and no finding); the decision, the file's fresh findings and the fresh file list."""
        with self._lock:
            path = self._allowed(path)
            if not isinstance(action, str) or not (finding_id is None or isinstance(finding_id, str)):
                raise BadRequest("a decision names its 'action' and the finding's 'id', as texts")
            if action not in ACTIONS:
                raise NotFound(f"unknown action {action!r} (choose from {', '.join(ACTIONS)})")
            if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_REASON):
                raise BadRequest(f"a reason is a text of at most {MAX_REASON} characters")
            self._refuse_if_changed(path)
            if action == FIX_ALL:
                finding, decided = None, self._fix_all(path)
            else:
                finding = self._finding(path, finding_id)
                if action not in self._actions(path, finding):
                    raise Refused(Problem(path, f"{action} does not apply to this {finding.rule} finding"))
                decided = self._take(action, path, finding, reason, old, new)
            written, before, after, details = decided
            entry = self._entry(action, path, finding, finding_id, reason, written, details)
            self._done.append(_Decision(entry, written, before, after))
            self._append_to_log(entry)
            self._check()
            return {"decision": entry, "report": self._report(path), "files": self._files_answer()}

    def undo(self) -> dict:
        """Put back the bytes the last decision replaced, unless its file changed since."""
        with self._lock:
            if not self._done:
                raise Conflict("nothing to undo")
            last = self._done[-1]
            path = last.entry["file"]
            try:
                current = Path(last.written).read_bytes()
            except FileNotFoundError:
                current = None
            if current != last.after:
                self._check()
                raise Conflict(Problem(last.written, f"changed since the decision to {last.entry['action']}: not undone"),
                               self._report(path))
            if last.before is None:
                os.remove(last.written)  # the decision made it (the first dismissal made the baseline)
            else:
                self._replace(last.written, last.after, last.before, path)
            self._done.pop()
            entry = {"time": self._now(), "file": path, "action": "undo", "undoes": last.entry["action"],
                     "of": last.entry["time"], "finding": last.entry.get("finding"), "written": last.written}
            self._append_to_log(entry)
            self._check()
            return {"decision": entry, "undone": last.entry, "report": self._report(path), "files": self._files_answer()}

    def _take(self, action: str, path: str, finding: Finding, reason: str | None, old, new):
        if action == FIX:
            return self._fix(path, finding)
        if action == EDIT:
            return self._edit(path, finding, old, new)
        if action == DISMISS:
            return self._dismiss_inline(path, finding) if self._dismissed_inline(path) else self._dismiss(finding, reason)
        if action == ADD_TERM:
            return self._add_term(path, finding)
        return self._add_to_glossary(finding, GLOSSARY_ROLES[action])

    def _fix(self, path: str, finding: Finding):
        raw = read_raw(path)
        if self._translation_file(path):  # through the file's format, verified (bilingual.fixing)
            checker = self._checker_of(path)
            file_fix = fix_translation_file(path, raw, [finding], checker.read, self._kind(path), checker.encoding)
        else:
            file_fix = fix_file(path, raw, [finding], encoding=self._checker.encoding)
        if not file_fix.edits:
            [(_, why)] = file_fix.left_for_a_person or [(finding, AMBIGUOUS)]
            raise Refused(Problem(path, f"{finding.text!r} cannot be fixed here: {why}; edit it instead"))
        [edit] = file_fix.edits
        text = decode(raw, path, self._checker.encoding)
        return (self._write_document(path, raw, file_fix.after), raw, file_fix.after,
                {"before": text[edit.start:edit.end], "after": edit.replacement})

    def _fix_all(self, path: str):
        file_fix = _fix_one(self._checker_of(path), self._file(path))  # exactly what `mtcheck fix --write` writes
        if not file_fix.changed:
            raise Refused(Problem(path, "nothing to fix in this file"))
        edits = [{"before": edit.finding.text, "after": edit.replacement} for edit in file_fix.edits]
        return self._write_document(path, file_fix.before, file_fix.after), file_fix.before, file_fix.after, {"edits": edits}

    def _edit(self, path: str, finding: Finding, old, new):
        if not isinstance(old, str) or not isinstance(new, str):
            raise BadRequest("edit needs 'old' (the finding's text) and 'new' (its replacement), both texts")
        raw = read_raw(path)
        if self._translation_file(path):
            return self._edit_translation(path, finding, old, new, raw)
        text = decode(raw, path, self._checker.encoding)
        if old != finding.text or not located(text, finding):
            raise Conflict(Problem(path, f"the span no longer holds {old!r}: nothing written"), self._report(path))
        start, end = finding.offset, finding.offset + finding.length
        try:
            after = encode_like(raw, text[:start] + new + text[end:], self._checker.encoding)
        except UnicodeEncodeError as error:
            raise Refused(Problem(path, f"{error.object[error.start]!r} cannot be written in this file's encoding "
                                        f"({error.encoding})")) from None
        return self._write_document(path, raw, after), raw, after, {"before": text[start:end], "after": new}

    def _edit_translation(self, path: str, finding: Finding, old: str, new: str, raw: bytes):
        """``new`` in place of the finding's span in its unit's target, written as the file's format
        writes text; refused where that span's place in the file is uncertain."""
        if old != finding.text:
            raise Conflict(Problem(path, f"the span no longer holds {old!r}: nothing written"), self._report(path))
        checker = self._checker_of(path)
        try:
            after = edit_translation_file(path, raw, finding, new, checker.read, self._kind(path), checker.encoding)
        except Uncertain as why:
            raise Refused(Problem(path, f"{finding.text!r} cannot be edited here: {why}")) from None
        return self._write_document(path, raw, after), raw, after, {"before": finding.text, "after": new}

    def _dismiss(self, finding: Finding, reason: str | None):
        before = _read_or_none(self.baseline)
        after = with_one_more(self.baseline if before is not None else None, finding, reason).encode("utf-8")
        self._replace(self.baseline, before, after, finding.path)
        return self.baseline, before, after, {"before": finding.text, "after": None, "dismissed_in": "baseline"}

    def _dismissed_inline(self, path: str) -> bool:
        """Whether a dismissal goes into the text: the config says so, and the file is a text that
        can hold a directive line (a translation file's units cannot: its dismissals go to the baseline)."""
        return self.dismiss == "inline" and not self._bilingual(path)

    def _dismiss_inline(self, path: str, finding: Finding):
        raw = read_raw(path)
        text = decode(raw, path, self._checker.encoding)
        markup = read_as(path, self._request.input_format) in MARKUP_FORMATS
        after = encode_like(raw, with_directive(text, finding.offset, finding.rule, markup), self._checker.encoding)
        return (self._write_document(path, raw, after), raw, after,
                {"before": finding.text, "after": None, "dismissed_in": "inline"})

    def _add_to_glossary(self, finding: Finding, role: str):
        term, glossary, form, listed_as, language = self._glossary_form(finding)
        if listed_as == role:
            raise Refused(Problem(finding.path, f"{form!r} is already in the {role} of term {term.id!r}"))
        before = Path(glossary).read_bytes()
        # A forbidden form accepted as a variant or short form leaves the forbidden list: a form has one role.
        changes = TermChanges(remove=[form] if listed_as else [], add={role: [form]})
        text = edit_term(glossary, term.id, changes, language)  # refuses what makes this file invalid
        refuse_invalid_set([str(path) for path in glossary_files(self._glossary_paths)], glossary, text)  # and clashes
        after = text.encode("utf-8")
        self._replace(glossary, before, after, finding.path)
        details = {"before": finding.text, "after": form, "glossary": glossary, "role": role}
        return glossary, before, after, details | ({"language": language} if language else {})

    def _add_term(self, path: str, finding: Finding):
        """A new term for a name the text spells two ways: the spelling the rule suggests (the more
        frequent) canonical, the flagged one forbidden, in the first glossary of the file's language."""
        glossary, language = self._glossary_for_new_terms(path)
        canonical, forbidden = " ".join(finding.suggestion.split()), " ".join(finding.text.split())
        term = {"id": self._new_term_id(canonical), "canonical": canonical, "forbidden": [forbidden],
                "note": f"Added in a review of {printable_path(path)}, which also wrote it '{forbidden}'."}
        before = Path(glossary).read_bytes()
        text = add_term(glossary, term, language)  # refuses what makes this file invalid
        refuse_invalid_set([str(path) for path in glossary_files(self._glossary_paths)], glossary, text)
        after = text.encode("utf-8")
        self._replace(glossary, before, after, finding.path)
        details = {"before": forbidden, "after": canonical, "glossary": glossary, "role": "forbidden", "new_term": term["id"]}
        return glossary, before, after, details | ({"language": language} if language else {})

    def _glossary_for_new_terms(self, path: str) -> tuple[str, str | None]:
        """(the first YAML glossary in use that serves the file's language, its language block: None
        in a version-1 glossary); Refused when there is none."""
        from mtcheck.bilingual.formats import same_language

        wanted = self._checker_of(path).language
        for glossary in self._glossaries.values():
            if not glossary.path.lower().endswith(GLOSSARY_SUFFIXES):
                continue
            if is_projection(glossary):
                if block := self._block_language(path, glossary):
                    return glossary.path, block
            elif same_language(glossary.language, wanted):
                return glossary.path, None
        raise Refused(Problem(path, f"no YAML glossary in use serves {wanted!r}: a new term has nowhere to go"))

    def _new_term_id(self, canonical: str) -> str:
        """An id made of the canonical form ("Lajčák" -> "lajcak"), numbered when taken."""
        from mtcheck.folding import strip_diacritics

        base = re.sub(r"[^a-z0-9]+", "-", strip_diacritics(canonical).lower()).strip("-") or "term"
        taken = {term.id for glossary in self._glossaries.values() for term in glossary.terms}
        return next(candidate for n in range(1, len(taken) + 2)
                    if (candidate := base if n == 1 else f"{base}-{n}") not in taken)

    # ------------------------------------------------------------------------------- the run

    def _check(self) -> None:
        """Check every file again, remembering the bytes of every file the run reads."""
        request = replace(self._request, baseline=self.baseline if os.path.exists(self.baseline) else None)
        watched = document_paths(request.paths, self.config.selection, request.input_format)
        watched += [str(path) for path in glossary_files(self._glossary_paths)] + [self.baseline]
        seen = {path: _digest(path) for path in watched}  # before the run: a change meanwhile is noticed
        run, checker, _, languages = scored_run(request, cache=self._cache)
        self._run, self._checker, self._languages, self._seen = run, checker, languages, seen
        compiled = compile_index(self._glossary_paths, self._cache)  # the run's own, kept in memory
        self._glossaries = {glossary.name: glossary for glossary in compiled.glossaries}  # a term's file, by its name
        self._file_checkers: dict[str, Checker] = {}
        self._places: dict[str, dict[int, str]] = {}  # per translation file: _uncertain's answer
        self._terms: dict[int, dict[str, Term]] = {}

    def _checker_of(self, path: str) -> Checker:
        """The checker that checked ``path``: the run's, or with a multilingual glossary the one of
        the file's language (a translation file declares it), asked once per check."""
        if self._languages is None:
            return self._checker
        if path not in self._file_checkers:
            self._file_checkers[path] = self._languages.for_file(path)
        return self._file_checkers[path]

    def _term_of(self, path: str, term_id: str) -> Term | None:
        """Term ``term_id`` as the check of ``path`` read it (a multilingual one: in the file's language)."""
        checker = self._checker_of(path)
        if id(checker) not in self._terms:
            self._terms[id(checker)] = {term.id: term for term in checker.index.terms}
        return self._terms[id(checker)].get(term_id)

    def _block_language(self, path: str, glossary) -> str | None:
        """The language block of a multilingual glossary that the check of ``path`` read; None for version 1."""
        if not is_projection(glossary):
            return None
        from mtcheck.glossary.concepts import matching_language

        return matching_language(self._checker_of(path).language, glossary.languages)

    def _refuse_if_changed(self, path: str) -> None:
        """A Conflict, after a fresh check, when a file the run read changed since."""
        changed = [name for name, digest in self._seen.items() if _digest(name) != digest]
        if changed:
            self._check()
            raise Conflict(Problem(changed[0], "changed on disk since it was checked: checked again, nothing written; "
                                               "decide on the fresh findings"), self._report(path))

    def _allowed(self, path) -> str:
        if not isinstance(path, str) or path not in self.paths:
            raise NotAllowed(f"not a file of this review: {path!r}" if isinstance(path, str) else "a path is a text")
        return path

    def _file(self, path: str) -> FileResult:
        file = next((file for file in self._run.files if file.path == path), None)
        if file is None:
            raise Refused(Problem(path, "is no longer checked (removed, or now skipped)"))
        return file

    def _finding(self, path: str, finding_id) -> Finding:
        file = self._file(path)
        for finding, (key, number) in zip(file.findings, numbered_keys(file.findings)):
            if finding_id == f"{key}-{number}":
                return finding
        raise NotFound(Problem(path, f"no finding {finding_id!r} (the file may have changed: fetch its findings again)"))

    def _bilingual(self, path: str) -> bool:
        return path in self._checker.sources or read_as(path, self._request.input_format) in BILINGUAL_FORMATS

    def _translation_file(self, path: str) -> bool:
        """A translation file, edited through its format (a target paired with --source is not)."""
        return path not in self._checker.sources and self._kind(path) in BILINGUAL_FORMATS

    def _kind(self, path: str) -> str | None:
        return read_as(path, self._request.input_format)

    def _uncertain(self, path: str) -> dict[int, str]:
        """Why a translation file's findings (by id) cannot be edited where they are: their place in
        the raw file is uncertain (markup, escapes); asked once per check."""
        if path not in self._places:
            checker = self._checker_of(path)
            findings = list(self._file(path).findings)
            try:
                self._places[path] = uncertain_places(path, read_raw(path), findings, checker.read, self._kind(path),
                                                      checker.encoding)
            except MtcheckError as error:  # unreadable now: nothing is edited in it
                self._places[path] = {id(finding): str(error) for finding in findings}
        return self._places[path]

    def _actions(self, path: str, finding: Finding) -> list[str]:
        """The decisions that apply to ``finding``. A translation file's findings point into its units
        (offsets within a target): they are edited through its format, where their place is certain."""
        actions = [DISMISS]
        editable = (not self._bilingual(path) or
                    (self._translation_file(path) and id(finding) not in self._uncertain(path)))
        if editable:
            actions.append(EDIT)
            if finding.fixable and fixes([finding]):
                actions.append(FIX)
        known = self._glossary_form(finding, quietly=True)
        if known is not None:
            actions += [action for action, role in GLOSSARY_ROLES.items() if role != known[3]]
        if finding.rule in NEW_TERM_RULES and finding.suggestion and self._can_add_terms(path):
            actions.append(ADD_TERM)
        return actions

    def _can_add_terms(self, path: str) -> bool:
        try:
            return bool(self._glossary_for_new_terms(path))
        except Refused:
            return False

    def _glossary_form(self, finding: Finding, quietly: bool = False) -> tuple[Term, str, str, str | None, str | None] | None:
        """(term, its glossary file, the form, the list that holds it: None or "forbidden", the
        language block it goes to: None in a version-1 glossary) when the finding's text is a
        rendering of a term that its glossary (a YAML file) does not accept yet: one it does not
        list, or lists as forbidden (an editor may decide it is acceptable after all)."""
        term = self._term_of(finding.path, finding.term) if finding.term else None
        glossary = self._glossaries.get(term.glossary) if term is not None else None
        form = " ".join(finding.text.split())
        listed_as = None
        if glossary is not None:
            listed_as = next((role for role, forms in term.forms_by_role().items()
                              if any(f.casefold() == form.casefold() for f in forms)), None)
            if listed_as is None and finding.rule == "term-forbidden":
                # An inflection of a forbidden form ("dem Serbischen Gemeindebund"): the decision is
                # on the form the glossary lists, never a second spelling of it beside it.
                listed = _inflected_from(form, term.forbidden, self._checker_of(finding.path).language)
                form, listed_as = (listed, "forbidden") if listed else (form, None)
        unknown_forbidden = finding.rule == "term-forbidden" and listed_as != "forbidden"
        if (glossary is None or unknown_forbidden or finding.rule not in RENDERING_RULES
                or listed_as not in (None, "forbidden") or not form
                or not glossary.path.lower().endswith(GLOSSARY_SUFFIXES)):
            if quietly:
                return None
            raise Refused(Problem(finding.path, f"{form!r} cannot join the glossary here: it is no new rendering of a term"))
        return term, glossary.path, form, listed_as, self._block_language(finding.path, glossary)

    # ------------------------------------------------------------------------------- writing

    def _write_document(self, path: str, before: bytes, after: bytes) -> str:
        """Write a text of the review where ``fix --write`` would (through a link inside the tree);
        the file written."""
        target = write_targets(list(self._request.paths), [path])[path]
        self._replace(target, before, after, path)
        return target

    def _replace(self, written: str, before: bytes | None, after: bytes, shown: str) -> None:
        """``after`` in place of ``before`` in ``written`` (None: a new file), atomically, unless
        another program changed it meanwhile: then a Conflict with ``shown``'s fresh findings."""
        try:
            if before is None:
                if os.path.exists(written):
                    raise FileChanged(Problem(written, "was made meanwhile"))
                write_atomic(written, after)
            else:
                rewrite(written, before, after)
        except FileChanged:
            self._check()
            raise Conflict(Problem(written, "changed on disk meanwhile: left as it is now, nothing written"),
                           self._report(shown)) from None

    def _entry(self, action: str, path: str, finding: Finding | None, finding_id, reason, written: str,
               details: dict) -> dict:
        entry = {"time": self._now(), "file": path, "action": action}
        if finding is not None:
            entry |= {"finding": finding_key(finding), "id": finding_id, "rule": finding.rule, "term": finding.term,
                      "line": finding.line, "column": finding.column}
        return entry | details | {"reason": reason or None, "written": written}

    def _append_to_log(self, entry: dict) -> None:
        """One line at the end of the decision log, in one write: lines of two sessions appending
        side by side never mix, and earlier lines are never rewritten (a log is appended to, where
        ``write_atomic`` would replace the file and could drop another session's line)."""
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
        try:
            handle = os.open(self.log, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
            try:
                os.write(handle, line)
                os.fsync(handle)
            finally:
                os.close(handle)
        except OSError as error:
            raise Refused(Problem(self.log, f"the decision was written, but not logged: {error.strerror}")) from None

    def _now(self) -> str:
        return self._clock().astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")

    # ------------------------------------------------------------------------------- answers

    def _files_answer(self) -> dict:
        scores = self._run.scores
        files = []
        for path in self.paths:
            file = next((f for f in self._run.files if f.path == path), None)
            row = {"path": path, "checked": file is not None, "bilingual": self._bilingual(path)}
            if file is not None:
                row |= {"words": file.words, "findings": len(file.findings), "baselined": file.baselined}
                if scores is not None and path in scores.files:
                    row["score"] = scores.files[path].as_dict()
            files.append(row)
        return {"files": files, "glossaries": list(self.glossaries), "baseline": self.baseline, "log": self.log,
                "dismiss": self.dismiss, "can_undo": bool(self._done)}

    def _report(self, path: str) -> dict:
        file = self._file(path)
        run = replace(self._run, files=(file,), skipped=())
        report = report_dict(replace(run, scores=score_run(run, self._checker.config.scoring)))
        [head] = report["files"]
        view, marks = self._view(path, file)
        for found, finding, (key, number), mark in zip(head["findings"], file.findings, numbered_keys(file.findings), marks):
            found |= {"id": f"{key}-{number}", "fingerprint": key, "actions": self._actions(path, finding), "mark": mark}
        head["actions"] = [FIX_ALL] if any(FIX in found["actions"] for found in head["findings"]) else []
        head["view"] = view
        report["review"] = {"dismiss": "inline" if self._dismissed_inline(path) else "baseline", "can_undo": bool(self._done)}
        return report

    def _view(self, path: str, file: FileResult) -> tuple[dict, list[int | None]]:
        """How the page shows the file: its text cut into pieces at the findings' marks, or a
        translation file's checked units, each target cut so; and each finding's mark (the one it
        is shown at: its own, or the one it crosses; None where its text is not shown)."""
        if self._bilingual(path):
            document = self._checker_of(path).read(path)  # a translation file, read in its language
            marks: list[int | None] = [None] * len(file.findings)
            segments = []
            for pair in document.pairs:
                numbers = [n for n, f in enumerate(file.findings) if f.segment == pair.index]
                shown = _pieces(pair.target or "", file.findings, numbers, marks)
                segments.append({"segment": pair.index, "unit": pair.unit, "source": visible(pair.source, keep_line_breaks=True),
                                 "pieces": shown})
            return {"kind": "segments", "segments": segments}, marks
        raw = read_raw(path)
        if len(raw) > INLINE_LIMIT:
            return {"kind": "none", "note": f"The file is too large to show ({len(raw) / 2**20:,.0f} MB)."}, [None] * len(file.findings)
        text = decode(raw, path, self._checker.encoding)
        if not all(located(text, f) for f in file.findings):
            return {"kind": "none", "note": "The file changed since it was checked: re-check it."}, [None] * len(file.findings)
        marks = [None] * len(file.findings)
        return {"kind": "text", "pieces": _pieces(text, file.findings, list(range(len(file.findings))), marks)}, marks


def _pieces(text: str, findings: tuple[Finding, ...], numbers: list[int], marks: list[int | None]) -> list[list]:
    """``text`` cut at the marks of the findings ``numbers`` (html_report's nesting), as the page
    builds it: ["text", shown text], ["open", finding number], ["close"]; fills in ``marks``."""
    ids = [str(n) for n in numbers]
    anchors = nesting(tuple(findings[n] for n in numbers), ids)
    for n, anchor in zip(numbers, anchors):
        marks[n] = int(anchor)
    own = [Mark(str(n), findings[n], anchor, "", "") for n, anchor in zip(numbers, anchors) if anchor == str(n)]
    shown: list[list] = []
    for kind, value in pieces(text, own):
        if kind == "text":
            shown.append(["text", visible(value, keep_line_breaks=True)])
        else:
            shown.append(["open", int(value.id)] if kind == "open" else ["close"])
    return shown


def refuse_invalid_set(files: list[str], changed: str, text: str) -> None:
    """Refuse (``Refused``) the glossary ``text`` for the file ``changed`` when it loads alone but not
    beside the other ``files`` in use (a form another file's term claims), before anything is written."""
    with tempfile.TemporaryDirectory() as folder:
        real = {}
        for number, name in enumerate(files):  # a folder each: two glossaries may share a file name
            trial = Path(folder, str(number), Path(name).name)
            trial.parent.mkdir()
            trial.write_bytes(text.encode("utf-8") if name == changed else Path(name).read_bytes())
            real[str(trial)] = name
        try:
            load_glossaries(list(real))
        except GlossaryError as error:
            raise Refused([Problem(real.get(p.path, p.path), f"refused: {p.message}", p.line, p.column)
                           for p in error.problems]) from None


def with_directive(text: str, offset: int, rule: str, markup: bool) -> str:
    """``text`` with ``rule`` silenced on the line holding ``offset``: the directive line above it
    names the rule too, or a new one is put there, indented as the line is (in a Markdown list item,
    a comment at the margin would end the list)."""
    start = _line_start(text, offset)
    if start:
        above = _line_start(text, start - 1)
        line = text[above:start].rstrip("\r\n")
        directive = DIRECTIVE_RE.match(line)
        silenced = Suppressions()
        silenced.read(line, 1)
        if directive and silenced.by_line:
            rules = silenced.by_line[2]
            if rules is None or rule in rules:
                return text  # silenced already
            listed = ", ".join(sorted(rules | {rule}))
            return text[:above] + line[:directive.start(2)] + " " + listed + line[directive.end(2):] + text[above + len(line):]
    indent = re.match(r"[ \t]*", text[start:]).group()
    words = f"mtcheck: ignore {rule}"
    breaks = LINE_BREAK_RE.search(text, start) or LINE_BREAK_RE.search(text)
    return text[:start] + indent + (f"<!-- {words} -->" if markup else words) + (breaks.group() if breaks else "\n") + text[start:]


def _line_start(text: str, offset: int) -> int:
    """Where the line holding ``offset`` starts (line breaks as the engine counts them)."""
    return max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1


def _digest(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _read_or_none(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        return None


def _parsed(line: str) -> dict | None:
    try:
        entry = json.loads(line)
    except json.JSONDecodeError:
        return None  # a line cut short by a crash: the others still count
    return entry if isinstance(entry, dict) else None


class _ResultsInMemory:
    """The cache of a session's checks: file results kept in memory, since a review checks its files
    again after every decision and most are unchanged (with --no-cache too); the term index, and
    anything else, from the on-disk cache as ``check`` uses it."""

    KEEP = 1024  # results: past this many, the memory starts afresh

    def __init__(self, disk):
        self._disk = disk
        self._results: dict[str, object] = {}

    def __getattr__(self, name: str):  # problem, answered, written, trim: the on-disk cache's
        return getattr(self._disk, name)

    def get(self, kind: str, key: str, lasting: bool = False, expect=None):
        if kind == "results" and key in self._results:
            value = self._results[key]
            if expect is None or expect(value):
                return value
        return self._disk.get(kind, key, lasting, expect)

    def put(self, kind: str, key: str, value) -> None:
        if kind == "results":
            if len(self._results) >= self.KEEP:
                self._results.clear()
            self._results[key] = value
        self._disk.put(kind, key, value)


def _inflected_from(written: str, forms: tuple[str, ...], language: str) -> str | None:
    """The one of ``forms`` that ``written`` is inflected, word by word, in ``language``; None when
    none is, or the language has no stemmer."""
    from mtcheck.inflection import stems_for

    stems = stems_for(language)
    return None if stems is None else next((form for form in forms if stems.same_words(written, form)), None)

