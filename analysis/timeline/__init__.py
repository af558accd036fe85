"""Discourse over time: frame prominence and tone per period with intervals
(:mod:`.measures`), and the events drawn on every time figure (:mod:`.events`).

Every name in ``__all__`` is importable from the package itself (imported when first used).
"""

from analysis.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    ".measures": ["TONE_PREFIX", "TIMELINE_COLUMNS", "timeline_measures", "timeline",
        "timeline_articles", "timeline_from_articles"],
    ".events": ["EventsFileError", "events_load"],
})
