"""StreamField blocks that any page's body may use. One small module per block."""

from .body import BodyBlock
from .call_to_action import CallToActionBlock
from .hero import HeroBlock
from .image import ImageBlock
from .link import LinkBlock
from .livestream import LivestreamBlock
from .quote import QuoteBlock
from .rich_text import RichTextBlock
from .video import VideoBlock

__all__ = [
    "BodyBlock",
    "CallToActionBlock",
    "HeroBlock",
    "ImageBlock",
    "LinkBlock",
    "LivestreamBlock",
    "QuoteBlock",
    "RichTextBlock",
    "VideoBlock",
]
