"""The notebooks' parameters: one registry, read by every notebook and by ``discourse figures``.

Each parameter is declared once, here, with its default, its help text, its command-line
option (if any) and a check that validates and normalises its value. A notebook's parameter
cell shows the parameters a user is likely to change; :func:`analysis.notebooks.notebook_setup`
reads every registered parameter from the notebook's namespace (its registered default when
the cell does not set it), so a new parameter is one :func:`notebook_parameter` call and no
change to any notebook.

Checks run in registration order and see the parameters checked before them through the
:class:`~analysis.notebooks.setup.NotebookSetup` they are given (``setup.corpus`` loads the
corpus on first use), so ``by`` can check its column against the loaded corpus.
"""

from __future__ import annotations

import difflib
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.paths import CORPUS_DIR, FIGURES_DIR, ROOT

__all__ = ["Parameter", "ParameterError", "PARAMETERS", "PARAMETERS_FILE", "RESULTS_DIR",
           "SHIPPED_TERMS", "notebook_parameter", "parameters_file_read", "path_resolve",
           "results_dir", "term_slug"]

#: Where a user's corpus writes its results: ``results/<corpus name>/`` (git-ignored).
RESULTS_DIR = ROOT / "results"
#: A user's own parameters for every notebook (git-ignored), so that no notebook needs
#: editing: ``corpus_path = "data/mijn_corpus.csv"`` and so on, one TOML key each.
PARAMETERS_FILE = ROOT / "parameters.toml"


class ParameterError(ValueError):
    """A notebook parameter (or its ``discourse figures`` option) has a value that cannot
    work; the message names the parameter, the value and what to do."""


@dataclass(frozen=True)
class Parameter:
    """One notebook parameter.

    ``check(value, setup)`` returns the value to use (e.g. an absolute path) or raises
    :class:`ParameterError` (``setup`` is the
    :class:`~analysis.notebooks.setup.NotebookSetup` being checked); ``option`` is the
    ``discourse figures`` option that sets it
    (``None``: none, or set by an option of its own), ``parse`` turns that option's string
    into a value.
    """

    name: str
    default: Any
    help: str
    check: Callable[[Any, Any], Any] | None = None
    option: str | None = None
    metavar: str | None = None
    parse: Callable[[str], Any] = str


#: Every parameter, by name, in the order they are checked.
PARAMETERS: dict[str, Parameter] = {}


def notebook_parameter(
    name: str,
    default: Any,
    help: str,
    *,
    check: Callable[[Any, Any], Any] | None = None,
    option: str | None = None,
    metavar: str | None = None,
    parse: Callable[[str], Any] = str,
) -> Parameter:
    """Register a notebook parameter (see the module docstring); returns it.

    Registering a name twice is an error, so two modules cannot silently fight over one.
    """
    if name in PARAMETERS:
        raise ValueError(f"notebook parameter {name!r} is registered twice")
    parameter = Parameter(name, default, help, check, option, metavar, parse)
    PARAMETERS[name] = parameter
    return parameter


def path_resolve(value: str | Path, *, what: str, must_exist: bool = True) -> Path:
    """``value`` as an absolute path: a relative path is taken from the project root.

    Raises :class:`ParameterError` naming the absolute path tried (and the folder it was
    resolved from) when ``must_exist`` and nothing is there.

    >>> path_resolve("corpus", what="corpus_path") == CORPUS_DIR
    True
    >>> path_resolve("mijn_corpus.csv", what="corpus_path")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    analysis.notebooks.parameters.ParameterError: corpus_path 'mijn_corpus.csv': .../mijn_corpus.csv does not exist (a relative path is taken from the project root, ...
    """
    given = Path(str(value)).expanduser()
    path = given if given.is_absolute() else ROOT / given
    path = Path(_normpath(path))
    if must_exist and not path.exists():
        how = ("" if given.is_absolute() else
               f" (a relative path is taken from the project root, {ROOT})")
        hint = "Check the spelling, or give the absolute path."
        cwd_path = Path.cwd() / given
        if not given.is_absolute() and cwd_path.exists():
            hint = (f"It exists in the current folder: give {str(cwd_path.resolve())!r}, or a "
                    "path relative to the project root.")
        raise ParameterError(f"{what} {str(value)!r}: {path} does not exist{how}. {hint}")
    return path


def _normpath(path: Path) -> str:
    import os

    return os.path.normpath(path)


def results_dir(corpus_path: Path | None) -> Path:
    """Where a corpus's results go when no ``out_dir`` is given: ``figures/`` for the
    bundled corpus, else ``results/<corpus name>/``.

    >>> results_dir(None) == FIGURES_DIR
    True
    >>> results_dir(Path("/data/Mijn corpus.csv")).relative_to(RESULTS_DIR).as_posix()
    'Mijn-corpus'
    """
    if corpus_path is None or Path(corpus_path).resolve() == CORPUS_DIR.resolve():
        return FIGURES_DIR
    path = Path(corpus_path)
    stem = path.name if path.is_dir() else path.stem
    name = re.sub(r"[^\w.-]+", "-", stem).strip("-.") or "corpus"
    return RESULTS_DIR / name


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" Did you mean {close[0]!r}?" if close else ""


# --- the parameters every notebook has ----------------------------------------------------


def _check_corpus_path(value, setup):
    if value is None:
        return None
    return path_resolve(value, what="corpus_path")


def corpus_option_names() -> list[str]:
    """The keys ``corpus_options`` accepts: the keyword options of ``corpus_load``."""
    from analysis.corpus.options import CorpusOptions

    return CorpusOptions.names()


def _check_corpus_options(value, setup):
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ParameterError(
            f"corpus_options must be a dict, e.g. {{\"text_column\": \"body\"}}, not "
            f"{type(value).__name__} {value!r}.")
    valid = corpus_option_names()
    unknown = [key for key in value if key not in valid]
    if unknown:
        lines = [f"corpus_options: unknown key {key!r}.{_suggest(str(key), valid)}"
                 for key in unknown]
        lines.append(f"The valid keys are: {', '.join(valid)}.")
        raise ParameterError("\n".join(lines))
    return dict(value)


def _check_out_dir(value, setup):
    if value is None:
        return results_dir(setup.corpus_path)
    return path_resolve(value, what="out_dir", must_exist=False)


def _check_frames_file(value, setup):
    from analysis.dictionaries.frames import DEFAULT_FRAMES_FILE, frames_load

    if value is None:
        return DEFAULT_FRAMES_FILE
    path = path_resolve(value, what="frames_file")
    frames_load(path)  # a FrameFileError names the file, the line and what to do
    return path


def _check_actors_file(value, setup):
    from analysis.dictionaries.actors import DEFAULT_ACTORS_FILE, actors_load

    if value is None:
        return DEFAULT_ACTORS_FILE
    path = path_resolve(value, what="actors_file")
    actors_load(path)  # an ActorFileError names the file, the line and what to do
    return path


#: The words rq1 follows through the articles for the shipped frame dictionary (its KWIC
#: shows the first three); another dictionary gives the first pattern of each frame.
SHIPPED_TERMS = ("koude oorlog", "escal*", "sanctie*", "de-escal*", "invasie", "diplomat*")


def _check_terms(value, setup):
    from analysis.dictionaries.frames import DEFAULT_FRAMES_FILE, frames_load

    if value is None:
        frames_file = setup.parameters.get("frames_file") or DEFAULT_FRAMES_FILE
        if Path(frames_file) == DEFAULT_FRAMES_FILE:
            return list(SHIPPED_TERMS)
        frames = frames_load(frames_file)
        return [f.patterns[0] for f in frames.frames.values() if f.patterns][:6]
    if isinstance(value, str):
        value = value.split(",")
    terms = [str(t).strip() for t in value] if isinstance(value, list | tuple) else None
    if not terms or not all(terms):
        raise ParameterError(
            f"terms must be a list of words or patterns, e.g. [\"inflatie\", \"koopkracht*\"] "
            f"(--terms inflatie,koopkracht*), or None (from the frame dictionary), not "
            f"{value!r}.")
    return terms


def term_slug(term: str) -> str:
    """``term`` as part of a file name: runs of other characters than letters and digits
    become one hyphen.

    >>> term_slug("koude oorlog"), term_slug("escal*"), term_slug("de-escal*")
    ('koude-oorlog', 'escal', 'de-escal')
    """
    return re.sub(r"\W+", "-", term).strip("-") or "term"


def _check_events_file(value, setup):
    from analysis.timeline.events import events_load

    if value is None:
        return None
    path = path_resolve(value, what="events_file")
    events_load(path)  # a bad file is named with its line and what to do
    return path


def _is_whole_number(value, minimum: int, maximum: int | None = None) -> bool:
    """Whether ``value`` is an int (not a bool) from ``minimum`` (to ``maximum``)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        return False
    return maximum is None or value <= maximum


def _parse_whole_number(option: str, none_word: str | None = None):
    """A parse function: the option's text as an int (``none_word`` or 'none': None)."""
    also = "" if none_word is None else f" (or {none_word!r})"

    def parse(text: str):
        if none_word is not None and text.strip().lower() in {"none", none_word}:
            return None
        try:
            return int(text)
        except ValueError:
            raise ParameterError(f"{option}: {text!r} is not a whole number{also}.") from None

    return parse


def _check_max_groups(value, setup):
    if value is None:
        return None
    if not _is_whole_number(value, 2):
        raise ParameterError(
            f"max_groups must be a whole number of at least 2, or None (every group), not "
            f"{value!r}.")
    return value


def _check_by(value, setup):
    corpus = setup.corpus
    if not isinstance(value, str) or value not in corpus.columns:
        columns = [c for c in corpus.columns if c != "text"]
        raise ParameterError(
            f"by: the corpus has no column {value!r}.{_suggest(str(value), columns)} "
            f"Choose one of: {', '.join(columns)}.")
    return value


notebook_parameter(
    "corpus_path", None,
    "the corpus: a folder of .txt files or a CSV, TSV, JSONL or Parquet file (None: the "
    "bundled corpus); a relative path is taken from the project root",
    check=_check_corpus_path)
notebook_parameter(
    "corpus_options", {},
    "options for reading the corpus, e.g. {\"text_column\": \"body\"} (the keyword options "
    "of corpus_load)",
    check=_check_corpus_options)
notebook_parameter(
    "out_dir", None,
    "the folder for figures and tables (None: figures/ for the bundled corpus, "
    "results/<corpus name>/ for any other)",
    check=_check_out_dir)
notebook_parameter(
    "frames_file", None,
    "the frame dictionary (None: the shipped one)",
    check=_check_frames_file, option="--frames", metavar="FILE")
notebook_parameter(
    "by", "outlet",
    "the column whose values are compared (default: outlet)",
    check=_check_by, option="--by", metavar="COLUMN")
notebook_parameter(
    "max_groups", 25,
    "tables and figures show at most this many groups of 'by': the largest, and the others "
    "together as '(other)'; names longer than 40 characters are shortened ('all': every "
    "group)",
    check=_check_max_groups, option="--max-groups", metavar="N", parse=_parse_whole_number("--max-groups", "all"))
notebook_parameter(
    "actors_file", None,
    "the actor dictionary of who is named and who speaks (None: the shipped one)",
    check=_check_actors_file, option="--actors", metavar="FILE")
notebook_parameter(
    "terms", None,
    "the words or patterns whose places in the articles rq1 shows (the first three also in "
    "context); None: for the shipped frame dictionary its framing words, for another the "
    "first pattern of each frame",
    check=_check_terms, option="--terms", metavar="LIST")
notebook_parameter(
    "events_file", None,
    "events drawn on the time figures: a CSV file with the columns date,label (None: no "
    "events)",
    check=_check_events_file, option="--events", metavar="FILE")


def _check_lang(value, setup):
    from analysis.output.messages import LANGS

    if isinstance(value, str) and value.strip().lower() in LANGS:
        return value.strip().lower()  # "EN" and " nl" are meant as they read
    if value not in LANGS:
        raise ParameterError(
            f"lang must be one of {', '.join(map(repr, LANGS))} (the language of the figures' "
            f"and tables' words), not {value!r}.{_suggest(str(value), list(LANGS))}")
    return value


def _check_formats(value, setup):
    from analysis.output.figures import figures_formats

    try:
        return figures_formats(value)
    except ValueError as exc:
        raise ParameterError(f"formats: {exc}.") from None


notebook_parameter(
    "lang", "nl",
    "the language of every word in the figures, tables and captions: 'nl' (Dutch) or 'en' "
    "(English); numbers follow it (1.234,5 or 1,234.5)",
    check=_check_lang, option="--lang", metavar="nl|en")
notebook_parameter(
    "formats", None,
    "the figure formats, comma-separated, from png, svg, pdf, eps and tiff (600 dpi, LZW); "
    "None: png,svg,pdf",
    check=_check_formats, option="--format", metavar="LIST")


def _check_period(value, setup):
    from analysis.periods import PERIODS

    if value is None:
        return None
    text = str(value).strip().lower()
    if text not in PERIODS:
        raise ParameterError(
            f"period must be one of {', '.join(PERIODS)}, or None (chosen from the corpus's "
            f"time span), not {value!r}.{_suggest(text, list(PERIODS))}")
    return text


notebook_parameter(
    "period", None,
    "the periods of the time figures: day, week, month, quarter or year (None: chosen from "
    "the corpus's time span)",
    check=_check_period, option="--period", metavar="PERIOD")


def _check_parameters_file(value, setup):
    if value is None:
        return None
    return path_resolve(value, what="parameters_file",
                        must_exist=Path(str(value)) != Path(PARAMETERS_FILE.name))


notebook_parameter(
    "parameters_file", PARAMETERS_FILE.name,
    "a TOML file of parameters for every notebook (parameters.toml in the project root, "
    "when it exists; git ignores it); a value set in a notebook's parameter cell wins over "
    "the file's. `discourse figures` reads a file only when given --parameters FILE",
    check=_check_parameters_file, option="--parameters", metavar="FILE")


def parameters_file_read(path: Path | None) -> dict[str, Any]:
    """The parameters set in the TOML file ``path`` (``{}`` when ``path`` is None or does
    not exist). Raises :class:`ParameterError` naming the file, the line and what to do for
    a file that is not TOML, and for a key that is no parameter.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "parameters.toml"
    >>> _ = f.write_text('corpus_path = "data/mijn.csv"\\nby = "krant"\\n', encoding="utf-8")
    >>> parameters_file_read(f)
    {'corpus_path': 'data/mijn.csv', 'by': 'krant'}
    >>> _ = f.write_text('corpus_pad = "x.csv"\\n', encoding="utf-8")
    >>> parameters_file_read(f)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    analysis.notebooks.parameters.ParameterError: .../parameters.toml: 'corpus_pad' is no notebook parameter. Did you mean 'corpus_path'? ...
    """
    import tomllib

    if path is None or not Path(path).is_file():
        return {}
    try:
        values = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ParameterError(
            f"{path}: is not valid TOML ({exc}). Write one parameter a line, e.g. "
            'corpus_path = "data/mijn_corpus.csv" (text in double quotes).') from None
    names = [n for n in PARAMETERS if n != "parameters_file"]
    for key in values:
        if key not in names:
            raise ParameterError(
                f"{path}: {key!r} is no notebook parameter.{_suggest(key, names)} The "
                f"parameters are: {', '.join(names)}.")
    return values
def _check_topics_k(value, setup):
    from analysis.topics import topics_k_auto

    articles = len(setup.corpus)
    if value is None:
        return min(topics_k_auto(articles), articles)
    if not _is_whole_number(value, 2, articles):
        raise ParameterError(
            f"topics_k must be a whole number from 2 to the number of articles ({articles}), "
            f"or None (10, fewer for a small corpus), not {value!r}.")
    return value


notebook_parameter(
    "topics_k", None,
    "the number of topics of the topic model (None: 10, or for a corpus of fewer than 20 "
    "articles half the articles plus one: 3 for the bundled five)",
    check=_check_topics_k, option="--topics-k", metavar="K", parse=_parse_whole_number("--topics-k", "auto"))
# --- validation against hand codes (notebooks/rq7-validating-frames) ----------------------


def _check_optional_file(name: str, *, must_exist: bool = True):
    def check(value, setup):
        return None if value is None else path_resolve(value, what=name, must_exist=must_exist)

    return check


def _check_validation_unit(value, setup):
    if value not in ("article", "sentence"):
        raise ParameterError(f"validation_unit must be 'article' or 'sentence', not {value!r}.")
    return value


def _check_validation_n(value, setup):
    if not _is_whole_number(value, 1):
        raise ParameterError(f"validation_n must be a whole number of at least 1, not "
                             f"{value!r}.")
    return value


notebook_parameter(
    "validation_codes", None,
    "hand codes to score the frame dictionary against: one row per unit with doc_id (and "
    "sentence_id for sentences) and one 0/1 column per frame (None: the shipped example, 40 "
    "sentences of the bundled corpus)",
    check=_check_optional_file("validation_codes"), option="--validation-codes",
    metavar="FILE")
notebook_parameter(
    "validation_coders", None,
    "the codings of two or more coders of the same units, one row per unit and coder "
    "(unit_id, coder, one column per frame), for Krippendorff's alpha (None: the shipped "
    "example's)",
    check=_check_optional_file("validation_coders"), option="--validation-coders",
    metavar="FILE")
notebook_parameter(
    "validation_refined", None,
    "the frame dictionary after reading the errors, scored again (None: the shipped "
    "example's refinement, or frames_file with your own codes)",
    check=_check_optional_file("validation_refined"), option="--validation-refined",
    metavar="FILE")
notebook_parameter(
    "validation_unit", "sentence",
    "what a coded unit is: 'article' or 'sentence' (default: sentence)",
    check=_check_validation_unit, option="--validation-unit", metavar="UNIT")
notebook_parameter(
    "validation_n", 40,
    "the number of units the coding sample draws (stratified by 'by')",
    check=_check_validation_n, option="--validation-n", metavar="N",
    parse=_parse_whole_number("--validation-n"))


notebook_parameter(
    "coding_sheet", None,
    "the coding sheet the coding view writes (CSV or .xlsx): drawn when it does not exist, "
    "resumed when it does (None: a new sheet in a temporary folder, for a try-out); set in "
    "the notebook, where the coding is done",
    check=_check_optional_file("coding_sheet", must_exist=False))


# --- where the heavy analyses run (analysis.notebooks.cluster) ------------------------------

#: The environment variable giving ``scheduler`` when a notebook does not set it.
SCHEDULER_ENV = "DISCOURSE_SCHEDULER"


def _check_scheduler(value, setup):
    import os

    given = ""
    if value is None:
        value = os.environ.get(SCHEDULER_ENV, "").strip() or None
        if value is None:
            return None
        given = f" (${SCHEDULER_ENV})"
    text = str(value).strip()
    if text == "local" or re.fullmatch(r"tcp://[^\s/:]+:\d+", text):
        return text
    raise ParameterError(
        f"scheduler{given} must be 'local' (a Dask cluster on this machine), the address of "
        f"a running scheduler such as 'tcp://10.0.0.5:8786', or None (in the notebook's own "
        f"process), not {value!r}.")


notebook_parameter(
    "scheduler", None,
    "where the frequencies, keyness, frame matches, tone and timeline are computed: 'local' "
    "(a Dask cluster on this machine) or 'tcp://HOST:PORT' (a running scheduler; the cache "
    "folder must be on a file system its workers share); None: in the notebook's process, "
    f"or ${SCHEDULER_ENV} when set",
    check=_check_scheduler, option="--scheduler", metavar="WHERE")
