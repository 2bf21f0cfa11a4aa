"""What finding terms inflected costs: ``mtcheck check`` end to end on a bench corpus with its glossary
as generated (its Serbian source forms are looked for inflected too) and with ``morphology: exact``
in the glossary's defaults (no inflected pass), index cached, results cache not answering.

    .venv/bin/python bench/inflection_cost.py [--corpus corpus-1m-10k.txt] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Corpus, end_to_end  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def without_inflection(glossary: Path, folder: Path) -> Path:
    """A copy of ``glossary`` whose defaults say ``morphology: exact``."""
    text = glossary.read_text(encoding="utf-8")
    marker = "defaults: {"
    if marker not in text:
        raise SystemExit(f"{glossary}: no flow-style defaults to extend")
    copy = folder / glossary.name
    copy.write_text(text.replace(marker, marker + "morphology: exact, ", 1), encoding="utf-8")
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="corpus-1m-10k.txt")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    corpus_path = DATA / args.corpus
    glossary = DATA / f"glossary-{args.corpus.rsplit('-', 1)[1].removesuffix('.txt')}.yaml"
    text = corpus_path.read_text(encoding="utf-8")
    corpus = Corpus(corpus_path, text, len(text.encode("utf-8")), len(text.split()))
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for label, used in (("with inflection", glossary), ("without (morphology: exact)", without_inflection(glossary, folder))):
            result = end_to_end(used, corpus, folder / "report.json", args.repeat, 1800, cache_dir=folder / f"cache-{len(label)}")
            print(f"{label}: {result['seconds']} s, {result['mb_per_s']} MB/s (samples {result['samples_s']})")


if __name__ == "__main__":
    main()
