"""The note for viewers of the home page's livestream ("slight delay: now 7:30pm"), a setting of its own.

Not a field of the home page, so that press officers may post a delay in a minute without the right to rewrite the
home page's statement: home/migrations/0005 gives them, moderators and administrators this setting alone. A model
module of the home app (home/models.py imports it), apart so that the home page's blocks can read it.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from website.fragment_cache import CachedSiteSettingMixin


@register_setting(icon="media")
class LivestreamNotice(CachedSiteSettingMixin, BaseSiteSetting):
    notice = models.CharField(
        max_length=200,
        blank=True,
        help_text="A short note shown with the home page's livestream before and during it, such as 'Slight delay: "
        "now 7:30pm'. Leave it empty for none.",
    )

    panels = [FieldPanel("notice")]

    class Meta:
        app_label = "home"
        verbose_name = "Livestream notice"
