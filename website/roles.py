"""The editors' groups, what each may do, and the moderation of campaigns.

`ensure_roles` is idempotent and only ever adds; a right taken away later is taken by a migration of its own
(REVOKED, applied by migration 0005). Migration 0003 ran its frozen copy with the historical models, so every
new database has the groups, their model and collection permissions and the "Campaign approval" workflow.

Each feature app declares the rights its own models give (AppConfig `group_permissions`, and `group_sections` for
its section index pages), collected through website/features.py: this module names no feature app. Migration 0003
ran on the table as it was then, frozen beside it (website/migrations/_roles_0003.py), so a later change here or in
an app never rewrites history: a right added later to existing databases needs a migration of its own.

Page permissions live on the page tree and Wagtail 8 cannot restrict a page permission to a page type, so a
section's rights are given on its index page (the news index, the campaign and event indexes). Those pages do
not exist yet when migrations run on a fresh clone: `WebsiteConfig.ready` calls `ensure_roles` again whenever
such an index page is created, by the demo loader, an editor or a shell, so the rights follow the page wherever
it comes from. Everything here uses only fields the historical models have, so a migration may call it too.
"""

from django.apps import apps as global_apps

from website import features

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
ALL = ("add", "change", "delete", "view")


def model(app_label, model_name, actions=ALL):
    return [(app_label, model_name, f"{action}_{model_name}") for action in actions]


# Images use Wagtail's own image permissions (the custom image model shares them), given per collection.
IMAGES = [("wagtailimages", "image", f"{action}_image") for action in ("add", "change", "choose")]
DOCUMENTS = [("wagtaildocs", "document", f"{action}_document") for action in ("add", "change", "choose")]
EDITORIAL_PAGES = ["add", "change", "publish", "lock", "unlock"]

PRESS_OFFICERS = "Press officers"
ORGANISERS = "Campaign organisers"
ENDORSEMENTS_EDITORS = "Endorsements editors"
MODERATORS = "Moderators"
SUPPORTER_DATA = "Supporter data managers"
ADMINISTRATORS = "Administrators"

# Each group: model permissions, collection permissions (on the root collection), page permissions on the root.
# Only what website/ and Wagtail own: each app adds its models' rights (AppConfig.group_permissions), so moderators
# and administrators get every app's snippets from the apps themselves.
GROUPS = {
    PRESS_OFFICERS: {"collections": [*IMAGES, *DOCUMENTS]},
    ORGANISERS: {"collections": IMAGES},
    ENDORSEMENTS_EDITORS: {"collections": IMAGES},
    MODERATORS: {"collections": [*IMAGES, *DOCUMENTS], "root_pages": EDITORIAL_PAGES},
    # Sign-ups are the only route to supporters' details: nobody else but superusers has a permission on them.
    SUPPORTER_DATA: {},
}
# Administrators run the site, everything editorial and the people in it, but not the supporters' data: only a
# superuser may add someone to "Supporter data managers", and the log records it.
GROUPS[ADMINISTRATORS] = {
    "models": [
        # Users, but not groups: whoever edits a group's permissions can give themselves any right. Superusers
        # alone shape the groups; administrators give people only the groups whose rights they hold
        # (website/account_rights.py).
        *model("auth", "user", ["add", "change", "delete"]),
        *model("website", "sitesettings", ["change"]),
        *model("website", "navigation", ["change"]),
        *model("wagtailredirects", "redirect", ["add", "change", "delete"]),
        *model("wagtailsearchpromotions", "searchpromotion", ["add", "change", "delete"]),
        *model("wagtailcore", "workflow", ["add", "change", "delete"]),
        *model("wagtailcore", "task", ["add", "change", "delete"]),
        *model("wagtailcore", "site", ["add", "change", "delete"]),
    ],
    "collections": [
        *[("wagtailimages", "image", f"{action}_image") for action in ("add", "change", "choose", "delete")],
        *[("wagtaildocs", "document", f"{action}_document") for action in ("add", "change", "choose", "delete")],
        *model("wagtailcore", "collection", ["add", "change", "delete"]),
    ],
    "root_pages": [*EDITORIAL_PAGES, "bulk_delete"],
}

# What each group may do, in the words of the editors' guide: shown beside the group wherever it is chosen.
DESCRIPTIONS = {
    PRESS_OFFICERS: "add, edit and publish news; images and documents; social media posts; the livestream notice.",
    ORGANISERS: "add and edit campaigns and events, which moderators approve; images; event registrations.",
    ENDORSEMENTS_EDITORS: "organisations and their logos; images; approve or decline endorsement requests.",
    MODERATORS: "approve campaigns, events and open letters' signatories; add, edit, publish and delete every page; "
    "all snippets.",
    SUPPORTER_DATA: "list and export sign-ups, petition signatures and letter signatories; find, export, correct and "
    "erase a person's data: people's political opinions, so give it sparingly.",
    ADMINISTRATORS: "everything editorial, users, settings, redirects, workflows, collections and sites; not sign-ups.",
}

# Rights earlier releases gave and the guide does not: migration 0005 takes them from existing databases.
REVOKED = {
    ADMINISTRATORS: model("auth", "group", ["add", "change", "delete"]),
    # Wagtail's first migrations gave its own "Moderators" image and document rights for the whole model, which it
    # has long ignored for the per-collection rights ("collections" above). Left in, they would make the group look as
    # if it held more than administrators do, who could then no longer make anyone a moderator.
    MODERATORS: [
        *model("wagtailimages", "image", ["add", "change", "choose", "delete"]),
        *model("wagtaildocs", "document", ["add", "change", "choose", "delete"]),
    ],
}

CAMPAIGN_WORKFLOW = "Campaign approval"
CAMPAIGN_TASK = "Moderators approve campaigns"


def group_permissions():
    """{group: {"models": [...], "collections": [...], "root_pages": [...]}}: website's own with every app's rights."""
    merged = {name: {key: list(value) for key, value in spec.items()} for name, spec in GROUPS.items()}
    for name, permissions in features.group_permissions():
        if name not in merged:
            raise LookupError(f"An app gives rights to {name!r}, which is not one of the groups: {sorted(GROUPS)}")
        merged[name].setdefault("models", []).extend(permissions)
    return merged


def sections():
    """{(app label, model): {"groups": {group: [page actions]}, "workflow": name or None}} from every app.

    A section index page's rights, and whether its pages go through moderation (AppConfig.group_sections).
    """
    return features.group_sections()


def ensure_roles(apps=global_apps):
    """Creates whatever of the groups, their permissions and the campaign workflow is missing."""
    spec_of = group_permissions()
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    wanted = {ACCESS_ADMIN} | {
        perm for spec in spec_of.values() for key in ("models", "collections") for perm in spec.get(key, [])
    }
    permissions = {
        (perm.content_type.app_label, perm.content_type.model, perm.codename): perm
        for perm in Permission.objects.filter(
            content_type__app_label__in={app for app, _, _ in wanted}, codename__in={code for _, _, code in wanted}
        ).select_related("content_type")
    }
    page_permissions = {
        perm.codename: perm
        for perm in Permission.objects.filter(content_type__app_label="wagtailcore", content_type__model="page")
    }
    missing = wanted - permissions.keys()
    if missing:
        raise LookupError(f"Permissions missing (run create_permissions first): {sorted(missing)}")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for name, spec in spec_of.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(permissions[ACCESS_ADMIN], *(permissions[perm] for perm in spec.get("models", [])))
        for perm in spec.get("collections", []) if root_collection else []:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permissions[perm]
            )
        for action in spec.get("root_pages", []) if root_page else []:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=page_permissions[f"{action}_page"]
            )

    workflow = _campaign_workflow(apps, ContentType, groups[MODERATORS])
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for (app_label, model_name), section in sections().items():
        for page in Page.objects.filter(content_type__app_label=app_label, content_type__model=model_name):
            for name, actions in section["groups"].items():
                for action in actions:
                    GroupPagePermission.objects.get_or_create(
                        group=groups[name], page=page, permission=page_permissions[f"{action}_page"]
                    )
            if section["workflow"]:
                # An editor's own choice of workflow for the section stays.
                WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def _campaign_workflow(apps, ContentType, moderators):  # noqa: N803  (a model class)
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task = GroupApprovalTask.objects.filter(name=CAMPAIGN_TASK).first()
    if task is None:
        # Set by hand: historical models lack the real Task's way of filling in its own content type.
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=CAMPAIGN_TASK, content_type=content_type, active=True)
        task.groups.add(moderators)
    workflow, created = Workflow.objects.get_or_create(name=CAMPAIGN_WORKFLOW, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def grant_on_new_section(sender, instance, created, raw=False, **kwargs):
    """post_save of a section's index page: its groups' rights and workflow (a restore brings its own: raw)."""
    if created and not raw:
        ensure_roles()


def revoke_over_grants(apps=global_apps):
    """Takes REVOKED from the groups of an existing database (the groups are left as they are otherwise)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in REVOKED.items():
        group = Group.objects.filter(name=name).first()
        for app_label, model_name, codename in permissions if group else []:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label, content_type__model=model_name, codename=codename
                )
            )
