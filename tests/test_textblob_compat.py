"""The in-memory repair of textblob-nl (analysis.textblob_compat).

The installed textblob-nl 0.0.1 is not edited: the test in a fresh interpreter shows that
its tagger still crashes without the repair, and works with it.
"""

from __future__ import annotations

import subprocess
import sys

from analysis.textblob_compat import Text, textblob_nl_fixed

_TAG = ("from textblob_nl import PatternTagger; "
        "print(PatternTagger().tag('Hij ging naar huis.'))")


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)


def test_unrepaired_tagger_crashes_in_a_fresh_interpreter():
    # PEP 479: the `raise StopIteration` in textblob_nl._text._read becomes a RuntimeError.
    result = _run(_TAG)
    assert result.returncode != 0
    assert "generator raised StopIteration" in result.stderr


def test_repaired_tagger_tags_in_a_fresh_interpreter():
    # Fails if textblob_nl_fixed stops repairing _read: the same call as above must work.
    result = _run("from analysis.textblob_compat import textblob_nl_fixed; "
                  "textblob_nl_fixed(); " + _TAG)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "[('Hij', 'PRP'), ('ging', 'VBD'), ('naar', 'IN'), ('huis', 'NN'), ('.', '.')]")


def test_parse_tree_and_split_exist_again():
    nl = textblob_nl_fixed()
    tree = nl.parsetree("Het is erg slecht.", lemmata=True)
    assert isinstance(tree, Text)
    words = tree.sentences[0].words
    assert [(w.string, w.pos, w.lemma) for w in words] == [
        ("Het", "PRP", "het"), ("is", "MD", "zijn"), ("erg", "JJ", "erg"),
        ("slecht", "JJ", "slecht"), (".", ".", ".")]
    assert nl.split is nl.tree


def test_pos_aware_scoring_through_the_parse_tree():
    # "naar" is the preposition here; only the string path (no tags) reads it as the
    # adjective "naar" (polarity -0.65 = mean of the lexicon's senses -0.6 and -0.7).
    nl = textblob_nl_fixed()
    assert tuple(nl.sentiment("Hij ging naar huis.")) == (-0.6499999999999999, 0.9)
    assert tuple(nl.sentiment(nl.parsetree("Hij ging naar huis.", lemmata=True))) == (0.0, 0.0)


def test_repair_is_applied_once():
    assert textblob_nl_fixed() is textblob_nl_fixed()


def test_the_pattern_part_loads_without_textblob_and_nltk():
    code = ("import sys; from analysis.textblob_compat import textblob_nl_fixed; "
            "nl = textblob_nl_fixed(); print(nl.tag('Hij ging.')[0], 'nltk' in sys.modules, "
            "'textblob' in sys.modules); "
            "from textblob_nl import PatternAnalyzer; import textblob_nl; "
            "print(textblob_nl.__version__, textblob_nl.nl is nl, "
            "PatternAnalyzer().analyze('Een goede dag.')[0] > 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"PYTHONPATH": ":".join(sys.path)})
    assert done.stdout.splitlines() == ["('Hij', 'PRP') False False", "0.0.1 True True"]
