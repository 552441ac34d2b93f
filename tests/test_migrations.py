"""Migrations that move data: a database made before the sign-up and the social posts became apps of their own keeps
every row; documents made before they became the site's own keep theirs, and their files move to the private storage.

The database is taken back to the schema main had before the move (campaigns 0003, news 0005, neither signup nor
social), filled through the models as they were then, and migrated forward again.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.documents import get_document_model

from signup.models import SignUpPage, Supporter
from social.models import SocialPost

BEFORE_THE_MOVE = [
    ("campaigns", "0003_alter_eventpage_body"),
    ("news", "0005_alter_newspage_body"),
    ("signup", None),
    ("social", None),
]


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    # The models as the migrations now applied left them.
    loader = MigrationExecutor(connection).loader
    return loader.project_state([node for node in loader.applied_migrations if node in loader.graph.nodes]).apps


def fill_the_old_tables(apps):
    """A sign-up page with a supporter, a social post, and a group allowed to see supporters, as main had them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    OldSignUpPage = apps.get_model("campaigns", "SignUpPage")
    OldSupporter = apps.get_model("campaigns", "Supporter")
    OldSocialPost = apps.get_model("news", "SocialPost")

    page_type, _ = ContentType.objects.get_or_create(app_label="campaigns", model="signuppage")
    supporter_type, _ = ContentType.objects.get_or_create(app_label="campaigns", model="supporter")
    ContentType.objects.get_or_create(app_label="news", model="socialpost")
    locale = Locale.objects.first() or Locale.objects.create(language_code="en-gb")
    # A transactional test before this one may have emptied the database, root page included.
    root = Page.objects.filter(depth=1).first() or Page.objects.create(
        title="Root",
        slug="root",
        path="0001",
        depth=1,
        numchild=0,
        url_path="/",
        locale=locale,
        content_type=ContentType.objects.get_or_create(app_label="wagtailcore", model="page")[0],
    )
    page = OldSignUpPage.objects.create(
        title="Join us",
        slug="join-us-before-the-move",
        path=root.path + "9999",
        depth=2,
        numchild=0,
        url_path="/join-us-before-the-move/",
        content_type=page_type,
        locale=locale,
        live=True,
    )
    Page.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    OldSupporter.objects.create(
        page=page, name="Ada Lovelace", email="ada@example.org", status="confirmed", interests=["Campaigns"]
    )
    OldSocialPost.objects.create(
        platform="mastodon", text="Before the move", url="https://mastodon.social/@b/1", posted_at=timezone.now()
    )
    view_supporter, _ = Permission.objects.get_or_create(
        content_type=supporter_type, codename="view_supporter", defaults={"name": "Can view supporter"}
    )
    Group.objects.create(name="Data people before the move").permissions.add(view_supporter)
    return page.pk


@pytest.mark.django_db(transaction=True)
def test_the_moved_apps_keep_their_rows_pages_and_permissions():
    old_apps = migrate(BEFORE_THE_MOVE)
    page_pk = fill_the_old_tables(old_apps)

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    page = SignUpPage.objects.get(pk=page_pk)
    assert page.title == "Join us"
    # Wagtail finds the page's class through its content type, which now names the new app.
    assert type(page.specific) is SignUpPage
    supporter = Supporter.objects.get(email="ada@example.org")
    assert (supporter.name, supporter.page_id, supporter.interests) == ("Ada Lovelace", page_pk, ["Campaigns"])
    assert SocialPost.objects.get(url="https://mastodon.social/@b/1").text == "Before the move"

    granted = Group.objects.get(name="Data people before the move").permissions.get()
    assert (granted.content_type.app_label, granted.codename) == ("signup", "view_supporter")
    assert granted.content_type.model_class() is Supporter


@pytest.mark.django_db(transaction=True)
def test_documents_become_the_sites_own_with_their_ids_tags_and_files_moved_to_the_private_storage():
    old_apps = migrate([("website", "0008_data_rights_log")])
    ContentType = old_apps.get_model("contenttypes", "ContentType")
    Collection = old_apps.get_model("wagtailcore", "Collection")
    OldDocument = old_apps.get_model("wagtaildocs", "Document")
    Tag = old_apps.get_model("taggit", "Tag")
    TaggedItem = old_apps.get_model("taggit", "TaggedItem")
    root = Collection.objects.filter(depth=1).first() or Collection.objects.create(
        name="Root", path="0001", depth=1, numchild=0
    )
    public_name = storages["default"].save("documents/steering-minutes.txt", ContentFile(b"who said what"))
    old = OldDocument.objects.create(title="Minutes", file=public_name, collection=root, file_size=13)
    OldDocument.objects.create(title="Earlier", file="documents/gone-already.txt", collection=root)
    document_type, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    tag = Tag.objects.create(name="steering group", slug="steering-group")
    TaggedItem.objects.create(tag=tag, content_type=document_type, object_id=old.pk)

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    document = get_document_model().objects.get(pk=old.pk)
    assert (document.title, document.file_size, list(document.tags.names())) == ("Minutes", 13, ["steering group"])
    assert storages["private"].open(document.file.name).read() == b"who said what"
    assert not storages["default"].exists(public_name)
    # A row whose file was already missing comes over as it was; new uploads take ids after the copied ones.
    assert get_document_model().objects.get(title="Earlier").file.name == "documents/gone-already.txt"
    newer = get_document_model().objects.create(title="Agenda", file=ContentFile(b"1. Welcome", name="agenda.txt"))
    assert newer.pk > old.pk
