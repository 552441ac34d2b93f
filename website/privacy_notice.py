"""The privacy notice's words, from the registry of records that hold personal data (website/personal_data.py):
what each record holds, why, and for how long, as the code keeps it. The demo's privacy page is written from here,
so it says what docs/privacy.md and the retention rules say; an editor may reword the page afterwards."""

from django.utils.html import escape

from website import personal_data


def notice_html(contact_email):
    """Rich text for a privacy notice: what is kept, why, for how long, and the person's rights."""
    kept = "".join(
        f"<li><b>{escape(entry.description)}</b> Why: {escape(entry.purpose)}. How long: "
        f"{escape(' '.join(rule.describe() for rule in entry.retention))}</li>"
        for entry in personal_data.registered()
    )
    contact = escape(contact_email)
    return (
        "<p>Whatever you give us when you sign up, register for an event or ask to endorse the network may show your "
        "political opinions, so we keep only what the forms ask for, only for the purpose you gave it, and only for "
        "as long as we need it. We never sell or share your details.</p>"
        f"<h2>What we keep, why and for how long</h2><ul>{kept}</ul>"
        "<h2>Who sees it</h2><p>Only the people who need it: our supporter data managers see sign-ups, the "
        "organisers of events see their registrations, and the editors who review endorsement requests see those."
        "</p>"
        "<h2>Your rights</h2><p>You can ask to see a copy of everything we hold about you, to have it corrected, "
        f'or to have it erased, by writing to <a href="mailto:{contact}">{contact}</a> from the address you gave '
        "us. We answer within a month. You can unsubscribe from our e-mails at any time with the link in each one, "
        "and your details are then anonymised the next night. You can also complain to the Information "
        "Commissioner's Office (ico.org.uk).</p>"
    )
