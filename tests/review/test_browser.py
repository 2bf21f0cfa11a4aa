"""The review page in a real headless Chromium against a real uvicorn server: keyboard navigation,
a fix, a dismissal and an accepted variant, each checked in the files and by a new `mtcheck check`."""

from __future__ import annotations

import json
import secrets
import threading
import time

import pytest

from mtcheck.review.app import create_app
from mtcheck.review.server import listening_socket, review_url
from tests.reporters.test_html_report import driver, no_alert  # noqa: F401  (the fixture: headless Chromium)
from tests.review.projects import ARTICLE, GLOSSARY, GLOSSARY_FILE, NOTES, checked, comment_lines, project, session

WAIT = 20  # seconds for the page to answer a key: a check runs behind each decision


@pytest.fixture()
def served(tmp_path, monkeypatch):
    """The project's review served by uvicorn in a thread, as `mtcheck review` serves it; its URL."""
    import uvicorn

    folder = project(tmp_path / "project")
    monkeypatch.chdir(folder)
    sock = listening_socket(0)
    port, token = sock.getsockname()[1], secrets.token_urlsafe(24)
    server = uvicorn.Server(uvicorn.Config(create_app(session(), token, port), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield folder, review_url(port, token)
    server.should_exit = True
    thread.join(timeout=WAIT)
    sock.close()


def test_an_editor_fixes_dismisses_and_accepts_a_variant_from_the_keyboard(driver, served):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    folder, url = served
    driver.get(url)
    wait = WebDriverWait(driver, WAIT)
    def text(element_id: str) -> str:  # as written, whatever the style shows (headings are upper case)
        return driver.find_element(By.ID, element_id).get_attribute("textContent")

    def press(key: str) -> None:
        driver.find_element(By.TAG_NAME, "body").send_keys(key)

    def status_says(words: str) -> None:
        wait.until(lambda _: words in text("status"), f"status never said {words!r}: {text('status')!r}")

    wait.until(lambda _: text("position") == "1 of 3")
    assert text("file-title") == "a.txt"
    assert len(driver.find_elements(By.CSS_SELECTOR, "#document mark")) == 3
    assert "Union of Serbian Municipalities" in text("finding")
    assert [k.text for k in driver.find_elements(By.CSS_SELECTOR, ".keys kbd")][:4] == ["j", "n", "k", "p"]

    # j, j, k, k: down to the last finding and back up to the first
    for key, position, found in (("j", "2 of 3", "Aljbin Kurti"), ("j", "3 of 3", "USO"), ("k", "2 of 3", "Aljbin Kurti"),
                                 ("k", "1 of 3", "Union of Serbian Municipalities")):
        press(key)
        wait.until(lambda _, p=position: text("position") == p)
        assert found in driver.find_element(By.CSS_SELECTOR, "#finding .found").text
        assert driver.find_element(By.CSS_SELECTOR, "mark.current").text == found

    # a: the first finding fixed in the file
    press("a")
    status_says("Fixed “Union of Serbian Municipalities” → “Community of Serb Municipalities”")
    assert (folder / "a.txt").read_text() == ARTICLE.replace("Union of Serbian Municipalities", "Community of Serb Municipalities")
    wait.until(lambda _: text("position") == "1 of 2")

    # j, then d with a reason typed in the panel: USO dismissed into the baseline
    press("j")
    wait.until(lambda _: text("position") == "2 of 2")
    driver.find_element(By.ID, "reason").send_keys("the source's own acronym")
    driver.find_element(By.ID, "reason").send_keys(Keys.ESCAPE)
    press("d")
    status_says("Dismissed “USO” (the baseline)")
    [entry] = json.loads((folder / ".mtcheck-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert (entry["text"], entry["rule"], entry["reason"]) == ("USO", "term-forbidden", "the source's own acronym")

    # v: 'Aljbin Kurti' accepted as a variant, in the glossary and so in every file
    wait.until(lambda _: text("position") == "1 of 1")
    press("v")
    status_says("Added “Aljbin Kurti” to term kurti as a variant")
    yaml = (folder / GLOSSARY_FILE).read_text(encoding="utf-8")
    assert yaml == GLOSSARY.replace("    short: [Kurti]\n", "    short: [Kurti]\n    variants: [Aljbin Kurti]\n")
    assert comment_lines(yaml) == comment_lines(GLOSSARY)
    wait.until(lambda _: "No findings" in text("finding"))

    # f: the next file has lost its 'Aljbin Kurti' finding too
    press("f")
    wait.until(lambda _: text("file-title") == "b.md")
    wait.until(lambda _: "No findings" in text("finding"))
    assert (folder / "b.md").read_text() == NOTES
    assert [count.text for count in driver.find_elements(By.CSS_SELECTOR, "#file-list .count")] == ["0", "0"]

    # u: the variant undone, the finding back in both files; then the variant accepted again
    press("u")
    status_says("Undone: accept-variant")
    assert (folder / GLOSSARY_FILE).read_text(encoding="utf-8") == GLOSSARY
    wait.until(lambda _: text("position") == "1 of 1")
    press("v")
    status_says("Added “Aljbin Kurti”")

    # a new check agrees: nothing left with the baseline, USO without it
    assert checked(folder, "--baseline", ".mtcheck-baseline.json") == {"a.txt": [], "b.md": []}
    assert checked(folder) == {"a.txt": [("term-forbidden", "USO")], "b.md": []}
    decisions = [json.loads(line)["action"] for line in (folder / "mtcheck-review.jsonl").read_text().splitlines()]
    assert decisions == ["apply-fix", "dismiss", "accept-variant", "undo", "accept-variant"]

    # nothing came from anywhere but the app, and nothing ran that the page did not bring
    origin = url.split("/?")[0]
    assert all(name.startswith(origin) for name in driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"))
    assert no_alert(driver)


def test_an_editor_edits_a_span_by_hand(driver, served):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    folder, url = served
    driver.get(url)
    wait = WebDriverWait(driver, WAIT)
    wait.until(lambda _: driver.find_element(By.ID, "position").get_attribute("textContent") == "1 of 3")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("p")  # previous, from the first: the last
    body.send_keys("e")
    box = driver.find_element(By.ID, "edit-text")
    wait.until(lambda _: box.is_displayed())
    assert box.get_attribute("value") == "CSM"  # the suggestion, to start from
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("Community", Keys.ENTER)
    wait.until(lambda _: "Replaced “USO” with “Community”" in driver.find_element(By.ID, "status").text)
    assert (folder / "a.txt").read_text() == ARTICLE.replace("USO", "Community")
    assert not box.is_displayed()
    assert checked(folder)["a.txt"] == [("term-forbidden", "Union of Serbian Municipalities"), ("term-misspelled", "Aljbin Kurti")]


def test_an_editor_narrows_the_findings_to_one_rule(driver, served):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    _, url = served
    driver.get(url)
    wait = WebDriverWait(driver, WAIT)

    def text(element_id: str) -> str:
        return driver.find_element(By.ID, element_id).get_attribute("textContent")

    wait.until(lambda _: text("position") == "1 of 3")
    rules = Select(driver.find_element(By.ID, "rule-filter"))
    assert [option.text for option in rules.options] == ["every rule (3)", "term-forbidden (2)", "term-misspelled (1)"]
    rules.select_by_value("term-forbidden")
    wait.until(lambda _: text("position") == "1 of 2 term-forbidden")
    body = driver.find_element(By.TAG_NAME, "body")
    seen = []
    for _ in range(3):  # j passes over the misspelling, and wraps round
        body.send_keys("j")
        time.sleep(0.1)
        seen.append((text("position"), driver.find_element(By.CSS_SELECTOR, "#finding .found").text))
    assert seen == [("2 of 2 term-forbidden", "USO"), ("1 of 2 term-forbidden", "Union of Serbian Municipalities"),
                    ("2 of 2 term-forbidden", "USO")]
    assert [row.is_displayed() for row in driver.find_elements(By.CSS_SELECTOR, ".finding-row")] == [True, False, True]
    rules.select_by_value("")
    wait.until(lambda _: text("position") == "3 of 3")  # the same finding, among all of them again
