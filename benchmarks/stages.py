"""The stages the benchmark times, ours and the peers', each run in a fresh process.

Each stage has a ``setup`` (untimed: what a notebook would already hold, e.g. the loaded
corpus or its token table) and a ``run`` (timed). A stage whose function the toolkit does
not provide raises :class:`Unavailable`, and the table says "not available" with the reason.

Run one stage (this is what ``benchmarks.run`` does for every row)::

    python -m benchmarks.stages STAGE CORPUS.parquet RESULT.json [--tokens N] [--sample N]
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks import cluster as _cluster
from benchmarks import search as _search

__all__ = ["Stage", "STAGES", "Unavailable", "stage_run"]


class Unavailable(Exception):
    """The toolkit does not (yet) provide what this stage measures."""


@dataclass(frozen=True)
class Stage:
    name: str
    title: str
    run: Callable  # run(state) -> dict of extra figures (or None)
    setup: Callable | None = None  # setup(ctx) -> state; default: the loaded corpus
    peer_of: tuple[str, ...] = ()  # for a peer: the stages it is compared with
    sampled: bool = False  # a peer timed on a sample of sentences (see --sample)
    sizes: tuple[str, ...] = ()  # only at these sizes (labels); empty: every size
    note: str = ""
    check: Callable | None = None  # check(state, extra) -> extra, after the timed run
    default: bool = True  # run unless --stages names other stages
    store: bool = False  # whether the token store is on (off: every stage tokenises)


def _function(module: str, *names: str):
    """The first of ``names`` that ``module`` defines, else :class:`Unavailable`."""
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        raise Unavailable(f"{module} cannot be imported ({exc})") from None
    for name in names:
        if hasattr(mod, name):
            return getattr(mod, name)
    raise Unavailable(f"{module} has no {' / '.join(names)}")


# --------------------------------------------------------------------------- setups


def _corpus(ctx):
    return ctx["corpus"]()


def _tokens(ctx):
    from analysis.tokens import tokens_corpus

    corpus = ctx["corpus"]()
    return {"corpus": corpus, "tokens": tokens_corpus(corpus, progress=False)}


def _texts(ctx):
    return ctx["corpus"]()["text"].astype(str).tolist()


def _token_lists(ctx):
    """The counted forms of every article, as Python lists (what CountVectorizer takes)."""
    tokens = _tokens(ctx)["tokens"]
    norms = tokens["norm"].astype(str).to_numpy()
    codes = tokens["doc_id"].cat.codes.to_numpy()
    bounds = [0, *((codes[1:] != codes[:-1]).nonzero()[0] + 1).tolist(), len(codes)]
    return [norms[a:b].tolist() for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


# --------------------------------------------------------------------------- ours


def _load(ctx):
    from analysis.corpus import corpus_load

    corpus = corpus_load(ctx["path"])
    return {"articles": len(corpus)}


def _tokenise(corpus):
    from analysis.tokens import tokens_corpus

    return {"rows": len(tokens_corpus(corpus))}


def _tokens_twice(ctx):
    from analysis.tokens import tokens_corpus

    corpus = ctx["corpus"]()
    tokens_corpus(corpus, progress=False)
    return corpus


def _frequency(state):
    freq = _function("analysis.vocabulary", "textstat_frequency")
    return {"types": len(freq(state["tokens"]))}


def _counting(corpus):
    from analysis.tokens import tokens_corpus

    freq = _function("analysis.vocabulary", "textstat_frequency")
    return {"types": len(freq(tokens_corpus(corpus)))}


def _keyness(state):
    keyness = _function("analysis.vocabulary", "textstat_keyness")
    tokens = state["tokens"]
    target = tokens["outlet"].cat.categories[0]
    return {"target": str(target), "rows": len(_call_keyness(keyness, tokens, target))}


def _call_keyness(keyness, tokens, target):
    import inspect

    params = inspect.signature(keyness).parameters
    if "target" in params:
        return keyness(tokens, target=target)
    return keyness(tokens)


def _frames(state):
    match = _function("analysis.dictionaries", "frames_match")
    return {"matches": len(match(state["corpus"]))}


def _actors(state):
    match = _function("analysis.dictionaries", "actors_match")
    return {"mentions": len(match(state["corpus"]))}


def _quotes(state):
    find = _function("analysis.quotes", "quotes_find")
    return {"quotes": len(find(state["corpus"]))}


def _sentiment(state, method: str, exclude=None):
    corpus_scores = _function("analysis.sentiment", "sentiment_corpus")
    return {"sentences": len(corpus_scores(state["corpus"], method=method, exclude=exclude))}


def _lexicon(state):
    return _sentiment(state, "lexicon", state.get("matches"))


def _classifier(state):
    return _sentiment(state, "classifier")


def _lexicon_sentences(state):
    score = _function("analysis.sentiment", "sentiment_lexicon")
    return {"sentences": len(score(state["sentences"]))}


def _all_sentences(ctx):
    """Every sentence of the corpus, as strings (as a notebook holds them after
    ``tokens_sentences``)."""
    from analysis.tokens import tokens_sentences

    return {"sentences": tokens_sentences(ctx["corpus"](), progress=False)["sentence"]
            .astype(str).tolist(), "tokens": ctx["tokens"]}


class Partial(Exception):
    """Some steps of the stage could not run; ``extra`` holds what the rest measured."""

    def __init__(self, message: str, extra: dict):
        super().__init__(message)
        self.extra = extra


def _frames_kept(state):
    """Frame matches, kept for the lexicon to leave out (as the framing notebook does)."""
    match = _function("analysis.dictionaries", "frames_match")
    state["matches"] = match(state["corpus"])
    return {}


def _pipeline(corpus, *, exclude: bool = True):
    from analysis.tokens import tokens_corpus

    tokens = tokens_corpus(corpus)
    state = {"corpus": corpus, "tokens": tokens}
    steps = {"frequencies": _frequency, "keyness": _keyness,
             "frames": _frames_kept if exclude else _frames,
             "sentiment-lexicon": _lexicon, "sentiment-classifier": _classifier}
    missing, seconds = [], {}
    for name, step in steps.items():
        start = time.perf_counter()
        try:
            step(state)
            seconds[name] = round(time.perf_counter() - start, 3)
        except Unavailable as exc:
            missing.append(f"{name}: {exc}")
    if missing:
        raise Partial("without " + "; ".join(missing), {"step_seconds": seconds})
    return {"step_seconds": seconds}


def _figures(ctx):
    import subprocess

    out = tempfile.mkdtemp(prefix="discourse-bench-figures-")
    command = [str(Path(sys.executable).with_name("discourse")), "figures", "--corpus",
               str(ctx["path"]), "--out", out]
    done = subprocess.run(command, capture_output=True, text=True)
    sys.stderr.write(done.stderr)
    if done.returncode != 0:
        raise RuntimeError(f"discourse figures failed ({done.returncode}): "
                           f"{done.stderr.strip()[-2000:]}")
    return {"files": len(list(Path(out).iterdir())), "out": out}


# --------------------------------------------------------------------------- command line

#: The analyses timed on the command line (first run and stored run), by name: the
#: arguments after ``discourse`` (CORPUS and OUT are filled in).
CLI_COMMANDS = {
    "frequencies": ["frequencies", "{corpus}", "-o", "{out}/frequencies.csv"],
    "keyness": ["keyness", "{corpus}", "-o", "{out}/keyness.csv"],
    "collocations": ["collocations", "{corpus}", "-o", "{out}/collocations.csv"],
    "kwic": ["kwic", "{corpus}", "sancties", "-o", "{out}/kwic.csv"],
    "frames": ["frames", "{corpus}", "-o", "{out}/frames.csv"],
    "sentiment": ["sentiment", "{corpus}", "-o", "{out}/sentiment.csv"],
    "timeline": ["timeline", "{corpus}", "--measures", "frames,tone_lexicon", "-o",
                 "{out}/timeline.csv"],
    "actors": ["actors", "{corpus}", "-o", "{out}/actors.csv"],
    "quotes": ["quotes", "{corpus}", "-o", "{out}/quotes.csv"],
}


def _cli_run(name: str, corpus: Path, cache: Path, out: Path) -> dict:
    """One ``discourse`` command in a fresh process (``benchmarks.cli_probe``), with the
    token store in ``cache``: its wall time, seen from outside (interpreter start and
    imports included, as a user waits for it), and the part spent on sentences and tokens."""
    import subprocess

    result = out / f"{name}.json"
    argv = [a.format(corpus=corpus, out=out) for a in CLI_COMMANDS[name]]
    env = dict(os.environ, DISCOURSE_CACHE_DIR=str(cache), TQDM_DISABLE="1")
    env.pop("DISCOURSE_NO_CACHE", None)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "benchmarks.cli_probe", str(result), *argv],
                          capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"discourse {name} failed ({done.returncode}): "
                           f"{done.stderr.strip()[-2000:]}")
    probe = json.loads(result.read_text(encoding="utf-8"))
    return {"seconds": round(seconds, 3), "tokens_seconds": round(probe["tokens_seconds"], 3),
            "tokens_share": round(probe["tokens_seconds"] / seconds, 4),
            "cpu_seconds": round(probe["cpu_seconds"], 3),
            "tokens_cpu_seconds": round(probe["tokens_cpu_seconds"], 3),
            "tokens_cpu_share": round(probe["tokens_cpu_seconds"] / probe["cpu_seconds"], 4),
            "store": probe["store"]}


def _cli_first(ctx):
    """Every command with an empty token store of its own: each tokenises (and stores)."""
    folder = Path(tempfile.mkdtemp(prefix="discourse-bench-cli-"))
    commands = {}
    for name in CLI_COMMANDS:
        cache = folder / f"cache-{name}"
        commands[name] = _cli_run(name, ctx["path"], cache, folder)
        shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    return {"commands": commands}


def _cli_store_filled(ctx):
    """A token store holding the corpus (made by one command, not timed)."""
    folder = Path(tempfile.mkdtemp(prefix="discourse-bench-cli-"))
    _cli_run("frequencies", ctx["path"], folder / "cache", folder)
    return {"path": ctx["path"], "folder": folder}


def _cli_stored(state):
    """Every command again, each reading the corpus's tokens from the store."""
    folder = state["folder"]
    commands = {name: _cli_run(name, state["path"], folder / "cache", folder)
                for name in CLI_COMMANDS}
    shutil.rmtree(folder, ignore_errors=True)
    return {"commands": commands}


# --------------------------------------------------------------------------- peers


def _count_vectorizer_texts(texts):
    from sklearn.feature_extraction.text import CountVectorizer

    matrix = CountVectorizer(lowercase=True).fit_transform(texts)
    counts = matrix.sum(axis=0)
    return {"types": int(counts.shape[1])}


def _count_vectorizer_tokens(lists):
    from sklearn.feature_extraction.text import CountVectorizer

    matrix = CountVectorizer(analyzer=_identity).fit_transform(lists)
    counts = matrix.sum(axis=0)
    return {"types": int(counts.shape[1])}


def _identity(doc):
    return doc


def _sentence_sample(ctx):
    """Distinct sentences of the corpus, in order of appearance, up to ``--sample`` tokens
    (distinct, so that no scorer gains from scoring a repeated sentence once)."""
    from analysis.text import tokens_count_words
    from analysis.tokens import tokens_sentences

    limit = ctx["sample"]
    seen, sentences, n = set(), [], 0
    corpus = ctx["corpus"]()
    for start in range(0, len(corpus), 50):
        part = tokens_sentences(corpus.iloc[start:start + 50], progress=False)
        for sentence in part["sentence"].astype(str):
            if sentence in seen:
                continue
            seen.add(sentence)
            sentences.append(sentence)
            n += tokens_count_words(sentence)
            if n >= limit:
                return {"sentences": sentences, "tokens": n}
    return {"sentences": sentences, "tokens": n}


def _textblob_nl(state):
    """The textblob-nl reference (timed), then ours on the same sentences (not timed), to
    count the sentences whose scores differ."""
    reference = _function("analysis.sentiment", "sentiment_lexicon_reference")
    theirs = reference(state["sentences"])
    return {"sentences": len(theirs), "reference": theirs}


def _compare(state, extra):
    ours = _function("analysis.sentiment", "sentiment_lexicon")(state["sentences"])
    theirs = extra.pop("reference")
    columns = ["polarity", "subjectivity", "label", "words"]
    same = (ours[columns].reset_index(drop=True) == theirs[columns].reset_index(drop=True))
    identical = int(same.all(axis=1).sum())
    extra["identical_scores"] = f"{identical}/{len(theirs)}"
    return extra


#: Articles the command-line lexicon stage scores (real-sized: 300 to 1,200 tokens each).
CLI_LEXICON_ARTICLES = 150


def _cli_lexicon_setup(ctx):
    """The first :data:`CLI_LEXICON_ARTICLES` articles of the corpus as a Parquet file, and
    their sentences (for textblob-nl)."""
    from analysis.tokens import tokens_count_words, tokens_sentences

    corpus = ctx["corpus"]().iloc[:CLI_LEXICON_ARTICLES].reset_index(drop=True)
    folder = Path(tempfile.mkdtemp(prefix="discourse-bench-cli-lexicon-"))
    path = folder / "articles.parquet"
    columns = [c for c in ("doc_id", "outlet", "date", "title", "text") if c in corpus]
    corpus[columns].astype(str).to_parquet(path, index=False)
    sentences = tokens_sentences(corpus, progress=False)["sentence"].astype(str).tolist()
    return {"path": path, "folder": folder, "sentences": sentences,
            "tokens": sum(tokens_count_words(t) for t in corpus["text"].astype(str))}


def _cli_lexicon(state):
    """``discourse sentiment`` (the lexicon, every sentence) in a fresh process, with the
    token store off: interpreter start, imports, loading, tokenising, tagging, scoring and
    writing the table, as a user waits for them."""
    import subprocess

    out = state["folder"] / "sentiment.csv"
    env = dict(os.environ, DISCOURSE_NO_CACHE="1", TQDM_DISABLE="1")
    command = "import sys; from analysis.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", command, "sentiment",
                           str(state["path"]), "-o", str(out)],
                          capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"discourse sentiment failed ({done.returncode}): "
                           f"{done.stderr.strip()[-2000:]}")
    state["out"] = out
    return {"sentences": len(state["sentences"])}


def _cli_lexicon_compare(state, extra):
    """Whether the command's scores are textblob-nl's, sentence for sentence (both score the
    sentences of tokens_sentences), as the table writes them (10 significant digits)."""
    import numpy as np
    import pandas as pd

    from analysis.io import float_text

    ours = pd.read_csv(state["out"], keep_default_na=False, dtype=str)
    theirs = _function("analysis.sentiment", "sentiment_lexicon_reference")(state["sentences"])
    same = np.ones(len(theirs), dtype=bool) if len(ours) == len(theirs) else \
        np.zeros(len(theirs), dtype=bool)
    for column in ("polarity", "subjectivity"):
        if same.any():
            written = [float_text(v) for v in theirs[column]]
            same &= ours[column].to_numpy() == np.asarray(written, dtype=object)
    extra["identical_scores"] = f"{int(same.sum())}/{len(theirs)}"
    shutil.rmtree(state["folder"], ignore_errors=True)
    return extra


def _cli_lexicon_peer(state):
    """textblob-nl's own tagger and analyser on the same sentences (in-process, imports not
    timed)."""
    reference = _function("analysis.sentiment", "sentiment_lexicon_reference")
    shutil.rmtree(state["folder"], ignore_errors=True)
    return {"sentences": len(reference(state["sentences"]))}


def _duplicates(corpus, near: float):
    pairs = _function("analysis.corpus.dedupe", "duplicates_pairs")(corpus, near=near)
    return {"pairs": len(pairs)}


TOPICS_K = 20


def _topics_setup(ctx):
    """The token table (as a notebook holds it) and the model's documents."""
    state = _tokens(ctx)
    dtm = _function("analysis.topics", "topics_dtm")(state["corpus"])
    return {**state, "dtm": dtm}


def _topics(state):
    from analysis.topics import topics_dtm, topics_fit, topics_quality

    dtm = topics_dtm(state["corpus"])  # from the cached token table, lemmas
    model = topics_fit(dtm, TOPICS_K, seed=1)
    quality = topics_quality(model, dtm)
    return {"k": TOPICS_K, "terms": len(dtm.vocab), "iterations": model.settings["iterations"],
            "mean_npmi_top10": round(float(quality["coherence"].mean()), 4)}


def _topics_peer(state):
    """scikit-learn's LatentDirichletAllocation (batch variational Bayes, its defaults) on the
    same documents, K = 20, one job; its topics scored with the same NPMI."""
    import numpy as np
    from scipy import sparse
    from sklearn.decomposition import LatentDirichletAllocation

    from analysis.topics import topics_npmi

    dtm = state["dtm"]
    rows = np.repeat(np.arange(len(dtm.docs)), [len(d) for d in dtm.docs])
    cols = np.concatenate(dtm.docs)
    counts = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)),
                               shape=(len(dtm.docs), len(dtm.vocab)))
    lda = LatentDirichletAllocation(n_components=TOPICS_K, random_state=1, n_jobs=1)
    lda.fit(counts)
    top = [np.argsort(-row, kind="stable")[:10].tolist() for row in lda.components_]
    return {"k": TOPICS_K, "mean_npmi_top10": round(float(np.mean(topics_npmi(top, dtm.docs))), 4)}


STAGES: dict[str, Stage] = {s.name: s for s in [
    Stage("load", "corpus laden (Parquet)", _load, setup=lambda ctx: ctx),
    Stage("tokens", "tokens", _tokenise),
    Stage("tokens-repeat", "tokens, herhaald in dezelfde kernel", _tokenise,
          setup=_tokens_twice, note="second call in the same process: served from the cache"),
    Stage("frequencies", "frequenties (uit tokentabel)", _frequency, setup=_tokens),
    Stage("frequencies-peer", "CountVectorizer op dezelfde tokens", _count_vectorizer_tokens,
          setup=_token_lists, peer_of=("frequencies",)),
    Stage("counting", "tellen: tekst -> frequenties", _counting,
          note="tokens_corpus + textstat_frequency from the raw texts, no cache"),
    Stage("counting-peer", "CountVectorizer op de teksten", _count_vectorizer_texts,
          setup=_texts, peer_of=("counting",)),
    Stage("keyness", "keyness", _keyness, setup=_tokens),
    Stage("frames", "frames", _frames, setup=_tokens),
    Stage("actors", "actoren", _actors, setup=_tokens,
          note="actors_match: every mention of the shipped actor dictionary"),
    Stage("quotes", "citaten", _quotes, setup=_tokens,
          note="quotes_find: actor mentions, quotation marks, speech verbs and speakers"),
    Stage("sentiment-lexicon", "lexicon-sentiment, alle zinnen", _lexicon_sentences,
          setup=_all_sentences,
          note="sentiment_lexicon on every sentence of the corpus (sentence strings given)"),
    Stage("sentiment-lexicon-distinct", "lexicon-sentiment, steekproef", _lexicon_sentences,
          setup=_sentence_sample, sampled=True,
          note="sentiment_lexicon on the distinct sentences of the sample (see --sample)"),
    Stage("sentiment-lexicon-peer", "textblob-nl referentie", _textblob_nl,
          setup=_sentence_sample, sampled=True, check=_compare,
          peer_of=("sentiment-lexicon", "sentiment-lexicon-distinct")),
    Stage("sentiment-lexicon-corpus", "lexicon-sentiment, heel corpus", _lexicon,
          setup=_tokens, note="sentiment_corpus(method='lexicon') from a tokenised corpus"),
    Stage("sentiment-classifier", "classifier-sentiment, heel corpus", _classifier,
          setup=_tokens,
          note="sentiment_corpus(method='classifier') from a tokenised corpus"),
    Stage("cli-lexicon", "opdrachtregel: lexicon-sentiment, 150 artikelen", _cli_lexicon,
          setup=_cli_lexicon_setup, sampled=True, check=_cli_lexicon_compare, sizes=("1M",),
          note="discourse sentiment on 150 articles in a fresh process, token store off"),
    Stage("cli-lexicon-peer", "textblob-nl op dezelfde 150 artikelen", _cli_lexicon_peer,
          setup=_cli_lexicon_setup, sampled=True, sizes=("1M",), peer_of=("cli-lexicon",)),
    Stage("duplicates", "dubbele artikelen (exact)", lambda corpus: _duplicates(corpus, 1.0),
          note="duplicates_pairs: exact copies after Unicode, case and whitespace folding"),
    Stage("duplicates-near", "bijna-kopieen (MinHash, 0.9)",
          lambda corpus: _duplicates(corpus, 0.9),
          note="duplicates_pairs(near=0.9): MinHash LSH candidates, exact Jaccard for each"),
    Stage("pipeline", "hele pijplijn", _pipeline,
          note="tokens, frequencies, keyness, frames, both sentiment measures; no cache"),
    Stage("pipeline-no-exclude", "hele pijplijn, lexicon zonder frame-uitsluiting",
          lambda corpus: _pipeline(corpus, exclude=False), default=False,
          note="as pipeline, but the lexicon does not leave out the frame matches"),
    Stage("search", "zoekvragen: 20 queries", _search.search_run, setup=_search.search_setup,
          check=_search.search_compare,
          note="query_search: 20 named queries (boolean, proximity, phrases, fields, lemmas) "
          "in one pass over the stored tokens; same_articles: queries whose articles the "
          "peer finds too"),
    Stage("search-peer", "dezelfde zoekvragen met re per artikel", _search.search_peer,
          setup=lambda ctx: {"corpus": ctx["corpus"]()}, peer_of=("search",),
          note="each query's tree evaluated on every article's words with Python's re"),
    Stage("topics", "topics (LDA, K = 20)", _topics, setup=_tokens,
          note="topics_dtm (lemmas, stopwords and rare terms out) + topics_fit (tomotopy, "
          "500 sweeps, one worker) + topics_quality, from the token table"),
    Stage("topics-peer", "scikit-learn LDA, K = 20", _topics_peer, setup=_topics_setup,
          peer_of=("topics",),
          note="LatentDirichletAllocation on the same documents (their counts), defaults"),
    Stage("figures", "discourse figures", _figures, setup=lambda ctx: ctx, sizes=("1M",)),
    Stage("cli-first", "opdrachtregel, eerste keer", _cli_first, setup=lambda ctx: ctx,
          sizes=("1M",), store=True,
          note="every discourse analysis command in a fresh process, token store empty"),
    Stage("cli-stored", "opdrachtregel, corpus opgeslagen", _cli_stored,
          setup=_cli_store_filled, sizes=("1M",), store=True,
          note="every discourse analysis command in a fresh process, tokens in the store"),
    Stage("cluster-pipeline", "LocalCluster: frequenties, keyness, frames",
          _cluster.cluster_run, setup=_cluster.pipeline_setup, default=False,
          note="the corpus in partitions of ~1M tokens on a LocalCluster (one worker per "
          "core, 2 GiB each): counts summed, statistics on the client"),
    Stage("cluster-inprocess", "in-process: laden, frequenties, keyness, frames",
          _cluster.inprocess_run, setup=_cluster.inprocess_setup, default=False,
          peer_of=("cluster-pipeline",),
          note="corpus_load, tokens_corpus, textstat_frequency, textstat_keyness, "
          "frames_count(frames_match) in one process"),
    Stage("cluster-50m", "LocalCluster: 50M tokens, 2 GiB per worker", _cluster.cluster_run,
          setup=_cluster.large_setup, default=False, sampled=True, sizes=("10M",),
          note="the partitioned synthetic dataset of 50M tokens (its own corpus, run with the "
          "10M size); worker_peak_mib is each worker's peak"),
    Stage("cluster-store", "LocalCluster: frequenties, tweede keer uit de tokenopslag",
          _cluster.store_run, setup=_cluster.store_setup, check=_cluster.store_check,
          default=False, store=True,
          note=f"the frequency table of the corpus in {_cluster.STORE_PARTS} partitions, first "
          "with an empty token store, then from it; extra: both runs' seconds"),
]}


# --------------------------------------------------------------------------- one stage

WARM_IMPORTS = ("analysis.corpus", "analysis.tokens.corpus_tables",
                "analysis.vocabulary.frequency", "analysis.vocabulary.keyness",
                "analysis.vocabulary.collocations", "analysis.dictionaries.matcher",
                "analysis.dictionaries.frames_stats", "analysis.dictionaries.actors",
                "analysis.query.evaluate", "lark", "simplemma",
                "analysis.quotes", "analysis.sentiment", "analysis.textblob_compat",
                "sklearn.feature_extraction.text", "textblob_nl")


def _cpu_seconds() -> float:
    """CPU seconds of this process, its reaped children, and every live descendant with
    the children it reaped (worker pools are started by a forkserver process that lives
    on, and reaps the workers itself)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    try:
        import psutil
    except ImportError:
        return total
    for proc in psutil.Process().children(recursive=True):
        try:
            t = proc.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
        except psutil.Error:
            pass
    return total


def stage_run(name: str, path: str | Path, *, tokens: int, sample: int) -> dict:
    """Set up and time one stage in this process; returns what the result file holds."""
    stage = STAGES[name]
    cache: dict = {}
    if not stage.store:  # every stage tokenises, as its "no cache" promises
        os.environ["DISCOURSE_NO_CACHE"] = "1"

    def corpus():
        if "corpus" not in cache:
            from analysis.corpus import corpus_load

            cache["corpus"] = corpus_load(path)
        return cache["corpus"]

    ctx = {"path": Path(path), "corpus": corpus, "tokens": tokens, "sample": sample}
    result = {"stage": name, "status": "ok", "tokens": tokens}
    for module in WARM_IMPORTS:  # imports are not part of the work timed
        try:
            importlib.import_module(module)
        except ImportError:
            pass
    try:
        state = (stage.setup or _corpus)(ctx)
        if stage.sampled:
            result["tokens"] = state["tokens"]
        cpu0, wall0 = _cpu_seconds(), time.perf_counter()
        try:
            extra = stage.run(state) or {}
        except Partial as exc:
            extra = exc.extra
            result.update(status="partial", reason=str(exc))
        result["seconds"] = time.perf_counter() - wall0
        result["cpu_seconds"] = _cpu_seconds() - cpu0
        if stage.check is not None:
            extra = stage.check(state, extra)
        result["extra"] = {k: v for k, v in extra.items() if k != "tokens"}
    except Unavailable as exc:
        result.update(status="not available", reason=str(exc))
    except Exception as exc:  # reported in the table, with the traceback in the log
        traceback.print_exc()
        result.update(status="error", reason=f"{type(exc).__name__}: {exc}"[:300])
    result["self_maxrss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time one benchmark stage.")
    parser.add_argument("stage", choices=sorted(STAGES))
    parser.add_argument("corpus")
    parser.add_argument("result")
    parser.add_argument("--tokens", type=int, required=True)
    parser.add_argument("--sample", type=int, default=200_000)
    args = parser.parse_args(argv)
    os.environ.setdefault("TQDM_MININTERVAL", "2")
    result = stage_run(args.stage, args.corpus, tokens=args.tokens, sample=args.sample)
    Path(args.result).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
