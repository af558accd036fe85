"""The token store on the workers: every partition tokenised once, then read back.

A task sent by :mod:`analysis.cluster.mapping` runs on its worker with the token store of
the client that sent it (:func:`store_shared`: its folder, made absolute, its size limit,
or the store switched off by ``DISCOURSE_NO_CACHE=1`` / ``--no-cache``), not with the
worker's own environment. A partition's entry has the key the in-process path gives the
same articles (:func:`analysis.tokens.tokens_corpus` of the partition: the fingerprint of
its texts, the tokenizer's settings, the toolkit version), so a partition tokenised in a
notebook is read on the cluster and the other way round, and a second analysis of a
dataset reads every partition's tokens instead of making them.

When the cluster shares a file system with the client (the store's folder on it, as the
dataset's folder must be), every worker reads and writes the one store. An entry is
written into a temporary folder of a unique name and renamed into place
(:func:`analysis.tokens.store.tokenstore_save`), so two workers storing the same
partition at once leave one whole entry. A worker that cannot write the folder works on
without the store; its one-line warning is among the notes of the result.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from analysis.tokens.store import (
    StoreSettings,
    tokenstore_notes,
    tokenstore_settings,
    tokenstore_using,
)

__all__ = ["store_shared", "store_task", "stored"]


def store_shared() -> StoreSettings:
    """The client's token store as the workers are to use it: its folder made absolute
    (a worker's working folder is not the client's), or ``folder=None`` when it is off.

    >>> import os
    >>> saved = os.environ.get("DISCOURSE_NO_CACHE")
    >>> os.environ["DISCOURSE_NO_CACHE"] = "1"
    >>> store_shared().folder is None
    True
    >>> if saved is None:
    ...     del os.environ["DISCOURSE_NO_CACHE"]
    ... else:
    ...     os.environ["DISCOURSE_NO_CACHE"] = saved
    """
    settings = tokenstore_settings()
    if settings.folder is None:
        return settings
    return StoreSettings(Path(settings.folder).expanduser().resolve(), settings.max_bytes)


def store_task(work: Callable, /, *args, store: StoreSettings, **kwargs):
    """``work(*args, **kwargs)`` (a map step: it returns its result, its notes and its
    article ids) with the token store ``store``; what the store would have warned of
    (:func:`analysis.tokens.store.tokenstore_notes`) is added to its notes, so the client
    hears why a worker did without the store."""
    with tokenstore_using(store), tokenstore_notes() as said:
        result, notes, ids = work(*args, **kwargs)
    return result, [*notes, *said], ids


def stored(work: Callable) -> Callable:
    """``work`` as a task that runs with the client's token store (see
    :func:`store_task`); the store is read now, on the client."""
    from functools import partial

    return partial(store_task, work, store=store_shared())
