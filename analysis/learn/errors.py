"""The error of the learn package."""

from __future__ import annotations

__all__ = ["LearnError"]


class LearnError(ValueError):
    """Codes or a model folder a classifier cannot be trained on or loaded from; the
    message says what is wrong and what to do."""
