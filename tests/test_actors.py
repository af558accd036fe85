"""Actor dictionary, mentions and counts, on hand-made Dutch sentences and on the bundled
corpus. Every expected number below was counted by hand from the texts."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import corpus_load
from analysis.dictionaries import (
    DEFAULT_ACTORS_FILE,
    MENTION_COLUMNS,
    ActorFileError,
    actors_count,
    actors_init,
    actors_load,
    actors_match,
)
from analysis.paths import CORPUS_DIR

GOOD = """
[actors.poetin]
label = "Vladimir Poetin"
group = "Rusland"
role = "president"
kind = "person"
gender = "m"
aliases = ["Poetin", "Russische president"]

[actors.navo]
label = "NAVO"
label_en = "NATO"
group = "NAVO"
role = "bondgenootschap"
kind = "organisation"
aliases = ["NAVO"]
exclude = ["NAVO-museum"]
"""


def write(tmp_path, text):
    path = tmp_path / "actors.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_dictionary_covers_the_bundled_speakers():
    actors = actors_load()
    assert actors.path == str(DEFAULT_ACTORS_FILE)
    for actor in ("poetin", "lavrov", "rjabkov", "groesjko", "peskov", "blinken", "sherman",
                  "milley", "stoltenberg", "navo", "rusland", "vs", "eu", "oekraine",
                  "zelensky", "rutte", "de_croo", "ovse"):
        assert actor in actors.actors
    assert {"Rusland", "Verenigde Staten", "NAVO", "EU", "Oekraïne", "Nederland",
            "België"} <= set(actors.groups)
    assert all(a.kind in ("person", "organisation") for a in actors.actors.values())


def test_load_own_file(tmp_path):
    actors = actors_load(write(tmp_path, GOOD))
    assert actors.ids == ["poetin", "navo"]
    assert actors.actors["navo"].label_en == "NATO"
    assert actors.actors["poetin"].gender == "m"
    assert actors.groups == ["Rusland", "NAVO"]


@pytest.mark.parametrize("change, message", [
    (("role = \"president\"", "rol = \"president\""),
     r"actors.toml, line 5: actor 'poetin': unknown key 'rol'. Did you mean 'role'\?"),
    (("kind = \"person\"", "kind = \"persoon\""),
     r"line 6: actor 'poetin': kind must be one of person, organisation"),
    (("gender = \"m\"", "gender = \"x\""), r"line 7: actor 'poetin': gender must be"),
    (("aliases = [\"NAVO\"]", "aliases = [\"NAVO\", \"Poetin\"]"),
     r"actor 'navo': alias 'Poetin' is also an alias of 'poetin'"),
    (("aliases = [\"NAVO\"]", "aliases = [\"NAVO.\"]"), r"actor 'navo': pattern 'NAVO.'"),
    (("group = \"NAVO\"\n", ""), r"actor 'navo': the key 'group' is missing"),
    (("[actors.navo]", "[actors.Navo]"), r"actor 'Navo': an actor id must be lower-case"),
    (("aliases = [\"NAVO\"]", "aliases = []"), r"actor 'navo': aliases is empty"),
    (("aliases = [\"NAVO\"]", "aliases = [\"-\"]"), r"actor 'navo': pattern '-' in aliases "
     r"holds no letter or digit"),
    (("aliases = [\"NAVO\"]", "aliases = [\"\u2010\"]"), r"actor 'navo': pattern '\u2010' in "
     r"aliases holds no letter or digit"),
])
def test_mistakes_name_file_line_and_actor(tmp_path, change, message):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(ActorFileError, match=message):
        actors_load(path)


def test_missing_file_says_how_to_start_one(tmp_path):
    with pytest.raises(ActorFileError, match=r"no such file.*discourse actors --init"):
        actors_load(tmp_path / "nope.toml")


def test_a_folder_or_a_byte_order_mark(tmp_path):
    with pytest.raises(ActorFileError, match=r"is a folder, not a dictionary file"):
        actors_load(tmp_path)
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert actors_load(path).ids == ["poetin", "navo"]


def test_init_copies_and_never_overwrites(tmp_path):
    target = tmp_path / "mijn.toml"
    actors_init(target)
    assert target.read_bytes() == DEFAULT_ACTORS_FILE.read_bytes()
    with pytest.raises(FileExistsError):
        actors_init(target)


def test_match_longest_mention_wins_between_actors():
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": [
        "De secretaris-generaal van de NAVO sprak. Daarna sprak de NAVO-chef met Poetins "
        "woordvoerder in het Kremlin."]})
    m = actors_match(corpus)
    assert list(m.columns) == MENTION_COLUMNS
    assert m[["actor", "matched_text", "sentence_id"]].values.tolist() == [
        ["stoltenberg", "secretaris-generaal van de NAVO", 1],
        ["stoltenberg", "NAVO-chef", 2],
        ["rusland", "Kremlin", 2]]
    m = actors_match(corpus.assign(text=["De Russische president Poetin en Poetin."]))
    assert m[["alias", "matched_text"]].values.tolist() == [
        ["Russische president + Poetin", "Russische president Poetin"], ["Poetin", "Poetin"]]
    # "Poetins" is not the whole word "Poetin": aliases match as frame patterns do


def test_match_exclude_and_own_file(tmp_path):
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": [
        "De NAVO opende het NAVO-museum. De Russische president kwam niet."]})
    m = actors_match(corpus, write(tmp_path, GOOD))
    assert m[["actor", "group", "kind", "alias", "matched_text"]].values.tolist() == [
        ["navo", "NAVO", "organisation", "NAVO", "NAVO"],
        ["poetin", "Rusland", "person", "Russische president", "Russische president"]]


def test_count_hand_computed(tmp_path):
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["NOS", "NOS", "NRC"],
                           "text": ["Poetin en de NAVO.", "Geen namen hier.",
                                    "Poetin, Poetin en Poetin."]})
    mentions = actors_match(corpus, write(tmp_path, GOOD))
    t = actors_count(mentions, corpus)
    assert t.columns.tolist() == ["outlet", "actor", "label", "group", "mentions", "words",
                                  "per_1000", "docs", "docs_with_actor", "share_docs"]
    assert t[["outlet", "actor", "mentions", "words", "docs_with_actor", "share_docs"]
             ].values.tolist() == [["NOS", "poetin", 1, 7, 1, 0.5],
                                   ["NOS", "navo", 1, 7, 1, 0.5],
                                   ["NRC", "poetin", 3, 4, 1, 1.0],
                                   ["NRC", "navo", 0, 4, 0, 0.0]]
    assert t["per_1000"].round(3).tolist() == [142.857, 142.857, 750.0, 0.0]
    g = actors_count(mentions, corpus, by="doc_id", level="group")
    assert g[["doc_id", "group", "mentions"]].values.tolist() == [
        ["a", "Rusland", 1], ["a", "NAVO", 1], ["b", "Rusland", 0], ["b", "NAVO", 0],
        ["c", "Rusland", 3], ["c", "NAVO", 0]]


def test_bundled_corpus_mentions():
    corpus = corpus_load(CORPUS_DIR)
    m = actors_match(corpus)
    per_actor = m.groupby("actor", observed=True).size()
    # counted by hand in the five articles; a name with its title in apposition ("de
    # Russische president Poetin", "Kremlin-woordvoerder Dmitri Peskov") is one mention
    assert per_actor[["poetin", "sherman", "rjabkov", "stoltenberg", "lavrov", "peskov",
                      "groesjko", "milley"]].tolist() == [15, 8, 7, 4, 5, 2, 1, 1]
    merged = m[m["matched_text"] == "Kremlin-woordvoerder Dmitri Peskov"]
    assert merged["alias"].tolist() == ["Kremlin-woordvoerder + Dmitri Peskov"]
    groups = actors_count(m, corpus, level="group")
    nos = groups[(groups.outlet == "NOS") & (groups.group == "Rusland")]
    assert nos["docs_with_actor"].tolist() == [1]
