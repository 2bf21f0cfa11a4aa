"""The review app's JSON API (Starlette's TestClient): every decision and what it writes, undo, the
token, the Host check, path confinement, files changed behind the app's back, bad requests, the log."""

from __future__ import annotations

import json
import re
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from starlette.testclient import TestClient

from mtcheck.review.app import TOKEN_HEADER, create_app
from mtcheck.review.session import Refused, refuse_invalid_set
from tests.cli_runs import mtcheck
from tests.review.projects import (ARTICLE, FILES, GLOSSARY, GLOSSARY_FILE, MULTILINGUAL, MULTILINGUAL_FILES, NOTES, checked,
                                   checked_files, comment_lines, multilingual_project, project, session)

TOKEN = "test-token-0123456789"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
REPORT_SCHEMA = json.loads(resources.files("mtcheck.reporters").joinpath("json_report.schema.json").read_text("utf-8"))
UTC_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def client_for(review, **options) -> TestClient:
    return TestClient(create_app(review, TOKEN, PORT), base_url=BASE, headers={TOKEN_HEADER: TOKEN}, **options)


@pytest.fixture()
def folder(tmp_path, monkeypatch) -> Path:
    folder = project(tmp_path / "project")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture()
def api(folder) -> TestClient:
    return client_for(session())


def findings(api: TestClient, path: str) -> list[dict]:
    answer = api.get("/api/files/findings", params={"path": path})
    assert answer.status_code == 200, answer.text
    return answer.json()["files"][0]["findings"]


def finding(api: TestClient, path: str, text: str, rule: str | None = None) -> dict:
    return next(f for f in findings(api, path) if f["text"] == text and rule in (None, f["rule"]))


def decide(api: TestClient, path: str, found: dict | None, action: str, **fields):
    return api.post("/api/decisions", json={"path": path, "id": found and found["id"], "action": action, **fields})


def pairs(answer: dict) -> list[tuple[str, str]]:
    return [(f["rule"], f["text"]) for f in answer["files"][0]["findings"]]


# ---------------------------------------------------------------------------------- reading


def test_files_and_findings_come_in_the_json_report_shape_with_ids_and_actions(api, folder):
    listing = api.get("/api/files").json()
    assert [(f["path"], f["findings"]) for f in listing["files"]] == [("a.txt", 3), ("b.md", 1)]
    assert (listing["baseline"], listing["log"], listing["dismiss"]) == (".mtcheck-baseline.json", "mtcheck-review.jsonl",
                                                                          "baseline")
    assert listing["glossaries"] == [GLOSSARY_FILE] and listing["can_undo"] is False

    report = api.get("/api/files/findings", params={"path": "a.txt"}).json()
    jsonschema.validate(report, REPORT_SCHEMA)
    assert pairs(report) == [("term-forbidden", "Union of Serbian Municipalities"), ("term-misspelled", "Aljbin Kurti"),
                             ("term-forbidden", "USO")]
    forbidden, misspelled, _ = report["files"][0]["findings"]
    # A forbidden form may be accepted after all (it leaves the forbidden list), not forbidden again.
    assert forbidden["actions"] == ["dismiss", "edit", "apply-fix", "accept-variant", "add-short"]
    assert misspelled["actions"] == ["dismiss", "edit", "apply-fix", "accept-variant", "add-forbidden", "add-short"]
    assert re.fullmatch(r"[0-9a-f]{32}-1", misspelled["id"]) and misspelled["id"].startswith(misspelled["fingerprint"])
    assert report["files"][0]["actions"] == ["apply-all-fixes"]
    view = report["files"][0]["view"]
    assert view["kind"] == "text" and "".join(p[1] for p in view["pieces"] if p[0] == "text") == ARTICLE
    assert [p for p in view["pieces"] if p[0] == "open"] == [["open", 0], ["open", 1], ["open", 2]]
    assert [f["mark"] for f in report["files"][0]["findings"]] == [0, 1, 2]


def test_the_page_and_its_assets_come_from_the_app_under_a_strict_policy(api):
    page = api.get("/", params={"token": TOKEN})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    html = page.text
    assert f'<meta name="mtcheck-token" content="{TOKEN}">' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script
    assert not re.search(r"(src|href)=\"(?!/assets/)", html)  # nothing from anywhere else
    for name in re.findall(r"/assets/([\w.]+)\?token=", html):
        asset = api.get(f"/assets/{name}")
        assert asset.status_code == 200 and asset.text and asset.headers["x-content-type-options"] == "nosniff"
    assert api.get("/assets/../session.py").status_code == 404


# ------------------------------------------------------------------------------ fix and edit


def test_apply_fix_writes_what_mtcheck_fix_writes(folder, tmp_path):
    """One finding fixed by the app, and `mtcheck fix --write` on a copy, give the same bytes (a BOM
    and CRLF line endings kept)."""
    text = "\ufeffOn Monday the USO met.\r\nIt met again.\r\n".encode()
    (folder / "c.txt").write_bytes(text)
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    api = client_for(session(["c.txt"]))
    answer = decide(api, "c.txt", finding(api, "c.txt", "USO"), "apply-fix")
    assert answer.status_code == 200, answer.text
    assert (answer.json()["decision"]["before"], answer.json()["decision"]["after"]) == ("USO", "CSM")
    assert pairs(answer.json()["report"]) == []
    fixed = mtcheck("fix", "--write", "c.txt", cwd=copy)
    assert fixed.returncode == 0, fixed.stderr
    assert (folder / "c.txt").read_bytes() == (copy / "c.txt").read_bytes() == text.replace(b"USO", b"CSM")


def test_apply_all_fixes_is_mtcheck_fix_write(api, folder, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    answer = decide(api, "a.txt", None, "apply-all-fixes")
    assert answer.status_code == 200, answer.text
    assert [(e["before"], e["after"]) for e in answer.json()["decision"]["edits"]] == [
        ("Union of Serbian Municipalities", "Community of Serb Municipalities"), ("Aljbin Kurti", "Albin Kurti"),
        ("USO", "CSM")]
    assert mtcheck("fix", "--write", "a.txt", cwd=copy).returncode == 0
    assert (folder / "a.txt").read_bytes() == (copy / "a.txt").read_bytes()
    assert decide(api, "a.txt", None, "apply-all-fixes").status_code == 422  # nothing left to fix


def test_edit_replaces_the_span_given_its_old_text(api, folder):
    found = finding(api, "a.txt", "Aljbin Kurti")
    stale = decide(api, "a.txt", found, "edit", old="Albin Kurti", new="Prime Minister Kurti")
    assert stale.status_code == 409 and (folder / "a.txt").read_text() == ARTICLE
    answer = decide(api, "a.txt", found, "edit", old="Aljbin Kurti", new="Prime Minister Kurti")
    assert answer.status_code == 200, answer.text
    assert (folder / "a.txt").read_text() == ARTICLE.replace("Aljbin Kurti", "Prime Minister Kurti")
    assert ("term-misspelled", "Aljbin Kurti") not in pairs(answer.json()["report"])
    assert decide(api, "a.txt", finding(api, "a.txt", "USO"), "edit", new="CSM").status_code == 400  # no old text


# ------------------------------------------------------------------------------------ dismiss


def test_dismiss_writes_a_baseline_entry_that_check_then_honours(api, folder):
    answer = decide(api, "a.txt", finding(api, "a.txt", "USO"), "dismiss", reason="the source's own acronym")
    assert answer.status_code == 200, answer.text
    assert ("term-forbidden", "USO") not in pairs(answer.json()["report"])
    baseline = json.loads((folder / ".mtcheck-baseline.json").read_text(encoding="utf-8"))
    [entry] = baseline["findings"]
    assert entry | {"fingerprint": "-"} == {"fingerprint": "-", "rule": "term-forbidden", "path": "a.txt", "term": "csm",
                                            "text": "USO", "count": 1, "reason": "the source's own acronym"}
    assert ("term-forbidden", "USO") in checked(folder)["a.txt"]
    assert ("term-forbidden", "USO") not in checked(folder, "--baseline", ".mtcheck-baseline.json")["a.txt"]
    assert api.post("/api/undo", json={}).status_code == 200
    assert not (folder / ".mtcheck-baseline.json").exists()  # the dismissal made it, the undo removed it


def test_a_second_dismissal_keeps_the_other_entries(api, folder):
    decide(api, "a.txt", finding(api, "a.txt", "USO"), "dismiss")
    before = (folder / ".mtcheck-baseline.json").read_text(encoding="utf-8")
    assert decide(api, "b.md", finding(api, "b.md", "Aljbin Kurti"), "dismiss").status_code == 200
    entries = json.loads((folder / ".mtcheck-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [(e["path"], e["text"]) for e in entries] == [("a.txt", "USO"), ("b.md", "Aljbin Kurti")]
    assert api.post("/api/undo", json={}).status_code == 200
    assert (folder / ".mtcheck-baseline.json").read_text(encoding="utf-8") == before


def test_inline_dismissal_puts_a_directive_line_above_the_finding(tmp_path, monkeypatch):
    folder = project(tmp_path / "project", dismiss="inline")
    monkeypatch.chdir(folder)
    api = client_for(session())
    assert decide(api, "a.txt", finding(api, "a.txt", "USO"), "dismiss", reason="house style").status_code == 200
    assert (folder / "a.txt").read_text() == ARTICLE.replace("Later", "mtcheck: ignore term-forbidden\nLater")
    # a second rule on a line that has a directive above it joins that directive
    answer = decide(api, "a.txt", finding(api, "a.txt", "Aljbin Kurti"), "dismiss")
    assert answer.status_code == 200, answer.text
    assert (folder / "a.txt").read_text().startswith("mtcheck: ignore term-misspelled\nThe Union")
    assert decide(api, "a.txt", finding(api, "a.txt", "Union of Serbian Municipalities"), "dismiss").status_code == 200
    assert (folder / "a.txt").read_text() == (
        "mtcheck: ignore term-forbidden, term-misspelled\n" + ARTICLE.replace("Later", "mtcheck: ignore term-forbidden\nLater"))
    assert decide(api, "b.md", finding(api, "b.md", "Aljbin Kurti"), "dismiss").status_code == 200
    assert (folder / "b.md").read_text() == NOTES.replace("Aljbin", "<!-- mtcheck: ignore term-misspelled -->\nAljbin")
    assert checked(folder) == {"a.txt": [], "b.md": []}
    assert not (folder / ".mtcheck-baseline.json").exists()
    for _ in range(4):
        assert api.post("/api/undo", json={}).status_code == 200
    assert ((folder / "a.txt").read_text(), (folder / "b.md").read_text()) == (ARTICLE, NOTES)


# ------------------------------------------------------------------------------- the glossary


@pytest.mark.parametrize("action, role", [("accept-variant", "variants"), ("add-short", "short"),
                                          ("add-forbidden", "forbidden")])
def test_a_glossary_decision_changes_the_yaml_and_the_finding_everywhere(api, folder, action, role):
    answer = decide(api, "a.txt", finding(api, "a.txt", "Aljbin Kurti"), action)
    assert answer.status_code == 200, answer.text
    assert answer.json()["decision"] | {"time": "-", "finding": "-", "id": "-"} == {
        "time": "-", "file": "a.txt", "action": action, "finding": "-", "id": "-", "rule": "term-misspelled",
        "term": "kurti", "line": 1, "column": 41, "before": "Aljbin Kurti", "after": "Aljbin Kurti",
        "glossary": GLOSSARY_FILE, "role": role, "reason": None, "written": GLOSSARY_FILE}
    yaml = (folder / GLOSSARY_FILE).read_text(encoding="utf-8")
    assert comment_lines(yaml) == comment_lines(GLOSSARY)  # every comment, in place
    if role == "short":
        assert "    short: [Kurti, Aljbin Kurti]\n" in yaml
    else:
        assert yaml.endswith(f"    short: [Kurti]\n    {role}: [Aljbin Kurti]\n")
    now = {path: pairs(api.get("/api/files/findings", params={"path": path}).json()) for path in FILES}
    assert now == checked(folder)  # a new check agrees
    for path in FILES:  # the near miss is gone everywhere: accepted, or now a known wrong rendering
        assert ("term-misspelled", "Aljbin Kurti") not in now[path]
        assert (("term-forbidden", "Aljbin Kurti") in now[path]) == (role == "forbidden")
    assert api.post("/api/undo", json={}).status_code == 200
    assert (folder / GLOSSARY_FILE).read_text(encoding="utf-8") == GLOSSARY
    assert ("term-misspelled", "Aljbin Kurti") in pairs(api.get("/api/files/findings", params={"path": "b.md"}).json())


def test_a_forbidden_form_accepted_as_a_variant_leaves_the_forbidden_list(api, folder):
    uso = finding(api, "a.txt", "USO")
    assert "add-forbidden" not in uso["actions"] and "accept-variant" in uso["actions"]
    answer = decide(api, "a.txt", uso, "accept-variant")
    assert answer.status_code == 200, answer.text
    yaml = (folder / GLOSSARY_FILE).read_text(encoding="utf-8")
    assert "    variants: [Association of Serb Municipalities, USO] # as EU texts write it\n" in yaml
    assert "    forbidden: [Union of Serbian Municipalities]\n" in yaml
    assert [line.split("#")[1] for line in comment_lines(yaml)] == [line.split("#")[1] for line in comment_lines(GLOSSARY)]
    now = pairs(api.get("/api/files/findings", params={"path": "a.txt"}).json())
    assert ("term-forbidden", "USO") not in now and ("term-forbidden", "Union of Serbian Municipalities") in now
    assert now == checked(folder)["a.txt"]  # a new check agrees
    assert api.post("/api/undo", json={}).status_code == 200
    assert (folder / GLOSSARY_FILE).read_text(encoding="utf-8") == GLOSSARY


def test_a_listed_form_cannot_join_its_own_list_again(api, folder):
    answer = decide(api, "a.txt", finding(api, "a.txt", "USO"), "add-forbidden")
    assert answer.status_code == 422 and "does not apply" in answer.json()["error"]
    assert (folder / GLOSSARY_FILE).read_text(encoding="utf-8") == GLOSSARY


def test_a_form_another_glossary_claims_is_refused(tmp_path):
    """A glossary text that loads alone but not beside the other glossaries in use is refused, naming
    the real file (the set is tried in a folder of its own)."""
    mine = tmp_path / "a" / "review.yaml"
    other = tmp_path / "b" / "review.yaml"  # the same file name in another folder
    for path, text in ((mine, GLOSSARY), (other, "version: 1\nname: other\nlanguage: en\nterms:\n"
                                                 "  - id: band\n    canonical: The Band\n    short: [Aljbin Kurti]\n")):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    files = [str(mine), str(other)]
    refuse_invalid_set(files, str(mine), GLOSSARY)  # as it is: fine
    with pytest.raises(Refused) as refused:
        refuse_invalid_set(files, str(mine), GLOSSARY.replace("short: [Kurti]", "short: [Kurti, Aljbin Kurti]"))
    assert "refused: " in str(refused.value) and str(tmp_path) in str(refused.value)
    assert mine.read_text(encoding="utf-8") == GLOSSARY


# ------------------------------------------------------------------------ undo and conflicts


def test_undo_restores_the_exact_bytes_only_while_nobody_changed_them(api, folder):
    assert api.post("/api/undo", json={}).status_code == 409  # nothing to undo
    decide(api, "a.txt", finding(api, "a.txt", "USO"), "apply-fix")
    assert api.get("/api/files").json()["can_undo"] is True
    answer = api.post("/api/undo", json={})
    assert answer.status_code == 200 and (folder / "a.txt").read_text() == ARTICLE
    assert answer.json()["undone"]["action"] == "apply-fix" and answer.json()["decision"]["action"] == "undo"
    decide(api, "a.txt", finding(api, "a.txt", "USO"), "apply-fix")
    changed = (folder / "a.txt").read_text() + "A line someone added.\n"
    (folder / "a.txt").write_text(changed)
    refused = api.post("/api/undo", json={})
    assert refused.status_code == 409 and "not undone" in refused.json()["error"]
    assert (folder / "a.txt").read_text() == changed
    assert refused.json()["report"]["files"][0]["path"] == "a.txt"


def test_a_file_changed_behind_the_apps_back_is_checked_again_never_overwritten(api, folder):
    found = finding(api, "a.txt", "USO")
    changed = "A new first line about the USO.\n" + ARTICLE
    (folder / "a.txt").write_text(changed)
    answer = decide(api, "a.txt", found, "apply-fix")
    assert answer.status_code == 409
    assert "changed on disk" in answer.json()["error"]
    assert (folder / "a.txt").read_text() == changed
    fresh = answer.json()["report"]["files"][0]["findings"]
    assert [f["text"] for f in fresh] == ["USO", "Union of Serbian Municipalities", "Aljbin Kurti", "USO"]
    second_uso = fresh[3]
    assert decide(api, "a.txt", second_uso, "apply-fix").status_code == 200  # decided on the fresh findings
    assert (folder / "a.txt").read_text() == changed.replace("the USO spoke", "the CSM spoke")


def test_a_glossary_changed_behind_the_apps_back_is_not_overwritten(api, folder):
    found = finding(api, "a.txt", "Aljbin Kurti")
    edited = GLOSSARY + "  - id: eu\n    canonical: European Union\n"
    (folder / GLOSSARY_FILE).write_text(edited, encoding="utf-8")
    answer = decide(api, "a.txt", found, "accept-variant")
    assert answer.status_code == 409 and (folder / GLOSSARY_FILE).read_text(encoding="utf-8") == edited


# --------------------------------------------------------------------------------- security


@pytest.mark.parametrize("path", ["/", "/api/files", "/assets/app.js", "/api/decisions", "/nothing"])
def test_every_request_needs_the_token(folder, path):
    anonymous = TestClient(create_app(session(), TOKEN, PORT), base_url=BASE)
    for answer in (anonymous.get(path), anonymous.get(path, params={"token": "wrong"}),
                   anonymous.get(path, headers={TOKEN_HEADER: TOKEN[:-1]})):
        assert answer.status_code == 403 and "token" in answer.json()["error"]
    assert anonymous.post("/api/undo", json={}).status_code == 403
    assert anonymous.get(path, params={"token": TOKEN}).status_code in (200, 404)
    assert anonymous.get(path, headers={TOKEN_HEADER: TOKEN}).status_code in (200, 404)


def test_only_the_servers_own_host_is_answered(api):
    assert api.get("/api/files", headers={"host": f"localhost:{PORT}"}).status_code == 200
    for host in ("evil.example", f"evil.example:{PORT}", f"127.0.0.1:{PORT + 1}", f"127.0.0.2:{PORT}"):
        answer = api.get("/api/files", headers={"host": host})
        assert answer.status_code == 403 and "127.0.0.1" in answer.json()["error"]


def test_a_post_must_be_json_from_the_apps_own_origin(api, folder):
    found = finding(api, "a.txt", "USO")
    body = json.dumps({"path": "a.txt", "id": found["id"], "action": "apply-fix"})
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"):
        assert api.post("/api/decisions", content=body, headers={"content-type": content_type}).status_code == 415
    assert api.post("/api/decisions", content=body, headers={"content-type": "application/json",
                                                              "origin": "http://evil.example"}).status_code == 403
    assert (folder / "a.txt").read_text() == ARTICLE
    answer = api.post("/api/decisions", content=body, headers={"content-type": "application/json; charset=utf-8",
                                                                "origin": BASE})
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize("path", ["../outside.txt", "/etc/passwd", "mtcheck.yaml", GLOSSARY_FILE, "./a.txt", "c.txt",
                                  str(Path("a.txt").absolute()), "", "a.txt\x00"])
def test_a_path_outside_the_review_is_refused(api, folder, path):
    (folder / "c.txt").write_text("The USO met.\n")  # in the folder, but not a file the review was started on
    (folder.parent / "outside.txt").write_text("The USO met.\n")
    answer = api.get("/api/files/findings", params={"path": path})
    assert answer.status_code == 403 and "not a file of this review" in answer.json()["error"]
    found = finding(api, "a.txt", "USO")
    for action in ("apply-fix", "dismiss", "edit"):
        refused = decide(api, path, found, action, old="USO", new="x")
        assert refused.status_code == 403
    assert api.post("/api/recheck", json={"path": path}).status_code == 403
    assert (folder / "c.txt").read_text() == (folder.parent / "outside.txt").read_text() == "The USO met.\n"
    assert (folder / "a.txt").read_text() == ARTICLE and not (folder / ".mtcheck-baseline.json").exists()


def test_bad_requests_get_a_json_error(api, folder):
    found = finding(api, "a.txt", "USO")
    cases = [
        (api.post("/api/decisions", content=b"{not json", headers={"content-type": "application/json"}), 400),
        (api.post("/api/decisions", json=["a.txt"]), 400),
        (api.post("/api/decisions", json={"path": "a.txt", "id": found["id"]}), 400),  # no action
        (api.post("/api/decisions", json={"path": "a.txt", "id": found["id"], "action": "delete"}), 404),
        (api.post("/api/decisions", json={"path": "a.txt", "id": "0" * 32 + "-1", "action": "dismiss"}), 404),
        (api.post("/api/decisions", json={"path": "a.txt", "id": found["id"], "action": "dismiss", "reason": 7}), 400),
        (api.post("/api/decisions", json={"path": "a.txt", "id": found["id"], "action": "edit", "old": "USO"}), 400),
        (api.post("/api/decisions", content=b"{" + b" " * (2**20 + 1) + b"}", headers={"content-type": "application/json"}), 413),
        (api.get("/api/files/findings"), 400),
        (api.get("/api/nothing"), 404),
        (api.put("/api/decisions", json={}), 405),
        (api.delete("/api/files"), 405),
    ]
    for answer, status in cases:
        assert answer.status_code == status, (status, answer.text)
        assert set(answer.json()) == {"error"} and answer.json()["error"]
        assert "Traceback" not in answer.text
    assert (folder / "a.txt").read_text() == ARTICLE and not (folder / ".mtcheck-baseline.json").exists()


def test_an_unexpected_error_is_a_500_that_tells_nothing(folder):
    review = session()

    def broken():
        raise RuntimeError("a secret detail")

    review.files = broken
    answer = client_for(review).get("/api/files")
    assert answer.status_code == 500 and answer.json() == {"error": "internal error (the server's output says more)"}


# ------------------------------------------------------------------------------- translation files


NEWS_PO = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Sastala se ZSO."\nmsgstr "The \\"USO\\" met."\n\n'
           'msgid "Opet ZSO."\nmsgstr "Again the Union of "\n"Serbian Municipalities."\n')
NEWS_XLF = """<?xml version="1.0" encoding="utf-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="sr" target-language="en" datatype="plaintext" original="news.txt"><body>
<trans-unit id="1"><source>Sastala se ZSO.</source><target>Tom &amp; the USO met.</target></trans-unit>
<trans-unit id="2"><source>Opet ZSO.</source><target>The Union of <g id="1">Serbian</g> Municipalities.</target></trans-unit>
</body></file></xliff>
"""


@pytest.fixture()
def translations(tmp_path, monkeypatch) -> Path:
    folder = project(tmp_path / "project", dismiss="inline")
    (folder / "news.po").write_text(NEWS_PO, encoding="utf-8")
    (folder / "news.xlf").write_text(NEWS_XLF, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def test_a_translation_files_findings_are_dismissed_to_the_baseline(translations):
    api = client_for(session(["news.po"]))
    report = api.get("/api/files/findings", params={"path": "news.po"}).json()
    uso = finding(api, "news.po", "USO")
    assert uso["actions"] == ["dismiss", "edit", "apply-fix", "accept-variant", "add-short"]
    assert report["review"]["dismiss"] == "baseline" and report["files"][0]["actions"] == ["apply-all-fixes"]
    first = report["files"][0]["view"]["segments"][0]
    assert first["source"] == "Sastala se ZSO." and ["text", "USO"] in first["pieces"]
    answer = decide(api, "news.po", uso, "dismiss")
    assert answer.status_code == 200 and answer.json()["decision"]["dismissed_in"] == "baseline"
    assert (translations / "news.po").read_text(encoding="utf-8") == NEWS_PO


@pytest.mark.parametrize(("name", "text", "fixed"), [
    ("news.po", "USO", NEWS_PO.replace('\\"USO\\"', '\\"CSM\\"')),  # the forbidden short form's fix: the short form
    ("news.xlf", "USO", NEWS_XLF.replace("&amp; the USO", "&amp; the CSM")),
])
def test_apply_fix_in_a_translation_file_writes_the_target_as_its_format_does_and_undo_restores_it(
        translations, name, text, fixed):
    api = client_for(session([name]))
    before = (translations / name).read_bytes()
    answer = decide(api, name, finding(api, name, text), "apply-fix")
    assert answer.status_code == 200, answer.text
    assert (translations / name).read_text(encoding="utf-8") == fixed
    assert text not in [f["text"] for f in answer.json()["report"]["files"][0]["findings"]]
    assert api.post("/api/undo", json={}).status_code == 200 and (translations / name).read_bytes() == before


@pytest.mark.parametrize(("name", "new", "edited"), [
    ("news.po", 'the "CSM"', NEWS_PO.replace('\\"USO\\"', '\\"the \\"CSM\\"\\"')),
    ("news.xlf", "CSM & co", NEWS_XLF.replace("&amp; the USO", "&amp; the CSM &amp; co")),
])
def test_edit_in_a_translation_file_escapes_the_typed_text_and_undo_restores_it(translations, name, new, edited):
    api = client_for(session([name]))
    before = (translations / name).read_bytes()
    answer = decide(api, name, finding(api, name, "USO"), "edit", old="USO", new=new)
    assert answer.status_code == 200, answer.text
    assert (translations / name).read_text(encoding="utf-8") == edited
    assert api.post("/api/undo", json={}).status_code == 200 and (translations / name).read_bytes() == before


def test_a_span_after_inline_markup_is_offered_a_fix_and_the_tags_are_kept(translations):
    tagged = NEWS_XLF.replace("Tom &amp; the USO met.", 'See <g id="1">the guide</g>:<x id="2"/> the USO met.')
    (translations / "tags.xlf").write_text(tagged, encoding="utf-8")
    api = client_for(session(["tags.xlf"]))
    uso = finding(api, "tags.xlf", "USO")
    assert uso["actions"] == ["dismiss", "edit", "apply-fix", "accept-variant", "add-short"]
    answer = decide(api, "tags.xlf", uso, "apply-fix")
    assert answer.status_code == 200, answer.text
    assert (translations / "tags.xlf").read_text(encoding="utf-8") == tagged.replace("the USO met", "the CSM met")


@pytest.mark.parametrize("name", ["news.po", "news.xlf"])
def test_where_a_span_cannot_be_placed_exactly_review_offers_no_edit_and_refuses_one(translations, name):
    api = client_for(session([name]))
    across = finding(api, name, "Union of Serbian Municipalities")  # across PO lines; around an XLIFF <g>
    assert across["actions"] == ["dismiss", "accept-variant", "add-short"]
    before = (translations / name).read_bytes()
    for action, fields in (("edit", {"old": across["text"], "new": "CSM"}), ("apply-fix", {})):
        answer = decide(api, name, across, action, **fields)
        assert answer.status_code == 422 and (translations / name).read_bytes() == before


def test_an_edit_whose_place_is_uncertain_is_refused_by_the_session(translations, monkeypatch):
    from mtcheck.bilingual import fixing

    review = session(["news.po"])
    api = client_for(review)
    uso = finding(api, "news.po", "USO")
    monkeypatch.setattr(fixing, "_po_step", lambda text, at: None)  # as if the target held escapes the walk cannot read
    answer = decide(api, "news.po", uso, "edit", old="USO", new="CSM")
    assert answer.status_code == 422 and "markup or escapes" in answer.json()["error"]
    assert (translations / "news.po").read_text(encoding="utf-8") == NEWS_PO


# --------------------------------------------------------------------------------- the log


def test_every_decision_is_a_line_of_the_log_next_to_the_config(tmp_path, monkeypatch):
    folder = project(tmp_path / "project")
    (folder / "articles").mkdir()
    for name in FILES:
        (folder / name).rename(folder / "articles" / name)
    monkeypatch.chdir(folder / "articles")  # the config is found above
    api = client_for(session())
    decide(api, "a.txt", finding(api, "a.txt", "USO"), "apply-fix", reason="house style")
    decide(api, "a.txt", finding(api, "a.txt", "Aljbin Kurti"), "dismiss", reason="a quoted spelling")
    api.post("/api/undo", json={})
    lines = [json.loads(line) for line in (folder / "mtcheck-review.jsonl").read_text(encoding="utf-8").splitlines()]
    assert not (folder / "articles" / "mtcheck-review.jsonl").exists()
    assert [(e["action"], e["file"], e.get("rule"), e.get("before"), e.get("after"), e.get("reason")) for e in lines] == [
        ("apply-fix", "a.txt", "term-forbidden", "USO", "CSM", "house style"),
        ("dismiss", "a.txt", "term-misspelled", "Aljbin Kurti", None, "a quoted spelling"),
        ("undo", "a.txt", None, None, None, None)]
    assert all(UTC_TIME.match(e["time"]) for e in lines)
    uso = finding(api, "a.txt", "Union of Serbian Municipalities")  # not USO: that one was fixed
    assert re.fullmatch(r"[0-9a-f]{32}", lines[0]["finding"]) and lines[0]["finding"] != uso["fingerprint"]
    assert lines[2]["undoes"] == "dismiss" and lines[2]["of"] == lines[1]["time"]
    assert lines[1]["written"] == "../.mtcheck-baseline.json"
    assert api.get("/api/decisions").json()["decisions"] == lines


def test_a_multilingual_glossary_is_reviewed_per_language(tmp_path, monkeypatch):
    folder = project(tmp_path / "project")
    monkeypatch.chdir(folder)
    assert mtcheck("glossary", "migrate", GLOSSARY_FILE, "--force", cwd=folder).returncode == 0  # the same terms, version 2
    report = client_for(session()).get("/api/files/findings", params={"path": "a.txt"}).json()
    assert pairs(report) == [("term-forbidden", "Union of Serbian Municipalities"), ("term-misspelled", "Aljbin Kurti"),
                             ("term-forbidden", "USO")]
    assert report["files"][0]["findings"][1]["actions"] == ["dismiss", "edit", "apply-fix", "accept-variant",
                                                            "add-forbidden", "add-short"]


# ------------------------------------------------------- a multilingual (version 2) glossary


@pytest.fixture()
def multilingual(tmp_path, monkeypatch) -> Path:
    folder = multilingual_project(tmp_path / "project")
    monkeypatch.chdir(folder)
    return folder


def block_lines(yaml: str, term: str) -> list[str]:
    """The lines of ``term``'s entry in a glossary text."""
    lines = yaml.splitlines()
    start = lines.index(f"  - id: {term}")
    return lines[start:next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id:")), len(lines))]


@pytest.mark.parametrize("action, role", [("accept-variant", "variants"), ("add-short", "short"),
                                          ("add-forbidden", "forbidden")])
def test_a_decision_on_a_multilingual_glossary_writes_the_files_language_block(multilingual, action, role):
    api = client_for(session(MULTILINGUAL_FILES))
    answer = decide(api, "de.txt", finding(api, "de.txt", "Aljbin Kurti"), action)
    assert answer.status_code == 200, answer.text
    assert (answer.json()["decision"]["language"], answer.json()["decision"]["role"]) == ("de", role)
    yaml = (multilingual / GLOSSARY_FILE).read_text(encoding="utf-8")
    # a longer line keeps one space before its comment (ruamel's comment columns are absolute)
    german = ("      de: {canonical: Albin Kurti, short: [Kurti, Aljbin Kurti]} # as in English" if role == "short" else
              f"      de: {{canonical: Albin Kurti, short: [Kurti], {role}: [Aljbin Kurti]}} # as in English")
    assert yaml == MULTILINGUAL.replace("      de: {canonical: Albin Kurti, short: [Kurti]}   # as in English", german)
    assert comment_lines(yaml) != [] and [line.split("#")[1] for line in comment_lines(yaml)] == \
        [line.split("#")[1] for line in comment_lines(MULTILINGUAL)]
    now = {path: pairs(api.get("/api/files/findings", params={"path": path}).json()) for path in MULTILINGUAL_FILES}
    assert ("term-misspelled", "Aljbin Kurti") not in now["de.txt"]
    assert (("term-forbidden", "Aljbin Kurti") in now["de.txt"]) == (role == "forbidden")
    assert ("term-misspelled", "Aljbin Kurti") in now["en.po"]  # the English block is unchanged
    assert now == checked_files(multilingual, MULTILINGUAL_FILES)  # a new check agrees
    assert api.post("/api/undo", json={}).status_code == 200
    assert (multilingual / GLOSSARY_FILE).read_text(encoding="utf-8") == MULTILINGUAL


def test_a_translation_files_decision_goes_to_the_block_of_its_declared_language(multilingual):
    api = client_for(session(MULTILINGUAL_FILES))
    answer = decide(api, "en.po", finding(api, "en.po", "Aljbin Kurti"), "add-forbidden")
    assert answer.status_code == 200, answer.text
    assert answer.json()["decision"]["language"] == "en"
    yaml = (multilingual / GLOSSARY_FILE).read_text(encoding="utf-8")
    assert "      en: {canonical: Albin Kurti, short: [Kurti], forbidden: [Aljbin Kurti]}\n" in yaml
    assert block_lines(yaml, "csm") == block_lines(MULTILINGUAL, "csm")
    assert ("term-forbidden", "Aljbin Kurti") in pairs(answer.json()["report"])
    assert ("term-misspelled", "Aljbin Kurti") in pairs(api.get("/api/files/findings", params={"path": "de.txt"}).json())


def test_a_forbidden_form_of_one_language_accepted_leaves_that_blocks_list_only(multilingual):
    api = client_for(session(MULTILINGUAL_FILES))
    slip = finding(api, "de.txt", "Serbischer Gemeindebund")
    assert "add-forbidden" not in slip["actions"] and "accept-variant" in slip["actions"]
    answer = decide(api, "de.txt", slip, "accept-variant")
    assert answer.status_code == 200, answer.text
    yaml = (multilingual / GLOSSARY_FILE).read_text(encoding="utf-8")
    assert yaml == MULTILINGUAL.replace("        forbidden: [Serbenbund, Serbischer Gemeindebund]   # German slips\n",
                                        "        forbidden: [Serbenbund]                            # German slips\n"
                                        "        variants: [Serbischer Gemeindebund]\n")
    assert ("term-forbidden", "Serbischer Gemeindebund") not in pairs(answer.json()["report"])
    assert api.post("/api/undo", json={}).status_code == 200
    assert (multilingual / GLOSSARY_FILE).read_text(encoding="utf-8") == MULTILINGUAL


def test_an_inflected_forbidden_form_is_decided_on_the_form_the_glossary_lists(multilingual):
    # Before: "Serbischen Gemeindebund" was offered as a new form, so "accept as variant" wrote the
    # inflection beside the still forbidden "Serbischer Gemeindebund", and "add as forbidden" a second spelling.
    (multilingual / "de.txt").write_text("Man sprach mit dem Serbischen Gemeindebund.\n", encoding="utf-8")
    api = client_for(session(MULTILINGUAL_FILES))
    slip = finding(api, "de.txt", "Serbischen Gemeindebund", "term-forbidden")
    assert slip["actions"] == ["dismiss", "edit", "accept-variant", "add-short"]
    answer = decide(api, "de.txt", slip, "accept-variant")
    assert answer.status_code == 200, answer.text
    assert (answer.json()["decision"]["before"], answer.json()["decision"]["after"]) == (
        "Serbischen Gemeindebund", "Serbischer Gemeindebund")
    yaml = (multilingual / GLOSSARY_FILE).read_text(encoding="utf-8")
    assert yaml == MULTILINGUAL.replace("        forbidden: [Serbenbund, Serbischer Gemeindebund]   # German slips\n",
                                        "        forbidden: [Serbenbund]                            # German slips\n"
                                        "        variants: [Serbischer Gemeindebund]\n")
    assert not [f for f in pairs(answer.json()["report"]) if f[0] == "term-forbidden"]


# ------------------------------------------------------------------------------- a new term


def test_a_name_spelled_two_ways_becomes_a_new_term(api, folder):
    (folder / "c.txt").write_text("Haradinaj met the envoy. Haradinaj said no.\n\nLater Haradinay left.\n", encoding="utf-8")
    api = client_for(session(FILES + ["c.txt"]))
    slip = finding(api, "c.txt", "Haradinay", "name-inconsistent")
    assert slip["actions"] == ["dismiss", "edit", "add-term"]
    answer = decide(api, "c.txt", slip, "add-term")
    assert answer.status_code == 200, answer.text
    decision = answer.json()["decision"]
    assert (decision["action"], decision["before"], decision["after"], decision["new_term"], decision["glossary"]) == (
        "add-term", "Haradinay", "Haradinaj", "haradinaj", GLOSSARY_FILE)
    yaml = (folder / GLOSSARY_FILE).read_text(encoding="utf-8")
    assert yaml == GLOSSARY + ("  - id: haradinaj\n    canonical: Haradinaj\n    forbidden: [Haradinay]\n"
                               "    note: Added in a review of c.txt, which also wrote it 'Haradinay'.\n")
    assert pairs(answer.json()["report"]) == [("term-forbidden", "Haradinay")]  # now the glossary's, and fixable
    assert checked_files(folder, ["c.txt"])["c.txt"] == [("term-forbidden", "Haradinay")]  # a new check agrees
    assert api.post("/api/undo", json={}).status_code == 200
    assert (folder / GLOSSARY_FILE).read_text(encoding="utf-8") == GLOSSARY


def test_a_new_term_is_offered_only_for_a_name_with_no_term(api):
    assert all("add-term" not in f["actions"] for path in FILES for f in findings(api, path))  # all term findings
    slip = finding(api, "a.txt", "USO")
    assert decide(api, "a.txt", slip, "add-term").status_code == 422
