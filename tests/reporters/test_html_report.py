"""The HTML review page: its markup, its escaping of hostile text, and how it behaves in a real browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

from mtcheck.model import FileResult, Finding, RunResult, Severity
from mtcheck.reporters import html_report, render
from mtcheck.workflow import CheckRequest, scored_run
from tests.cli_runs import mtcheck
from tests.conftest import BUNDLED_GLOSSARY, CORRECTED_SAMPLE, MT_SAMPLE, ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SAMPLE_FINDINGS = 11

HOSTILE_ARTICLE = """\
The USO met in Belgrade. <script>alert(1)</script> and then "><img src=x onerror=alert(1)> again.
A second line: "><img src=x onerror="window.__pwned=1"> and <a href="javascript:alert(1)">link</a>,
plain javascript:alert(1) too, and the ZSO & the <b>Union of Serbian Municipalities</b>.
"""

HOSTILE_GLOSSARY = """\
version: 1
name: hostile
language: en
source_language: sr
defaults: {severity: major}
terms:
  - id: csm
    canonical: Community of Serb Municipalities
    forbidden: [Union of Serbian Municipalities, USO]
    source: [ZSO]
    note: "See <script>alert('note')</script> and [the agreement](javascript:alert(2)) <a href=\\"javascript:alert(3)\\">here</a></script>"
"""


# The page is built around the glossary rules' findings on the sample (11, all major); the other
# defect rules only add marks of the same kind.
GLOSSARY_RULES = ["term-forbidden", "term-untranslated", "term-misspelled", "term-inconsistent", "name-inconsistent"]


def check(paths, glossaries) -> RunResult:
    request = CheckRequest(paths=[str(p) for p in paths], glossaries=[str(g) for g in glossaries],
                           use_config=False, cache_dir=None, select=GLOSSARY_RULES)
    return scored_run(request).run


@pytest.fixture(scope="module")
def sample_run() -> RunResult:
    return check([MT_SAMPLE], [BUNDLED_GLOSSARY])


@pytest.fixture(scope="module")
def sample_html(sample_run) -> str:
    return render("html", sample_run)


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "glossary").mkdir()
    (folder / "glossary" / "hostile.yaml").write_text(HOSTILE_GLOSSARY, encoding="utf-8")
    article = folder / "hostile.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    html = render("html", check([article], [folder / "glossary"]))
    page = folder / "hostile.html"
    page.write_text(html, encoding="utf-8")
    return page, html


def external_urls(tree) -> list[str]:
    """Every URL-bearing attribute value that does not stay inside the page."""
    found = []
    for element in tree.iter():
        for name in ("src", "href", "action", "formaction", "poster", "srcset", "data", "background"):
            value = element.get(name)
            if value is not None and not value.startswith("#"):
                found.append(f"{element.tag} {name}={value}")
    return found


# ------------------------------------------------------------------------------------- markup


def test_sample_page_has_one_mark_per_finding_and_the_score(sample_run, sample_html):
    assert len(sample_run.findings) == SAMPLE_FINDINGS
    tree = lxml.html.fromstring(sample_html)
    marks = tree.xpath("//mark")
    assert len(marks) == SAMPLE_FINDINGS
    assert {m.get("id") for m in marks} == {f"f-0-{n}" for n in range(SAMPLE_FINDINGS)}
    text = MT_SAMPLE.read_text(encoding="utf-8")
    for mark, finding in zip(sorted(marks, key=lambda m: int(m.get("id").split("-")[2])), sample_run.findings):
        assert mark.text_content() == finding.text
        assert mark.get("class") == "sev-major"
        assert (mark.get("data-rule"), mark.get("data-severity"), mark.get("data-term")) == (
            finding.rule, "major", finding.term)
        assert finding.message in mark.get("title")
    # the article is all there, unchanged, with the marks only added around findings
    [article] = tree.xpath("//div[@class='text']")
    assert article.text_content() == text
    score = tree.get_element_by_id("score").text_content()
    assert "66.57" in score and "FAIL" in score and "55" in score and "1,645" in score
    assert "Accuracy/Untranslated" in score and "Terminology/Inconsistent with terminology resource" in score


def test_sample_page_is_self_contained_and_deterministic(sample_run, sample_html):
    tree = lxml.html.fromstring(sample_html)
    assert external_urls(tree) == []
    assert not re.search(r"(?i)\b(src|href)\s*=\s*[\"']?\s*(https?:|//|javascript:)", sample_html)
    assert "<link" not in sample_html and "@import" not in sample_html and "url(" not in sample_html
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp
    scripts = tree.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/json", None]
    assert render("html", sample_run) == sample_html  # byte-identical
    assert render("html", check([MT_SAMPLE], [BUNDLED_GLOSSARY])) == sample_html


def test_side_panel_groups_by_term_and_by_rule(sample_html):
    tree = lxml.html.fromstring(sample_html)
    [csm] = tree.xpath("//details[@data-term='csm']")
    link = csm.xpath(".//a[@class='term-link']")[0]
    assert link.text_content() == "Community of Serb Municipalities" and link.get("href") == "#f-0-0"
    assert "Brussels Agreement" in csm.text_content()
    forms = {li.xpath("string(.//span[@class='form-text'])"): li for li in csm.xpath(".//li[@class='form']")}
    assert set(forms) == {"Union of Serbian Municipalities", "WSO", "Association of Serbian Municipalities",
                          "USO", "ZSO"}
    assert [a.text_content() for a in forms["WSO"].xpath(".//a")] == ["1:24", "139:21"]
    assert [a.get("href") for a in forms["WSO"].xpath(".//a")] == ["#f-0-0", "#f-0-10"]
    rules = {d.get("data-rule"): len(d.xpath(".//a[contains(@class,'occ')]"))
             for d in tree.xpath("//section[@id='by-rule']/details")}
    assert rules == {"term-forbidden": 4, "term-misspelled": 6, "term-untranslated": 1}
    assert sorted(tree.xpath("//section[@id='filters']//input/@value")) == sorted(
        ["major", "term-forbidden", "term-misspelled", "term-untranslated"])


def test_cli_writes_the_page(tmp_path, sample_html):
    out = tmp_path / "out.html"
    result = mtcheck("check", MT_SAMPLE, "-f", "html", "--select", ",".join(GLOSSARY_RULES), "-o", out, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    assert out.read_text(encoding="utf-8") == sample_html


def test_several_files_get_a_score_table_worst_first_and_their_own_ids(tmp_path):
    minor = tmp_path / "minor.txt"
    minor.write_text("Kurti spoke. Corti left. Kurti left. The Kosovo Force and KFOR and KFOR.\n", encoding="utf-8")
    run = check([CORRECTED_SAMPLE, MT_SAMPLE, minor], [BUNDLED_GLOSSARY])
    html = render("html", run)
    tree = lxml.html.fromstring(html)
    rows = tree.xpath("//section[@class='file-scores']//tbody/tr")
    # worst first; minor.txt, too short to score, has no score and comes last
    assert [r.xpath("string(th)") for r in rows] == [str(MT_SAMPLE), str(CORRECTED_SAMPLE), str(minor)]
    assert [r.xpath("string(td[4])") for r in rows][2] == "—"
    assert [r.xpath("string(td[5])") for r in rows] == ["FAIL", "pass", "too short to score"]
    assert [a.get("id") for a in tree.xpath("//article")] == ["file-0", "file-1", "file-2"]
    assert len(tree.xpath("//article[@id='file-0']//mark")) == 0
    assert len(tree.xpath("//article[@id='file-1']//mark")) == SAMPLE_FINDINGS
    minor_marks = tree.xpath("//article[@id='file-2']//mark")
    assert [m.get("id") for m in minor_marks] == ["f-2-0", "f-2-1"]
    assert {m.get("class") for m in minor_marks} == {"sev-minor"}
    assert "Kurti" in tree.get_element_by_id("f-2-0").get("title")  # name-inconsistent suggests Kurti
    assert render("html", run) == html


def test_a_clean_run_shows_the_text_and_a_pass(tmp_path):
    tree = lxml.html.fromstring(render("html", check([CORRECTED_SAMPLE], [BUNDLED_GLOSSARY])))
    assert tree.xpath("//mark") == [] and tree.xpath("//section[@id='filters']") == []
    assert tree.xpath("//div[@class='text']")[0].text_content() == CORRECTED_SAMPLE.read_text(encoding="utf-8")
    assert "pass" in tree.get_element_by_id("score").text_content()
    assert "No findings" in tree.xpath("string(//aside)")


# ----------------------------------------------------------------------------------- escaping


def test_hostile_article_and_glossary_render_as_text(hostile_page):
    _, html = hostile_page
    tree = lxml.html.fromstring(html)
    assert tree.xpath("//img") == [] and tree.xpath("//b") == []
    assert [s.get("type") for s in tree.xpath("//script")] == ["application/json", None]
    assert [a.get("href") for a in tree.xpath("//a") if not a.get("href", "").startswith("#")] == []
    assert not any(name.startswith("on") for element in tree.iter() for name in element.attrib)
    [article] = tree.xpath("//div[@class='text']")
    assert article.text_content() == HOSTILE_ARTICLE
    assert '"><img src=x onerror=alert(1)>' in article.text_content()
    assert "<script>alert(1)</script>" in article.text_content()
    note = tree.xpath("//details[@data-term='csm']//p[@class='term-note']")[0].text_content()
    assert "<script>alert('note')</script>" in note and "javascript:alert(2)" in note
    # the data block cannot be closed early, and still holds the text exactly
    data = tree.get_element_by_id("mtcheck-data").text
    assert "<" not in data and ">" not in data and "&" not in data
    parsed = json.loads(data)
    assert parsed["terms"]["csm"]["note"].startswith("See <script>")
    assert {f["text"] for f in parsed["findings"].values()} == {"USO", "ZSO", "Union of Serbian Municipalities"}
    assert len(tree.xpath("//mark")) == 3


# --------------------------------------------------------------------------- overlaps and fallbacks


def finding(path, offset, length, text, rule="term-forbidden", severity=Severity.MAJOR, term=None) -> Finding:
    return Finding(rule, "terminology", severity, path, 1, offset + 1, 1, offset + length + 1, offset, length, text,
                   f"{text!r} is wrong", term, "right", "Terminology/Wrong term")


def test_overlapping_findings_nest_or_are_listed_with_the_mark_they_cross(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("alpha beta gamma delta", encoding="utf-8")
    p = str(path)
    findings = (
        finding(p, 0, 10, "alpha beta"),  # encloses the next one
        finding(p, 6, 4, "beta", rule="term-misspelled", severity=Severity.MINOR),
        finding(p, 6, 10, "beta gamma", rule="name-inconsistent", severity=Severity.NEUTRAL),  # crosses the first
        finding(p, 17, 5, "delta", severity=Severity.CRITICAL),
    )
    html = html_report.render(RunResult((FileResult(p, 4, findings),)))
    tree = lxml.html.fromstring(html)
    assert [m.get("id") for m in tree.xpath("//mark")] == ["f-0-0", "f-0-1", "f-0-3"]
    assert tree.get_element_by_id("f-0-1").getparent().get("id") == "f-0-0"
    assert tree.xpath("//div[@class='text']")[0].text_content() == "alpha beta gamma delta"
    assert [m.get("class") for m in tree.xpath("//mark")] == ["sev-major", "sev-minor", "sev-critical"]
    # the crossing finding is listed in the panel, linking to the mark it crosses
    [crossing] = tree.xpath("//a[@data-finding='f-0-2']")
    assert crossing.get("href") == "#f-0-0"


def test_stdin_and_unreadable_files_list_findings_without_text(tmp_path):
    gone = str(tmp_path / "gone.txt")
    run = RunResult((FileResult("<stdin>", 3, (finding("<stdin>", 4, 3, "USO"),)),
                     FileResult(gone, 3, (finding(gone, 0, 3, "USO"),))))
    tree = lxml.html.fromstring(html_report.render(run))
    assert tree.xpath("//mark") == [] and tree.xpath("//div[@class='text']") == []
    rows = tree.xpath("//li[contains(@class,'finding-row')]")
    assert [r.get("id") for r in rows] == ["f-0-0", "f-1-0"]
    notes = [n.text_content() for n in tree.xpath("//p[@class='note']")]
    assert "Standard input" in notes[0] and "cannot be read again" in notes[1]


def test_large_files_are_not_inlined(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("the USO " * 50, encoding="utf-8")
    monkeypatch.setattr(html_report, "INLINE_LIMIT", 100)
    run = RunResult((FileResult(str(path), 100, (finding(str(path), 4, 3, "USO"),)),))
    html = html_report.render(run)
    assert "too large" in html and html.count("the USO") == 0


# ------------------------------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if missing:
        pytest.skip(f"browser test needs Chromium and chromedriver: {', '.join(missing)} not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--window-size=1400,900",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(15)
    yield browser
    browser.quit()


def no_alert(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        _ = driver.switch_to.alert  # raises when no alert is open
    except NoAlertPresentException:
        return True
    return False


def test_review_page_in_a_browser(driver, sample_html, tmp_path):
    from selenium.webdriver.common.by import By

    page = tmp_path / "review.html"
    page.write_text(sample_html, encoding="utf-8")
    driver.get(page.as_uri())
    js = driver.execute_script
    assert len(driver.find_elements(By.CSS_SELECTOR, "mark")) == SAMPLE_FINDINGS
    assert js("return getComputedStyle(document.getElementById('f-0-0')).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert js("return document.querySelector('.layout').getBoundingClientRect().width") > 1000
    text_box, panel = (driver.find_element(By.CSS_SELECTOR, s).rect for s in (".articles", ".panel"))
    assert text_box["x"] + text_box["width"] <= panel["x"]  # two columns: text left, panel right

    # a term in the panel scrolls to its first occurrence and shows it
    js("window.scrollTo(0, document.body.scrollHeight)")
    bottom = js("return window.scrollY")
    assert bottom > 0
    driver.find_element(By.CSS_SELECTOR, "details[data-term='csm'] a.term-link").click()
    assert js("return window.scrollY") < bottom
    top = js("return document.getElementById('f-0-0').getBoundingClientRect().top")
    assert 0 <= top < js("return window.innerHeight")
    assert "current" in driver.find_element(By.ID, "f-0-0").get_attribute("class")
    assert "one letter away from 'ZSO'" in driver.find_element(By.ID, "details-body").text

    # a position link of a later occurrence scrolls down to it
    driver.find_element(By.CSS_SELECTOR, "a.occ[data-finding='f-0-10']").click()
    assert js("return window.scrollY") > 0
    assert 0 <= js("return document.getElementById('f-0-10').getBoundingClientRect().top") < js(
        "return window.innerHeight")

    # clicking a mark shows its rule, MQM type, message, suggestion and the term's note
    mark = driver.find_element(By.ID, "f-0-1")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    details = driver.find_element(By.ID, "details-body").text
    for expected in ("term-forbidden", "Terminology/Inconsistent with terminology resource",
                     "'Union of Serbian Municipalities' is a forbidden rendering of 'Community of Serb Municipalities'",
                     "Suggestion Community of Serb Municipalities", "Brussels Agreement"):
        assert expected in details
    driver.save_screenshot(str(tmp_path / "review.png"))

    # unticking "major" removes every highlight (all 11 are major) and empties the panel's lists
    driver.find_element(By.CSS_SELECTOR, "#filters input[value='major']").click()
    assert len(driver.find_elements(By.CSS_SELECTOR, "mark.filtered")) == SAMPLE_FINDINGS
    assert js("return getComputedStyle(document.getElementById('f-0-1')).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert not driver.find_element(By.CSS_SELECTOR, "details[data-term='csm']").is_displayed()
    driver.find_element(By.CSS_SELECTOR, "#filters input[value='major']").click()
    # a rule filter hides that rule only
    driver.find_element(By.CSS_SELECTOR, "#filters input[value='term-untranslated']").click()
    assert [m.get_attribute("id") for m in driver.find_elements(By.CSS_SELECTOR, "mark.filtered")] == ["f-0-3"]
    assert not driver.find_element(By.CSS_SELECTOR, "details[data-rule='term-untranslated']").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, "details[data-rule='term-forbidden']").is_displayed()

    png = (tmp_path / "review.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000

    # nothing was fetched: no resource entries, no external URL in the DOM
    assert js("return performance.getEntriesByType('resource').length") == 0
    assert js("""return [...document.querySelectorAll('[src],[href],[srcset],[action]')]
                 .map(e => e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('srcset') || e.getAttribute('action'))
                 .filter(u => !u.startsWith('#'))""") == []
    assert no_alert(driver)


def test_hostile_page_runs_no_injected_code(driver, hostile_page):
    from selenium.webdriver.common.by import By

    page, _ = hostile_page
    driver.get(page.as_uri())
    assert no_alert(driver)
    js = driver.execute_script
    assert js("return typeof window.__pwned") == "undefined"
    assert driver.find_elements(By.CSS_SELECTOR, "img") == []
    assert len(driver.find_elements(By.CSS_SELECTOR, "script")) == 2
    assert "<script>alert(1)</script>" in driver.find_element(By.CSS_SELECTOR, ".text").text
    assert len(driver.find_elements(By.CSS_SELECTOR, "mark")) == 3
    # the page's own script did run: a click shows the finding, with the hostile note as text
    driver.find_element(By.CSS_SELECTOR, "mark").click()
    details = driver.find_element(By.ID, "details-body")
    assert "<script>alert('note')</script>" in details.text
    assert details.find_elements(By.CSS_SELECTOR, "script, a, img") == []
    assert no_alert(driver) and js("return typeof window.__pwned") == "undefined"
    assert js("return performance.getEntriesByType('resource').length") == 0
