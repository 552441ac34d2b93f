"""The editors' admin: groups and their rights, listings, exports, dashboards, the forms' guidance, sign-in."""
