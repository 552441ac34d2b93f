"""Share links: plain addresses of each network's own share page, so nothing loads from them until clicked."""

from urllib.parse import quote


def share_links(url, title, summary=""):
    text = quote(title, safe="")
    address = quote(url, safe="")
    text_and_address = quote(f"{title} {url}", safe="")
    mail_body = quote(f"{summary}\n\n{url}" if summary else url, safe="")
    return [
        {"network": "x", "name": "X (Twitter)", "url": f"https://x.com/intent/post?text={text}&url={address}"},
        {"network": "facebook", "name": "Facebook", "url": f"https://www.facebook.com/sharer/sharer.php?u={address}"},
        {"network": "whatsapp", "name": "WhatsApp", "url": f"https://wa.me/?text={text_and_address}"},
        {"network": "bluesky", "name": "Bluesky", "url": f"https://bsky.app/intent/compose?text={text_and_address}"},
        {"network": "email", "name": "E-mail", "url": f"mailto:?subject={text}&body={mail_body}"},
    ]
