"""The Markdown summary of a benchmark run (bench/results/results.md)."""

from __future__ import annotations

EXTRAPOLATED = "*"


def markdown(results: dict) -> str:
    cases = results["cases"]
    sections = [
        _header(results),
        _table("Speed", SPEED_COLUMNS, cases),
        _table("Near-miss pass cost per suspicious word (in process)", NEAR_MISS_COLUMNS, cases),
        _table("Corpora", CORPUS_COLUMNS, cases),
        _table("Accuracy (from the end-to-end JSON report)", ACCURACY_COLUMNS, cases),
        _table("Misspelling recall by edit (forms under 10 characters / 10 and more)", EDIT_COLUMNS, cases),
        _table("Baselines (exact + fuzzy matching of the same glossary and corpus)", BASELINE_COLUMNS,
               [c for c in cases if "baselines" in c]),
        *([_streaming(results["streaming"])] if "streaming" in results else []),
        _notes(),
    ]
    return "\n\n".join(sections) + "\n"


def _header(results: dict) -> str:
    machine, settings = results["machine"], results["settings"]
    commit = machine["mtcheck_commit"]
    if "mtcheck_commit_at_end" in machine:
        commit += f", {machine['mtcheck_commit_at_end']} when the run ended"
    return "\n".join([
        "# mtcheck benchmark results",
        "",
        f"- Machine: {machine['cpu']}, {machine['cores']} cores; Python {machine['python']}; "
        f"mtcheck {machine['mtcheck_version']} ({commit}); {machine['date']}.",
        f"- Data: `bench/generate.py --seed {settings['seed']}`; timings are medians of {settings['repeats']} "
        f"repeats; MB = 10^6 bytes of UTF-8; English lexicon load (once per process, not in the timings "
        f"below): {results['lexicon_load_s']:.2f} s.",
        f"- Command: `{settings['command']}`.",
    ])


def _table(title: str, columns: list[tuple[str, callable]], cases: list[dict]) -> str:
    head = "| " + " | ".join(name for name, _ in columns) + " |"
    rule = "|" + "|".join("---" for _ in columns) + "|"
    rows = ["| " + " | ".join(cell(case) for _, cell in columns) + " |" for case in cases]
    return "\n".join([f"## {title}", "", head, rule, *rows])


def _number(value, digits: int = 2) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def _fraction(entry: dict | None) -> str:
    if not entry or entry.get("recall", entry.get("precision")) is None:
        return "n/a"
    share = entry.get("recall", entry.get("precision"))
    found = entry.get("found", entry.get("true_positives"))
    whole = entry.get("planted", entry.get("findings"))
    return f"{share:.3f} ({found:,}/{whole:,})"


def _accuracy(case: dict) -> dict:
    return case.get("accuracy") or {}


def _recall(kind: str):
    return lambda case: _fraction(_accuracy(case).get("recall", {}).get(kind))


def _edit_recall(edit: str):
    def cell(case: dict) -> str:
        groups = _accuracy(case).get("misspelling_recall_by_edit", {})
        parts = [groups.get(f"{edit}, form {size}") for size in ("< 10 chars", ">= 10 chars")]
        return " / ".join(_number(p["recall"], 3) if p and p["recall"] is not None else "n/a" for p in parts)
    return cell


def _e2e(case: dict) -> dict:
    return case["end_to_end"]


def _e2e_wall(case: dict) -> str:
    e2e = _e2e(case)
    if e2e["timed_out"]:
        return f"timed out ({e2e['seconds']:.0f})"
    return _number(e2e["seconds"]) + ("" if e2e["exit_code"] == 0 else f" (exit {e2e['exit_code']})")


def _flagged(case: dict) -> str:
    entry = _accuracy(case).get("findings_on_correct_forms")
    return f"{entry['findings']:,} on {entry['items_flagged']:,}/{entry['planted']:,} items" if entry else "n/a"


def _outside(case: dict) -> str:
    entry = _accuracy(case).get("findings_outside_planted")
    return f"{entry['findings']:,}" if entry else "n/a"


def _seconds(entry: dict) -> str:
    return _number(entry["seconds"], 1) + (EXTRAPOLATED if entry["extrapolated"] else "")


def _naive_total(case: dict) -> str:
    naive = case["baselines"]["naive"]
    mark = EXTRAPOLATED if naive["extrapolated"] else ""
    return f"{_number(naive['total_seconds'], 1)}{mark} ({_number(naive['mb_per_s'], 3)}{mark} MB/s)"


def _grep(case: dict) -> str:
    grep = case["baselines"]["grep"]
    return f"{_number(grep['seconds'], 3)} ({_number(grep['mb_per_s'], 1)} MB/s)"


def _mtcheck_e2e(case: dict) -> str:
    return f"{_e2e_wall(case)} ({_number(_e2e(case)['mb_per_s'], 3)} MB/s)"


def _share(value) -> str:
    return "-" if value is None else f"{value:.1%}"


def _near_miss(case: dict) -> dict:
    return case["in_process"].get("near_miss") or {}


CASE_COLUMNS = [
    ("family", lambda c: c.get("family", "easy")),
    ("glossary", lambda c: f"{c['glossary']} ({c['forms']:,} forms)"),
    ("corpus", lambda c: f"{c['corpus']} ({c['corpus_mb']:.2f} MB)"),
]
SPEED_COLUMNS = CASE_COLUMNS + [
    ("load s", lambda c: _number(c["in_process"]["load_s"])),
    ("build s", lambda c: _number(c["in_process"]["build_s"])),
    ("exact MB/s", lambda c: _number(c["in_process"]["exact"]["mb_per_s"])),
    ("exact+fuzzy MB/s", lambda c: _number(c["in_process"]["exact_and_fuzzy"]["mb_per_s"])),
    ("exact+fuzzy words/s", lambda c: _number(c["in_process"]["exact_and_fuzzy"]["words_per_s"], 0)),
    ("e2e cold s", lambda c: _number(c["end_to_end_cold"]["seconds"]) if "end_to_end_cold" in c else "-"),
    ("e2e wall s", _e2e_wall),
    ("e2e CPU s", lambda c: _number(_e2e(c)["cpu_s"])),
    ("e2e MB/s", lambda c: _number(_e2e(c)["mb_per_s"], 3)),
    ("e2e peak MB", lambda c: _number(_e2e(c)["peak_rss_mb"], 0)),
]
NEAR_MISS_COLUMNS = CASE_COLUMNS + [
    ("suspicious words", lambda c: _number(_near_miss(c).get("suspicious_words"), 0)),
    ("per MB", lambda c: _number(_near_miss(c).get("suspicious_per_mb"), 0)),
    ("their tokens per MB", lambda c: _number(_near_miss(c).get("occurrences_per_mb"), 0)),
    ("near-miss passes s", lambda c: _number(_near_miss(c).get("seconds"), 3)),
    ("µs per suspicious word", lambda c: _number(_near_miss(c).get("us_per_suspicious_word"), 1)),
    ("µs per suspicious token", lambda c: _number(_near_miss(c).get("us_per_occurrence"), 1)),
]
CORPUS_COLUMNS = CASE_COLUMNS + [
    ("words", lambda c: _number(c["corpus_words"], 0)),
    ("tokens Zipf < 3", lambda c: _share(c.get("zipf_lt3_share"))),
    ("filler tokens Zipf < 3", lambda c: _share(c.get("filler_zipf_lt3_share"))),
    ("name tokens", lambda c: _share(c.get("name_share"))),
    ("planted items", lambda c: _number(sum(c["planted"].values()), 0)),
]
ACCURACY_COLUMNS = CASE_COLUMNS + [
    ("forbidden recall", _recall("forbidden")),
    ("misspelling recall", _recall("misspelling")),
    ("acronym recall", _recall("acronym")),
    ("diacritics recall", _recall("diacritics")),
    ("fuzzy precision", lambda c: _fraction(_accuracy(c).get("fuzzy_precision"))),
    ("findings on correct forms", _flagged),
    ("findings outside planted items", _outside),
]
EDIT_COLUMNS = CASE_COLUMNS + [(edit, _edit_recall(edit)) for edit in ("substitution", "insertion", "deletion", "transposition")]
BASELINE_COLUMNS = CASE_COLUMNS + [
    ("mtcheck e2e s", _mtcheck_e2e),
    ("naive regex s", lambda c: _seconds(c["baselines"]["naive"]["exact"])),
    ("naive fuzzy s", lambda c: _seconds(c["baselines"]["naive"]["fuzzy"])),
    ("naive total s", _naive_total),
    ("grep -F s", _grep),
]


def _streaming(runs: list[dict]) -> str:
    rows = [f"| {r['source']} | {r['glossary']} | {r['file_mb']} | {r['findings']:,} | {r['seconds']} | "
            f"{r['mb_per_s']} | {r['peak_rss_mb']} | {r['exit_code']} |" for r in runs]
    return "\n".join([
        "## Streaming one large file",
        "",
        "| repeated text | glossary | file MB | findings | wall s | MB/s | peak MB | exit |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
    ])


def _notes() -> str:
    return "\n".join([
        "## Notes",
        "",
        "- e2e cold: `mtcheck check --no-cache`, glossary parsing, validation and index building included."
        " e2e wall / MB/s / peak: the glossary unchanged since the previous run, so the compiled index comes"
        " from `.mtcheck_cache` while every file is checked afresh (the usual CI run).",
        f"- `{EXTRAPOLATED}` = extrapolated: the naive regex from a prefix of the corpus (linear in characters),"
        " the naive fuzzy pass from its first windows (linear in windows). results.json says how much was measured.",
        "- Recall: a planted item is found when a finding of the expected rule (term-forbidden, or term-misspelled"
        " for misspellings, acronym errors and diacritic losses) names its term and overlaps its span.",
        "- Fuzzy precision: term-misspelled findings overlapping a planted near miss of the same term, over all"
        " term-misspelled findings.",
        "- grep only matches exact forms (ASCII case folding); it is the floor of exact matching, not a checker.",
        "- Families: easy = common words only (Zipf >= 3.5); realistic = filler drawn by frequency from wordfreq's"
        " whole English list plus non-glossary names (~2% of tokens); rare = filler uniform over the 50k most"
        " frequent words plus the same names. Baselines run on the easy family only.",
        "- Near-miss pass cost: (exact+fuzzy - exact) in-process time over the distinct suspicious words"
        " (`FuzzyIndex.words_to_look_at`); it includes the diacritics and acronym passes. Tokens: their"
        " occurrences in the text. Zipf < 3 shares count every word token, planted glossary items included.",
    ])
