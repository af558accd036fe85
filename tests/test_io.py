"""The one output guard, atomic write and file hash that every writer uses."""

from __future__ import annotations

import hashlib

import pytest

from analysis.io import (
    OutputInCorpusError,
    corpus_protect,
    file_sha256,
    output_check,
    write_atomic,
)
from analysis.paths import CORPUS_DIR


def test_the_bundled_corpus_is_always_refused():
    with pytest.raises(OutputInCorpusError) as caught:
        write_atomic(CORPUS_DIR / "frames.toml", b"x")
    assert str(caught.value) == (
        f"the output file {CORPUS_DIR / 'frames.toml'} lies inside the corpus folder "
        f"{CORPUS_DIR}; nothing may be written into the corpus. Choose another output file.")
    assert not (CORPUS_DIR / "frames.toml").exists()
    with pytest.raises(OutputInCorpusError, match="output folder .* lies inside"):
        output_check(CORPUS_DIR / "sub" / "deeper")


def test_a_named_corpus_folder_and_corpus_file_are_refused(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    table = tmp_path / "articles.csv"
    table.write_text("text\nHallo.\n", encoding="utf-8")
    assert output_check(tmp_path / "out.csv", folder, table) == tmp_path / "out.csv"
    with pytest.raises(OutputInCorpusError, match="lies inside the corpus folder"):
        output_check(folder / "out.csv", folder)
    with pytest.raises(OutputInCorpusError, match="is the corpus"):
        output_check(table, table)
    # A file corpus protects only itself: its folder may hold outputs.
    assert output_check(tmp_path / "counts.csv", table) == tmp_path / "counts.csv"


def test_a_protected_corpus_is_refused_by_every_write_within_the_block(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    with corpus_protect(folder, None):
        with pytest.raises(OutputInCorpusError):
            write_atomic(folder / "matches.csv", b"x")
        with pytest.raises(OutputInCorpusError):  # a link into the corpus resolves into it
            (tmp_path / "link").symlink_to(folder)
            write_atomic(tmp_path / "link" / "m.csv", b"x")
    assert list(folder.iterdir()) == []
    assert write_atomic(folder / "after.csv", b"x").read_bytes() == b"x"


def test_file_sha256_is_the_digest_of_the_bytes(tmp_path):
    data = b"NAVO-Rusland\n" * 200_000  # larger than one read chunk
    path = write_atomic(tmp_path / "a.txt", data)
    assert file_sha256(path) == hashlib.sha256(data).hexdigest()
    assert file_sha256(write_atomic(tmp_path / "abc", b"abc")) == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
