"""``discourse`` sub-commands for vocabulary."""

from __future__ import annotations


def register(commands) -> None:
    """Add this module's sub-commands to the ``discourse`` parser."""
