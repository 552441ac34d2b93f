# Registers the sign-ups' admin listing.
import campaigns.signup.admin  # noqa: F401
