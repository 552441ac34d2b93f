"""The shape of the project: its docs name what exists, and imports flow one way."""
