"""website/ is the foundation: feature apps register with it (AppConfig attributes, hooks), never the reverse."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

from website.features import demo_loaders, demo_scalers, public_urls

WEBSITE = Path(settings.BASE_DIR) / "website"


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def test_no_module_of_the_foundation_imports_a_feature_app():
    features = {config.name for config in apps.get_app_configs() if Path(config.path).parent == settings.BASE_DIR} - {
        "website"
    }
    assert {"campaigns", "signup", "social", "news", "endorsements", "home", "search"} <= features
    offending = [
        f"{path.relative_to(settings.BASE_DIR)} imports {module}"
        for path in WEBSITE.rglob("*.py")
        if "migrations" not in path.parts
        for module in imported_modules(path)
        if module.split(".")[0] in features
    ]
    assert offending == []


def test_feature_apps_bring_their_own_addresses_and_demo_steps():
    assert ("signup/", "signup.urls") in public_urls()
    assert ("social/", "social.urls") in public_urls()
    loaders = [label for label, _ in demo_loaders()]
    # Organisations before the campaigns they back; campaigns before the news that names them.
    assert loaders.index("endorsements") < loaders.index("campaigns") < loaders.index("news")
    assert loaders[0] == "home"
    assert {label for label, _ in demo_scalers()} >= {"news", "endorsements", "social"}
