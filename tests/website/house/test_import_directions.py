"""Imports flow one way (views → models and queries → website/), so no module imports inside a function to dodge a
circle: an import in a function body is allowed in AppConfig.ready, migrations and management commands, or with a
comment starting `# why:` on the line before it that says why there is no other way."""

import ast
import re
from pathlib import Path

from django.conf import settings

from website.page_views import route_view

ROOT = Path(settings.BASE_DIR)
NOT_PROJECT = {".venv", "node_modules", ".git", "static", "media", "screenshots"}


def project_modules():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if NOT_PROJECT & set(parts) or "migrations" in parts or "management" in parts:
            continue
        yield path


def function_level_imports(source):
    """(line, import statement, function name, enclosing class or None) of every import inside a function."""

    def visit(node, function=None, cls=None):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from visit(child, child, cls)
            elif isinstance(child, ast.ClassDef):
                yield from visit(child, function, child)
            else:
                if function is not None and isinstance(child, ast.Import | ast.ImportFrom):
                    yield child.lineno, ast.unparse(child), function.name, cls
                yield from visit(child, function, cls)

    yield from visit(ast.parse(source))


def is_app_config(cls):
    return cls is not None and any(
        getattr(base, "id", getattr(base, "attr", "")).endswith("Config") for base in cls.bases
    )


def unexplained_imports(path, root=ROOT):
    source = path.read_text()
    lines = source.splitlines()
    for line, statement, function, cls in function_level_imports(source):
        if function == "ready" and is_app_config(cls):
            continue
        if line > 1 and lines[line - 2].strip().startswith("# why:"):
            continue
        yield f"{path.relative_to(root)}:{line} {statement} (in {function})"


def test_no_module_imports_inside_a_function_without_saying_why():
    modules = list(project_modules())
    assert any(path.match("campaigns/models/event.py") for path in modules)
    assert any(path.match("tests/conftest.py") for path in modules)
    offending = [found for path in modules for found in unexplained_imports(path)]
    assert offending == []


def test_the_walk_finds_an_import_in_a_method_and_accepts_ready_and_a_reason(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        "from django.apps import AppConfig\n\n\n"
        "class SampleConfig(AppConfig):\n"
        "    def ready(self):\n"
        "        import json\n\n\n"
        "class Page:\n"
        "    def get_context(self):\n"
        "        from sample.queries import listing\n\n"
        "    def explained(self):\n"
        "        # why: an optional dependency, imported only when used\n"
        "        import yaml\n\n\n"
        "def helper():\n"
        "    if True:\n"
        "        import csv\n"
    )
    found = [(line, statement, function) for line, statement, function, _ in function_level_imports(module.read_text())]
    assert found == [
        (6, "import json", "ready"),
        (11, "from sample.queries import listing", "get_context"),
        (15, "import yaml", "explained"),
        (20, "import csv", "helper"),
    ]
    unexplained = [entry.split(" ")[0] for entry in unexplained_imports(module, root=tmp_path)]
    assert unexplained == ["sample.py:11", "sample.py:20"]


# Shared test helpers live only in conftest.py, factories.py and utils.py. Besides: the SMTP sink, which
# scripts/bench_actions.py runs too without Django's settings, and the settings module a subprocess test starts with.
HELPER_MODULES = {"conftest", "factories", "utils"}
STANDALONE_HELPERS = {"tests.smtp_sink", "tests.website.bucket_storage"}


def test_no_test_module_imports_from_another_test_module():
    offending = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                # `from .test_x import y` and `from . import test_x` too: resolved against the module's package.
                package = path.relative_to(ROOT).parent.parts
                if node.level:
                    base = [*package[: len(package) - node.level + 1], *(node.module or "").split(".")]
                else:
                    base = [node.module]
                module = ".".join(part for part in base if part)
                modules = [module] + [f"{module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                parts = module.split(".")
                if parts[0] != "tests" or module in STANDALONE_HELPERS:
                    continue
                if (ROOT / Path(*parts)).with_suffix(".py").exists() and parts[-1] not in HELPER_MODULES:
                    offending.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {module}")
    assert offending == []


def test_every_route_a_page_hands_on_has_its_view():
    """A page's route names its view (website/page_views.py); each name is registered once the apps are ready."""
    named = {name for path in project_modules() for name in re.findall(r"route_view\(\"([\w.]+)\"\)", path.read_text())}
    assert {"campaigns.event_page", "signup.thanks", "endorsements.ask_to_endorse", "news.feed"} <= named
    for name in named:
        assert callable(route_view(name)), name
