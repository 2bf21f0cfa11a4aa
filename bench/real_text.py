"""mtcheck on real text: false alarms on clean real text, and recall and precision with real filler.

    .venv/bin/python bench/real_text.py [--mqm PATH] [--article PATH] [--rounds 4] [--seed 20261127] [--out DIR]

The bench's corpora are synthetic; this measures the same things on real text found offline:

- the English sources of the WMT 2021 TED talks MQM file (529 segments, human English; one document
  per talk) and a real BBC News in Serbian article machine-translated to English (one document);
- the German MT targets of the same file (the distinct segments, each kept where it first occurs;
  one document per system and talk).

1. False alarms: the texts checked with the bench's 10k-term glossary (invented names: nothing in real
   text should match them but by accident) and, for English, with the bundled glossaries/; all rules
   and the term rules alone. Findings per rule per 10,000 words, and every term-misspelled and
   name-inconsistent finding on the texts without the bundled glossary's subject (TED, German MT).
   German is checked with a copy of the 10k glossary declared ``language: de``, so the German lexicon
   is used.
2. Recall and precision with real filler: the bench's items (bench/generate.py's Planter: the same
   kinds, shares and one item per about 40 words) planted at word boundaries into the real English
   text, repeated ``--rounds`` times with fresh items, scored by bench/accuracy.evaluate; the
   synthetic realistic 100k corpus (10k glossary) is checked with the same command beside it.

Writes bench/results/real-text.{md,json}. The same data and seed give the same files apart from the date.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import random
import re
import string
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import wordfreq
import yaml

from mtcheck.folding import bare_vocabulary
from mtcheck.glossary.index import TermIndex
from mtcheck.glossary.loader import load_glossaries
from mtcheck.lexicon import lexicon_for
from mtcheck.rules import RULES
from mtcheck.text import count_words, tokens

import mqm_precision
from accuracy import evaluate
from generate import (DATA_DIR, DEFAULT_SEED, ITEM_GAP, RARE_ZIPF, WORD_RE, Planter, TermSpec, _json_lines,
                      data_is_current, generate_all, zipf_share)
from measure import TERM_RULES, mtcheck_command

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
# The shared data sits beside the repository (/work/main next to /work/shared), or beside a folder
# holding it (a worktree /work/wt/NAME).
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared")
DEFAULT_ARTICLE = SHARED / "seed" / "000_1907e6fae98f94ab.txt"
BUNDLED = ROOT / "glossaries"
GLOSSARY = DATA_DIR / "glossary-10k.yaml"
SYNTHETIC = "realistic-100k-10k"
ROUNDS = 4
ALL_RULES = ",".join(sorted(RULES))
LISTED_RULES = ("term-misspelled", "name-inconsistent", "term-forbidden")
EXAMPLES = 3  # lines shown for each kind of listed finding
# Where an item may not go in: before the punctuation that closes a whitespace-delimited chunk.
CLOSING = re.compile(r"[\W_]*$")
CHUNK = re.compile(r"\S+")

PROVENANCE = {
    "ted": "WMT 2021 TED talks English-German MQM annotations (google/wmt-mqm-human-evaluation, "
           "ted/ende/mqm_ted_ende.tsv; Freitag et al. 2021, \"Experts, Errors, and Context\"), Apache License 2.0; "
           "read from ../shared/data/wmt-mqm-ted-ende/ beside the repository, not copied in",
    "article": "a BBC News in Serbian article on Serbia and Kosovo, machine-translated to English, the project's "
               "seed sample (../shared/seed/000_1907e6fae98f94ab.txt); BBC copyright, used here for measurement "
               "only, not copied in",
}

# By-eye verdicts on the findings listed from the clean texts, by (rule, finding text).
# (glossary, rule, text) -> verdict. Zipf figures are wordfreq's.
GERMAN = ("defect: a common German word taken for an inflection of an invented name by its stem alone; the inflected pass "
          "checks that a word is no ordinary word (`inflected._a_word_of_the_text`) for source-language forms only")
GERMAN_FORBIDDEN = "the invented forbidden form is by chance a German word ('Todes', 'Horen'); the rest as " + GERMAN
VERDICTS: dict[tuple[str, str, str], str] = {
    **{("10k", "term-misspelled", word): GERMAN for word in ("den", "Den", "denen", "zum", "Zum", "mich", "Mich")},
    ("10k", "term-misspelled", "hören"): GERMAN + "; and the message has it backwards: the text has the umlaut, the "
                                                 "(forbidden) form 'Horen' none",
    **{("10k", "term-forbidden", word): GERMAN_FORBIDDEN for word in ("Tod", "Tode", "Todes", "höre", "Höre", "Big", "mag")},
    ("10k", "term-misspelled", "Proton"): "weakness in German: 'Proton' (a German word, Zipf 2.89; here a company) is one letter "
                                          "from the invented 'Poton', and capitalised as every German noun is, so "
                                          "`_a_word_not_a_name` takes it for a name; the English sentence gives nothing",
    ("10k", "term-misspelled", "KFOR"): "accident: the NATO force, 8 times, one letter from the invented acronym KBOR "
                                        "(wordfreq 'kfor' Zipf 1.93); acronym density, not a rule defect",
    ("10k", "term-misspelled", "WSO"): "accident: the MT's garbled 'ZSO' (the bundled glossary flags it rightly), here one "
                                       "letter from an invented acronym that is ZSO too",
    ("10k", "term-misspelled", "USO"): "accident: the text's own acronym (its 'Union of Serbian Municipalities') one letter "
                                       "from the invented ZSO",
    ("10k", "term-misspelled", "Zvečan"): "accident: a real town, 6 times, one letter from the invented variant 'Zvečam' "
                                          "(a one-edit near miss under the 88 threshold); wordfreq does not list it",
    ("10k", "name-inconsistent", "Aljbina"): "right: the MT left the Serbian genitive 'Aljbina Kurti' beside 'Aljbin' "
                                             "(twice); a real inconsistency of the text",
    ("bundled", "term-misspelled", "WSO"): "right: the MT garbled ZSO (Community of Serb Municipalities)",
    ("bundled", "term-misspelled", "Aljbin Kurti"): "right: 'Albin Kurti' transliterated from Serbian",
    ("bundled", "term-misspelled", "Aljbina Kurti"): "right: 'Albin Kurti' in a Serbian case form",
    ("bundled", "term-misspelled", "Association of Serbian Municipalities"): "right: the glossary's 'Association of Serb "
                                                                             "Municipalities'",
    **{("bundled", "term-forbidden", text): "right: the glossary forbids it"
       for text in ("Union of Serbian Municipalities", "USO", "Serbian List")},
}


@dataclass(frozen=True)
class Document:
    name: str  # file name in the checked folder, which the report gives back
    text: str


@dataclass(frozen=True)
class Collection:
    name: str
    language: str
    documents: tuple[Document, ...]

    @property
    def text(self) -> str:
        return "\n".join(d.text for d in self.documents)

    @property
    def words(self) -> int:
        return sum(count_words(d.text) for d in self.documents)


# --- the real texts ------------------------------------------------------------------------------

def ted_collections(path: Path) -> tuple[Collection, Collection]:
    """The TED sources (one document per talk, one segment a line) and the distinct German targets
    (one document per system and talk, a target kept only where its text first occurs)."""
    corpus = mqm_precision.build_corpus(mqm_precision.read_rows(path))
    sources: dict[str, dict[int, str]] = {}
    targets: dict[tuple[str, str], list[str]] = {}
    seen: set[str] = set()
    for segment in corpus.segments:  # ordered by system, talk and place in the talk
        sources.setdefault(segment.doc, {})[int(segment.doc_id)] = segment.source
        if segment.target not in seen:
            seen.add(segment.target)
            targets.setdefault((segment.system, segment.doc), []).append(segment.target)
    english = tuple(Document(f"ted-en-{doc}.txt", "".join(s + "\n" for _, s in sorted(lines.items())))
                    for doc, lines in sorted(sources.items()))
    german = tuple(Document(f"ted-de-{system}-{doc}.txt", "".join(t + "\n" for t in lines))
                   for (system, doc), lines in sorted(targets.items()))
    return Collection("TED sources (en)", "en", english), Collection("TED MT targets (de)", "de", german)


def article_collection(path: Path) -> Collection:
    return Collection("BBC article MT (en)", "en", (Document("article-en.txt", path.read_text("utf-8")),))


def german_glossary(folder: Path) -> Path:
    """A copy of the 10k glossary declared German, so that German text is read with the German lexicon."""
    text = GLOSSARY.read_text("utf-8")
    if "\nlanguage: en\n" not in text:
        raise SystemExit(f"{GLOSSARY}: no 'language: en' line to change")
    copy = folder / "glossary-10k-de.yaml"
    copy.write_text(text.replace("\nlanguage: en\n", "\nlanguage: de\n", 1), "utf-8")
    return copy


# --- checking ------------------------------------------------------------------------------------

def check(documents: tuple[Document, ...], glossary: Path, rules: str, folder: Path) -> dict[str, list[dict]]:
    """The findings of `mtcheck check` on the documents, by document name (the bench's command, one job)."""
    folder.mkdir(parents=True)
    for document in documents:
        (folder / document.name).write_text(document.text, "utf-8")
    report = folder.with_suffix(".json")
    files = [str(folder / d.name) for d in documents]
    run_check(files, glossary, rules, report)
    found = {Path(entry["path"]).name: entry["findings"] for entry in json.loads(report.read_text("utf-8"))["files"]}
    return {d.name: found.get(d.name, []) for d in documents}


def run_check(files: list[str], glossary: Path, rules: str, report: Path) -> None:
    command = [*mtcheck_command(), "check", *files, "--no-config", "--no-cache", "-g", str(glossary), "--format", "json",
               "--output", str(report), "--fail-on", "never", "--select", rules, "--jobs", "1"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)}: exit {done.returncode}\n{done.stderr}")


def per_rule(findings: list[dict], words: int) -> dict[str, dict]:
    counts = Counter(f["rule"] for f in findings)
    return {rule: {"findings": n, "per_10k_words": round(n * 10_000 / words, 2)} for rule, n in sorted(counts.items())}


def listed(collection: Collection, glossary: str, found: dict[str, list[dict]]) -> list[dict]:
    """The findings of LISTED_RULES, one entry per rule, text and message,
    with how often it fired and up to EXAMPLES of its lines as context."""
    texts = {d.name: d.text.split("\n") for d in collection.documents}
    groups: dict[tuple[str, str, str], dict] = {}
    for name, findings in sorted(found.items()):
        for f in findings:
            if f["rule"] not in LISTED_RULES:
                continue
            line = texts[name][f["line"] - 1]
            start = f["column"] - 1
            end = start + f["length"] if f["end_line"] == f["line"] else len(line)
            group = groups.setdefault((f["rule"], f["text"], f["message"]), {
                "collection": collection.name, "glossary": glossary, "rule": f["rule"], "text": f["text"],
                "message": f["message"], "findings": 0, "documents": set(), "examples": [],
                "verdict": VERDICTS.get((glossary, f["rule"], f["text"]), "")})
            group["findings"] += 1
            group["documents"].add(name)
            if len(group["examples"]) < EXAMPLES:
                group["examples"].append(f"{name}:{f['line']}: " + mqm_precision.in_context(line, start, end))
    return [{**g, "documents": len(g["documents"])}
            for _, g in sorted(groups.items(), key=lambda item: (-item[1]["findings"], item[0]))]


# --- planting into real text ---------------------------------------------------------------------

def glossary_terms(path: Path) -> list[TermSpec]:
    """The terms of a bench glossary file, as bench/generate.py built them."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return [TermSpec(**entry) for entry in yaml.load(path.read_text("utf-8"), Loader=loader)["terms"]]


def plant(texts: list[str], terms: list[TermSpec], seed: int, rounds: int) -> tuple[str, list[dict]]:
    """The texts, ``rounds`` times over, with one of the Planter's items inserted every ITEM_GAP words,
    after a word and before the punctuation that follows it ("said ITEM,"), and the truth."""
    rng = random.Random(f"{seed}-real-text")
    planter = Planter(terms, rng)
    pieces: list[str] = []
    truth: list[dict] = []
    offset = 0
    until_item = rng.randint(*ITEM_GAP)
    for _ in range(rounds):
        for text in texts:
            at = 0
            for chunk in CHUNK.finditer(text):
                words = len(WORD_RE.findall(chunk.group()))
                if not words:
                    continue
                until_item -= words
                if until_item > 0:
                    continue
                until_item = rng.randint(*ITEM_GAP)
                end = chunk.start() + CLOSING.search(chunk.group()).start()
                pieces.append(text[at:end] + " ")
                offset += end - at + 1
                item = planter.item()
                record = {"offset": offset, "length": len(item.text), "text": item.text, "kind": item.kind,
                          "term": item.term, "form": item.form}
                if item.edit:
                    record["edit"] = item.edit
                truth.append(record)
                pieces.append(item.text)
                offset += len(item.text)
                at = end
            pieces.append(text[at:] + "\n\n")
            offset += len(text) - at + 2
    return "".join(pieces), truth


def check_corpus(corpus: Path, report: Path) -> list[dict]:
    run_check([str(corpus)], GLOSSARY, TERM_RULES, report)
    return json.loads(report.read_text("utf-8"))["files"][0]["findings"]


# --- what the texts hold -------------------------------------------------------------------------

def text_stats(text: str, language: str, index: TermIndex) -> dict:
    """Words, the share of word tokens with Zipf < 3 in the language, and the distinct suspicious
    words (the words the near-miss pass looks around) per 1,000 words."""
    words = count_words(text)
    tokens_ = WORD_RE.findall(text)
    if language == "en":
        rare = zipf_share(tokens_)
    else:
        counts = Counter(t.lower() for t in tokens_)
        rare = round(sum(n for w, n in counts.items() if wordfreq.zipf_frequency(w, language) < RARE_ZIPF) / len(tokens_), 4)
    suspicious, _ = index.fuzzy.words_to_look_at(bare_vocabulary(set(tokens(text))))
    return {"words": words, "zipf_lt3_share": rare, "suspicious_words": len(suspicious),
            "suspicious_per_1000_words": round(len(suspicious) * 1000 / words, 2)}


def first_words(text: str, count: int) -> str:
    """The text up to the end of its ``count``th word token."""
    ends = [m.end() for m in WORD_RE.finditer(text)]
    return text[:ends[min(count, len(ends)) - 1]]


# --- the run -------------------------------------------------------------------------------------

def measure(args: argparse.Namespace, work: Path) -> dict:
    ted_en, ted_de = ted_collections(args.mqm)
    article = article_collection(args.article)
    english = Collection("English", "en", ted_en.documents + article.documents)
    german_10k = german_glossary(work)
    glossaries = {"10k": (GLOSSARY, german_10k), "bundled": (BUNDLED, None)}
    result: dict = {"false_alarms": {}, "listed": []}
    for label, (english_glossary, german_glossary_) in glossaries.items():
        for rules_label, rules in (("all rules", ALL_RULES), ("term rules", TERM_RULES)):
            runs = [(english, english_glossary)] + ([(ted_de, german_glossary_)] if german_glossary_ else [])
            for collection, glossary in runs:
                found = check(collection.documents, glossary, rules, work / f"{collection.language}-{label}-{rules_label[0]}")
                for part in ((ted_en, article) if collection is english else (collection,)):
                    findings = [f for d in part.documents for f in found[d.name]]
                    key = f"{part.name} | {label} | {rules_label}"
                    result["false_alarms"][key] = {"collection": part.name, "glossary": label, "rules": rules_label,
                                                   "words": part.words, "findings": len(findings),
                                                   "by_rule": per_rule(findings, part.words)}
                    if rules_label == "all rules":
                        result["listed"] += listed(part, label, {d.name: found[d.name] for d in part.documents})

    terms = glossary_terms(GLOSSARY)
    text, truth = plant([d.text for d in english.documents], terms, args.seed, args.rounds)
    corpus = work / "corpus-real-text-10k.txt"
    corpus.write_text(text, "utf-8")
    (work / "truth-real-text-10k.json").write_text(_json_lines(truth), "utf-8")
    synthetic = DATA_DIR / f"corpus-{SYNTHETIC}.txt"
    synthetic_truth = json.loads((DATA_DIR / f"truth-{SYNTHETIC}.json").read_text("utf-8"))
    result["planted"] = {
        "real filler": {"words": count_words(text), "items": len(truth), "planted": dict(sorted(Counter(t["kind"] for t in truth).items())),
                        **evaluate(check_corpus(corpus, work / "real.json"), truth)},
        "synthetic realistic": {"words": count_words(synthetic.read_text("utf-8")), "items": len(synthetic_truth),
                                "planted": dict(sorted(Counter(t["kind"] for t in synthetic_truth).items())),
                                **evaluate(check_corpus(synthetic, work / "synthetic.json"), synthetic_truth)},
    }

    english_index = TermIndex(load_glossaries([GLOSSARY]), lexicon_for("en"))
    synthetic_text = synthetic.read_text("utf-8")
    result["texts"] = {
        ted_en.name: text_stats(ted_en.text, "en", english_index),
        article.name: text_stats(article.text, "en", english_index),
        english.name + " (TED + article)": text_stats(english.text, "en", english_index),
        f"synthetic realistic, first {english.words:,} words": text_stats(first_words(synthetic_text, english.words), "en", english_index),
        "synthetic realistic 100k": text_stats(synthetic_text, "en", english_index),
        ted_de.name: text_stats(ted_de.text, "de", TermIndex(load_glossaries([german_10k]), lexicon_for("de"))),
    }
    result["acronym_density"] = acronym_density(terms)
    return result


def acronym_density(terms: list[TermSpec]) -> dict:
    """The share of all three- and four-letter capital strings one letter (a substitution) from an
    acronym of the glossary: how likely a real acronym is to be flagged by accident."""
    acronyms = {a for t in terms for a in t.acronyms()}
    patterns = {a[:i] + "?" + a[i + 1:] for a in acronyms for i in range(len(a))}
    shares = {}
    for length in (3, 4):
        near = sum(any(s[:i] + "?" + s[i + 1:] in patterns for i in range(length)) and s not in acronyms
                   for s in map("".join, itertools.product(string.ascii_uppercase, repeat=length)))
        shares[f"{length} letters"] = round(near / 26 ** length, 4)
    return {"acronyms": len(acronyms), "share_one_substitution_away": shares}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mqm", type=Path, default=SHARED / "data" / "wmt-mqm-ted-ende" / "mqm_ted_ende.tsv", help="the TED MQM file")
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE, help="the machine-translated article")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"times the English text is planted (default {ROUNDS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"data seed (default {DEFAULT_SEED})")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where real-text.{md,json} go (default bench/results)")
    args = parser.parse_args()
    for path in (args.mqm, args.article):
        if not path.exists():
            raise SystemExit(f"{path}: missing (the real texts live in ../shared beside the repository)")
    if not data_is_current(DATA_DIR, args.seed):
        print("generating bench/data ...", file=sys.stderr)
        generate_all(DATA_DIR, args.seed, log=lambda line: print(line, file=sys.stderr))
    with tempfile.TemporaryDirectory(prefix="real-text-") as folder:
        result = measure(args, Path(folder))
    result = {"date": datetime.date.today().isoformat(), "seed": args.seed, "rounds": args.rounds,
              "command": command_line(args), "provenance": PROVENANCE, **result}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "real-text.json").write_text(json.dumps(result, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
    (args.out / "real-text.md").write_text(markdown(result), "utf-8")
    print(markdown(result))


def command_line(args: argparse.Namespace) -> str:
    extra = "" if (args.rounds, args.seed) == (ROUNDS, DEFAULT_SEED) else f" --rounds {args.rounds} --seed {args.seed}"
    return f".venv/bin/python bench/real_text.py{extra}"


COLUMNS = (("TED sources (en)", "10k"), ("BBC article MT (en)", "10k"), ("TED sources (en)", "bundled"),
           ("BBC article MT (en)", "bundled"), ("TED MT targets (de)", "10k"))


def markdown(result: dict) -> str:
    alarms = result["false_alarms"]
    lines = ["# mtcheck on real text", "",
             f"Made by `{result['command']}` on {result['date']} (seed {result['seed']}, {result['rounds']} rounds of "
             "planting); bench/README.md explains the measures. The data:", ""]
    lines += [f"- {key}: {text}" for key, text in sorted(result["provenance"].items())]
    lines += ["", "## The texts", "",
              "Words (mtcheck's count), the share of word tokens with Zipf < 3 in the text's language, and the "
              "distinct suspicious words (`FuzzyIndex.words_to_look_at` with the 10k glossary: the words the "
              "near-miss pass looks around). Distinct words grow slower than the text: compare texts of one size.", "",
              "| text | words | Zipf < 3 | suspicious words | per 1,000 words |", "| --- | --- | --- | --- | --- |"]
    for name, stats in result["texts"].items():
        lines.append(f"| {name} | {stats['words']:,} | {100 * stats['zipf_lt3_share']:.1f}% | {stats['suspicious_words']:,} "
                     f"| {stats['suspicious_per_1000_words']} |")
    density = result["acronym_density"]
    shares = ", ".join(f"{100 * v:.0f}% of the {k}" for k, v in density["share_one_substitution_away"].items())
    lines += ["", f"The 10k glossary has {density['acronyms']:,} acronyms: {shares} capital strings are one letter "
              "(a substitution) from one, so a real acronym is likely to be flagged by accident.", ""]
    for rules in ("all rules", "term rules"):
        lines += [f"## False alarms on clean real text: findings per 10,000 words, {rules}", "",
                  "The 10k glossary's terms are invented: every finding of a glossary rule with it is a false alarm. "
                  "The bundled glossary (Serbia-Kosovo news) has real terms the article holds: its findings there "
                  "are mostly right. German is checked with the 10k glossary declared `language: de`.", ""]
        keys = [f"{collection} | {glossary} | {rules}" for collection, glossary in COLUMNS]
        lines.append("| rule | " + " | ".join(f"{c}, {g} glossary ({alarms[k]['words']:,} words)"
                                              for (c, g), k in zip(COLUMNS, keys)) + " |")
        lines.append("| --- |" + " --- |" * len(keys))
        for rule in sorted({r for k in keys for r in alarms[k]["by_rule"]}):
            cells = [alarms[k]["by_rule"].get(rule) for k in keys]
            lines.append(f"| `{rule}` | " + " | ".join(f"{c['per_10k_words']} ({c['findings']})" if c else "0"
                                                     for c in cells) + " |")
        lines.append("| **all** | " + " | ".join(f"{round(alarms[k]['findings'] * 10_000 / alarms[k]['words'], 2)} "
                                                f"({alarms[k]['findings']})" for k in keys) + " |")
        lines.append("")
    lines += ["## The term-misspelled, name-inconsistent and term-forbidden findings on the clean texts", "",
              "Every one, grouped by rule, text and message (all rules run), with the verdict by eye. The TED sources "
              "have none with either glossary.", "",
              "| text | glossary | rule | found | times (documents) | message | verdict | e.g. |",
              "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for item in result["listed"]:
        example = item["examples"][0].replace("|", "\\|")
        lines.append(f"| {item['collection']} | {item['glossary']} | `{item['rule']}` | {item['text']} | "
                     f"{item['findings']} ({item['documents']}) | {item['message']} | {item['verdict'] or '–'} | {example} |")
    planted = result["planted"]
    real, synthetic = planted["real filler"], planted["synthetic realistic"]
    lines += ["", "## Recall and precision: items planted into real text vs the synthetic realistic corpus", "",
              f"The real filler is the English text above (TED sources and the article) {result['rounds']} times over, "
              "with bench/generate.py's items (Planter: the same kinds and shares, one item every 20-58 words) "
              "inserted after a word, before the punctuation that follows it. Both checked by `mtcheck check CORPUS "
              f"--no-config --no-cache -g glossary-10k.yaml --format json --select {TERM_RULES} --jobs 1`, scored by "
              "bench/accuracy.evaluate.", "",
              "| measure | real filler | synthetic realistic 100k |", "| --- | --- | --- |",
              f"| words | {real['words']:,} | {synthetic['words']:,} |",
              f"| planted items | {real['items']:,} | {synthetic['items']:,} |"]
    for kind in real["recall"]:
        a, b = real["recall"][kind], synthetic["recall"][kind]
        lines.append(f"| recall, {kind} | {a['recall']} ({a['found']}/{a['planted']}) | {b['recall']} ({b['found']}/{b['planted']}) |")
    a, b = real["fuzzy_precision"], synthetic["fuzzy_precision"]
    lines.append(f"| term-misspelled precision | {a['precision']} ({a['true_positives']}/{a['findings']}) | "
                 f"{b['precision']} ({b['true_positives']}/{b['findings']}) |")
    a, b = real["findings_on_correct_forms"], synthetic["findings_on_correct_forms"]
    lines.append(f"| correct and inflected items flagged | {a['items_flagged']} of {a['planted']} | "
                 f"{b['items_flagged']} of {b['planted']} |")
    a, b = real["findings_outside_planted"], synthetic["findings_outside_planted"]
    lines.append(f"| findings outside planted items | {a['findings']} {_by_rule(a)} | {b['findings']} {_by_rule(b)} |")
    clean = sum(alarms[f"{c} | 10k | term rules"]["findings"] for c in ("TED sources (en)", "BBC article MT (en)"))
    lines += ["", f"The clean English text gives {clean} findings of the term rules with the 10k glossary, so "
              f"{clean * result['rounds']} in {result['rounds']} rounds: the findings outside planted items with real "
              "filler are those.", "",
              "term-misspelled false positives with real filler (up to 5; real-text.json has the misses too):", ""]
    lines += [f"- `{e['text']}`: {e['message']}" for e in real["fuzzy_precision"]["false_positive_examples"]]
    return "\n".join(lines) + "\n"


def _by_rule(part: dict) -> str:
    return "(" + ", ".join(f"{rule} {n}" for rule, n in part["by_rule"].items()) + ")" if part["by_rule"] else ""


if __name__ == "__main__":
    main()
