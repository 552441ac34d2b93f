"""Documents become the site's own model (website/documents.py), with their files in the private storage.

Each of Wagtail's documents is copied with its id, so that links in rich text (which name documents by id) keep
working, with its title, collection, tags, uploader and dates; its file moves from the public media into the private
storage, and the public copy is deleted once every row is in. Going back leaves the documents where they are.
"""

import django.db.models.deletion
import modelsearch.index
import taggit.managers
import wagtail.models.media
from django.conf import settings
from django.core.files.storage import storages
from django.core.management.color import no_style
from django.db import migrations, models

import website.storage


def move_documents(apps, schema_editor):
    """Each of Wagtail's documents becomes a SiteDocument with the same id (rich text links name documents by id),
    title, collection, tags, uploader, dates and file name; its file moves from the public media into the private
    storage. The public copies go last, once every row is in."""
    OldDocument = apps.get_model("wagtaildocs", "Document")
    SiteDocument = apps.get_model("website", "SiteDocument")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    public, private = storages["default"], storages["private"]
    moved = []
    for old in OldDocument.objects.order_by("pk"):
        name = old.file.name
        if name and public.exists(name):
            with public.open(name, "rb") as source:
                # The private storage may give it a new name if one is taken; the row keeps whichever it got.
                stored = name if private.exists(name) else private.save(name, source)
            moved.append(name)
        else:
            stored = name  # already private, or missing: the row says what it said
        SiteDocument.objects.create(
            pk=old.pk,
            title=old.title,
            file=stored,
            collection_id=old.collection_id,
            uploaded_by_user_id=old.uploaded_by_user_id,
            file_size=old.file_size,
            file_hash=old.file_hash,
        )
        # created_at is auto_now_add: set after the insert, which would have written the migration's own time.
        SiteDocument.objects.filter(pk=old.pk).update(created_at=old.created_at)
    if moved or OldDocument.objects.exists():
        old_type, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
        new_type, _ = ContentType.objects.get_or_create(app_label="website", model="sitedocument")
        TaggedItem.objects.filter(content_type=old_type).update(content_type=new_type)
        ReferenceIndex.objects.filter(to_content_type=old_type).update(to_content_type=new_type)
        ReferenceIndex.objects.filter(content_type=old_type).update(content_type=new_type, base_content_type=new_type)
        OldDocument.objects.all().delete()
        connection = schema_editor.connection
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [SiteDocument]):
                cursor.execute(statement)
    for name in moved:
        public.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0008_data_rights_log"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                (
                    "file",
                    models.FileField(
                        help_text="Kept in the private storage: visitors get it only through the site, which checks "
                        "its collection.",
                        storage=website.storage.private_storage,
                        upload_to="documents",
                        verbose_name="file",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("file_size", models.PositiveBigIntegerField(editable=False, null=True)),
                ("file_hash", models.CharField(blank=True, editable=False, max_length=40)),
                (
                    "collection",
                    models.ForeignKey(
                        default=wagtail.models.media.get_root_collection_id,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.collection",
                        verbose_name="collection",
                    ),
                ),
                (
                    "tags",
                    taggit.managers.TaggableManager(
                        blank=True, help_text=None, through="taggit.TaggedItem", to="taggit.Tag", verbose_name="tags"
                    ),
                ),
                (
                    "uploaded_by_user",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by user",
                    ),
                ),
            ],
            options={"verbose_name": "document", "verbose_name_plural": "documents", "abstract": False},
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.RunPython(move_documents, migrations.RunPython.noop),
    ]
