"""Browser tests check what a page shows with Playwright's `expect`, which retries until the page has it.

`locator.is_visible()`, `count()`, `text_content()`, `inner_text()` and `get_attribute()` read the page once. After a
click that leads to another page, the click returns as soon as the new page starts to arrive, so a one-off read can
run on half a document: CI failed that way on the endorsement gallery's filter (the heading was not parsed yet). This
keeps the whole class out of the browser tests.
"""

import re
from pathlib import Path

BROWSER_TESTS = Path(__file__).resolve().parents[2] / "browser"
ONE_SHOT_READ = re.compile(r"assert\s.*\.(is_visible|is_hidden|count|text_content|inner_text|get_attribute)\(")


def test_browser_tests_wait_for_what_they_check():
    one_shot = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(BROWSER_TESTS.glob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if ONE_SHOT_READ.search(line)
    ]
    assert one_shot == [], (
        "use expect(locator).to_be_visible(), to_have_count(n), to_have_text(...), to_have_attribute(...):\n"
        + "\n".join(one_shot)
    )


def test_the_check_catches_a_one_shot_read():
    assert ONE_SHOT_READ.search('    assert page.get_by_role("heading").is_visible()')
    assert ONE_SHOT_READ.search("    assert not menu_link.is_visible()")
    assert ONE_SHOT_READ.search('    assert page.locator(".video__placeholder").count() == 0')
    assert ONE_SHOT_READ.search('    assert page.get_by_role("heading").text_content().strip() == "Thank you"')
    assert ONE_SHOT_READ.search('    assert link.get_attribute("href") == "/"')
    assert not ONE_SHOT_READ.search('    expect(page.get_by_role("heading")).to_be_visible()')
