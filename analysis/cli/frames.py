"""``discourse`` sub-commands for frames."""

from __future__ import annotations


def register(commands) -> None:
    """Add this module's sub-commands to the ``discourse`` parser."""
