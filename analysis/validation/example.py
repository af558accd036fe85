"""The inputs of a validation round: the corpus, the hand codes, the codings of several
coders, and the dictionary before and after refinement; by default the shipped example.

The example: 40 sentences of the bundled corpus (the sample ``discourse sample corpus/
--n 40 --by outlet --unit sentence`` draws) coded for the five frames of the shipped
dictionary. ``validation_codes_bundled.csv`` holds the codes the dictionary is scored
against (one reading per sentence, of coder A). ``validation_coders_bundled.csv`` holds two
codings for the reliability step: coder A's, and B, a second reading that differs from A on
the ambiguous sentences and leaves one sentence uncoded. B is an illustration of the
computation, not an independent coder: report alpha from coders who code independently.
``validation_frames_refined.toml`` is the shipped dictionary after reading the errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.paths import CORPUS_DIR, DATA_DIR
from analysis.validation.sheet import sheet_read

__all__ = ["VALIDATION_CODES_EXAMPLE", "VALIDATION_CODERS_EXAMPLE",
           "VALIDATION_REFINED_EXAMPLE", "ValidationInputs", "validation_inputs"]

#: The hand codes of the example: 40 bundled sentences, one row each.
VALIDATION_CODES_EXAMPLE = DATA_DIR / "validation_codes_bundled.csv"
#: Two codings of the same sentences (long: ``unit_id``, ``coder``, one column per frame).
VALIDATION_CODERS_EXAMPLE = DATA_DIR / "validation_coders_bundled.csv"
#: The shipped dictionary refined after reading the example's errors.
VALIDATION_REFINED_EXAMPLE = DATA_DIR / "validation_frames_refined.toml"


@dataclass
class ValidationInputs:
    """What one validation round works on (see :func:`validation_inputs`)."""

    corpus: pd.DataFrame
    codes: pd.DataFrame
    coders: pd.DataFrame
    frames: object
    refined: object
    example: bool
    codes_file: Path
    coders_file: Path
    refined_file: Path


def validation_inputs(corpus: pd.DataFrame, *, codes_file: str | Path | None = None,
                      coders_file: str | Path | None = None,
                      frames_file: str | Path | None = None,
                      refined_file: str | Path | None = None) -> ValidationInputs:
    """The inputs of a validation round.

    Without ``codes_file``: the shipped example, on the bundled corpus and the shipped
    dictionary whatever ``corpus`` and ``frames_file`` are (its codes are of that corpus
    and those frames), refined as ``validation_frames_refined.toml`` unless
    ``refined_file`` is given. With ``codes_file``: ``corpus``, the dictionary
    ``frames_file`` (None: the shipped one), ``refined_file`` (None: the same dictionary,
    until you edit a copy) and ``coders_file``, which is then required.

    >>> inputs = validation_inputs(pd.DataFrame())
    >>> inputs.example, len(inputs.corpus), len(inputs.codes), inputs.refined.names[:2]
    (True, 5, 40, ['koude_oorlog', 'escalatie'])
    """
    from analysis.corpus import corpus_load
    from analysis.dictionaries import frames_load

    example = codes_file is None
    if example:
        codes_file, corpus, frames_file = VALIDATION_CODES_EXAMPLE, corpus_load(CORPUS_DIR), None
        coders_file = coders_file or VALIDATION_CODERS_EXAMPLE
        refined_file = refined_file or VALIDATION_REFINED_EXAMPLE
    elif coders_file is None:
        raise ValueError("give the codings of two or more coders (validation_coders) with "
                         "your codes: the reliability step needs them")
    frames = frames_load(frames_file)
    refined = frames_load(refined_file) if refined_file is not None else frames
    return ValidationInputs(corpus=corpus, codes=sheet_read(codes_file),
                            coders=sheet_read(coders_file), frames=frames, refined=refined,
                            example=example, codes_file=Path(codes_file),
                            coders_file=Path(coders_file),
                            refined_file=Path(refined_file or frames.path or ""))
