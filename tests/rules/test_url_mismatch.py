"""url-mismatch: URLs and e-mail addresses of the source, as written, in the target."""

from __future__ import annotations

import pytest

from mtcheck.rules.url_mismatch import addresses


@pytest.mark.parametrize("text, found", [
    ("See https://example.com/a.", ["https://example.com/a"]),
    ("(see www.example.com)", ["www.example.com"]),
    ("Mail help@example.com.", ["help@example.com"]),
    ("https://user@example.org/x", ["https://user@example.org/x"]),  # the address is the URL's
    ("https://en.wikipedia.org/wiki/Mercury_(planet).", ["https://en.wikipedia.org/wiki/Mercury_(planet)"]),
])
def test_addresses_are_found_without_the_sentence_s_punctuation(text, found):
    assert [address for address, _, _ in addresses(text)] == found


def test_a_changed_url_is_missing_and_added(pair_findings):
    findings = pair_findings("url-mismatch", [("See https://example.com/en.", "Siehe https://example.com/de.")])
    assert findings == [(0, "", "'https://example.com/en' of the source is missing from the target"),
                        (0, "https://example.com/de", "'https://example.com/de' is not in the source")]


def test_kept_addresses_pass(pair_findings):
    assert pair_findings("url-mismatch", [("Write to a@b.org or see ftp://b.org!", "Siehe ftp://b.org, a@b.org.")]) == []
