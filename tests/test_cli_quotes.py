"""``discourse actors``, ``discourse quotes`` and ``discourse quotes-validate``: on the
bundled corpus, on a CSV corpus of hand-written sentences, and with the mistakes users
make. Expected numbers are hand counts (see tests/test_actors.py, tests/test_quotes.py)."""

from __future__ import annotations

import pandas as pd

from analysis.cli import main
from analysis.dictionaries import DEFAULT_ACTORS_FILE, MENTION_COLUMNS
from analysis.paths import CORPUS_DIR
from analysis.quotes import CODED_BUNDLED_FILE, QUOTE_COLUMNS


def csv_corpus(tmp_path):
    path = tmp_path / "kranten.csv"
    pd.DataFrame({
        "id": ["k1", "k2", "k3"],
        "krant": ["Het Dagblad", "Het Dagblad", "De Avondpost"],
        "body": ["„We praten verder”, zei Lavrov. Volgens de NAVO gaat de opbouw door.",
                 "Poetin schreef het essay „Over de eenheid”. Hij zei dat Rusland niet "
                 "aanvalt.",
                 "Sherman: „De deur blijft open.” Het was zo'n dag, zeggen analisten. "
                 "Rjabkov zei: „Wij trekken ons niet terug"],
    }).to_csv(path, index=False)
    return path, ["--text-column", "body", "--id-column", "id", "--outlet-column", "krant"]


def test_actors_init_writes_the_default(tmp_path, capsys):
    target = tmp_path / "mijn.toml"
    assert main(["actors", "--init", str(target)]) == 0
    assert target.read_bytes() == DEFAULT_ACTORS_FILE.read_bytes()
    assert main(["actors", "--init", str(target)]) == 2
    assert "exists already" in capsys.readouterr().err


def test_actors_on_the_bundled_corpus(tmp_path):
    counts, mentions = tmp_path / "a.csv", tmp_path / "m.csv"
    assert main(["actors", str(CORPUS_DIR), "-o", str(counts), "--matches",
                 str(mentions)]) == 0
    table = pd.read_csv(counts)
    assert table.groupby("actor")["mentions"].sum()[["poetin", "stoltenberg"]].tolist() == \
        [15, 4]
    rows = pd.read_csv(mentions)
    assert list(rows.columns) == MENTION_COLUMNS
    groups = tmp_path / "g.csv"
    assert main(["actors", str(CORPUS_DIR), "--level", "group", "-o", str(groups)]) == 0
    assert set(pd.read_csv(groups).columns) >= {"outlet", "group", "mentions", "per_1000",
                                                "share_docs"}


def test_actors_with_an_edited_dictionary_and_by(tmp_path):
    path = tmp_path / "mijn.toml"
    main(["actors", "--init", str(path)])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('aliases = ["Poetin", "Vladimir Poetin", "Putin", '
                                 '"Russische president", "president Poetin"]',
                                 'aliases = ["Vladimir Poetin"]'), encoding="utf-8")
    out = tmp_path / "a.csv"
    assert main(["actors", str(CORPUS_DIR), "--actors", str(path), "--by", "country",
                 "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert table[table.actor == "poetin"][["country", "mentions"]].values.tolist() == [
        ["NL", 1], ["BE", 0]]


def test_actors_mistakes(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[actors.x]\nlabel = "X"\ngroup = "G"\nrole = "r"\nkind = "persoon"\n'
                   'aliases = ["X"]\n', encoding="utf-8")
    assert main(["actors", str(CORPUS_DIR), "--actors", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml, line 5: actor 'x': kind must be one of person, organisation" in err
    assert main(["actors"]) == 2
    assert "give a CORPUS" in capsys.readouterr().err
    assert main(["actors", str(CORPUS_DIR), "--by", "krant"]) == 2
    assert "the corpus has no column 'krant'" in capsys.readouterr().err


def test_quotes_on_a_csv_corpus(tmp_path, capsys):
    corpus, options = csv_corpus(tmp_path)
    out, shares = tmp_path / "q.csv", tmp_path / "s.csv"
    assert main(["quotes", str(corpus), *options, "-o", str(out), "--shares",
                 str(shares)]) == 0
    err = capsys.readouterr().err
    assert "article k3: a quotation mark opened at character" in err
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == QUOTE_COLUMNS
    assert table[["doc_id", "quote", "kind", "speaker_text", "actor", "resolved"]
                 ].values.tolist() == [
        ["k1", "We praten verder", "direct", "Lavrov", "lavrov", False],
        ["k1", "gaat de opbouw door", "indirect", "de NAVO", "navo", False],
        ["k2", "Rusland niet aanvalt", "indirect", "Hij", "poetin", True],
        ["k3", "De deur blijft open.", "direct", "Sherman", "sherman", False],
        ["k3", "Het was zo'n dag", "indirect", "analisten", "", False]]
    who = pd.read_csv(shares)
    dagblad = who[(who.outlet == "Het Dagblad") & (who.kind == "all")]
    assert dagblad.set_index("group")["quotes"][["Rusland", "NAVO"]].tolist() == [2, 1]


def test_quotes_with_own_word_lists(tmp_path):
    corpus, options = csv_corpus(tmp_path)
    cues = tmp_path / "cues.txt"
    cues.write_text("# alleen aldus\naldus\n", encoding="utf-8")
    out = tmp_path / "q.csv"
    assert main(["quotes", str(corpus), *options, "--cues", str(cues), "-o", str(out)]) == 0
    assert "gaat de opbouw door" not in set(pd.read_csv(out)["quote"])


def test_quotes_mistakes(tmp_path, capsys):
    corpus, options = csv_corpus(tmp_path)
    assert main(["quotes", str(corpus), *options, "--speech-verbs",
                 str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt: no such file" in capsys.readouterr().err
    assert main(["quotes", str(CORPUS_DIR), "-o", str(CORPUS_DIR / "q.csv")]) == 2
    assert not (CORPUS_DIR / "q.csv").exists()


def test_quotes_validate_the_bundled_coding(tmp_path, capsys):
    scores, pairs = tmp_path / "s.csv", tmp_path / "p.csv"
    assert main(["quotes-validate", str(CODED_BUNDLED_FILE), "-o", str(scores),
                 "--pairs", str(pairs)]) == 0
    out = capsys.readouterr().out
    assert "direct: coded 24, found 23, hits 23; precision 1.000, recall 0.958" in out
    table = pd.read_csv(scores).set_index("kind")
    assert table.loc["all", ["coded", "found", "hits", "attribution_correct"]].tolist() == \
        [56, 55, 55, 55]
    assert (pd.read_csv(pairs)["outcome"] == "missed").sum() == 1


def test_quotes_validate_a_users_sample(tmp_path, capsys):
    corpus, options = csv_corpus(tmp_path)
    coded = tmp_path / "coded.tsv"
    coded.write_text("doc_id\tkind\tquote\tspeaker\tactor\n"
                     "k1\tdirect\tWe praten verder\tLavrov\tlavrov\n"
                     "k1\tindirect\tgaat de opbouw door\tde NAVO\tnavo\n"
                     "k2\t\t\t\t\n", encoding="utf-8")
    assert main(["quotes-validate", str(coded), "--corpus", str(corpus), *options]) == 0
    out = capsys.readouterr().out
    # k2's "Hij zei dat ..." is found but was not coded: a false alarm
    assert "2 article(s), 2 coded quotations" in out
    assert "indirect: coded 1, found 2, hits 1; precision 0.500, recall 1.000" in out
    assert "false alarm" in out


def test_quotes_validate_mistakes(tmp_path, capsys):
    corpus, options = csv_corpus(tmp_path)
    coded = tmp_path / "coded.csv"
    coded.write_text("doc_id,kind,quote,speaker,actor\nk1,direct,We praten verder,Lavrov,"
                     "lavrof\n", encoding="utf-8")
    assert main(["quotes-validate", str(coded), "--corpus", str(corpus), *options]) == 2
    assert "coded.csv, line 2: actor 'lavrof' is not in the actor dictionary" in \
        capsys.readouterr().err
    coded.write_text("doc_id,kind,quote\nk9,direct,Nee\n", encoding="utf-8")
    assert main(["quotes-validate", str(coded), "--corpus", str(corpus), *options]) == 2
    assert "coded.csv, line 2: article 'k9' is not in the corpus" in capsys.readouterr().err
    coded.write_text("doc_id,kind\n", encoding="utf-8")
    assert main(["quotes-validate", str(coded)]) == 2
    assert "no rows to validate" in capsys.readouterr().err
    assert main(["quotes-validate", str(tmp_path / "nope.csv")]) == 2
    assert "nope.csv: no such file" in capsys.readouterr().err


def test_quotes_validate_an_empty_or_folder_sample(tmp_path, capsys):
    empty = tmp_path / "coded.csv"
    empty.write_bytes(b"")
    assert main(["quotes-validate", str(empty)]) == 2
    assert capsys.readouterr().err == (
        f"discourse quotes-validate: {empty}: is empty; write a header line naming the "
        "columns, and one row per coded item.\n")
    assert main(["quotes-validate", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"discourse quotes-validate: {tmp_path}: is a folder; give the CSV or TSV file "
        "of the coded sample.\n")


def test_quotes_reports_its_own_output_before_the_shares(tmp_path, capsys):
    """The quotations are the command's output: their line comes first, the who-speaks
    file's after it (it was the other way round)."""
    corpus, options = csv_corpus(tmp_path)
    out, shares = tmp_path / "q.csv", tmp_path / "s.csv"
    assert main(["quotes", str(corpus), *options, "-o", str(out), "--shares",
                 str(shares)]) == 0
    printed = capsys.readouterr()
    printed = printed.out + printed.err
    assert str(out) in printed and str(shares) in printed
    assert printed.index(str(out)) < printed.index(str(shares))
