"""Helpers the tests of this folder share (the house rule: helpers only in conftest.py, factories.py, utils.py)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from endorsements.logos import png_logo
from endorsements.models import OrganisationKind, Region

ASK_URL = "/endorsements/ask/"


def form_data(**overrides):
    data = {
        "name": "Unite Leeds Community Branch",
        "kind": OrganisationKind.UNION_BRANCH,
        "region": Region.YORKSHIRE,
        "website": "https://leeds.example.org/",
        "contact_name": "Sam Secretary",
        "contact_email": "sam@leeds.example.org",
        "statement": "Our branch backs the network.",
        "consent_logo": "on",
        "consent_contact": "on",
        "nickname": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def png_upload(name="logo.png"):
    return SimpleUploadedFile(name, png_logo("Leeds Branch", "#b0001e"), "image/png")


HOSTILE_SVG = b"""<?xml version="1.0"?>
<?xml-stylesheet href="https://evil.example/x.css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100"
     onload="alert(1)" viewBox="0 0 200 100">
  <script>alert('x')</script>
  <style>@import url(https://evil.example/track.css);</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#b0001e"/></linearGradient></defs>
  <rect width="200" height="100" fill="url(#g)" onclick="alert(2)" style="fill: url(https://evil.example/p.png)"/>
  <circle cx="50" cy="50" r="40" fill="url(https://evil.example/x.svg#p)"/>
  <a href="javascript:alert(3)"><text x="10" y="90">Union</text></a>
  <a xlink:href="javascript:alert(4)"><rect width="1" height="1"/></a>
  <image href="https://evil.example/pixel.png" width="10" height="10"/>
  <use xlink:href="https://evil.example/sprite.svg#logo"/>
  <use href="#g"/>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">hi<script>alert(5)</script></div></foreignObject>
  <animate attributeName="href" to="javascript:alert(6)"/>
  <set attributeName="onmouseover" to="alert(7)"/>
  <iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(8)"/>
</svg>"""


ACTIVE_MARKERS = [
    "script",
    "onload",
    "onclick",
    "onmouseover",
    "javascript:",
    "evil.example",
    "foreignObject",
    "iframe",
    "@import",
    "animate",
    "<set",
    "<image",
]
