"""Hostile input for property-based tests: arbitrary text, markup, spreadsheet formulas and control characters."""

import csv
import io

from hypothesis import strategies as st

from website.admin_exports import FORMULA_TRIGGERS

# Each is dangerous if it reaches a page, a feed, an e-mail or a spreadsheet as it is.
PAYLOADS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "'; DROP TABLE auth_user; --",
    '" OR 1=1 --',
    "{{ 7|add:7 }}{% debug %}",
    "\u202eevil\u202c",
    "line\r\nBcc: victim@example.org",
    "\x00\x01\x1b[31m",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﷽ 漢字 مرحبا",
]

# Markup that must never come back as it was sent.
MARKUP = [payload for payload in PAYLOADS if "<" in payload]

hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(PAYLOADS),
    st.builds(
        lambda before, payload, after: before + payload + after,
        st.text(max_size=20),
        st.sampled_from(PAYLOADS),
        st.text(max_size=20),
    ),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=6000),
)


def assert_handled(response, sent):
    """No server error, and no markup from the input reflected unescaped."""
    assert response.status_code < 500, f"{response.status_code} for {sent!r}"
    body = response.content.decode(errors="replace")
    for markup in MARKUP:
        if markup in sent:
            assert markup not in body, f"{markup!r} came back unescaped"


def assert_safe_export(response):
    """A CSV download no spreadsheet runs: sent as an attachment, no cell that starts a formula."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_TRIGGERS), f"a spreadsheet would run {cell[:40]!r}"
    return rows


def assert_safe_mail(messages, sent):
    """Every e-mail serialises (no header injection got through) and any HTML part escapes the input."""
    for message in messages:
        message.message()  # raises BadHeaderError on a line break smuggled into a header
        assert not message.cc and not message.bcc
        for content, mimetype in getattr(message, "alternatives", []):
            if "html" in mimetype:
                for markup in MARKUP:
                    assert markup not in sent or markup not in content, f"{markup!r} unescaped in an HTML e-mail"
