"""The docs name only what exists: every `make` target, management command, setting or environment variable and
snake_case name a page puts in backticks is in the Makefile, Django's commands or the project's code.

docs/editors.md has its own, closer check (test_editor_guide.py: menus, addresses, groups).
"""

import re
from functools import cache
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[3]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Where settings and environment variables are read: the settings, the Makefile, the deploy files and the scripts.
CONFIGURATION = ["website/settings", "Makefile", "deploy", "scripts", ".ci", "tests/conftest.py"]
NOT_PROJECT = {".venv", "node_modules", ".git", "docs", "media", "screenshots"}
SOURCE_SUFFIXES = {".py", ".html", ".js", ".vcl", ".service", ".toml", ".txt", ".cfg", ".conf"}


def quoted(page):
    return re.findall(r"`([^`\n]+)`", page.read_text())


def make_targets():
    return set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.M))


@cache
def text_of(*places):
    texts = []
    for place in places:
        path = ROOT / place
        files = [path] if path.is_file() else [file for file in path.rglob("*") if file.is_file()]
        texts += [file.read_text(errors="ignore") for file in files if not NOT_PROJECT & set(file.parts)]
    return "\n".join(texts)


@cache
def project_source():
    """The project's code and deploy files (not the docs, nor this test, whose examples name nothing real)."""
    files = [
        path
        for path in ROOT.rglob("*")
        if path.is_file()
        and (path.suffix in SOURCE_SUFFIXES or path.name == "Makefile")
        and not NOT_PROJECT & set(path.relative_to(ROOT).parts)
        and path != Path(__file__).resolve()
    ]
    return "\n".join(path.read_text(errors="ignore") for path in files)


def names_in(page):
    """(kind, name) of each thing the page names in backticks."""
    for text in quoted(page):
        for target in re.findall(r"^make ([\w-]+)", text):
            yield "make target", target
        for command in re.findall(r"manage\.py ([a-z_]+)", text):
            yield "command", command
        if re.fullmatch(r"[A-Z][A-Z0-9]*(_[A-Z0-9]+)+(=\S*)?", text):
            yield "setting", text.split("=")[0]
        elif re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)+", text):
            yield "name", text


def missing(kind, name):
    if kind == "make target":
        return name not in make_targets()
    if kind == "command":
        return name not in get_commands()
    if kind == "setting":
        return not re.search(rf"\b{name}\b", text_of(*CONFIGURATION))
    return name not in get_commands() and not re.search(rf"\b{name}\b", project_source())


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_each_make_target_command_setting_and_name_the_docs_give_exists(page):
    assert [f"{kind} {name}" for kind, name in names_in(page) if missing(kind, name)] == []


def test_the_check_reads_what_the_docs_name():
    found = {pair for page in PAGES for pair in names_in(page)}
    assert {("make target", "test"), ("command", "run_worker"), ("setting", "DATABASE_URL")} <= found
    assert missing("make target", "deploy-to-the-moon") and missing("setting", "NO_SUCH_SETTING_ANYWHERE")
    assert missing("name", "no_such_command_or_name") and not missing("name", "load_demo_content")
