"""The group of every token row: a column of the token table or of the corpus."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.tables import MISSING_GROUP, groups_by, require_columns


def _factorized(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes of ``values`` and their labels as text (missing: ``(unknown)``), labels
    computed once per distinct value."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    names = pd.Series(np.asarray(uniques, dtype=object)).astype("string").astype(object)
    names = np.append(names.to_numpy(), MISSING_GROUP)
    return np.where(codes < 0, len(names) - 1, codes), names


def group_codes(tokens: pd.DataFrame, by: str, corpus: pd.DataFrame | None
                ) -> tuple[np.ndarray, pd.Index]:
    """Integer code of every row's group (``by``, a column of ``tokens`` or, merged on
    ``doc_id``, of ``corpus``) and the group labels in sorted order. A missing value is
    the group ``(unknown)``."""
    if by in tokens.columns:
        codes, names = _factorized(tokens[by])
    else:
        if corpus is None:
            require_columns(tokens, [by], what="the token table",
                            hint="to group by a corpus column, pass the corpus: "
                            "corpus=corpus")
        require_columns(tokens, ["doc_id"], what="the token table")
        doc_codes, doc_names = _factorized(tokens["doc_id"].astype(str))
        per_doc = groups_by(pd.DataFrame({"doc_id": doc_names}), by, corpus=corpus)
        codes, names = doc_codes, per_doc.to_numpy(dtype=object)
    labels = pd.Index(sorted(set(names[np.unique(codes)])), dtype=object)
    return labels.get_indexer(names)[codes].astype(np.int64), labels
