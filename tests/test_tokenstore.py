"""The token store: the sentences and tokens of a corpus kept on disk between processes.

Every test has a store of its own (a temporary folder) and stores corpora of any size
(``STORE_MIN_CHARS`` is 0), on a two-article corpus whose sentences and tokens are written
out by hand below.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.cli import main
from analysis.corpus import corpus_load
from analysis.paths import CORPUS_DIR
from analysis.text import abbreviations_load
from analysis.tokens import (
    TokenStoreWarning,
    size_text,
    tokens_cache_clear,
    tokens_corpus,
    tokens_sentences,
    tokenstore_entries,
    tokenstore_key,
    tokenstore_load,
    tokenstore_save,
    tokenstore_settings,
)
from analysis.tokens import corpus_tables as tokens_module
from analysis.tokens import sentences as sentences_module
from analysis.tokens import store as tokenstore

TEXTS = ["Dhr. Rjabkov sprak in Genève. De NAVO zweeg.", "Sancties? Ja, 127 duizend!"]
#: The sentences of TEXTS: doc_id, sentence_id, sentence.
SENTENCES = [["a", 1, "Dhr. Rjabkov sprak in Genève."], ["a", 2, "De NAVO zweeg."],
             ["b", 1, "Sancties?"], ["b", 2, "Ja, 127 duizend!"]]
#: Every token of TEXTS: doc_id, sentence_id, position, token, norm, kind, start, end.
TOKENS = [
    ["a", 1, 1, "Dhr.", "dhr.", "word", 0, 4], ["a", 1, 2, "Rjabkov", "rjabkov", "word", 5, 12],
    ["a", 1, 3, "sprak", "sprak", "word", 13, 18], ["a", 1, 4, "in", "in", "word", 19, 21],
    ["a", 1, 5, "Genève", "genève", "word", 22, 28], ["a", 1, 6, ".", ".", "punct", 28, 29],
    ["a", 2, 7, "De", "de", "word", 30, 32], ["a", 2, 8, "NAVO", "navo", "word", 33, 37],
    ["a", 2, 9, "zweeg", "zweeg", "word", 38, 43], ["a", 2, 10, ".", ".", "punct", 43, 44],
    ["b", 1, 1, "Sancties", "sancties", "word", 0, 8], ["b", 1, 2, "?", "?", "punct", 8, 9],
    ["b", 2, 3, "Ja", "ja", "word", 10, 12], ["b", 2, 4, ",", ",", "punct", 12, 13],
    ["b", 2, 5, "127 duizend", "127 duizend", "number", 14, 25],
    ["b", 2, 6, "!", "!", "punct", 25, 26],
]
TOKEN_COLUMNS = ["doc_id", "sentence_id", "position", "token", "norm", "kind", "start", "end"]


def corpus(texts=TEXTS, outlets=("NRC", "NOS")) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["a", "b"], "outlet": list(outlets), "text": list(texts)})


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    """A store of this test's own, for corpora of every size; returns its folder."""
    monkeypatch.setenv("DISCOURSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DISCOURSE_NO_CACHE", raising=False)
    monkeypatch.delenv("DISCOURSE_CACHE_MAX_GIB", raising=False)
    monkeypatch.setattr(tokens_module, "STORE_MIN_CHARS", 0)
    tokens_cache_clear()
    tokenstore.STATS.clear()
    yield tmp_path / "cache" / "tokens"
    tokens_cache_clear()


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def tokenizer_fails(monkeypatch) -> None:
    """Make tokenising raise: whatever is returned now comes from a store."""
    def fail(texts):
        raise AssertionError("the corpus was tokenised again")

    monkeypatch.setattr(tokens_module, "_doc_worker", fail)


def test_the_test_session_never_uses_the_users_cache():
    import platformdirs

    folder = tokenstore_settings().folder
    assert not folder.is_relative_to(Path(platformdirs.user_cache_dir("dutch-discourse")))


# --------------------------------------------------------------------------- hit and miss


def test_the_second_call_reads_the_store(store, monkeypatch):
    first = tokens_corpus(corpus(), remove_punct=False)
    assert first[TOKEN_COLUMNS].values.tolist() == TOKENS
    assert dict(tokenstore.STATS) == {"misses": 1, "writes": 1}
    (entry,) = entries(store)
    assert sorted(p.name for p in (store / entry).iterdir()) == [
        "manifest.json", "sentences.parquet", "tokens.parquet", "types.parquet"]

    tokens_cache_clear()  # a new process: nothing in memory
    tokenizer_fails(monkeypatch)
    again = tokens_corpus(corpus(), remove_punct=False)
    assert again[TOKEN_COLUMNS].values.tolist() == TOKENS
    assert tokens_sentences(corpus())[["doc_id", "sentence_id", "sentence"]].values.tolist() \
        == SENTENCES
    assert dict(tokenstore.STATS) == {"misses": 1, "writes": 1, "hits": 1}
    assert entries(store) == [entry]


def test_the_manifest_describes_the_corpus(store):
    tokens_corpus(corpus())
    (entry,) = entries(store)
    manifest = json.loads((store / entry / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["articles"], manifest["sentences"], manifest["tokens"]) == (2, 4, 16)
    assert manifest["version"] == analysis.__version__
    assert manifest["source"] is None  # a table made in memory, not loaded from a file
    assert manifest["files"]["tokens"]["rows"] == 16
    assert manifest["files"]["types"]["rows"] == 15  # "." twice, every other token once


@pytest.mark.parametrize("options", [
    {}, {"lowercase": False, "remove_punct": False}, {"remove_stopwords": True},
    {"stem": True, "remove_numbers": True}, {"stopwords": ["de", "ja"], "remove_stopwords": True},
])
@pytest.mark.parametrize("which", ["hand-made", "bundled"])
def test_tables_from_the_store_equal_tables_made_without_it(store, monkeypatch, options, which):
    data = corpus() if which == "hand-made" else corpus_load(CORPUS_DIR)
    monkeypatch.setenv("DISCOURSE_NO_CACHE", "1")
    expected_tokens = tokens_corpus(data, **options)
    expected_sentences = tokens_sentences(data)
    assert entries(store) == []
    tokens_cache_clear()
    monkeypatch.delenv("DISCOURSE_NO_CACHE")
    tokens_corpus(data)  # stores it
    tokens_cache_clear()
    tokenizer_fails(monkeypatch)
    pd.testing.assert_frame_equal(tokens_corpus(data, **options), expected_tokens)
    pd.testing.assert_frame_equal(tokens_sentences(data), expected_sentences)
    assert tokenstore.STATS["hits"] == 1


def test_a_changed_text_is_a_new_entry(store):
    tokens_corpus(corpus())
    tokens_cache_clear()
    changed = tokens_corpus(corpus(texts=[TEXTS[0], "Sancties? Nee, 127 duizend!"]))
    assert changed[changed["doc_id"] == "b"]["norm"].tolist() == ["sancties", "nee",
                                                                   "127 duizend"]
    assert dict(tokenstore.STATS) == {"misses": 2, "writes": 2}
    assert len(entries(store)) == 2


def test_other_metadata_with_the_same_texts_reads_the_same_entry(store, monkeypatch):
    # the sentences and tokens depend on the texts only; outlet and doc_id come from the
    # corpus given
    tokens_corpus(corpus())
    tokens_cache_clear()
    tokenizer_fails(monkeypatch)
    table = tokens_corpus(corpus(outlets=("Trouw", "Trouw")))
    assert table["outlet"].astype(str).tolist() == ["Trouw"] * 11
    assert tokenstore.STATS["hits"] == 1 and len(entries(store)) == 1


def test_changed_abbreviations_are_a_new_entry(store, monkeypatch):
    assert tokens_sentences(corpus())["sentence"].tolist()[:2] == [
        "Dhr. Rjabkov sprak in Genève.", "De NAVO zweeg."]
    tokens_cache_clear()
    fewer = abbreviations_load() - {"dhr"}
    monkeypatch.setattr(sentences_module, "_default_abbreviations", lambda: fewer)
    assert tokens_sentences(corpus())["sentence"].tolist()[:3] == [
        "Dhr.", "Rjabkov sprak in Genève.", "De NAVO zweeg."]
    assert dict(tokenstore.STATS) == {"misses": 2, "writes": 2}
    assert len(entries(store)) == 2


def test_stopwords_do_not_make_a_new_entry(store, monkeypatch):
    # the store holds every token before any option: other stopwords are the same entry
    tokens_corpus(corpus())
    tokens_cache_clear()
    tokenizer_fails(monkeypatch)
    table = tokens_corpus(corpus(), remove_stopwords=True, stopwords=["de", "in", "ja"])
    assert table["norm"].tolist() == ["dhr.", "rjabkov", "sprak", "genève", "navo", "zweeg",
                                      "sancties", "127 duizend"]
    assert tokenstore.STATS["hits"] == 1 and len(entries(store)) == 1


def test_another_toolkit_version_is_a_new_entry(store, monkeypatch):
    installed = analysis.__version__
    tokens_corpus(corpus())
    tokens_cache_clear()
    monkeypatch.setattr(analysis, "__version__", "99.0.0")
    tokens_corpus(corpus())
    assert dict(tokenstore.STATS) == {"misses": 2, "writes": 2}
    versions = sorted(json.loads((store / e / "manifest.json").read_text())["version"]
                      for e in entries(store))
    assert versions == sorted([installed, "99.0.0"])


def test_a_small_corpus_is_not_stored(store, monkeypatch):
    monkeypatch.setattr(tokens_module, "STORE_MIN_CHARS", sum(map(len, TEXTS)) + 1)
    tokens_corpus(corpus())
    assert entries(store) == [] and dict(tokenstore.STATS) == {}


def test_no_cache_reads_and_writes_nothing(store, monkeypatch):
    monkeypatch.setenv("DISCOURSE_NO_CACHE", "1")
    tokens_corpus(corpus())
    assert not store.exists()
    assert tokenstore_settings().folder is None


# --------------------------------------------------------------------------- damage


def test_a_truncated_file_is_found_removed_and_rebuilt(store):
    tokens_corpus(corpus())
    (entry,) = entries(store)
    path = store / entry / "tokens.parquet"
    size = path.stat().st_size
    path.write_bytes(path.read_bytes()[: size // 2])
    tokens_cache_clear()
    message = (f"the token store entry {store / entry} is damaged (tokens.parquet holds "
               f"{size // 2} bytes, not {size}); it was removed and the corpus is tokenised "
               "again.")
    with pytest.warns(TokenStoreWarning) as caught:
        table = tokens_corpus(corpus(), remove_punct=False)
    assert [str(w.message) for w in caught] == [message]
    assert table[TOKEN_COLUMNS].values.tolist() == TOKENS
    assert dict(tokenstore.STATS) == {"misses": 1, "damaged": 1, "writes": 2}
    assert entries(store) == [entry]  # made anew, and whole
    assert tokenstore_load(entry) is not None


def test_an_altered_file_of_the_same_size_is_found(store):
    tokens_corpus(corpus())
    (entry,) = entries(store)
    path = store / entry / "sentences.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    tokens_cache_clear()
    with pytest.warns(TokenStoreWarning, match="sentences.parquet does not match its checksum"):
        assert tokens_sentences(corpus())[["doc_id", "sentence_id", "sentence"]] \
            .values.tolist() == SENTENCES
    assert tokenstore.STATS["damaged"] == 1


def test_an_unreadable_manifest_is_found(store):
    tokens_corpus(corpus())
    (entry,) = entries(store)
    (store / entry / "manifest.json").write_text("{not json", encoding="utf-8")
    assert tokenstore_entries()["status"].tolist() == ["damaged"]
    tokens_cache_clear()
    with pytest.warns(TokenStoreWarning, match=r"its manifest cannot be read"):
        tokens_corpus(corpus())
    assert tokenstore_entries()["status"].tolist() == ["ok"]


# --------------------------------------------------------------------------- two writers


def _write_rounds(folder: str, barrier, rounds: int, results) -> None:
    """In a process of its own: store the same entries as the other process, at the same
    moment (each round starts when both are ready)."""
    os.environ["DISCOURSE_CACHE_DIR"] = folder
    from analysis.tokens import corpus_tables as module

    module.STORE_MIN_CHARS = 0
    data = corpus()
    raw = module._raw_tables(module._tokenise(list(data["text"]), progress=False))
    for n in range(rounds):
        barrier.wait()
        tokenstore_save(f"round{n:02d}", raw, meta={"round": n})
    barrier.wait()
    table = module.tokens_corpus(data, remove_punct=False)
    results.put(table[TOKEN_COLUMNS].values.tolist())


def test_two_processes_writing_the_same_entries_leave_one_valid_entry_each(tmp_path):
    folder = tmp_path / "cache"
    context = multiprocessing.get_context("spawn")
    barrier, results, rounds = context.Barrier(2), context.Queue(), 12
    workers = [context.Process(target=_write_rounds, args=(str(folder), barrier, rounds,
                                                           results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    tables = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0]
    assert tables == [TOKENS, TOKENS]
    store = folder / "tokens"
    names = entries(store)
    assert len(names) == rounds + 1  # one entry per round, and the corpus; no leftovers
    assert not [n for n in names if n.startswith(".")]
    settings = tokenstore.StoreSettings(store, 2**30)
    for name in names:
        assert tokenstore_load(name, settings=settings) is not None


def test_storing_an_entry_that_is_there_keeps_it(store):
    tables = tokens_module._raw_tables(tokens_module._tokenise(TEXTS, progress=False))
    first = tokenstore_save("same", tables)
    before = (first / "manifest.json").read_bytes()
    assert tokenstore_save("same", tables) == first
    assert entries(store) == ["same"] and (first / "manifest.json").read_bytes() == before
    assert tokenstore.STATS["writes"] == 1


# --------------------------------------------------------------------------- size


def test_the_least_recently_used_entries_go_first(store, monkeypatch):
    tables = tokens_module._raw_tables(tokens_module._tokenise(TEXTS, progress=False))
    for n, name in enumerate(["old", "used", "new"]):
        tokenstore_save(name, tables)
        os.utime(store / name / "manifest.json", (1_000_000 + n, 1_000_000 + n))
    assert tokenstore_load("old") is not None  # "old" is now the most recently used
    largest = tokenstore_entries()["bytes"].max()
    monkeypatch.setenv("DISCOURSE_CACHE_MAX_GIB", str(3.5 * largest / 2**30))  # three fit
    tokenstore_save("newest", tables)
    assert entries(store) == ["new", "newest", "old"]
    tokenstore_save("last", tables)
    assert entries(store) == ["last", "newest", "old"]


def test_an_entry_larger_than_the_limit_is_not_kept(store, monkeypatch):
    monkeypatch.setenv("DISCOURSE_CACHE_MAX_GIB", str(100 / 2**30))  # 100 bytes
    with pytest.warns(TokenStoreWarning, match=r"more than the token store may hold \(100 "
                      r"bytes\); they are not kept\. Raise DISCOURSE_CACHE_MAX_GIB"):
        table = tokens_corpus(corpus(), remove_punct=False)
    assert table[TOKEN_COLUMNS].values.tolist() == TOKENS
    assert entries(store) == []


def test_the_store_is_never_written_into_the_corpus(tmp_path, monkeypatch):
    folder = shutil.copytree(CORPUS_DIR, tmp_path / "mijn-corpus")
    before = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    monkeypatch.setenv("DISCOURSE_CACHE_DIR", str(folder / "cache"))
    monkeypatch.delenv("DISCOURSE_NO_CACHE", raising=False)
    monkeypatch.setattr(tokens_module, "STORE_MIN_CHARS", 0)
    monkeypatch.setattr(tokenstore, "_WARNED", set())
    tokens_cache_clear()
    with pytest.warns(TokenStoreWarning, match=r"the token store is not used: the output "
                      r"folder .*cache/tokens lies inside the corpus folder"):
        tokens_corpus(corpus_load(folder))
    tokens_cache_clear()
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == before


def test_a_size_limit_that_is_no_number_is_named(monkeypatch):
    monkeypatch.setattr(tokenstore, "_WARNED", set())
    monkeypatch.setenv("DISCOURSE_CACHE_MAX_GIB", "veel")
    with pytest.warns(TokenStoreWarning, match=r"DISCOURSE_CACHE_MAX_GIB='veel' is not a size "
                      r"in GiB \(such as 2.5\); the token store keeps at most 5 GiB\."):
        assert tokenstore_settings().max_bytes == 5 * 2**30


def test_keys_differ_by_every_part():
    base = {"texts": "a", "tokenizer": "b", "code": "c", "version": "0.1.0"}
    keys = {tokenstore_key(base)} | {tokenstore_key({**base, part: "x"}) for part in base}
    assert len(keys) == 5


# --------------------------------------------------------------------------- command line


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cache_info_and_clear(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(tokens_module, "STORE_MIN_CHARS", 0)
    monkeypatch.delenv("DISCOURSE_CACHE_MAX_GIB", raising=False)
    tokens_cache_clear()
    cache = tmp_path / "mijn-cache"
    store = cache / "tokens"
    code, out, _ = run(capsys, "cache", "info", "--cache-dir", str(cache))
    assert (code, out) == (0, f"Token store: {store}\nLimit: 5.0 GiB (DISCOURSE_CACHE_MAX_GIB); "
                              "the least recently used corpora are removed first.\n"
                              "Entries: none (the folder does not exist yet).\n")

    code, _, _ = run(capsys, "frequencies", str(CORPUS_DIR), "--cache-dir", str(cache),
                     "-o", str(tmp_path / "freq.csv"))
    assert code == 0
    (entry,) = entries(store)
    row = tokenstore_entries(settings=tokenstore.StoreSettings(store, 2**30)).iloc[0]
    every = len(tokens_corpus(corpus_load(CORPUS_DIR), remove_punct=False))
    assert (row["source"], row["articles"], row["tokens"]) == (str(CORPUS_DIR), 5, every)

    code, out, _ = run(capsys, "cache", "info", "--cache-dir", str(cache))
    lines = out.splitlines()
    assert code == 0 and lines[0] == f"Token store: {store}"
    assert lines[2].split() == ["entry", "source", "fingerprint", "articles", "tokens", "size",
                                "last", "used"]
    assert lines[3].split()[:5] == [entry, str(CORPUS_DIR), row["fingerprint"][:12], "5",
                                    f"{every:,}"]
    assert lines[4] == f"Total: 1 entry, {size_text(row['bytes'])} of 5.0 GiB."

    code, _, err = run(capsys, "cache", "clear", "zzz", "--cache-dir", str(cache))
    assert code == 2 and err == (f"discourse cache: no entry of the token store {store} starts "
                                 "with 'zzz'. 'discourse cache info' lists the entries; give "
                                 "one entry's name, or none to clear all.\n")
    code, out, _ = run(capsys, "cache", "clear", entry[:6], "--cache-dir", str(cache))
    assert (code, out) == (0, f"Removed 1 entry ({size_text(row['bytes'])}) from {store}.\n")
    assert entries(store) == []
    code, out, _ = run(capsys, "cache", "clear", "--cache-dir", str(cache))
    assert (code, out) == (0, f"The token store {store} is empty: nothing to remove.\n")
    tokens_cache_clear()


def test_no_cache_on_the_command_line_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(tokens_module, "STORE_MIN_CHARS", 0)
    tokens_cache_clear()
    cache = tmp_path / "mijn-cache"
    code, _, _ = run(capsys, "keyness", str(CORPUS_DIR), "--cache-dir", str(cache),
                     "--no-cache", "-o", str(tmp_path / "key.csv"))
    assert code == 0 and not cache.exists()
    assert "DISCOURSE_NO_CACHE" not in os.environ  # restored after the command
    tokens_cache_clear()


def test_a_damaged_entry_is_one_line_on_the_command_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(tokens_module, "STORE_MIN_CHARS", 0)
    tokens_cache_clear()
    cache = tmp_path / "mijn-cache"
    argv = ["frequencies", str(CORPUS_DIR), "--cache-dir", str(cache),
            "-o", str(tmp_path / "freq.csv")]
    assert run(capsys, *argv)[0] == 0
    (entry,) = entries(cache / "tokens")
    types = cache / "tokens" / entry / "types.parquet"
    size = types.stat().st_size
    types.write_bytes(b"")
    tokens_cache_clear()
    code, _, err = run(capsys, *argv)
    assert code == 0
    assert [line for line in err.splitlines() if "token store" in line] == [
        f"warning: the token store entry {cache / 'tokens' / entry} is damaged (types.parquet "
        f"holds 0 bytes, not {size}); it was removed and the corpus is tokenised again."]
    assert entries(cache / "tokens") == [entry]  # made anew
    tokens_cache_clear()


def test_the_command_line_options_reach_the_notebook_kernels_through_the_environment(
        tmp_path, monkeypatch):
    # discourse figures starts notebook kernels, which inherit the environment
    from argparse import Namespace

    from analysis.cli.common import cache_environment

    monkeypatch.setenv("DISCOURSE_CACHE_DIR", "/somewhere/else")
    monkeypatch.delenv("DISCOURSE_NO_CACHE", raising=False)
    with cache_environment(Namespace(cache_dir=str(tmp_path / "c"), no_cache=True)):
        assert os.environ["DISCOURSE_CACHE_DIR"] == str(tmp_path / "c")
        assert os.environ["DISCOURSE_NO_CACHE"] == "1"
        assert tokenstore_settings().folder is None
    assert os.environ["DISCOURSE_CACHE_DIR"] == "/somewhere/else"
    assert "DISCOURSE_NO_CACHE" not in os.environ
    with cache_environment(Namespace(cache_dir=str(tmp_path / "c"), no_cache=False)):
        assert tokenstore_settings().folder == tmp_path / "c" / "tokens"


def test_every_module_that_makes_tokens_is_part_of_the_key():
    """A change to the code of any module the tokens package takes its tokenising from
    makes a new key: those modules are in TOKENIZER_MODULES (the others its sentence and
    table modules import are the corpus, the store itself and helpers that do not decide a
    token or a sentence)."""
    import ast

    from analysis.tokens import corpus_tables, sentences

    helpers = {"analysis.corpus", "analysis.parallel", "analysis.paths", "analysis.tables",
               "analysis.tokens.store"}
    own = {"analysis.tokens.sentences", "analysis.tokens.corpus_tables"}
    imported = {node.module for module in (sentences, corpus_tables)
                for node in ast.walk(ast.parse(Path(module.__file__).read_text()))
                if isinstance(node, ast.ImportFrom) and node.module
                and node.module.startswith("analysis")}
    assert imported - helpers - own == {"analysis.text.words", "analysis.tokens.compiled",
                                        "analysis.tokens.punkt"}
    assert set(sentences.TOKENIZER_MODULES) == imported - helpers | own


@pytest.mark.parametrize("value", ["inf", "1e400", "nan", "-inf"])
def test_a_size_limit_that_is_not_finite_is_named(monkeypatch, value):
    monkeypatch.setattr(tokenstore, "_WARNED", set())
    monkeypatch.setenv("DISCOURSE_CACHE_MAX_GIB", value)
    with pytest.warns(TokenStoreWarning, match=rf"DISCOURSE_CACHE_MAX_GIB='{value}' is not a "
                      r"size in GiB"):
        assert tokenstore_settings().max_bytes == 5 * 2**30


def _rewrite(entry: Path, name: str, change) -> None:
    """Change a table of an entry with ``change(columns)`` and make its manifest match, so
    that only the values themselves can tell that the entry is wrong."""
    import hashlib

    import pyarrow.parquet as pq

    path = entry / f"{name}.parquet"
    table = pq.read_table(path)
    columns = {c: table.column(c).to_numpy(zero_copy_only=False) for c in table.column_names}
    columns = {c: v.copy() if hasattr(v, "copy") else v for c, v in columns.items()}
    change(columns)
    data, _ = tokenstore._parquet(columns)
    path.write_bytes(data)
    manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][name].update(bytes=len(data), sha256=hashlib.sha256(data).hexdigest())
    (entry / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize(("name", "column", "value"), [
    ("tokens", "code", 10_000), ("tokens", "code", -1), ("tokens", "doc", 7),
    ("tokens", "end", 10_000), ("tokens", "kind", 9), ("sentences", "doc", -3),
    ("sentences", "end", 10_000),
])
def test_an_entry_whose_values_are_out_of_range_is_removed_and_rebuilt(
        store, name, column, value):
    tokens_corpus(corpus())
    (entry,) = entries(store)

    def change(columns):
        columns[column][0] = value

    _rewrite(store / entry, name, change)
    tokens_cache_clear()
    with pytest.warns(TokenStoreWarning, match=rf"is damaged \({name}.parquet: {column} "):
        table = tokens_corpus(corpus(), remove_punct=False)
    assert table[TOKEN_COLUMNS].values.tolist() == TOKENS
    assert tokenstore.STATS["damaged"] == 1
    assert entries(store) == [entry]  # made anew
    tokens_cache_clear()
    assert tokens_corpus(corpus(), remove_punct=False)[TOKEN_COLUMNS].values.tolist() == TOKENS
