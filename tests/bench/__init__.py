"""Tests of the bench/ scripts."""

import importlib.util
import sys

from tests.conftest import ROOT


def bench_module(name: str):
    """A bench script as a module: bench/ is no package, its scripts import each other by plain name."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is being built
    spec.loader.exec_module(module)
    return module
