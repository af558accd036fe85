"""A frame a trained classifier labels (``model = "folder"`` in the frame dictionary): its
matches, every statistic, figure and command downstream, and every mistake in the entry.

The classifier learns an obvious rule from a hand-made coded set: a sentence about
"oorlog" or "conflict" is the frame (1), the same sentence about a market, a shop, a train
or the weather is not (0). The corpus (four articles, two outlets, two months)::

    a  NOS  2022-01-05  "De oorlog duurt voort. De EU kondigt sancties aan. Het weer is mooi."
    b  NOS  2022-02-10  "Nieuwe sancties volgen. De markt stijgt."
    c  NRC  2022-01-20  "Het conflict escaleert. Zij vrezen een oorlog."
    d  NRC  2022-02-15  "Geen nieuws vandaag."

Counted by hand: the model labels a/1, c/1 and c/2 (the sentences with oorlog or
conflict); the pattern sanctie* finds a/2 and b/1. Word tokens: a 13, b 6, c 7, d 3 (NOS
19, NRC 10; January 20, February 9).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.cli import main
from analysis.dictionaries import (
    MATCH_COLUMNS,
    FrameFileError,
    frames_audit,
    frames_cooccurrence,
    frames_count,
    frames_kwic,
    frames_load,
    frames_match,
    frames_pattern_warnings,
)
from analysis.learn import learn_classify, learn_fit, learn_load, learn_save
from analysis.sentiment import sentiment_corpus
from analysis.textplot import textplot_frames_bars, textplot_frames_heatmap, textplot_timeline
from analysis.timeline import timeline
from analysis.validation.dictionary import frames_validate

WORD = {"word": {"ngram_range": [1, 1]}}
TEXTS = {
    "a": "De oorlog duurt voort. De EU kondigt sancties aan. Het weer is mooi.",
    "b": "Nieuwe sancties volgen. De markt stijgt.",
    "c": "Het conflict escaleert. Zij vrezen een oorlog.",
    "d": "Geen nieuws vandaag.",
}
CONFLICT = '''[frames.conflict]
label = "Conflict"
definition = "Oorlog of conflict, zoals het model het leerde."
model = "{model}"{extra}
'''
SANCTIES = '''
[frames.sancties]
label = "Sancties"
definition = "Strafmaatregelen."
patterns = ["sanctie*"]
'''


#: The coded words: the frame (1) or not (0), and a topic.
WORDS = {"oorlog": (1, "conflict"), "conflict": (1, "conflict"), "markt": (0, "economie"),
         "winkel": (0, "economie"), "trein": (0, "other"), "weer": (0, "other")}


def coded_set() -> tuple[list[str], list[int], list[str]]:
    """36 coded sentences: six sentence frames, each with every word of :data:`WORDS`;
    its frame code and its topic."""
    texts, codes, topics = [], [], []
    for sentence in ("De {} gaat door", "Een {} in het oosten", "Het {} loopt op",
                     "Zij vrezen de {}", "Nieuw {} aan de grens", "Over het {} praten zij"):
        for word, (code, topic) in WORDS.items():
            texts.append(sentence.format(word))
            codes.append(code)
            topics.append(topic)
    return texts, codes, topics


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> Path:
    """A folder with ``conflict`` (0/1), ``yesno`` (no/yes) and ``topic`` (three labels)."""
    root = tmp_path_factory.mktemp("study") / "models"
    texts, codes, topics = coded_set()
    learn_save(learn_fit(texts, codes, features=WORD), root / "conflict")
    learn_save(learn_fit(texts, ["yes" if c else "no" for c in codes], features=WORD),
               root / "yesno")
    learn_save(learn_fit(texts, topics, features=WORD), root / "topic")
    return root


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(TEXTS), "outlet": ["NOS", "NOS", "NRC", "NRC"],
                         "date": ["2022-01-05", "2022-02-10", "2022-01-20", "2022-02-15"],
                         "text": list(TEXTS.values())})


def dictionary(folder: Path, model: str, *, extra: str = "", words: bool = True) -> Path:
    """A frame dictionary in ``folder``: ``conflict`` from the model, ``sancties`` from
    words."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "frames.toml"
    path.write_text(CONFLICT.format(model=model, extra=extra) + (SANCTIES if words else ""),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def book(models):
    return frames_load(dictionary(models.parent, "models/conflict"))


@pytest.fixture(scope="module")
def matches(corpus, book) -> pd.DataFrame:
    return frames_match(corpus, book)


# ------------------------------------------------------------------ the matches


def test_the_model_learnt_the_rule(models, corpus):
    labels = learn_classify(corpus, learn_load(models / "conflict"), level="sentence")
    assert labels[["doc_id", "sentence_id", "label"]].values.tolist() == [
        ["a", 1, 1], ["a", 2, 0], ["a", 3, 0], ["b", 1, 0], ["b", 2, 0], ["c", 1, 1],
        ["c", 2, 1], ["d", 1, 0]]


def test_match_rows_of_a_model_frame_beside_a_word_frame(matches):
    assert list(matches.columns) == MATCH_COLUMNS
    assert matches.astype({"doc_id": str, "outlet": str, "frame": str, "source": str}
                          ).values.tolist() == [
        ["a", "NOS", 1, "conflict", "model:models/conflict", "De oorlog duurt voort.", 0, 22,
         "model"],
        ["a", "NOS", 2, "sancties", "sanctie*", "sancties", 37, 45, "pattern"],
        ["b", "NOS", 1, "sancties", "sanctie*", "sancties", 7, 15, "pattern"],
        ["c", "NRC", 1, "conflict", "model:models/conflict", "Het conflict escaleert.", 0, 23,
         "model"],
        ["c", "NRC", 2, "conflict", "model:models/conflict", "Zij vrezen een oorlog.", 24, 46,
         "model"],
    ]
    for row in matches.itertuples():
        assert TEXTS[row.doc_id][row.start:row.end] == row.matched_text
    assert matches.attrs["frame_labels"] == {"conflict": "Conflict", "sancties": "Sancties"}
    assert matches["source"].cat.categories.tolist() == ["pattern", "query", "model"]


def test_frame_shares_per_outlet(matches, corpus):
    counts = frames_count(matches, corpus)
    assert counts[["outlet", "frame", "label", "hits", "words", "docs", "docs_with_frame",
                   "share_docs"]].values.tolist() == [
        ["NOS", "conflict", "Conflict", 1, 19, 2, 1, 0.5],
        ["NOS", "sancties", "Sancties", 2, 19, 2, 2, 1.0],
        ["NRC", "conflict", "Conflict", 2, 10, 2, 1, 0.5],
        ["NRC", "sancties", "Sancties", 0, 10, 2, 0, 0.0],
    ]
    assert counts["per_1000"].round(4).tolist() == [52.6316, 105.2632, 200.0, 0.0]


def test_per_period_and_timeline(matches, corpus):
    counts = frames_count(matches, corpus, period="month")
    assert counts[["period", "frame", "hits", "words", "docs", "docs_with_frame",
                   "share_docs"]].values.tolist() == [
        ["2022-01-01", "conflict", 3, 20, 2, 2, 1.0],
        ["2022-01-01", "sancties", 1, 20, 2, 1, 0.5],
        ["2022-02-01", "conflict", 0, 9, 2, 0, 0.0],
        ["2022-02-01", "sancties", 1, 9, 2, 1, 0.5],
    ]
    table = timeline(corpus, measures="frames", matches=matches, n_boot=200)
    assert table[["period", "measure", "value", "articles", "words"]].values.tolist() == [
        ["2022-01-01", "conflict", 150.0, 2, 20],
        ["2022-01-01", "sancties", 50.0, 2, 20],
        ["2022-02-01", "conflict", 0.0, 2, 9],
        ["2022-02-01", "sancties", 1000 / 9, 2, 9],
    ]
    assert table.attrs["frame_labels"]["conflict"] == "Conflict"


def test_figures_show_the_model_frame(matches, corpus):
    counts = frames_count(matches, corpus)
    heat = textplot_frames_heatmap(counts, value="share_docs")
    assert [t.get_text() for t in heat.axes[0].get_xticklabels()] == ["Conflict", "Sancties"]
    assert [t.get_text() for t in heat.axes[0].texts] == ["0,50", "1,00", "0,50", "0,00"]
    bars = textplot_frames_bars(counts, value="hits")
    assert [p.get_height() for p in bars.axes[0].patches] == [1.0, 2.0, 2.0, 0.0]
    line = textplot_timeline(timeline(corpus, measures="frames", matches=matches, n_boot=50))
    assert [ax.get_ylabel() for ax in line.axes] == ["Conflict", "Sancties"]
    assert line.axes[0].get_lines()[0].get_ydata().tolist() == [150.0, 0.0]
    for fig in (heat, bars, line):
        plt.close(fig)


def test_audit_kwic_and_cooccurrence_name_the_model(matches, corpus):
    audit = frames_audit(matches)
    assert audit.values.tolist() == [
        ["conflict", "de oorlog duurt voort.", "model:models/conflict", 1, 1, 1 / 3],
        ["conflict", "het conflict escaleert.", "model:models/conflict", 1, 1, 1 / 3],
        ["conflict", "zij vrezen een oorlog.", "model:models/conflict", 1, 1, 1 / 3],
        ["sancties", "sancties", "sanctie*", 2, 2, 1.0],
    ]
    kwic = frames_kwic(matches, corpus, window=2)
    assert kwic[["match", "right"]].values.tolist()[0] == ["De oorlog duurt voort.",
                                                         "De EU"]
    pairs = frames_cooccurrence(matches, level="document")
    both = pairs[(pairs.frame_a == "conflict") & (pairs.frame_b == "sancties")]
    assert both[["units_a", "units_b", "units_both"]].values.tolist() == [[2, 2, 1]]


def test_scored_against_sentence_codes(book, corpus):
    """The coder says c/2 is no conflict (a false positive of the model) and b/1 is (a
    false negative)."""
    codes = pd.DataFrame({"doc_id": ["a", "a", "b", "c", "c"],
                          "sentence_id": [1, 2, 1, 1, 2],
                          "conflict": ["1", "0", "1", "1", "0"],
                          "sancties": ["0", "1", "1", "0", "0"]})
    scores, errors = frames_validate(corpus, codes, book, unit="sentence", n_boot=0)
    assert scores[["frame", "tp", "fp", "fn", "tn"]].values.tolist() == [
        ["conflict", 2, 1, 1, 1], ["sancties", 2, 0, 0, 3]]
    assert errors[["doc_id", "sentence_id", "error", "pattern", "matched_text"]
                  ].values.tolist() == [
        ["b", 1, "false negative", "", ""],
        ["c", 2, "false positive", "model:models/conflict", "Zij vrezen een oorlog."]]


def test_article_level_is_one_match_per_article(models, corpus):
    book = frames_load(dictionary(models.parent / "article", "../models/conflict",
                                  extra='\nlevel = "article"'))
    found = frames_match(corpus, book)
    model = found[found["source"] == "model"]
    assert model[["doc_id", "sentence_id", "start", "end"]].astype({"doc_id": str}
                                                                 ).values.tolist() == [
        ["a", 0, 0, len(TEXTS["a"])], ["c", 0, 0, len(TEXTS["c"])]]
    assert model["matched_text"].tolist() == [TEXTS["a"], TEXTS["c"]]
    counts = frames_count(found, corpus)
    conflict = counts[counts["frame"] == "conflict"]
    assert conflict[["outlet", "hits", "docs_with_frame", "share_docs"]].values.tolist() == [
        ["NOS", 1, 1, 0.5], ["NRC", 1, 1, 0.5]]
    # the label is the article's, not a sentence's: no sentence holds it
    sentence_pairs = frames_cooccurrence(found)
    pair = sentence_pairs[(sentence_pairs.frame_a == "conflict")
                          & (sentence_pairs.frame_b == "sancties")]
    assert pair["units_both"].tolist() == [0]


def test_a_frame_with_a_model_and_patterns_counts_a_sentence_once(models, corpus):
    book = frames_load(dictionary(models.parent / "both", "../models/conflict",
                                  extra='\npatterns = ["oorlog", "sancties"]', words=False))
    found = frames_match(corpus, book)
    assert found[["doc_id", "sentence_id", "pattern", "matched_text"]].astype(
        {"doc_id": str}).values.tolist() == [
        ["a", 1, "model:../models/conflict", "De oorlog duurt voort."],
        ["a", 2, "sancties", "sancties"],
        ["b", 1, "sancties", "sancties"],
        ["c", 1, "model:../models/conflict", "Het conflict escaleert."],
        ["c", 2, "model:../models/conflict", "Zij vrezen een oorlog."],
    ]


def test_another_label_and_the_positive_label_of_yes_no(models, corpus):
    topic = frames_load(dictionary(models.parent / "topic", "../models/topic",
                                   extra='\nclass = "other"', words=False))
    found = frames_match(corpus, topic)
    assert topic.frames["conflict"].model.label == "other"
    assert found[["doc_id", "sentence_id", "matched_text"]].astype(
        {"doc_id": str}).values.tolist() == [["a", 3, "Het weer is mooi."]]
    yesno = frames_load(dictionary(models.parent / "yesno", "../models/yesno", words=False))
    assert yesno.frames["conflict"].model.label == "yes"
    assert frames_match(corpus, yesno)["sentence_id"].tolist() == [1, 1, 2]


def test_a_model_that_labels_nothing_is_named(models):
    book = frames_load(dictionary(models.parent / "quiet", "../models/conflict"))
    quiet = pd.DataFrame({"doc_id": ["x"], "outlet": ["NOS"], "text": ["De markt stijgt."]})
    found = frames_match(quiet, book)
    assert found.empty
    assert frames_pattern_warnings(book, found) == [
        "frame 'conflict': model '../models/conflict' matches nothing in the corpus.",
        "frame 'sancties': pattern 'sanctie*' matches nothing in the corpus."]
    audit = frames_audit(frames_match(quiet.assign(text=["Sancties."]), book), silent=True)
    assert audit[["frame", "form", "patterns", "hits"]].values.tolist() == [
        ["conflict", "(no match)", "model:../models/conflict", 0],
        ["sancties", "sancties", "sanctie*", 1]]


def test_the_tone_of_a_labelled_sentence_keeps_its_words(matches, corpus):
    """Excluding frame words from the lexicon leaves a sentence a model labelled whole."""
    plain = sentiment_corpus(corpus)
    excluded = sentiment_corpus(corpus, exclude=matches)
    model_rows = matches[matches["source"] == "model"]
    keys = set(zip(model_rows["doc_id"].astype(str), model_rows["sentence_id"], strict=True))
    mine = [(d, s) in keys for d, s in zip(plain["doc_id"].astype(str), plain["sentence_id"],
                                           strict=True)]
    assert excluded[mine]["words"].tolist() == plain[mine]["words"].tolist() == [
        "", "escaleren", ""]
    assert excluded[mine]["polarity"].tolist() == plain[mine]["polarity"].tolist()


def test_the_dictionary_travels_to_workers(book, corpus, matches):
    """The cluster sends the dictionary, model and all, to its workers."""
    again = pickle.loads(pickle.dumps(book))
    pd.testing.assert_frame_equal(frames_match(corpus, again), matches)


# ------------------------------------------------------------------ paths


def test_a_relative_path_is_read_from_the_dictionary_folder(models, corpus, matches, tmp_path,
                                                           monkeypatch):
    path = dictionary(models.parent / "dicts" / "nested", "../../models/conflict")
    monkeypatch.chdir(tmp_path)  # not the dictionary's folder
    book = frames_load(path)
    assert book.frames["conflict"].model.folder == (models / "conflict").resolve()
    assert book.frames["conflict"].model.path == "../../models/conflict"
    found = frames_match(corpus, book)
    assert found["pattern"].tolist()[0] == "model:../../models/conflict"
    assert found.drop(columns="pattern").equals(matches.drop(columns="pattern"))
    absolute = frames_load(dictionary(tmp_path / "abs", str(models / "conflict")))
    assert absolute.frames["conflict"].model.folder == (models / "conflict").resolve()


# ------------------------------------------------------------------ mistakes


def _error(path: Path) -> str:
    with pytest.raises(FrameFileError) as info:
        frames_load(path)
    return str(info.value)


def test_a_missing_model_folder(models, tmp_path):
    path = dictionary(tmp_path / "d", "models/nothing")
    assert _error(path) == (
        f"{path}, line 4: frame 'conflict': the model folder 'models/nothing' does not exist "
        f"({tmp_path / 'd' / 'models' / 'nothing'}). Train a classifier with `discourse "
        "classify-train CODES ... -o FOLDER`; a relative path is read from the dictionary "
        "file's folder.")


def test_a_changed_model_and_one_of_another_version(models, tmp_path):
    import shutil

    folder = tmp_path / "d" / "m"
    shutil.copytree(models / "conflict", folder)
    path = dictionary(tmp_path / "d", "m")
    data = bytearray((folder / "model.npz").read_bytes())
    (folder / "model.npz").write_bytes(bytes(data[:-1]) + bytes([data[-1] ^ 1]))
    assert _error(path) == (
        f"{path}, line 4: frame 'conflict': the model 'm' cannot be used: "
        f"{folder / 'model.npz'}: its SHA-256 does not match the one in model.json: the file "
        "was changed after training; train the model again.")
    (folder / "model.npz").write_bytes(bytes(data))
    meta = json.loads((folder / "model.json").read_text())
    (folder / "model.json").write_text(json.dumps({**meta, "format_version": 99}))
    assert _error(path).startswith(
        f"{path}, line 4: frame 'conflict': the model 'm' cannot be used: {folder}: a model "
        "of format version 99; this version reads version 1")
    (folder / "model.json").unlink()
    assert "not a classifier folder (it needs model.json and model.npz)" in _error(path)


def test_an_unknown_or_missing_class(models, tmp_path):
    path = dictionary(tmp_path / "d", str(models / "conflict"), extra='\nclass = "2"')
    assert _error(path) == (
        f"{path}, line 5: frame 'conflict': class '2' is not a label of the model "
        f"'{models / 'conflict'}'. Its labels are 0, 1: give one of them.")
    path = dictionary(tmp_path / "t", str(models / "topic"))
    assert _error(path) == (
        f"{path}, line 4: frame 'conflict': the model '{models / 'topic'}' has the labels "
        "conflict, economie, other: say which one is the frame. Add class = \"LABEL\" with "
        "one of them.")
    path = dictionary(tmp_path / "n", str(models / "conflict"), extra="\nclass = 1")
    assert frames_load(path).frames["conflict"].model.label == 1


def test_other_mistakes_in_a_model_entry(models, tmp_path):
    path = dictionary(tmp_path / "l", str(models / "conflict"), extra='\nlevel = "paragraph"')
    assert _error(path) == (f"{path}, line 5: frame 'conflict': level must be \"sentence\" "
                            "or \"article\", not 'paragraph'.")
    path = tmp_path / "c.toml"
    path.write_text(SANCTIES.replace('patterns', 'class = "1"\npatterns'), encoding="utf-8")
    assert _error(path) == (f"{path}, line 5: frame 'sancties': class is read only with "
                            "model = \"FOLDER\". Give the classifier's folder as model, or "
                            "delete the key.")
    path = dictionary(tmp_path / "e", "")
    assert _error(path) == (f"{path}, line 4: frame 'conflict': model must be the path of a "
                            "classifier folder in quotes. E.g. model = \"models/conflict\".")
    path = dictionary(tmp_path / "k", str(models / "conflict"), extra='\nclas = "1"')
    assert _error(path) == (f"{path}, line 5: frame 'conflict': unknown key 'clas'. "
                            "Did you mean 'class'?")


def test_the_commands_with_a_model_frame(models, corpus, tmp_path, capsys):
    data = tmp_path / "corpus.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in corpus.to_dict("records")),
                    encoding="utf-8")
    path = dictionary(tmp_path / "d", str(models / "conflict"))
    counts, rows = tmp_path / "counts.csv", tmp_path / "matches.csv"
    assert main(["frames", str(data), "--frames", str(path), "-o", str(counts),
                 "--matches", str(rows), "--audit"]) == 0
    table = pd.read_csv(counts)
    assert table[["outlet", "frame", "hits", "share_docs"]].values.tolist() == [
        ["NOS", "conflict", 1, 0.5], ["NOS", "sancties", 2, 1.0],
        ["NRC", "conflict", 2, 0.5], ["NRC", "sancties", 0, 0.0]]
    written = pd.read_csv(rows)
    assert written["source"].tolist() == ["model", "pattern", "pattern", "model", "model"]
    assert f"model:{models / 'conflict'}" in capsys.readouterr().out
    out = tmp_path / "timeline.csv"
    assert main(["timeline", str(data), "--frames", str(path), "--measures", "frames",
                 "--n-boot", "100", "-o", str(out)]) == 0
    assert pd.read_csv(out)[["period", "measure", "value"]].values.tolist()[:2] == [
        ["2022-01-01", "conflict", 150.0], ["2022-01-01", "sancties", 50.0]]
    capsys.readouterr()
    broken = dictionary(tmp_path / "b", "models/nothing")
    for argv in (["frames", str(data), "--frames", str(broken)],
                 ["timeline", str(data), "--frames", str(broken)],
                 ["sentiment", str(data), "--exclude-frames", "--frames", str(broken)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "the model folder 'models/nothing' does not exist" in err
