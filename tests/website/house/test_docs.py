"""The README is a one-screen map: it links every page under docs/, and every relative link in it and in docs/ leads
somewhere that exists."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def relative_links(page):
    text = page.read_text()
    targets = re.findall(r"\]\(([^)#\s]+)", text) + re.findall(r'src="([^"]+)"', text)
    return [target for target in targets if "://" not in target and not target.startswith("mailto:")]


def test_the_readme_fits_on_one_screen():
    assert len((ROOT / "README.md").read_text().splitlines()) <= 60


def test_the_readme_links_every_docs_page():
    linked = {(ROOT / target).resolve() for target in relative_links(ROOT / "README.md")}
    assert [page.name for page in PAGES[1:] if page.resolve() not in linked] == []


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_relative_link_leads_somewhere(page):
    missing = [target for target in relative_links(page) if not (page.parent / target).exists()]
    assert missing == []
