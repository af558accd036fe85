"""``discourse cache info`` and ``discourse cache clear``: the token store (see
:mod:`analysis.tokens.store`), where it is, what it holds, and removing it; with it the
checked partitions of partitioned datasets kept beside it (:mod:`analysis.cluster.checked`)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from analysis.cli.common import UserError, output_folder, prose

__all__ = ["register"]


def register(commands) -> None:
    """Add ``cache`` (with ``info`` and ``clear``) to ``discourse``."""
    cache = commands.add_parser(
        "cache", help="show or clear the token store (the tokenised corpora kept between runs)",
        description=prose("""
            Every command that reads a corpus keeps its sentences and tokens in the token store, so
            that the next command, or a notebook, reads them instead of tokenising again. 'info'
            lists what the store holds, 'clear' removes it (all, or one entry). The store is in
            $DISCOURSE_CACHE_DIR/tokens, else in the user's cache folder; it keeps at most
            $DISCOURSE_CACHE_MAX_GIB GiB (default 5), the least recently used corpora going first.
        """))
    actions = cache.add_subparsers(dest="cache_action", metavar="ACTION", required=True)
    info = actions.add_parser("info", help="where the token store is, and every corpus it holds",
                              description="Print the token store's folder and one line per "
                              "corpus stored: its entry, source, fingerprint, articles, "
                              "tokens, size on disk and last use; then the total.")
    info.add_argument("--cache-dir", metavar="DIR", default=None,
                      help="the cache folder to look in (default: $DISCOURSE_CACHE_DIR, else the "
                      "user's cache folder)")
    info.set_defaults(func=run_info)
    clear = actions.add_parser("clear", help="remove every corpus from the token store, or one",
                               description="Remove every entry of the token store, or the one "
                               "named (its name as 'discourse cache info' shows it, or the "
                               "start of it); clearing all also removes the checked partitions "
                               "kept beside it. Nothing else is touched.")
    clear.add_argument("entry", metavar="ENTRY", nargs="?", default=None,
                       help="the entry to remove (default: all)")
    clear.add_argument("--cache-dir", metavar="DIR", type=output_folder, default=None,
                       help="the cache folder to clear (default: $DISCOURSE_CACHE_DIR, else the "
                       "user's cache folder)")
    clear.set_defaults(func=run_clear)


def _settings(args: argparse.Namespace):
    """The store's folder and limit: ``--cache-dir``, else as the environment says (where
    it would be when switched off, so that it can still be shown and cleared)."""
    from analysis.tokens.store import NO_CACHE_ENV, StoreSettings, tokenstore_settings

    saved = os.environ.pop(NO_CACHE_ENV, None)
    try:
        settings = tokenstore_settings()
    finally:
        if saved is not None:
            os.environ[NO_CACHE_ENV] = saved
    if args.cache_dir:
        folder = Path(args.cache_dir).expanduser().resolve() / "tokens"
        return StoreSettings(folder, settings.max_bytes)
    return settings


def _off() -> bool:
    from analysis.tokens.store import NO_CACHE_ENV

    return os.environ.get(NO_CACHE_ENV, "").strip() not in ("", "0")


def run_info(args) -> int:
    import pandas as pd

    from analysis.tokens.store import size_text, tokenstore_entries

    settings = _settings(args)
    table = tokenstore_entries(settings=settings)
    print(f"Token store: {settings.folder}" + (" (switched off by DISCOURSE_NO_CACHE)"
                                               if _off() else ""))
    print(f"Limit: {size_text(settings.max_bytes)} (DISCOURSE_CACHE_MAX_GIB); the least "
          "recently used corpora are removed first.")
    if table.empty:
        where = "" if settings.folder.is_dir() else " (the folder does not exist yet)"
        print(f"Entries: none{where}.")
        _checked_info(settings)
        return 0
    shown = pd.DataFrame({
        "entry": table["entry"],
        "source": table["source"].fillna("(a table in memory)"),
        "fingerprint": table["fingerprint"].fillna("").str[:12],
        "articles": table["articles"].map(_count),
        "tokens": table["tokens"].map(_count),
        "size": table["bytes"].map(size_text),
        "last used": table["last_used"].dt.strftime("%Y-%m-%d %H:%M UTC"),
    })
    damaged = table["status"] != "ok"
    shown.loc[damaged, "source"] = "(damaged: removed when next read, or by 'cache clear')"
    with pd.option_context("display.width", 250, "display.max_colwidth", 60,
                           "display.max_rows", None):
        print(shown.to_string(index=False))
    print(f"Total: {len(table)} entr{'y' if len(table) == 1 else 'ies'}, "
          f"{size_text(table['bytes'].sum())} of {size_text(settings.max_bytes)}.")
    _checked_info(settings)
    return 0


def _checked_info(settings) -> None:
    """A line on the checked partitions of a partitioned dataset, when there are any."""
    from analysis.cluster.checked import checked_size
    from analysis.tokens.store import size_text

    folder = settings.folder.parent / "checked"
    count, size = checked_size(folder)
    if count:
        print(f"Checked partitions: {count} ({size_text(size)}) in {folder}, read back by "
              "the next analysis of the same dataset.")


def run_clear(args) -> int:
    from analysis.tokens.store import size_text, tokenstore_clear, tokenstore_entries

    settings = _settings(args)
    if args.entry is not None:
        entries = tokenstore_entries(settings=settings)["entry"]
        matching = [e for e in entries if e.startswith(args.entry)]
        if len(matching) != 1:
            what = "no entry" if not matching else f"{len(matching)} entries"
            verb = "starts" if not matching else "start"
            raise UserError(f"{what} of the token store {settings.folder} {verb} with "
                            f"{args.entry!r}. 'discourse cache info' lists the entries; give "
                            "one entry's name, or none to clear all.")
    removed = tokenstore_clear(args.entry, settings=settings)
    if args.entry is None:
        from analysis.cluster.checked import checked_clear

        folder = settings.folder.parent / "checked"
        count, size = checked_clear(folder)
        if count:
            print(f"Removed {count} checked partition(s) ({size_text(size)}) from {folder}.")
    if removed.empty:
        print(f"The token store {settings.folder} is empty: nothing to remove.")
        return 0
    n = len(removed)
    print(f"Removed {n} entr{'y' if n == 1 else 'ies'} ({size_text(removed['bytes'].sum())}) "
          f"from {settings.folder}.")
    return 0


def _count(value) -> str:
    return "" if value is None or value != value else f"{int(value):,}"
