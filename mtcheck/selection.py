"""Which files a folder walk picks: ``include``, ``exclude`` and ``.gitignore``.

A folder named on the command line is walked for the files mtcheck reads there; a file found is
checked when

- it matches an ``include`` pattern, if there are any (``--include`` replaces the config's);
- it matches no ``exclude`` pattern (the config's, and ``--exclude``'s besides);
- git does not ignore it (``.gitignore`` files from the work tree's top down to the file's folder,
  and ``.git/info/exclude``), unless ``respect_gitignore`` is off.

Patterns are gitignore's (https://git-scm.com/docs/gitignore), relative to the folder of the file
they come from: the config file's folder, the current folder for the command line's, the
``.gitignore``'s own folder. As in git, a subfolder that ``exclude`` or git leaves out is not
entered, so a ``!`` pattern cannot bring back a file inside it, and ``.git`` is never entered.

What was named is checked: a file named on the command line is always checked, and a pattern that
matches a named folder itself (or a folder above it) is set aside while that folder is walked, so
``mtcheck check articles/drafts`` checks the drafts that ``exclude: [drafts/]`` keeps out of
``mtcheck check articles``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

GIT = ".git"
GITIGNORE = ".gitignore"


@dataclass(frozen=True, slots=True)
class Patterns:
    """Gitignore-style patterns and the folder they are relative to."""

    folder: str  # absolute
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Selection:
    """The rules a folder walk follows (plain data: it travels with the config to worker processes)."""

    exclude: tuple[Patterns, ...] = ()
    include: Patterns | None = None  # None: every file of a kind mtcheck reads
    respect_gitignore: bool = True

    def with_command_line(self, exclude: list[str], include: list[str], respect_gitignore: bool,
                          folder: str) -> Selection:
        """This selection with the command line's patterns, relative to ``folder`` (the current one):
        ``--exclude`` patterns are added to the configured ones, ``--include`` ones replace them."""
        return Selection(
            exclude=self.exclude + ((Patterns(folder, tuple(exclude)),) if exclude else ()),
            include=Patterns(folder, tuple(include)) if include else self.include,
            respect_gitignore=self.respect_gitignore and respect_gitignore,
        )


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` (from a config or the command line) is no gitignore pattern that matches
    anything (None if it is one)."""
    from pathspec.patterns.gitignore.base import GitIgnorePatternError

    try:
        compiled = _pattern(pattern)
    except GitIgnorePatternError:
        why = (" (it ends with a lone backslash)" if pattern.endswith("\\") else
               " (a '!' needs a pattern after it)" if pattern.startswith("!") else "")
        return "not a gitignore pattern" + why
    if compiled.include is not None:
        return None
    if not pattern.strip():
        return "empty"
    if pattern.startswith("#"):
        return "a comment in gitignore syntax (write \\# for a name that starts with #)"
    return "a pattern git discards (a '[' without its ']'?)"


@dataclass
class Walk:
    """What a walk found: the files to check, and how much it left out."""

    files: list[str] = field(default_factory=list)
    files_left_out: int = 0  # files of a kind mtcheck reads
    folders_left_out: int = 0  # not entered (.git aside)


def walk(folder: str, suffixes: tuple[str, ...], selection: Selection, on_error) -> Walk:
    """The files with these suffixes (lower case) in ``folder`` and its subfolders that the selection
    keeps, in os.walk's order, named as ``folder`` is. Links to folders are not followed.
    ``on_error`` is os.walk's: it gets the OSError of a folder that cannot be read."""
    top = os.path.abspath(folder)
    excluded = tuple(layer for patterns in selection.exclude
                     if (layer := _layer_above(patterns.lines, patterns.folder, top, set_aside_matches=True)))
    include = (_layer_above(selection.include.lines, selection.include.folder, top, set_aside_matches=False)
               if selection.include else None)
    ignored = {"": _git_layers_above(top) if selection.respect_gitignore else None}
    found = Walk()
    for here, subfolders, names in os.walk(folder, onerror=on_error):
        inside = _inside(here, folder)
        git = ignored.pop(inside, None)
        kept = []
        for name in subfolders:
            path = inside + name
            if name == GIT:
                continue
            if _left_out(path, True, excluded, git):
                found.folders_left_out += 1
                continue
            kept.append(name)
            if selection.respect_gitignore:
                ignored[path + "/"] = _git_layers_below(git, os.path.join(top, path), path + "/")
        subfolders[:] = kept
        for name in names:
            if not name.lower().endswith(suffixes):
                continue
            path = inside + name
            if _left_out(path, False, excluded, git) or (include is not None and not include.says(path, False)):
                found.files_left_out += 1
            else:
                found.files.append(os.path.join(here, name))
    return found


def _inside(here: str, folder: str) -> str:
    """Where ``here`` (as os.walk names it) is below ``folder``: "" or "sub/dir/"."""
    relative = os.path.relpath(here, folder)
    return "" if relative == "." else relative.replace(os.sep, "/") + "/"


def _left_out(path: str, is_folder: bool, excluded: tuple[_Layer, ...], git: tuple[_Layer, ...] | None) -> bool:
    if any(layer.says(path, is_folder) for layer in excluded):
        return True
    verdict = None
    for layer in git or ():  # git: the deepest .gitignore with a say about the path has the last word
        if (said := layer.says(path, is_folder)) is not None:
            verdict = said
    return bool(verdict)


@dataclass(frozen=True, slots=True)
class _Layer:
    """One list of patterns, and how a path below the walked folder reads from the patterns' folder:
    ``lead`` put before it (their folder is at or above the walked one), or ``strip`` characters
    taken off its start (a .gitignore in a subfolder)."""

    spec: object  # pathspec.GitIgnoreSpec
    lead: str = ""
    strip: int = 0

    def says(self, path: str, is_folder: bool) -> bool | None:
        """True: the patterns match ``path`` (left out, or for include: kept); False: a ``!`` pattern
        matched it last; None: no pattern matches it."""
        relative = self.lead + path[self.strip:] + ("/" if is_folder else "")
        return self.spec.check_file(relative).include


def _layer_above(lines: tuple[str, ...], folder: str, top: str, set_aside_matches: bool) -> _Layer | None:
    """The layer of patterns relative to ``folder`` for a walk of ``top``. With ``set_aside_matches``,
    patterns that match ``top`` itself are left out (the walked folder was named: it is wanted)."""
    lead = _relative(top, folder)
    patterns = [_pattern(line) for line in lines]
    if lead and set_aside_matches:
        patterns = [p for p in patterns if p.include is None or p.match_file(lead) is None]
    return _Layer(_spec(patterns), lead) if patterns else None


def _relative(top: str, folder: str) -> str:
    """``top`` relative to ``folder`` as a lead for paths below it: "" or "a/b/" (or "../x/" when
    outside it); through symbolic links if that brings it inside."""
    relative = os.path.relpath(top, folder)
    if relative.startswith(".."):
        real = os.path.relpath(os.path.realpath(top), os.path.realpath(folder))
        relative = real if not real.startswith("..") else relative
    return "" if relative == "." else relative.replace(os.sep, "/") + "/"


def _git_layers_above(top: str) -> tuple[_Layer, ...] | None:
    """What git ignores, as layers for a walk of ``top``: .git/info/exclude and the .gitignore files
    from the work tree's top down to ``top``, lowest precedence first; None outside a work tree."""
    folders = [top]
    while not os.path.exists(os.path.join(folders[-1], GIT)):
        parent = os.path.dirname(folders[-1])
        if parent == folders[-1]:
            return None
        folders.append(parent)
    layers = []
    for index, folder in enumerate(reversed(folders)):
        sources = ([_info_exclude(folder)] if index == 0 else []) + [os.path.join(folder, GITIGNORE)]
        for source in sources:
            if lines := _gitignore_lines(source):
                layers.append(_layer_above(lines, folder, top, set_aside_matches=True))
    return tuple(layer for layer in layers if layer)


def _git_layers_below(above: tuple[_Layer, ...] | None, folder: str, inside: str) -> tuple[_Layer, ...] | None:
    """The layers for what is in ``folder`` (``inside`` the walked one): those of its parent plus its
    own .gitignore; a folder holding .git starts a work tree (a nested repository) of its own."""
    if os.path.exists(os.path.join(folder, GIT)):
        sources, above = (_info_exclude(folder), os.path.join(folder, GITIGNORE)), ()
    elif above is None:
        return None
    else:
        sources = (os.path.join(folder, GITIGNORE),)
    own = tuple(_Layer(_spec([_pattern(line) for line in lines]), strip=len(inside))
                for source in sources if (lines := _gitignore_lines(source)))
    return above + own


def _info_exclude(top: str) -> str:
    """The work tree's .git/info/exclude; for a linked work tree or a submodule (.git is a file
    saying "gitdir: ..."), the one in the repository it names (its common folder, if it has one)."""
    git = os.path.join(top, GIT)
    if os.path.isfile(git):
        try:
            with open(git, encoding="utf-8", errors="surrogateescape") as handle:
                first = handle.readline().strip()
        except OSError:
            return os.path.join(git, "info", "exclude")  # unreadable: a path that reads as nothing
        git = os.path.join(top, first.removeprefix("gitdir:").strip())
        try:
            with open(os.path.join(git, "commondir"), encoding="utf-8", errors="surrogateescape") as handle:
                git = os.path.join(git, handle.read().strip())
        except OSError:
            pass
    return os.path.join(git, "info", "exclude")


def _gitignore_lines(path: str) -> tuple[str, ...]:
    """The usable patterns of a .gitignore-style file; none if it is missing or unreadable. Lines
    that are no pattern are dropped, as git drops them."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return ()
    return tuple(line for line in lines if line.strip() and not line.startswith("#") and pattern_problem(line) is None)


@lru_cache(maxsize=4096)
def _pattern(line: str):
    """One compiled pattern (compiling costs about 0.3 ms: a .gitignore read again reuses them).
    pathspec is imported only by walks: checking named files does not load it."""
    from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern

    return GitIgnoreSpecPattern(line)


def _spec(patterns: list):
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec(patterns)
