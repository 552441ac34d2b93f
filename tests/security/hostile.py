"""Hostile input for property-based tests: arbitrary text, markup, spreadsheet formulas and control characters."""

from hypothesis import strategies as st

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
