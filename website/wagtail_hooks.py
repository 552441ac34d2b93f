from wagtail import hooks

from website.dashboard import ScheduledPagesPanel


@hooks.register("construct_homepage_panels")
def add_scheduled_pages_panel(request, panels):
    panels.append(ScheduledPagesPanel())
