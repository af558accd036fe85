"""``discourse`` sub-commands for sentiment."""

from __future__ import annotations


def register(commands) -> None:
    """Add this module's sub-commands to the ``discourse`` parser."""
