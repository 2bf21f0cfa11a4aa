"""`mtcheck fix` on translation files: each fix written into the target as its format writes text,
every other byte kept, verified by reading the file back; what cannot be placed exactly is left and said."""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtcheck.bilingual import fixing
from mtcheck.bilingual.formats import read_pairs
from mtcheck.fixer import Edit
from mtcheck.workflow import FixRequest, run_fix
from tests.cli_runs import mtcheck
from tests.conftest import SMALL_GLOSSARY

FORBIDDEN = "Union of Serbian Municipalities"
CANONICAL = "Community of Serb Municipalities"


@pytest.fixture()
def glossary(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_GLOSSARY, encoding="utf-8")
    return path


def fixed(path, glossary, before: bytes) -> tuple[bytes, str, int]:
    """``before`` written to ``path`` and fixed with --write: (the bytes after, fix's stderr, its exit code)."""
    path.write_bytes(before)
    run = mtcheck("fix", "--no-cache", "-g", glossary, path, "--write")
    return path.read_bytes(), run.stderr.decode(), run.returncode


def forbidden_left(path, glossary) -> list[str]:
    run = mtcheck("check", "--no-cache", "-g", glossary, path, "--select", "term-forbidden", "-f", "json", text=True)
    return [f["text"] for file in json.loads(run.stdout)["files"] for f in file["findings"]]


XLIFF1 = """\ufeff<?xml version="1.0" encoding="utf-8"?>\r
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\r
<file source-language="sr" target-language="en" datatype="plaintext" original="news.txt">\r
<body>\r
<trans-unit id="1"><source>Sastala se ZSO.</source><target state="translated">The {} met.</target></trans-unit>\r
<trans-unit id="2"><source>Tom i Džeri, ZSO.</source><target>Tom &amp; Jerry &lt;3 the {}.</target></trans-unit>\r
</body>\r
</file>\r
</xliff>\r
"""


def test_xliff_1_2_targets_are_fixed_in_place_escapes_before_kept_bom_and_crlf_kept(tmp_path, glossary):
    path = tmp_path / "news.xlf"
    after, said, code = fixed(path, glossary, XLIFF1.format(FORBIDDEN, FORBIDDEN).encode("utf-8"))
    assert code == 0 and said.strip() == "Fixed 2 findings in 1 file."
    assert after == XLIFF1.format(CANONICAL, CANONICAL).encode("utf-8")
    assert forbidden_left(path, glossary) == []


def test_xliff_1_2_inline_markup_inside_the_span_is_left_and_said(tmp_path, glossary):
    path = tmp_path / "news.xlf"
    before = XLIFF1.format("Union of <g id=\"1\">Serbian</g> Municipalities", "Union of Serbian<ph id=\"2\"/> Municipalities")
    after, said, code = fixed(path, glossary, before.encode("utf-8"))
    assert after == before.encode("utf-8") and code == 0
    lines = said.strip().splitlines()
    assert lines[0] == "Fixed 0 findings in 0 files."
    assert lines[1] == "2 fixable findings left for a person:"
    assert all(line.endswith(fixing.ACROSS_MARKUP) for line in lines[2:])
    assert len(lines) == 4


def test_the_diff_of_a_file_with_only_findings_left_is_no_clean_pass(tmp_path, glossary):
    path = tmp_path / "news.xlf"
    path.write_text(XLIFF1.format("Union of <g id=\"1\">Serbian</g> Municipalities", "CSM"), encoding="utf-8")
    run = mtcheck("fix", "--no-cache", "-g", glossary, path)
    assert run.returncode == 1 and run.stdout == b""
    assert "1 fixable finding left for a person:" in run.stderr.decode()


SDLXLIFF = """<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" \
xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<file original="news.docx" datatype="x-sdlfilterframework2" source-language="sr-Latn-RS" target-language="en-US">
<body>
<trans-unit id="a1"><source>Sastala se ZSO. Bila je i ZSO.</source><seg-source><mrk mtype="seg" mid="1">Sastala se \
ZSO.</mrk> <mrk mtype="seg" mid="2">Bila je i ZSO.</mrk></seg-source><target><mrk mtype="seg" mid="1">The CSM met.</mrk> \
<mrk mtype="seg" mid="2">The {} was there too.</mrk></target><sdl:seg-defs><sdl:seg id="1" conf="Translated"/>\
<sdl:seg id="2" conf="ApprovedTranslation"/></sdl:seg-defs></trans-unit>
</body>
</file>
</xliff>
"""


def test_sdlxliff_segments_in_mrk_are_fixed_in_their_segment(tmp_path, glossary):
    path = tmp_path / "news.sdlxliff"
    after, said, code = fixed(path, glossary, SDLXLIFF.format(FORBIDDEN).encode("utf-8"))
    assert code == 0 and said.strip() == "Fixed 1 finding in 1 file."
    assert after == SDLXLIFF.format(CANONICAL).encode("utf-8")
    assert forbidden_left(path, glossary) == []


XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="sr" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment state="translated"><source>Sastala se ZSO.</source><target>"Quoted" &gt; the {}
 met.</target></segment>
    </unit>
  </file>
</xliff>
"""


def test_xliff_2_targets_are_fixed(tmp_path, glossary):
    path = tmp_path / "news.xliff"
    after, said, code = fixed(path, glossary, XLIFF2.format(FORBIDDEN).encode("utf-8"))
    assert code == 0 and said.strip() == "Fixed 1 finding in 1 file."
    assert after == XLIFF2.format(CANONICAL).encode("utf-8")


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="sr" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" \
creationtool="x" creationtoolversion="1"/>
<body>
<tu tuid="1"><tuv xml:lang="sr"><seg>Sastala se ZSO.</seg></tuv><tuv xml:lang="en"><seg>The {} met.</seg></tuv></tu>
</body>
</tmx>
"""


def test_tmx_targets_are_fixed(tmp_path, glossary):
    path = tmp_path / "memory.tmx"
    after, said, code = fixed(path, glossary, TMX.format(FORBIDDEN).encode("utf-8"))
    assert code == 0 and after == TMX.format(CANONICAL).encode("utf-8")


PO = r'''msgid ""
msgstr ""
"Language: en\n"

msgid "Sastala se ZSO."
msgstr "The \"{}\" met."

msgid "Dugo"
msgstr ""
"First line: \\ and \"quotes\"\n"
"then the {} said so.\n"

msgid "Preko"
msgstr "In the end the Union of "
"Serbian Municipalities met."
'''


def test_po_msgstr_single_line_and_on_a_continuation_line_are_fixed_across_lines_left(tmp_path, glossary):
    path = tmp_path / "news.po"
    after, said, code = fixed(path, glossary, PO.format(FORBIDDEN, FORBIDDEN).encode("utf-8"))
    assert after == PO.format(CANONICAL, CANONICAL).encode("utf-8") and code == 0
    lines = said.strip().splitlines()
    assert lines[:2] == ["Fixed 2 findings in 1 file.", "1 fixable finding left for a person:"]
    assert lines[2] == f"  {path}:14:24: '{FORBIDDEN}': it runs across two of the entry's quoted lines"
    assert forbidden_left(path, glossary) == [FORBIDDEN]  # only the one across the lines


CSV = 'id,source,target\r\n1,Sastala se ZSO.,The {} met.\r\n2,"ZSO, opet","The ""CSM"", i.e. the {}"\r\n'


def test_csv_cells_quoted_and_unquoted_are_fixed(tmp_path, glossary):
    path = tmp_path / "news.csv"
    after, said, code = fixed(path, glossary, CSV.format(FORBIDDEN, FORBIDDEN).encode("utf-8"))
    assert code == 0 and said.strip() == "Fixed 2 findings in 1 file."
    assert after == CSV.format(CANONICAL, CANONICAL).encode("utf-8")
    assert forbidden_left(path, glossary) == []


JSONL = ('{{"id": 1, "source": "Sastala se ZSO.", "target": "The \\"new\\" caf\\u00e9 of the {}."}}\n'
         '{{"id": 2, "source": "ZSO", "target": "Zvečan and the {}"}}\n')


def test_jsonl_targets_are_fixed_after_json_escapes(tmp_path, glossary):
    path = tmp_path / "news.jsonl"
    after, said, code = fixed(path, glossary, JSONL.format(FORBIDDEN, FORBIDDEN).encode("utf-8"))
    assert code == 0 and said.strip() == "Fixed 2 findings in 1 file."
    assert after == JSONL.format(CANONICAL, CANONICAL).encode("utf-8")


def test_edited_bytes_that_do_not_read_back_as_planned_are_never_written(tmp_path, glossary, monkeypatch):
    real = fixing._raw_edit

    def off_by_one(*args):
        edit = real(*args)
        return Edit(edit.start + 1, edit.end + 1, edit.replacement, edit.finding)

    monkeypatch.setattr(fixing, "_raw_edit", off_by_one)
    path = tmp_path / "news.po"
    before = PO.format(FORBIDDEN, "CSM").encode("utf-8")
    after, said, code = fixed(path, glossary, before)
    assert after == before and code == 2
    [line] = said.strip().splitlines()
    assert line.startswith(f"error: {path}") and "would not read back as planned" in line and "nothing written" in line


UTF16_XLIFF = """<?xml version="1.0" encoding="UTF-16"?>\r
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\r
<file source-language="sr" target-language="en" datatype="plaintext" original="x"><body>\r
<trans-unit id="1"><source>ZSO</source><target>Caf&#233; and the {}.</target></trans-unit>\r
<trans-unit id="2"><source>ZSO</source><target>the {}.</target></trans-unit>\r
</body></file></xliff>\r
"""


def test_a_utf16_xliff_with_crlf_keeps_its_encoding_and_a_line_break_inside_the_span(tmp_path, glossary):
    path = tmp_path / "news.xlf"
    before = UTF16_XLIFF.format(FORBIDDEN, "Union of\r\nSerbian Municipalities").encode("utf-16")
    after, said, code = fixed(path, glossary, before)
    assert code == 0 and said.strip() == "Fixed 2 findings in 1 file."
    assert after == UTF16_XLIFF.format(CANONICAL, "Community of\r\nSerb Municipalities").encode("utf-16")


def test_tsv_an_unquoted_cell_with_a_quote_before_the_span(tmp_path, glossary):
    path = tmp_path / "news.tsv"
    before = 'source\ttarget\nZSO\tthe "new" {} met\n'
    after, said, code = fixed(path, glossary, before.format(FORBIDDEN).encode("utf-8"))
    assert code == 0 and after == before.format(CANONICAL).encode("utf-8")


# --- every format, any text around the term: fixed exactly as its own writer would write it, or left and said

SPECIAL = st.text(alphabet=["a", " ", "&", "<", ">", '"', "'", "\\", "\n", "\t", ",", "é", "😀"], max_size=6)


def _po(targets: list[str], wrap: int) -> str:
    import polib

    catalog = polib.POFile(wrapwidth=wrap)
    catalog.metadata = {"Language": "en"}
    for number, target in enumerate(targets):
        catalog.append(polib.POEntry(msgid=f"ZSO {number}", msgstr=target))
    return str(catalog)


def _xliff(targets: list[str], wrap: int, written: list[str] | None = None) -> str:
    """An XLIFF 1.2 file of ``targets``, or of the ``written`` (raw XML, markup and all) when given."""
    written = written or [escape(t) for t in targets]
    units = "".join(f'<trans-unit id="{n}"><source>ZSO</source><target>{t}</target></trans-unit>\n'
                    for n, t in enumerate(written))
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            f'<file source-language="sr" target-language="en" datatype="plaintext" original="x"><body>\n{units}'
            "</body></file></xliff>\n")


def _csv(targets: list[str], wrap: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows([["source", "target"], *(["ZSO", target] for target in targets)])
    return out.getvalue()


def _jsonl(targets: list[str], wrap: int) -> str:  # ``wrap`` picks the style: non-ASCII escaped or written
    return "".join(json.dumps({"source": "ZSO", "target": t}, ensure_ascii=wrap > 0) + "\n" for t in targets)


WRITERS = {".po": _po, ".xlf": _xliff, ".csv": _csv, ".jsonl": _jsonl}


# XLIFF inline markup: (written before the text, what the reader reads of it, how the term is written)
INLINE = [
    ("", "", "{}"),
    ('<g id="1">a &amp; <x id="2"/>b</g>', "a & b", "{}"),
    ('<ph id="3" equiv-text="&lt;br&gt; >">&lt;br/&gt;</ph>', "", '<g id="4" ctype="bold">{}</g>'),
    ('<bpt id="5">&lt;i&gt;</bpt>x<ept id="5">&lt;/i&gt;</ept>', "x", '<mrk mtype="x-term">{}</mrk>'),
    ("", "", 'Union of <g id="6">Serbian</g> Municipalities'),  # markup inside the span: left
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=st.sampled_from(sorted(WRITERS)), before=SPECIAL, after=SPECIAL, wrap=st.sampled_from([0, 20, 78]),
       crlf=st.booleans(), inline=st.sampled_from(INLINE))
def test_any_text_around_the_term_is_fixed_or_left_and_said(tmp_path, glossary, suffix, before, after, wrap, crlf,
                                                            inline):
    markup, markup_read, term = inline if suffix == ".xlf" else INLINE[0]
    targets = [f"{markup_read}{before} {FORBIDDEN} {after}", f"{after} {FORBIDDEN}"]
    if suffix == ".xlf":
        written = [f"{markup}{escape(before)} {term.format(FORBIDDEN)} {escape(after)}", escape(targets[1])]
        text = _xliff(targets, wrap, written)
    else:
        text = WRITERS[suffix](targets, wrap)
    path = tmp_path / f"news{suffix}"
    path.write_bytes((text.replace("\n", "\r\n") if crlf and suffix in (".po", ".xlf") else text).encode("utf-8"))
    [fix] = run_fix(FixRequest(paths=[str(path)], glossaries=[str(glossary)], use_config=False, cache_dir=None,
                               select=["term-forbidden"]))
    assert len(fix.edits) + len(fix.left) == len(targets)  # each finding fixed, or left and said
    allowed = {".po": fixing.ACROSS_LINES, ".xlf": fixing.ACROSS_MARKUP if "{}" not in term else None}
    assert all(why == allowed.get(suffix) for _, why in fix.left)  # PO's wrapped lines, a tag inside the span only
    assert suffix != ".xlf" or len(fix.left) == ("{}" not in term)
    path.write_bytes(fix.after)
    read = [pair.target for pair in read_pairs(str(path))]
    assert sum(target.count(CANONICAL) for target in read) == len(fix.edits)
    assert [t.replace(CANONICAL, FORBIDDEN) for t in read] == targets


# --- inline markup before the span: passed over as the reader reads it; inside the span: left and said

def fix_of(path, glossary, text: str):
    """The FileFix of ``text`` written to ``path`` (term-forbidden findings only)."""
    path.write_bytes(text.encode("utf-8"))
    [fix] = run_fix(FixRequest(paths=[str(path)], glossaries=[str(glossary)], use_config=False, cache_dir=None,
                               select=["term-forbidden"]))
    return fix


ONE_UNIT_XLIFF1 = """<?xml version="1.0" encoding="utf-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:x="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="sr" target-language="en" datatype="plaintext" original="news.txt"><body>
<trans-unit id="1"><source>Sastala se ZSO.</source><target>{}</target></trans-unit>
</body></file></xliff>
"""

ONE_UNIT_XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="sr" trgLang="en">
  <file id="f1"><unit id="u1"><segment><source>Sastala se ZSO.</source><target>{}</target></segment></unit></file>
</xliff>
"""

ONE_UNIT_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="sr" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" \
creationtool="x" creationtoolversion="1"/>
<body>
<tu tuid="1"><tuv xml:lang="sr"><seg>Sastala se ZSO.</seg></tuv><tuv xml:lang="en"><seg>{}</seg></tuv></tu>
</body>
</tmx>
"""

SDLXLIFF_G = SDLXLIFF.replace("The {} was there too.", 'See <g id="5">the &lt;guide&gt;</g>: the {} was there.')


@pytest.mark.parametrize(("name", "template", "target"), [
    ("g.xlf", ONE_UNIT_XLIFF1, 'See <g id="1">the guide</g>: the {} met.'),
    ("x.xlf", ONE_UNIT_XLIFF1, 'See<x id="1"/> the <x id="2" ctype="lb" />{} met.'),
    ("ph.xlf", ONE_UNIT_XLIFF1, 'A <ph id="1" ctype="x-html" equiv-text="a > b">&lt;br/&gt;</ph> {} met.'),
    ("codes.xlf", ONE_UNIT_XLIFF1, '<bpt id="1">&lt;b&gt;</bpt>Bold<ept id="1">&lt;/b&gt;</ept>, '
                                   '<it id="2" pos="open">&lt;i&gt;</it><g id="3"><x id="4"/></g> the {} met.'),
    ("nested.xlf", ONE_UNIT_XLIFF1, '<g id="1">The <g id="2">very</g> guide\nsaid</g> the {} met.'),
    ("inside.xlf", ONE_UNIT_XLIFF1, 'Tom &amp; <g id="1" ctype="bold">{}</g> met.'),
    ("inside-nested.xlf", ONE_UNIT_XLIFF1, '<g id="1">The <g id="2">{}</g> met</g>.'),
    ("prefixed.xlf", ONE_UNIT_XLIFF1, '<x:g id="1">See</x:g> <mrk mtype="x-term">the</mrk> {} met.'),
    ("pc.xliff", ONE_UNIT_XLIFF2, 'See <pc id="1" dataRefStart="d1">the guide</pc><ph id="2"/>: the {} met.'),
    ("markers.xliff", ONE_UNIT_XLIFF2, '<sc id="1"/>Bold<ec startRef="1"/> <mrk id="m1" type="term">the</mrk> '
                                       '<pc id="3">x</pc> <sm id="4" type="term"/>the<em startRef="4"/> {}.'),
    ("news.sdlxliff", SDLXLIFF_G, None),
    ("memory.tmx", ONE_UNIT_TMX, '<bpt i="1" x="1">&lt;a href="x"&gt;</bpt>Link<ept i="1">&lt;/a&gt;</ept> '
                                 '<ph x="2">{{0}}</ph> <hi type="b">the</hi> <ut>&lt;u/&gt;</ut>{} met.'),
])
def test_inline_markup_before_the_span_or_around_it_is_passed_over_and_kept(tmp_path, glossary, name, template,
                                                                              target):
    text = template.format(target) if target is not None else template
    fix = fix_of(tmp_path / name, glossary, text.format(FORBIDDEN))
    assert fix.left == [] and len(fix.edits) == 1
    assert fix.after == text.format(CANONICAL).encode("utf-8")


@pytest.mark.parametrize(("name", "template", "target", "why"), [
    ("across.xlf", ONE_UNIT_XLIFF1, '<g id="1">See the Union of Serbian</g> Municipalities met.', fixing.ACROSS_MARKUP),
    ("into.xlf", ONE_UNIT_XLIFF1, 'The Union of <g id="1">Serbian Municipalities</g> met.', fixing.ACROSS_MARKUP),
    ("ph.xlf", ONE_UNIT_XLIFF1, 'The Union of<ph id="1">&lt;br/&gt;</ph> Serbian Municipalities met.',
     fixing.ACROSS_MARKUP),
    ("pc.xliff", ONE_UNIT_XLIFF2, 'The Union of <pc id="1">Serbian</pc> Municipalities met.', fixing.ACROSS_MARKUP),
    ("memory.tmx", ONE_UNIT_TMX, 'The Union of Serbian<ph x="1"/> Municipalities met.', fixing.ACROSS_MARKUP),
    ("comment.xlf", ONE_UNIT_XLIFF1, 'A <!-- a note --> Union of Serbian Municipalities met.', fixing.MARKUP),
    ("cdata.xlf", ONE_UNIT_XLIFF1, 'A <![CDATA[x<y]]> Union of Serbian Municipalities met.', fixing.MARKUP),
    ("comment-in-code.xlf", ONE_UNIT_XLIFF1, '<ph id="1"><!-- x --></ph> Union of Serbian Municipalities met.',
     fixing.MARKUP),
    ("masked.xliff", ONE_UNIT_XLIFF2, '<mrk id="m" translate="no">ZSO</mrk>: Union of Serbian Municipalities met.',
     fixing.MARKUP),
    ("cp.xliff", ONE_UNIT_XLIFF2, 'A<cp hex="E000"/> Union of Serbian Municipalities met.', fixing.MARKUP),
])
def test_markup_inside_the_span_or_unreadable_before_it_is_left_and_said(tmp_path, glossary, name, template, target,
                                                                        why):
    text = template.format(target)
    fix = fix_of(tmp_path / name, glossary, text)
    assert [reason for _, reason in fix.left] == [why] and fix.edits == []
    assert fix.after == text.encode("utf-8")


def test_a_span_after_markup_is_fixed_through_the_cli_and_reads_back_with_its_tags(tmp_path, glossary):
    path = tmp_path / "news.xlf"
    target = 'See <g id="1">the guide</g>: the {} met.'
    after, said, code = fixed(path, glossary, ONE_UNIT_XLIFF1.format(target.format(FORBIDDEN)).encode("utf-8"))
    assert code == 0 and said.strip() == "Fixed 1 finding in 1 file."
    assert after == ONE_UNIT_XLIFF1.format(target.format(CANONICAL)).encode("utf-8")
    [pair] = read_pairs(str(path))
    assert pair.target == f"See the guide: the {CANONICAL} met." and pair.target_tags == ("g#1",)
    assert forbidden_left(path, glossary) == []
