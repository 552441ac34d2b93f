from django.apps import AppConfig

from website.roles import ADMINISTRATORS, MODERATORS, PRESS_OFFICERS, model

# The home page's livestream notice is a setting of its own, so that press officers may post a delay without the
# right to edit the home page. home/migrations/0005 gives it to databases made before it.
LIVESTREAM_NOTICE = model("home", "livestreamnotice", ["change", "view"])


class HomeConfig(AppConfig):
    name = "home"
    demo_loader = "home.demo"
    demo_order = 10
    group_permissions = {
        PRESS_OFFICERS: LIVESTREAM_NOTICE,
        MODERATORS: LIVESTREAM_NOTICE,
        ADMINISTRATORS: LIVESTREAM_NOTICE,
    }
