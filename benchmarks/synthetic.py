"""Deterministic synthetic Dutch news corpora of a chosen size, for the benchmark.

An article is a run of sentences of three kinds, drawn with fixed probabilities:

- a sentence of the bundled corpus, verbatim (so frame and sentiment words occur as in real
  coverage),
- a sentence of the bundled corpus with about a third of its words replaced by words drawn
  from a Dutch word list,
- a sentence made only of drawn words, as long as a bundled sentence.

Words are drawn from the 50,000 most frequent Dutch words that the ``wordfreq`` package
ships (only purely alphabetic ones), each with its ``wordfreq`` frequency as probability:
a real, Zipf-shaped vocabulary. Articles are 300 to 1,200 tokens long, from 8 outlets,
dated across the twelve months of 2022. The same size and seed always give the same
corpus (numpy ``Generator`` with a fixed seed).

The size is counted in word and number tokens of :func:`analysis.text.tokens_tokenize`
(punctuation not counted), and is exact: every piece's count is known as it is added.

Corpora are written as Parquet files (columns ``doc_id, outlet, date, title, text``) into a
cache folder outside the repository, ``~/.cache/discourse-bench/`` unless the environment
variable ``DISCOURSE_BENCH_CACHE`` names another, and reused while their recipe is unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "GENERATOR_VERSION",
    "OUTLETS",
    "SEED",
    "cache_dir",
    "synthetic_corpus",
    "synthetic_dataset",
    "synthetic_path",
    "size_label",
]

#: Bump when the recipe changes, so cached corpora are made anew.
GENERATOR_VERSION = 1
SEED = 20220110
OUTLETS = ("NRC", "De Morgen", "NOS", "Trouw", "de Volkskrant", "AD", "Het Parool",
           "De Standaard")
VOCABULARY_SIZE = 50_000
ARTICLE_TOKENS = (300, 1200)
P_VERBATIM, P_MIXED = 0.30, 0.40  # the rest: sentences of drawn words only
P_REPLACE = 0.35  # share of a mixed sentence's words replaced by drawn words
SENTENCES_PER_PARAGRAPH = (2, 6)
_ALPHABETIC = re.compile(r"[^\W\d_]+")
_FINAL = re.compile(r"[.!?…\"”’'):;]\Z")


def cache_dir(path: str | Path | None = None) -> Path:
    """The cache folder: ``path``, else ``$DISCOURSE_BENCH_CACHE``, else
    ``~/.cache/discourse-bench``."""
    if path is None:
        path = os.environ.get("DISCOURSE_BENCH_CACHE") or Path.home() / ".cache" / "discourse-bench"
    return Path(path).expanduser()


def size_label(tokens: int) -> str:
    """A short name for a corpus size: ``100k``, ``1M``, ``10M``, ``2500``."""
    if tokens >= 1_000_000 and tokens % 100_000 == 0:
        return f"{tokens / 1_000_000:g}M"
    if tokens >= 1_000 and tokens % 1_000 == 0:
        return f"{tokens // 1_000}k"
    return str(tokens)


# --------------------------------------------------------------------------- ingredients


@dataclass(frozen=True)
class _Sentence:
    pieces: tuple[str, ...]  # text between replaceable words: len(words) + 1 pieces
    words: tuple[str, ...]  # the replaceable (word-kind) tokens
    tokens: int  # word and number tokens of the whole sentence


@lru_cache(maxsize=1)
def _bundled_sentences() -> tuple[_Sentence, ...]:
    from analysis.corpus import corpus_load
    from analysis.paths import CORPUS_DIR
    from analysis.text import tokens_tokenize
    from analysis.tokens import tokens_sentences

    out = []
    for text in tokens_sentences(corpus_load(CORPUS_DIR))["sentence"]:
        text = " ".join(text.split())  # one line, so no sentence holds a paragraph break
        if not _FINAL.search(text):
            text += "."  # every sentence ends in punctuation: nothing fuses across sentences
        toks = tokens_tokenize(text)
        pieces, words, last = [], [], 0
        for token, start, end, kind in toks:
            if kind == "word" and _ALPHABETIC.fullmatch(token):
                pieces.append(text[last:start])
                words.append(token)
                last = end
        pieces.append(text[last:])
        counted = sum(1 for t in toks if t[3] != "punct")
        if counted:
            out.append(_Sentence(tuple(pieces), tuple(words), counted))
    return tuple(out)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[np.ndarray, np.ndarray]:
    import wordfreq

    words = [w for w in wordfreq.top_n_list("nl", VOCABULARY_SIZE) if _ALPHABETIC.fullmatch(w)]
    freq = np.array([wordfreq.word_frequency(w, "nl") for w in words], dtype=np.float64)
    return np.array(words, dtype=object), freq / freq.sum()


def _recipe(tokens: int, seed: int) -> dict:
    from importlib.metadata import version

    from analysis.corpus import corpus_fingerprint, corpus_load
    from analysis.paths import CORPUS_DIR

    bundled = corpus_load(CORPUS_DIR)[["doc_id", "text"]]
    return {
        "generator": GENERATOR_VERSION,
        "tokens": int(tokens),
        "seed": int(seed),
        "wordfreq": version("wordfreq"),
        "numpy": np.__version__,
        "bundled_corpus": corpus_fingerprint(bundled),
    }


# --------------------------------------------------------------------------- generation


class _Drawer:
    """Words drawn in blocks from the vocabulary (fast, and the same for the same seed)."""

    def __init__(self, rng: np.random.Generator, block: int = 65_536):
        self.words, self.p = _vocabulary()
        self.rng = rng
        self.block = block
        self.buffer: list[str] = []
        self.i = 0

    def take(self, n: int) -> list[str]:
        if self.i + n > len(self.buffer):
            rest = self.buffer[self.i:]
            drawn = self.rng.choice(len(self.words), size=max(self.block, n), p=self.p)
            self.buffer = rest + self.words[drawn].tolist()
            self.i = 0
        out = self.buffer[self.i:self.i + n]
        self.i += n
        return out


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _drawn_sentence(drawer: _Drawer, rng: np.random.Generator, n: int) -> str:
    words = drawer.take(n)
    words[0] = _capitalised(words[0])
    if n > 6 and rng.random() < 0.4:  # a comma now and then
        k = int(rng.integers(2, n - 2))
        words[k] += ","
    end = "." if rng.random() < 0.92 else ("?" if rng.random() < 0.6 else "!")
    return " ".join(words) + end


def _mixed_sentence(sentence: _Sentence, drawer: _Drawer, rng: np.random.Generator) -> str:
    replace = rng.random(len(sentence.words)) < P_REPLACE
    drawn = iter(drawer.take(int(replace.sum())))
    parts = [sentence.pieces[0]]
    for word, swap, piece in zip(sentence.words, replace, sentence.pieces[1:], strict=True):
        if swap:
            new = next(drawn)
            word = _capitalised(new) if word[:1].isupper() else new
        parts.append(word)
        parts.append(piece)
    return "".join(parts)


def _article(length: int, drawer: _Drawer, rng: np.random.Generator,
             bundled: tuple[_Sentence, ...]) -> tuple[str, int]:
    paragraphs, sentences, count = [], [], 0
    per_paragraph = int(rng.integers(*SENTENCES_PER_PARAGRAPH, endpoint=True))
    while count < length:
        source = bundled[int(rng.integers(len(bundled)))]
        kind = rng.random()
        if kind < P_VERBATIM:
            text = "".join(_interleave(source.pieces, source.words))
            n = source.tokens
        elif kind < P_VERBATIM + P_MIXED:
            text = _mixed_sentence(source, drawer, rng)
            n = source.tokens
        else:
            n = max(3, len(source.words))
            text = _drawn_sentence(drawer, rng, n)
        sentences.append(text)
        count += n
        if len(sentences) >= per_paragraph:
            paragraphs.append(" ".join(sentences))
            sentences = []
            per_paragraph = int(rng.integers(*SENTENCES_PER_PARAGRAPH, endpoint=True))
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs), count


def _interleave(pieces: tuple[str, ...], words: tuple[str, ...]) -> list[str]:
    out = [pieces[0]]
    for word, piece in zip(words, pieces[1:], strict=True):
        out.append(word)
        out.append(piece)
    return out


def synthetic_corpus(tokens: int, *, seed: int = SEED) -> pd.DataFrame:
    """A synthetic corpus of at least ``tokens`` word and number tokens (the last article
    ends at a sentence end, so slightly more), one article a row.

    Columns ``doc_id, outlet, date, title, text`` (strings) and ``tokens`` (the article's
    word and number tokens). ``attrs["tokens"]`` holds the total.
    """
    if tokens <= 0:
        raise ValueError(f"tokens must be positive, not {tokens}")
    rng = np.random.default_rng(seed)
    drawer = _Drawer(rng)
    bundled = _bundled_sentences()
    days = pd.date_range("2022-01-01", "2022-12-31", freq="D").strftime("%Y-%m-%d")
    rows, total = [], 0
    while total < tokens:
        i = len(rows)
        length = int(rng.integers(*ARTICLE_TOKENS, endpoint=True))
        length = min(length, max(tokens - total, 1))
        outlet = OUTLETS[int(rng.integers(len(OUTLETS)))]
        day = days[int(rng.integers(len(days)))]
        title = _drawn_sentence(drawer, rng, int(rng.integers(5, 12)))[:-1]
        text, n = _article(length, drawer, rng, bundled)
        rows.append((f"syn-{i + 1:06d}", outlet, day, title, text, n))
        total += n
    frame = pd.DataFrame(rows, columns=["doc_id", "outlet", "date", "title", "text", "tokens"])
    frame = frame.astype({c: "string" for c in ("doc_id", "outlet", "date", "title", "text")})
    frame.attrs["tokens"] = int(total)
    return frame


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def synthetic_path(tokens: int, *, seed: int = SEED, cache: str | Path | None = None,
                   log=print) -> tuple[Path, dict]:
    """The Parquet file of the synthetic corpus of ``tokens`` tokens, made unless the cache
    holds it already; returns its path and its description (the recipe, plus ``articles``,
    ``tokens_exact``, ``chars`` and ``sha256``).

    A cached file is reused only when its description matches the recipe (generator
    version, size, seed, word-list and numpy versions, bundled corpus) and the file's
    SHA-256 matches the one recorded.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = cache_dir(cache)
    recipe = _recipe(tokens, seed)
    key = hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()[:12]
    path = folder / f"synthetic-{size_label(tokens)}-{key}.parquet"
    info_path = path.with_suffix(".json")
    if path.exists() and info_path.exists():
        info = json.loads(info_path.read_text(encoding="utf-8"))
        if info.get("recipe") == recipe and info.get("sha256") == _sha256(path):
            return path, info
        log(f"cached corpus {path} does not match its recipe; making it anew")
    log(f"making the synthetic corpus of {size_label(tokens)} tokens in {folder} ...")
    frame = synthetic_corpus(tokens, seed=seed)
    folder.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(frame.drop(columns="tokens"), preserve_index=False)
    tmp = path.with_suffix(".parquet.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)
    info = {
        "recipe": recipe,
        "articles": len(frame),
        "tokens_exact": int(frame.attrs["tokens"]),
        "chars": int(frame["text"].str.len().sum()),
        "sha256": _sha256(path),
    }
    info_path.write_text(json.dumps(info, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path, info


#: Tokens per partition of a partitioned synthetic dataset.
PARTITION_TOKENS = 1_000_000


def synthetic_dataset(tokens: int, *, partition_tokens: int = PARTITION_TOKENS,
                      seed: int = SEED, cache: str | Path | None = None,
                      log=print) -> tuple[Path, dict]:
    """A partitioned synthetic dataset of ``tokens`` tokens: a folder of Parquet files of
    ``partition_tokens`` tokens each (the last one smaller), for the cluster stages.

    Partition ``i`` is :func:`synthetic_corpus` of its size with the seed ``seed + 1 + i``
    and ids prefixed ``p<i>-``, made and written one at a time, so the dataset is never
    whole in memory. Cached like the single files: the folder is reused while its recipe
    is unchanged and every file's SHA-256 matches the description; an interrupted run
    keeps the partitions it finished (each file is written under a temporary name, then
    renamed) and makes only the others.
    """
    recipe = dict(_recipe(tokens, seed), partition_tokens=int(partition_tokens))
    key = hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()[:12]
    folder = cache_dir(cache) / f"synthetic-{size_label(tokens)}-parts-{key}"
    info_path = folder.with_name(folder.name + ".json")
    count = -(-int(tokens) // int(partition_tokens))
    files = [folder / f"part-{i:05d}.parquet" for i in range(count)]
    if info_path.exists() and all(f.exists() for f in files):
        info = json.loads(info_path.read_text(encoding="utf-8"))
        if info.get("recipe") == recipe and info.get("sha256") == [_sha256(f) for f in files]:
            return folder, info
        log(f"cached dataset {folder} does not match its recipe; making it anew")
        info_path.unlink()
        for file in files:
            file.unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    articles, exact, chars = [], [], []
    import pyarrow as pa
    import pyarrow.parquet as pq

    for i, file in enumerate(files):
        if file.exists():  # finished by an earlier, interrupted run
            table = pq.read_table(file, columns=["text"])
            articles.append(table.num_rows)
            exact.append(None)
            chars.append(int(pa.compute.sum(pa.compute.utf8_length(table["text"])).as_py()))
            continue
        size = min(int(partition_tokens), int(tokens) - i * int(partition_tokens))
        log(f"making partition {i + 1} of {count} ({size_label(size)} tokens) in {folder} ...")
        frame = synthetic_corpus(size, seed=seed + 1 + i)
        frame["doc_id"] = f"p{i:05d}-" + frame["doc_id"]
        articles.append(len(frame))
        exact.append(int(frame.attrs["tokens"]))
        chars.append(int(frame["text"].str.len().sum()))
        table = pa.Table.from_pandas(frame.drop(columns="tokens"), preserve_index=False)
        tmp = file.with_suffix(".parquet.tmp")
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, file)
        del frame, table
    info = {
        "recipe": recipe,
        "partitions": count,
        "articles": int(sum(articles)),
        # each partition is at least its size: exact where this run made it
        "tokens_exact": int(sum(e if e is not None else partition_tokens for e in exact)),
        "chars": int(sum(chars)),
        "sha256": [_sha256(f) for f in files],
    }
    info_path.write_text(json.dumps(info, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return folder, info
