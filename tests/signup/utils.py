"""Helpers the tests of this folder share (the house rule: helpers only in conftest.py, factories.py, utils.py)."""

import re

URL = "/sign-up/"


def form_data(page, **overrides):
    data = {
        "name": "Rosa Parks",
        "email": "Rosa@Example.org",
        "postcode": "l1 8jq",
        "membership": "Unite, Liverpool branch",
        "interests": ["Campaigns", "Volunteering"],
        "email_updates": "on",
        "data_consent": "on",
        "consent_version": page.consent_version,
        "nickname": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def sign_up(client, page, **overrides):
    return client.post(URL, form_data(page, **overrides))


def link_in(message, name):
    return re.search(rf"https?://[^/\s]+(/signup/{name}/[^\s]+/)", message.body).group(1)
