"""The demo's "Signup and get organised" page, which the home page's call to action links to."""

from signup.models import SignUpPage
from website.demo import child_page

SIGN_UP_SLUG = "sign-up"


def sign_up_page(home, log, privacy=None):
    return child_page(
        home,
        SignUpPage,
        SIGN_UP_SLUG,
        log,
        title="Signup and get organised",
        listing_summary="Sign up to hear about campaigns, rallies and actions near you, and to get organised.",
        intro="<p>Join unions, left groups and community organisations coordinating our actions and demands. "
        "We will e-mail you to confirm, then keep you posted on what is happening near you.</p>",
        privacy_page=privacy,
    )
