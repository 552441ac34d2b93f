"""Pieces of the admin's dashboard that every app uses: weekly counts drawn as SVG, and what is scheduled.

Each app's wagtail_hooks.py puts its panels on the dashboard, each only for the editors allowed to see what it counts.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Revision

CHART_WIDTH, CHART_HEIGHT, BAR_GAP = 288, 80, 6


def weekly_counts(queryset, date_field, weeks=12, today=None):
    """[(monday, count)] for the last `weeks` weeks, oldest first, in UK time, with one query."""
    today = today or timezone.localdate()
    this_monday = today - datetime.timedelta(days=today.weekday())
    mondays = [this_monday - datetime.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    london = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    field = queryset.model._meta.get_field(date_field)
    start = mondays[0]
    if field.get_internal_type() == "DateTimeField":
        start = datetime.datetime.combine(start, datetime.time.min, tzinfo=london)
        week = TruncWeek(date_field, tzinfo=london)
    else:
        week = TruncWeek(date_field)
    rows = (
        queryset.filter(**{f"{date_field}__gte": start})
        .annotate(week=week)
        .values("week")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {}
    for row in rows:
        monday = row["week"].date() if isinstance(row["week"], datetime.datetime) else row["week"]
        counts[monday] = counts.get(monday, 0) + row["count"]
    return [(monday, counts.get(monday, 0)) for monday in mondays]


def chart_bars(weeks):
    """Bar geometry for an SVG chart of weekly counts; the tallest bar fills the chart."""
    tallest = max((count for _, count in weeks), default=0) or 1
    slot = CHART_WIDTH / len(weeks)
    bars = []
    for index, (monday, count) in enumerate(weeks):
        height = round(count / tallest * (CHART_HEIGHT - 4))
        bars.append(
            {
                "x": round(index * slot + BAR_GAP / 2, 1),
                "y": CHART_HEIGHT - height,
                "width": round(slot - BAR_GAP, 1),
                "height": height,
                "monday": monday,
                "count": count,
            }
        )
    return bars


class WeeklyCountsPanel(Component):
    """This week's new records and a twelve-week bar chart, for users allowed to see them."""

    template_name = "website/admin/weekly_counts_panel.html"

    def __init__(self, *, name, heading, queryset, date_field, link_url="", order=150):
        self.name, self.heading, self.order = name, heading, order
        self.queryset, self.date_field, self.link_url = queryset, date_field, link_url

    def get_context_data(self, parent_context=None):
        weeks = weekly_counts(self.queryset, self.date_field)
        return {
            "panel_id": self.name,
            "heading": self.heading,
            "link_url": self.link_url,
            "this_week": weeks[-1][1],
            "total": sum(count for _, count in weeks),
            "bars": chart_bars(weeks),
            "chart_width": CHART_WIDTH,
            "chart_height": CHART_HEIGHT,
        }


class ScheduledPagesPanel(Component):
    """Pages approved to go live later: what will appear on the site, and when (UK time)."""

    name = "scheduled_pages"
    template_name = "website/admin/scheduled_pages_panel.html"
    order = 140

    def get_context_data(self, parent_context=None):
        revisions = (
            Revision.page_revisions.filter(approved_go_live_at__isnull=False)
            .select_related("content_type")
            .order_by("approved_go_live_at")[:20]
        )
        return {"revisions": revisions}
