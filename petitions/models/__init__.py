"""Petitions, their signatures and the counter that makes showing a count cost one row."""

from .petition import PetitionPage
from .signature import NameReview, Signature, SignatureCount

__all__ = ["NameReview", "PetitionPage", "Signature", "SignatureCount"]
