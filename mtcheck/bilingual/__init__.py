"""Bilingual translation files (XLIFF, PO, TMX, CSV/TSV, JSON Lines) as source/target pairs.

Kept empty of imports: readers live in ``mtcheck.bilingual.formats`` and import their parsers
(lxml, polib) only when a file of their kind is read.
"""
