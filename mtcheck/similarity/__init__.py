"""How alike two words are, in spelling or in sound: helpers the term index, the rules and the
glossary tools share, kept apart from all three so that none imports another for them.

- ``neighbourhood``: words one edit apart, found by their deletion keys (SymSpell);
- ``phonetic``: a sound key for names transliterated from Slavic and Albanian;
- ``names``: whether two spellings are taken for one name.
"""
