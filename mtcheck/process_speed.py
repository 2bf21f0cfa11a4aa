"""Process-level speed tricks, all in one place, each with what it buys.

None of them changes a result. Each trades some of the interpreter's generality for time on the
objects mtcheck holds by the million: a term index (10^6 objects for 10^4 terms) that lives as long
as the run, and 10^4-10^6 findings that cross process boundaries. The figures are medians measured
by ``bench/process_tricks.py`` with the trick and without it (3 runs each, 2 December 2026, on 2
cores shared with other work: load average 1-4, so the spread is wide):

1. ``freeze_lasting`` (``gc.freeze``) once the term index is compiled or loaded, and in each worker
   process as it starts: the collector no longer walks the index at every full collection, and a
   forked worker no longer writes to (and so copies) the index pages it shares with its parent.
   ``check`` of corpus-1m-10k (5.6 MB) with the 10k-term glossary, ``-j 1 --no-cache`` (6 runs each):
   24.2 s with it, 28.6 s without (runs 21.0-33.6 s and 22.1-35.4 s; slower in 5 pairs of 6). The
   workers' freeze saves memory (pages not copied) more than time, and is not timed apart.
2. ``collector_paused`` (``gc.disable``) while a worker examines a segment of a large file (10^5
   short-lived objects, no cycles), and while the cache unpickles an entry (10^5-10^6 objects at
   once); a cache entry that lasts the run is frozen at once.
   Loading the 10k-term index as the cache does: 0.42 s with it, 0.98 s without. Examining the
   segments of corpus-1m-10k as a worker does (index frozen; 5 runs
   each, load average 1-2): 7.33 s with it, 7.72 s without.
3. ``exit_at_once`` (``os._exit``) once a run has done its work and said so: Python would free the
   index's objects one by one at exit (mypy does the same).
   ``check`` of one article against the 10k-term glossary, index from the cache: 0.80 s with it,
   0.86 s without (60 ms, about 7 %, of every such run).
4. ``pickled_as_fields`` for Term and Finding (and FileResult's findings as rows of fields,
   ``model.FileResult.__reduce__``): the default pickling of a frozen slots dataclass is a Python
   loop per object (its ``__getstate__``) and a call per field (its frozen ``__setattr__``).
   A FileResult of 10^5 findings dumped and loaded (collector paused, as the cache does): 0.64 s with
   it, 1.90 s without.

Pickling hooks that stay on their classes, because they name private state: ``TermIndex.__getstate__``
(mtcheck/glossary/index/term_index.py) and ``Lexicon.__getstate__`` leave per-process memos out of the pickle
(the cache entry and what a worker is sent stay small); ``MtcheckError.__reduce__`` keeps the
problems of an error raised in a worker (correctness, not speed).
"""

from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager
from operator import attrgetter


def freeze_lasting() -> None:
    """Move every object alive now out of the collector's reach for the rest of the process: call it
    once what lives as long as the run (the term index) is built."""
    gc.freeze()


@contextmanager
def collector_paused(then_freeze: bool = False):
    """No garbage collection while the block makes many objects and no cycles; ``then_freeze``: what
    the block made lives as long as the process (``freeze_lasting``)."""
    gc.disable()
    try:
        yield
    finally:
        if then_freeze:
            gc.freeze()
        gc.enable()


def exit_at_once(code: int) -> None:
    """End the process with ``code`` without freeing its objects one by one. Takes the usual exit
    (``SystemExit``) instead while worker processes are alive (it waits for them: they must not
    outlive the run), or when standard output or error cannot be flushed (it reports that)."""
    if _workers_alive():
        raise SystemExit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a broken or closed pipe
        raise SystemExit(code) from None
    os._exit(code)


def _workers_alive() -> bool:
    multiprocessing = sys.modules.get("multiprocessing")
    return multiprocessing is not None and bool(multiprocessing.active_children())


def pickled_as_fields(cls):
    """Pickle a frozen slots dataclass as the tuple of its fields, and rebuild it through its slots
    (``from_fields``)."""
    from dataclasses import fields  # here: the console script imports this module before anything else

    names = [f.name for f in fields(cls)]
    values = attrgetter(*names)
    _SLOT_SETTERS[cls] = tuple(getattr(cls, name).__set__ for name in names)
    cls.__reduce__ = lambda self: (from_fields, (cls, values(self)))
    return cls


_SLOT_SETTERS: dict[type, tuple] = {}


def from_fields(cls: type, values: tuple):
    """An instance of a ``pickled_as_fields`` class, its slots set to ``values`` (in field order)."""
    rebuilt = object.__new__(cls)
    for set_field, value in zip(_SLOT_SETTERS[cls], values):
        set_field(rebuilt, value)
    return rebuilt
