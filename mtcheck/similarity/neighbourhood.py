"""Words one edit from a given word, found without comparing it with every word (SymSpell).

Two words one edit apart (a letter added, dropped or changed) share a *key*: the word itself or
one of its one-letter deletions; two swapped letters ("Stoltenbreg") share a deletion too. An
index of words by their keys thus gives, for any word, a few candidates, which the caller tests
by the edit distance it means (OSA, Levenshtein): a shared key alone proves nothing ("abc" and
"bca" share "bc", two edits apart).
"""

from __future__ import annotations

import bisect
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterable


PRESENCE_AFTER = 1_500  # lookups before CompactNeighbourhood files its hashes in a set (it pays from ~1,500)


def deletions(word: str) -> set[str]:
    """``word`` with one letter dropped, each way."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def one_edit_keys(word: str) -> set[str]:
    """The keys ``word`` is filed under: itself and its deletions."""
    keys = deletions(word)
    keys.add(word)
    return keys


class Neighbourhood:
    """Words by their one-edit keys, in a dict: quick to build and to look up in."""

    def __init__(self, words: Iterable[str] = ()):
        self._words_by_key: defaultdict[str, list[str]] = defaultdict(list)
        for word in words:
            self.add(word)

    def add(self, word: str, keyed_as: str | None = None) -> None:
        """File ``word`` under the keys of ``keyed_as`` (a folded spelling of it, say), by default its
        own. A word added twice is found twice in ``blocks``."""
        words_by_key = self._words_by_key
        for key in one_edit_keys(word if keyed_as is None else keyed_as):
            words_by_key[key].append(word)

    def near(self, word: str) -> set[str]:
        """The words sharing a key with ``word``: every word one edit from it, and a few more."""
        found: set[str] = set()
        for key in one_edit_keys(word):
            found.update(self._words_by_key.get(key, ()))
        return found

    def blocks(self) -> Iterable[list[str]]:
        """The words filed under each key, for comparing every pair of words that share one."""
        return self._words_by_key.values()

    def compact(self) -> CompactNeighbourhood:
        return CompactNeighbourhood(self._words_by_key)


class CompactNeighbourhood:
    """A ``Neighbourhood`` kept as two sorted arrays, the keys' CRC-32 and their words' numbers,
    not as a dict of 10^5 strings: a term index loads it from the cache in no time, where the dict
    took 50 ms to unpickle. A hash shared by two keys only adds candidates, which the caller's
    edit-distance test then drops."""

    def __init__(self, words_by_key: dict[str, list[str]]):
        self._words = sorted({word for words in words_by_key.values() for word in words})
        number = {word: i for i, word in enumerate(self._words)}
        entries = sorted((_crc(key), number[word]) for key, words in words_by_key.items() for word in words)
        self._hashes = array("q", (h for h, _ in entries))
        self._numbers = array("q", (n for _, n in entries))
        self._lookups = 0
        self._present: frozenset[int] | None = None

    def near(self, word: str) -> set[str]:
        """The words sharing a key (or a key's hash) with ``word``: every word one edit from it."""
        found: set[str] = set()
        present = self._present_hashes()
        for key in one_edit_keys(word):
            h = _crc(key)
            if present is None or h in present:
                found.update(self._filed_under(h))
        return found

    def _present_hashes(self) -> frozenset[int] | None:
        """The hashes as a set once a process has looked up PRESENCE_AFTER words: most keys of a text's
        words are filed nowhere (13 in 14 on the realistic bench corpus), and a set says so 20 times
        faster than a binary search; building it costs 25 ms for 2.3 * 10^5 hashes, which a short
        text's few lookups do not repay."""
        if self._present is None:
            self._lookups += 1
            if self._lookups > PRESENCE_AFTER:
                self._present = frozenset(self._hashes)
        return self._present

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_present": None, "_lookups": 0}

    def _filed_under(self, h: int) -> tuple[str, ...]:
        i = bisect.bisect_left(self._hashes, h)
        j = i
        while j < len(self._hashes) and self._hashes[j] == h:
            j += 1
        return tuple(self._words[n] for n in self._numbers[i:j])


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))
