"""A small partitioned dataset for the cluster tests, and a cluster in this process.

Four partitions, nine articles of three outlets over four months, with an article
dated to the month only and an undated one; exact copies (across outlets and within
outlet B, one differing only in case), and a near-copy (the same article with one more
sentence): which articles each dedupe mode drops is worked out in the tests.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pandas as pd

COLUMNS = ["doc_id", "outlet", "date", "title", "text", "country"]

LONG = ("De regering kondigt nieuwe sancties tegen Rusland aan na weken van overleg in "
        "Brussel. De ministers van Buitenlandse Zaken spreken van een zware maar "
        "noodzakelijke stap. Critici vrezen dat de oorlog daardoor nog langer duurt en de "
        "prijzen verder stijgen.")
PEACE = "Vrede en overleg. Vrede! Een goede dag voor de diplomatie."

PARTS = [
    [("a1", "A", "2022-01-10", "t", LONG, "NL"),
     ("b1", "B", "2022-01-11", "t", PEACE, "BE")],
    [("a2", "A", "2022-03-12", "t", "Nieuwe sancties. Sancties werken niet, zegt de "
      "oppositie boos.", "NL"),
     ("c1", "C", "2022-02", "t", LONG, None),
     ("a3", "A", "2022-01-09", "t", LONG + " Een extra zin over de slechte economie.", "NL")],
    [("b2", "B", "2022-04-01", "t", "Overleg over sancties. De oorlog is verschrikkelijk.",
      "BE"),
     ("b3", "B", "2022-04-02", "t", PEACE, "BE"),
     ("a4", "A", "2022-04-20", "t", "Een mooie en hoopvolle dag. Het overleg slaagt. "
      "Een zeer koude oorlog.", "NL")],
    [("c2", "C", None, "t", PEACE.lower(), "NL")],
]


def write_dataset(folder: Path, parts=PARTS) -> Path:
    """``parts`` as Parquet partitions ``part-000.parquet``, ... in ``folder``."""
    folder.mkdir(parents=True)
    for number, rows in enumerate(parts):
        frame = pd.DataFrame(rows, columns=COLUMNS).astype("string")
        frame.to_parquet(folder / f"part-{number:03d}.parquet", index=False)
    return folder


@contextmanager
def threads_client():
    """A client of a cluster of one worker thread in this process: quick to start, and
    what the tasks call can be counted."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=":0", silence_logs=50) as cluster, \
            Client(cluster) as client:
        yield client


def same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))
