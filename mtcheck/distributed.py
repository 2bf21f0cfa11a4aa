"""Checking archives on a Dask cluster (optional: ``pip install 'mtcheck[dask]'``).

The compiled checker (term index included) is sent to every worker once with
``Client.scatter(..., broadcast=True)``; tasks then refer to it by key instead of
carrying it, so a 10k-term index is not shipped with each document.

    from dask.distributed import Client
    import dask.bag as db
    from mtcheck import load_glossaries
    from mtcheck.distributed import check_bag

    client = Client("tcp://scheduler:8786")
    documents = db.from_sequence([("a.txt", "text ..."), ("b.txt", "more text ...")])
    results = check_bag(documents, load_glossaries(["glossaries/"])).compute()
"""

from __future__ import annotations

import os

from mtcheck.config import Config
from mtcheck.engine import Checker
from mtcheck.errors import MtcheckError
from mtcheck.model import Document, FileResult, Glossary, RunResult


def _dask():
    try:
        import dask.bag
        import distributed
    except ImportError:
        raise MtcheckError("the dask engine needs Dask: pip install 'mtcheck[dask]'") from None
    return dask.bag, distributed


def _as_document(item) -> Document:
    if isinstance(item, Document):
        return item
    path, text = item
    return Document(str(path), text)


def _check_item(item, checker: Checker) -> FileResult:
    return checker.check_document(_as_document(item))


def _check_path(paths: tuple[str, str], checker: Checker) -> FileResult:
    """Read at the absolute path, report under the path the user gave."""
    from dataclasses import replace


    given, absolute = paths
    result = checker.check_document(checker.read(absolute))
    return replace(result, path=given, findings=tuple(replace(f, path=given) for f in result.findings),
                   pending=tuple(replace(p, finding=replace(p.finding, path=given)) for p in result.pending))


def check_bag(bag, glossaries: list[Glossary] | None = None, config: Config | None = None, *,
              checker: Checker | None = None, client=None):
    """A bag of FileResults for a bag of ``Document``s or ``(path, text)`` pairs."""
    checker = checker or Checker(glossaries or [], config)
    return bag.map(_check_item, checker=_broadcast(checker, client))


def check_paths_on_cluster(checker: Checker, paths: list[str], client) -> RunResult:
    """Check files that the workers can read at the same paths (a shared file system), and decide
    what needs every file of the run (``Checker.decide_run_wide``), as a local run does."""
    return RunResult(checker.decide_run_wide(each_file_on_cluster(checker, paths, client)))


def each_file_on_cluster(checker: Checker, paths: list[str], client) -> tuple[FileResult, ...]:
    """What each file says alone, checked on the cluster: the run-wide findings still pending, for a
    caller that decides them with other files' results (the results cache's, say)."""
    dask_bag, _ = _dask()
    if not paths:
        return ()
    pairs = [(path, os.path.abspath(path)) for path in paths]
    bag = dask_bag.from_sequence(pairs, npartitions=min(len(pairs), 64))
    return tuple(bag.map(_check_path, checker=_broadcast(checker, client)).compute())


def _broadcast(checker: Checker, client):
    _, distributed = _dask()
    client = client or distributed.get_client()
    [future] = client.scatter([checker], broadcast=True, hash=False)
    return future


def connect(scheduler: str | None):
    """A client for the scheduler at ``scheduler``, or for a new local cluster when None."""
    _, distributed = _dask()
    try:
        if scheduler:
            return distributed.Client(scheduler, timeout="5s")
        return distributed.Client(distributed.LocalCluster(processes=True, dashboard_address=None))
    except (OSError, TimeoutError) as exc:
        raise MtcheckError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
