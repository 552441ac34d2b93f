"""How feature apps plug into the foundation, so that website/ never imports them.

An app's AppConfig may declare, each optional:
- `public_urls`: [(prefix, urlconf module)], mounted at the site's root ahead of Wagtail's page tree (website/urls.py);
- `demo_loader`: a module with `load(log)` that `load_demo_content` runs;
- `demo_scaler`: a module with `scale(log, today)` that `scale_demo_content` runs;
- `demo_order`: where its demo steps run among the others' (lower first; content others point at goes first);
- `group_permissions`: {group name: [(app label, model, codename)]}, the rights its models give the editors' groups
  (website/roles.py names the groups and what website/ itself gives them);
- `group_sections`: {model name: {"groups": {group: [page actions]}, "workflow": name or None}}, the rights on its
  section index pages and whether their pages go through moderation.
Dashboard panels, purge addresses and admin views use Wagtail's hooks instead (each app's wagtail_hooks.py).
"""

from importlib import import_module

from django.apps import apps


def _apps_with(attribute):
    found = [config for config in apps.get_app_configs() if getattr(config, attribute, None)]
    return sorted(found, key=lambda config: getattr(config, "demo_order", 100))


def public_urls():
    return [(prefix, module) for config in _apps_with("public_urls") for prefix, module in config.public_urls]


def demo_loaders():
    """(app label, module) of each app's demo loader, in the order their content depends on each other."""
    return [(config.label, import_module(config.demo_loader)) for config in _apps_with("demo_loader")]


def demo_scalers():
    return [(config.label, import_module(config.demo_scaler)) for config in _apps_with("demo_scaler")]


def group_permissions():
    """(group name, [(app label, model, codename)]) for every app that gives the editors' groups rights."""
    return [
        (name, list(permissions))
        for config in _apps_with("group_permissions")
        for name, permissions in config.group_permissions.items()
    ]


def group_sections():
    """{(app label, model): section} of every app's section index pages (AppConfig.group_sections)."""
    return {
        (config.label, model_name): section
        for config in _apps_with("group_sections")
        for model_name, section in config.group_sections.items()
    }
