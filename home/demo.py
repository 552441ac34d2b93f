"""The network's home page and site settings, from the text of its current home page."""

from home import livestream_demo
from signup.demo import sign_up_page
from website.demo import child_page, poster_image, site_tree
from website.models import Navigation, SiteSettings, StandardPage
from website.privacy_notice import notice_html

SITE_NAME = "Broad Left Network"
HERO_HEADING = "For a broad left network"
STATEMENT = [
    "Socialists in the Labour Party have suffered recent defeats, but we are not defeated. This is the time to "
    "unify and build around our shared socialist principles, the policies in our 2017 &amp; 2019 manifestos, full "
    "democracy, due process and natural justice in the party.",
    "We urgently need a way of bringing together the wide range of new and existing organisations in our movement "
    "– groups organising in communities and workplaces, unions, constituency-based left groups, Covid-19 mutual aid "
    "networks. Not yet another organisation with leadership aspirations.",
    "Instead we need something new and different – a grassroots umbrella network, run democratically by its "
    "supporting bodies, to coordinate our actions and our demands, to support and act in solidarity with each other.",
]
SIGNUP_HEADING = "Signup and get organised"


def load(log):
    site = site_tree()
    home = site.root_page.specific
    load_settings(site, log)
    get_involved = child_page(
        home,
        StandardPage,
        "get-involved",
        log,
        title="Get involved",
        listing_summary="How individuals and organisations join the network and get organised.",
        body=[
            (
                "text",
                "<p>The network is run democratically by its supporting bodies: unions and union branches, "
                "constituency-based left groups, community and workplace organisations and mutual-aid networks.</p>"
                "<p>Ask your organisation to endorse the network, and sign up to hear about campaigns, rallies and "
                "actions near you.</p>",
            )
        ],
    )
    privacy = child_page(
        home,
        StandardPage,
        "privacy",
        log,
        title="Privacy notice",
        listing_summary="What we keep about you, why, for how long, and your rights.",
        # From the registry of records and their retention rules, so it says what the code does.
        body=[("text", notice_html(SiteSettings.for_site(site).contact_email or "contact@example.org"))],
    )
    sign_up = sign_up_page(home, log, privacy=privacy)
    load_home_body(home, sign_up, log)
    livestream_demo.load(log)
    load_navigation(site, sign_up, get_involved, privacy, log)


def load_settings(site, log):
    settings = SiteSettings.for_site(site)
    if settings.imprint:
        log("  site settings: already there")
        return
    settings.site_name = SITE_NAME
    settings.tagline = "A grassroots umbrella network of the left"
    settings.contact_email = "contact@example.org"
    settings.imprint = "Published by the Broad Left Network on behalf of its supporting organisations."
    # What a page without its own picture shows when shared.
    settings.default_share_image = poster_image(
        "Poster: for a broad left network", HERO_HEADING, kicker="Signup and get organised"
    )
    settings.social_links = [
        ("link", {"platform": "facebook", "url": "https://www.facebook.com/"}),
        ("link", {"platform": "x", "url": "https://x.com/"}),
        ("link", {"platform": "youtube", "url": "https://www.youtube.com/"}),
    ]
    settings.save()
    log("  site settings: set")


def load_home_body(home, sign_up, log):
    if home.body:
        log("  home page: already has content")
        return
    home.title = SITE_NAME
    home.body = [
        (
            "hero",
            {
                "heading": HERO_HEADING,
                "statement": "".join(f"<p>{paragraph}</p>" for paragraph in STATEMENT),
                "image": poster_image("Poster: unite and organise", "Unite. Organise. Act together.", palette="ink"),
                "action": {"label": "Sign up and get organised", "page": sign_up, "external_url": ""},
            },
        ),
        (
            "call_to_action",
            {
                "heading": SIGNUP_HEADING,
                "text": "Join unions, left groups and community organisations coordinating our actions and demands.",
                "link": {"label": "Sign up", "page": sign_up, "external_url": ""},
            },
        ),
    ]
    home.save_revision().publish()
    log("  home page: filled")


def load_navigation(site, sign_up, get_involved, privacy, log):
    navigation = Navigation.for_site(site)
    if navigation.header_links or navigation.footer_links:
        log("  navigation: already there")
        return
    navigation.footer_links = [
        ("link", {"label": "", "page": get_involved, "external_url": ""}),
        ("link", {"label": "", "page": privacy, "external_url": ""}),
    ]
    navigation.join_page = sign_up
    navigation.join_label = "Join"
    navigation.save()
    log("  navigation: set")


# The header's menu, in order: (slug of the home page's child, words in the menu).
MENU = [
    ("campaigns", "Campaigns"),
    ("events", "Events"),
    ("news", "What's new"),
    ("endorsements", "Endorsements"),
    ("get-involved", "Get involved"),
]


def finish(log):
    """The header menu, and 'Show in menus' on the same sections, so the menu an editor empties still finds them."""
    site = site_tree()
    navigation = Navigation.for_site(site)
    if navigation.header_links:
        log("  menu: already there")
        return
    sections = {page.slug: page for page in site.root_page.get_children().specific()}
    links = []
    for slug, label in MENU:
        page = sections.get(slug)
        if page is None:
            continue
        if not page.show_in_menus:
            page.show_in_menus = True
            page.save_revision().publish()
        links.append(("link", {"label": label, "page": page, "external_url": ""}))
    navigation.header_links = links
    navigation.save()
    log("  menu: set")
