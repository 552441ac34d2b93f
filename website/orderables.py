"""Rows an editor puts in order (Wagtail's Orderable: a campaign's backers, an event's speakers)."""

from django.db.models import Max


def number_unordered(model, parent_field="page"):
    """Gives the rows of `model` without a position one after the rows that have one, under each parent, in the
    order they were made. Rows made in code before the demo numbered them (or by any import that forgot) have none,
    and sort first on SQLite but last on PostgreSQL. Takes a migration's historical model as well as the real one."""
    parent = f"{parent_field}_id"
    unordered = model._base_manager.filter(sort_order__isnull=True).order_by(parent, "pk")
    following = {}
    for row in unordered.only("pk", parent):
        key = getattr(row, parent)
        if key not in following:
            last = model._base_manager.filter(**{parent: key}).aggregate(last=Max("sort_order"))["last"]
            following[key] = -1 if last is None else last
        following[key] += 1
        model._base_manager.filter(pk=row.pk).update(sort_order=following[key])
