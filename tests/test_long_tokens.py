"""One long token (megabytes of letters with no space, or of digits, white space, commas) is checked
in time linear in its length and in bounded memory, and the defects around it are still found; nor
does ``glossary suggest`` take it for a name (issue 14, item 2).

Before, such a token took quadratic time (100,000 letters: 15 s), quadratic memory (60,000 random
letters: 3.5 GB), or crashed the process (600,000 letters: a segfault in pyahocorasick; with -j 2,
a BrokenProcessPool and no report). Each check here runs in a child process with a time limit and
its address space capped, so that such a pass fails the test instead of hanging the suite or
swapping.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import resource
import string
import subprocess
import sys

import pytest

from mtcheck import Checker, load_glossaries
from mtcheck.glossary.suggest import suggest
from mtcheck.rules import RULES
from tests.conftest import BUNDLED_GLOSSARY, ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks, and caps the address space")

SECONDS = 30  # each check takes 1-3 s; a quadratic pass on these sizes takes hours
HEADROOM = 2**30  # the address space a check may add: the old deletions of 60,000 letters took 3.5 GB
LETTERS = 1_500_000
DEFECTS = [("term-misspelled", "Aljbin Kurti"), ("repeated-word", "the"), ("garbled-word", "presidnet"),
           ("term-misspelled", "Stoltenbreg")]


def _around(token: str) -> str:
    return f"Aljbin Kurti met the the presidnet. {token} Stoltenbreg said it."


def _random_letters(count: int, alphabet: str = string.ascii_lowercase) -> str:
    return "".join(random.Random(14).choices(alphabet, k=count))


def _findings_in_child(checker: Checker, text: str) -> list[tuple[str, str]]:
    """(rule, text) of each finding of ``checker.check_text(text)``, computed in a child (``_in_child``)."""
    return _in_child(lambda: [(f.rule, f.text) for f in checker.check_text(text).findings])


def _capped(sender, work) -> None:
    """In the child: cap the address space, work, send back the result."""
    with open("/proc/self/statm") as statm:
        size = int(statm.read().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (size + HEADROOM, resource.RLIM_INFINITY))
    try:
        sender.send(work())
    except MemoryError:
        sender.send("MemoryError")


def _in_child(work):
    """``work()``, computed in a forked child within SECONDS and HEADROOM."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_capped, args=(sender, work))
    child.start()
    sender.close()
    try:
        if not receiver.poll(SECONDS):
            pytest.fail(f"no result within {SECONDS} s")
        answer = receiver.recv()
    except EOFError:
        child.join()
        pytest.fail(f"the child crashed (exit code {child.exitcode})")
    finally:
        child.kill()
        child.join()
    assert answer != "MemoryError", f"the child needed over {HEADROOM >> 20} MB more"
    return answer


@pytest.mark.parametrize("make_token", [
    lambda: "a" * LETTERS,
    lambda: _random_letters(LETTERS),
    lambda: "A" + _random_letters(LETTERS),  # may be a name, or a garbled word opening a sentence
    lambda: _random_letters(LETTERS, string.ascii_uppercase),  # may be an acronym
], ids=["same-letter", "random", "capitalised", "capitals"])
def test_a_long_run_of_letters_is_no_term_name_or_garbled_word(bundled_checker, make_token):
    assert _findings_in_child(bundled_checker, _around(make_token())) == DEFECTS


def test_a_long_run_of_digits_is_no_sentence(bundled_checker):
    text = "The count was over. " + "7" * 1_000_000 + ". Then the the vote."
    assert _findings_in_child(bundled_checker, text) == [("repeated-word", "the")]


def test_a_long_gap_between_two_words_is_one_finding(bundled_checker):
    gap = " " * 1_000_000
    assert _findings_in_child(bundled_checker, f"the{gap}cat sat.") == [("spacing", gap)]


def test_commas_in_a_long_address_are_judged_once(bundled_checker):
    text = "See https://example.com/" + "a,b" * 200_000 + " now."
    assert _findings_in_child(bundled_checker, text) == []


def test_a_long_token_of_mojibake_is_one_finding(bundled_checker):
    token = "cafÃ©" * 50_000
    artifact = Checker([], rules=[RULES["artifact"]], index=bundled_checker.index)
    assert _findings_in_child(artifact, f"The {token} opened.") == [("artifact", token)]


def test_a_long_capitalised_token_is_no_name_to_suggest(tmp_path):
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(f"Albin Kurti met Aljbin Kurti. A{_random_letters(LETTERS)} said. Albin Kurti left.\n",
                      encoding="utf-8")
    clusters = _in_child(lambda: [c.forms for c in suggest([str(corpus)])])
    assert clusters == [{"Albin Kurti": 2, "Aljbin Kurti": 1}]


def test_a_file_of_one_long_token_is_checked_by_two_workers(tmp_path):
    """3 MB of letters: examined in three pieces, a worker each (before, each piece crashed its worker)."""
    article = tmp_path / "long.txt"
    article.write_text(f"Aljbin Kurti met the the presidnet.\n\n{'a' * 3_000_000}\n\nStoltenbreg said it.\n",
                       encoding="utf-8")
    report = tmp_path / "report.json"
    cap = 2**31  # the address space of each process: a worker checking a million letters needs under 300 MB
    command = [sys.executable, "-m", "mtcheck", "check", str(article), "--no-cache", "-j", "2", "-f", "json",
               "-o", str(report)]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=60,
                         preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (cap, cap)))
    assert report.exists(), run.stderr.decode()[-2000:]
    assert run.returncode == 1  # major findings
    [checked] = json.loads(report.read_text(encoding="utf-8"))["files"]
    assert [(f["rule"], f["text"]) for f in checked["findings"]] == DEFECTS


def test_a_run_of_brackets_gives_a_bounded_number_of_findings():
    """A 200,000-character run of "a)b)" (found by the long-token fuzz target, 50,000 findings that
    took 20 s to locate and report on a loaded machine) reports ten, the last saying how many more."""
    from mtcheck.rules.quote_balance import MOST_PER_PARAGRAPH

    text = "The USO met.\n\n" + "a)b)" * 50_000 + "\n\nAljbin Kurti spoke."
    result = Checker(load_glossaries([BUNDLED_GLOSSARY])).check_text(text, "brackets.txt")
    quotes = [f for f in result.findings if f.rule == "quote-balance"]
    assert len(quotes) == MOST_PER_PARAGRAPH
    # 100,000 ")" of which the first, "a)" at the paragraph's start, is an enumeration: 99,999 unbalanced
    assert quotes[-1].message.endswith("(and 99,989 more unbalanced marks in it, not reported one by one)")
    assert {"term-forbidden", "term-misspelled"} <= {f.rule for f in result.findings}


def test_enumeration_and_smiley_lookups_read_back_from_the_mark_as_the_regexes_did():
    """quote-balance used to search the paragraph from its start for each ")" (a regex anchored at
    the mark): the run of brackets above took 455 s of a 23-minute suite. The backward lookups agree
    with those regexes on every string of up to 6 characters over an alphabet that holds each case:
    labels, indentation, line breaks, smileys and other marks."""
    import itertools
    import re

    from mtcheck.rules import quote_balance

    label = re.compile(r"(?<![^\n])[ \t]*[0-9A-Za-z]{1,3}$")
    smiley = re.compile(r"[:;=8][-^']?$")
    for length in range(1, 6):
        for letters in itertools.product("a1 \n):-", repeat=length):
            text = "".join(letters)
            for at in range(len(text) + 1):
                expected = bool(label.search(text, 0, at) or smiley.search(text, 0, at))
                found = quote_balance._follows_a_label(text, 0, at) or bool(
                    quote_balance._SMILEY.search(text, max(0, at - quote_balance.SMILEY_REACH), at))
                assert found == expected, (text, at)


def test_a_long_token_that_starts_like_an_inflected_term_is_no_term():
    # The inflected pass (German) stems words that begin like a form's stem: junk that does is skipped.
    checker = Checker(load_glossaries([str(ROOT / "tests" / "data" / "languages" / "de.yaml")]))
    text = "Die Zinsen der Europäischen Zentralbnak steigen. Europ" + _random_letters(LETTERS) + " Ende."
    assert _findings_in_child(checker, text) == [("term-misspelled", "Europäischen Zentralbnak")]
