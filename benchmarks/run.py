"""Time every analysis stage on synthetic Dutch corpora of 0.1, 1 and 10 million tokens,
next to the obvious peer, and check the targets.

    python -m benchmarks.run                     # all sizes, all stages
    python -m benchmarks.run --quick             # 0.1 million tokens only
    python -m benchmarks.run --sizes 0.1,1 --stages tokens,counting,counting-peer

Every stage runs in a fresh Python process (nothing cached from an earlier stage); one whose
process takes under 30 s, setup included, runs three times (``--repeat``), and the best time
is kept, since the machine may be busy with other work. Its wall time is measured with
``time.perf_counter`` around the stage's work only (setup such as loading the corpus or
making the token table it starts from is not timed); its CPU time includes the worker
processes it starts. Peak memory is the larger of

- the largest sum, over the stage's process and all its descendants (process pools,
  notebook kernels), of their proportional set size (PSS: shared pages split between the
  processes that share them), sampled every 50 ms with psutil, and
- the stage process's own peak resident set size (``getrusage``), which catches spikes
  between samples;

it covers the whole process, setup included: what a notebook holds while doing the stage.

Output: a table on the screen, ``benchmark.csv`` and the figure ``benchmark-throughput``
(PNG, SVG, PDF) in ``--out`` (default ``benchmarks/results/``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd

from analysis.io import write_atomic
from analysis.output import figure_save
from benchmarks.stages import STAGES
from benchmarks.synthetic import cache_dir, size_label, synthetic_path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"
SIZES = {"0.1": 100_000, "1": 1_000_000, "10": 10_000_000}

#: Targets on the largest corpus (see README.md).
TARGET_SIZE = 10_000_000  # the pipeline's time and memory targets are for this size
PIPELINE_PEER_FACTOR = 8.0  # the pipeline takes at most 8x CountVectorizer's time on the texts
PIPELINE_MIB = 2048
LEXICON_SPEEDUP = 25.0  # in-process, on the same sentences, scores identical
CLI_LEXICON_SPEEDUP = 5.0  # `discourse sentiment` on 150 articles against textblob-nl
COUNTING_SPEEDUP = 1.0
CLUSTER_STORE_SPEEDUP = 3.0  # a repeated cluster analysis, partitions read from the token store
REPEAT_SHARE = 0.05  # a repeated tokens call costs at most 5% of the first
TOPICS_SECONDS = {1_000_000: 30, 10_000_000: 300}  # topics, K = 20
TOPICS_MIB = 2048  # at 10M tokens
CLI_TOKENS_SHARE = 0.10  # a command on a stored corpus spends under 10% on its tokens
SCALING_SLOPE = 1.15  # log-log slope of seconds against tokens: 1 is linear
PARALLEL_SECONDS = 10  # stages at least this long should use more than one core
PROGRESS_SECONDS = 5  # stages at least this long should show a progress bar
REPEAT_BELOW_SECONDS = 30  # stages whose process (setup included) takes less are run
# --repeat times, and the best time is kept


# --------------------------------------------------------------------------- measuring


class _Sampler(threading.Thread):
    """Largest total PSS (else RSS) of a process and its descendants, sampled; the whole
    tree is stopped when it exceeds ``limit`` bytes (the machine is shared)."""

    def __init__(self, pid: int, interval: float = 0.05, limit: float = float("inf")):
        super().__init__(daemon=True)
        self.pid, self.interval, self.limit = pid, interval, limit
        self.peak = 0
        self.killed = False
        self.done = threading.Event()

    def run(self):
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.done.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for proc in procs:
                try:
                    try:
                        total += proc.memory_full_info().pss
                    except (psutil.AccessDenied, AttributeError):
                        total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            if total > self.limit:
                self.killed = True
                for proc in reversed(procs):
                    try:
                        proc.kill()
                    except psutil.Error:
                        pass
                break
            self.done.wait(self.interval)


def _has_progress_bar(log: str) -> bool:
    return "%|" in log or "doc/s" in log or "it/s" in log


def measure(stage: str, path: Path, tokens: int, *, sample: int, logs: Path,
            limit_mib: float = float("inf")) -> dict:
    """Run one stage in a fresh process; returns its result with ``peak_mib`` and
    ``progress_bar`` added. A stage whose processes together exceed ``limit_mib`` is
    stopped and reported as ``killed``."""
    logs.mkdir(parents=True, exist_ok=True)
    result_file = logs / f"{stage}-{size_label(tokens)}.json"
    log_file = logs / f"{stage}-{size_label(tokens)}.log"
    result_file.unlink(missing_ok=True)
    command = [sys.executable, "-m", "benchmarks.stages", stage, str(path), str(result_file),
               "--tokens", str(tokens), "--sample", str(sample)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]))
    started = time.perf_counter()
    with log_file.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                                env=env)
        sampler = _Sampler(proc.pid, limit=limit_mib * 2**20)
        sampler.start()
        proc.wait()
        sampler.done.set()
        sampler.join()
    elapsed = time.perf_counter() - started
    text = log_file.read_text(encoding="utf-8", errors="replace")
    if sampler.killed:
        result = {"stage": stage, "status": "killed", "tokens": tokens,
                  "reason": f"stopped when its processes held more than {limit_mib:,.0f} MiB "
                  "(--max-mib)"}
    elif result_file.exists():
        result = json.loads(result_file.read_text(encoding="utf-8"))
    else:
        result = {"stage": stage, "status": "error", "tokens": tokens,
                  "reason": f"the stage process died (exit {proc.returncode}); see {log_file}"}
    result["peak_mib"] = max(sampler.peak / 2**20, result.get("self_maxrss_mib", 0.0))
    result["process_seconds"] = elapsed
    result["progress_bar"] = _has_progress_bar(text)
    result["log"] = str(log_file)
    return result


# --------------------------------------------------------------------------- table


def _row(size_tokens: int, corpus_tokens: int, result: dict) -> dict:
    stage = STAGES[result["stage"]]
    ok = result["status"] in ("ok", "partial")
    seconds = result.get("seconds") if ok else None
    tokens = result.get("tokens", corpus_tokens)
    return {
        "stage": stage.name,
        "size": size_label(size_tokens),
        "tokens": tokens if ok else corpus_tokens,
        "status": result["status"],
        "seconds": seconds,
        "tokens_per_s": tokens / seconds if ok and seconds else None,
        "peak_mib": result.get("peak_mib"),
        "cores": result["cpu_seconds"] / seconds if ok and seconds else None,
        "progress_bar": result.get("progress_bar", False),
        "reason": result.get("reason", ""),
        "extra": json.dumps(result.get("extra", {}), sort_keys=True),
    }


def _targets(table: pd.DataFrame) -> pd.DataFrame:
    """Add the peer's figures, the speed ratio, the target and whether it is met."""
    table = table.copy()
    ours = table[~table["stage"].isin([s.name for s in STAGES.values() if s.peer_of])]
    peers = table[table["stage"].isin([s.name for s in STAGES.values() if s.peer_of])]
    rows = []
    largest = TARGET_SIZE
    for _, row in ours.iterrows():
        out = row.to_dict()
        peer_name = next((s.name for s in STAGES.values() if row["stage"] in s.peer_of), None)
        peer = peers[(peers["stage"] == peer_name) & (peers["size"] == row["size"])]
        out["peer"] = peer_name or ""
        out["peer_seconds"] = out["peer_tokens_per_s"] = out["speed_ratio"] = None
        # compared by the peer's check (textblob-nl stages) or by our own (cli-lexicon)
        out["identical_scores"] = json.loads(row["extra"]).get("identical_scores", "")
        if len(peer) and peer.iloc[0]["status"] == "ok":
            p = peer.iloc[0]
            out["identical_scores"] = (json.loads(p["extra"]).get("identical_scores", "")
                                       or out["identical_scores"])
            out["peer_seconds"] = p["seconds"]
            out["peer_tokens_per_s"] = p["tokens_per_s"]
            if out["tokens_per_s"]:
                out["speed_ratio"] = out["tokens_per_s"] / p["tokens_per_s"]
        elif len(peer):
            out["peer"] = f"{peer_name} ({peer.iloc[0]['status']})"
        out["target"], out["met"] = _target(out, table, row["size_tokens"] >= largest)
        rows.append(out)
    return pd.DataFrame(rows)


def _target(row: dict, table: pd.DataFrame, largest: bool) -> tuple[str, str]:
    ok = row["status"] == "ok"  # a partial pipeline meets no target
    yes = lambda cond: ("yes" if cond else "NO") if ok else "n/a"  # noqa: E731
    stage, secs = row["stage"], row["seconds"]
    if stage in ("pipeline", "pipeline-no-exclude"):
        peer = table[(table["stage"] == "counting-peer") & (table["size"] == row["size"])]
        peer_ok = len(peer) and peer.iloc[0]["status"] == "ok"
        limit = PIPELINE_PEER_FACTOR * peer.iloc[0]["seconds"] if peer_ok else None
        target = (f"<= {PIPELINE_PEER_FACTOR:g}x CountVectorizer on the texts"
                  + (f" ({limit:.0f} s)" if limit else " (run counting-peer)")
                  + f", < {PIPELINE_MIB} MiB")
        if not largest:
            return target + " (at 10M)", ""
        if row["status"] == "killed":  # stopped above --max-mib, itself above the target
            return target, "NO"
        if limit is None:
            return target, ""
        return target, yes(secs <= limit and row["peak_mib"] < PIPELINE_MIB)
    if stage == "cluster-store":
        extra = json.loads(row["extra"]) if ok else {}
        ratio = extra.get("repeat_speedup")
        same = "yes" if extra.get("same_in_process") else "NO"
        target = (f"repeated run >= {CLUSTER_STORE_SPEEDUP:g}x faster through the token store"
                  + (f" ({extra['first_seconds']:.2f} s, then {extra['repeat_seconds']:.2f} s: "
                     f"{ratio:.1f}x)" if ratio else "")
                  + f", same table as in-process ({same})")
        return target, yes(ratio is not None and ratio >= CLUSTER_STORE_SPEEDUP
                           and extra.get("same_in_process") is True)
    if stage == "cli-lexicon":
        same = row["identical_scores"]
        target = (f"speed >= {CLI_LEXICON_SPEEDUP:g}x textblob-nl, same scores "
                  f"({same or '?'})")
        ratio = row["speed_ratio"]
        n_same, _, n_all = same.partition("/")
        return target, yes(ratio is not None and ratio >= CLI_LEXICON_SPEEDUP and bool(same)
                           and n_same == n_all)
    if stage == "topics":
        size = row["size_tokens"]
        if size not in TOPICS_SECONDS:
            return "", ""
        target = f"< {TOPICS_SECONDS[size]} s" + (f", < {TOPICS_MIB} MiB" if largest else "")
        return target, yes(secs < TOPICS_SECONDS[size]
                           and (not largest or row["peak_mib"] < TOPICS_MIB))
    if stage == "counting":
        target = f"speed >= {COUNTING_SPEEDUP:g}x CountVectorizer"
        ratio = row["speed_ratio"]
        return target, yes(ratio is not None and ratio >= COUNTING_SPEEDUP)
    if stage in ("sentiment-lexicon", "sentiment-lexicon-distinct"):
        same = row["identical_scores"]
        target = f"speed >= {LEXICON_SPEEDUP:g}x textblob-nl, same scores ({same or '?'})"
        ratio = row["speed_ratio"]
        n_same, _, n_all = same.partition("/")
        return target, yes(ratio is not None and ratio >= LEXICON_SPEEDUP and bool(same)
                           and n_same == n_all)
    if stage == "search":
        from benchmarks.search import SEARCH_SECONDS

        target = f"< {SEARCH_SECONDS} s for 20 queries"
        if not largest:
            return target + " (at 10M)", ""
        return target, yes(secs < SEARCH_SECONDS)
    if stage == "cli-stored":
        target = f"tokens < {CLI_TOKENS_SHARE:.0%} of every command"
        commands = json.loads(row["extra"]).get("commands", {})
        return target, yes(bool(commands) and all(
            c["tokens_share"] < CLI_TOKENS_SHARE for c in commands.values()))
    if stage == "cli-first":  # a chain of commands, each a process of its own
        return "", ""
    if stage == "tokens-repeat":
        first = table[(table["stage"] == "tokens") & (table["size"] == row["size"])]
        target = f"<= {REPEAT_SHARE:.0%} of first call"
        if not len(first) or first.iloc[0]["status"] != "ok":
            return target, ""
        return target, yes(secs <= REPEAT_SHARE * first.iloc[0]["seconds"])
    if ok and secs is not None and secs >= PARALLEL_SECONDS:
        wants = ["progress bar", "> 1 core"]
        met = row["progress_bar"] and (row["cores"] or 0) > 1.2
        return " and ".join(wants), yes(met)
    if ok and secs is not None and secs >= PROGRESS_SECONDS:
        return "progress bar", yes(row["progress_bar"])
    return "", ""


def scaling(table: pd.DataFrame) -> pd.DataFrame:
    """Log-log slope of seconds against tokens between successive sizes, per stage (1 means
    cost grows linearly)."""
    rows = []
    for stage, group in table[table["status"] == "ok"].groupby("stage", sort=False):
        group = group.sort_values("size_tokens")
        out = {"stage": stage}
        for (_, a), (_, b) in zip(group.iloc[:-1].iterrows(), group.iloc[1:].iterrows(),
                                  strict=True):
            if a["seconds"] > 0.05 and b["seconds"] > 0 and b["tokens"] > a["tokens"]:
                out[f"slope {a['size']}->{b['size']}"] = (
                    math.log(b["seconds"] / a["seconds"]) / math.log(b["tokens"] / a["tokens"]))
        rows.append(out)
    frame = pd.DataFrame(rows, columns=["stage"]) if not rows else pd.DataFrame(rows)
    steps = table.drop_duplicates("size").sort_values("size_tokens")["size"].tolist()
    slopes = [f"slope {a}->{b}" for a, b in zip(steps[:-1], steps[1:], strict=True)
              if f"slope {a}->{b}" in frame.columns]
    frame = frame[["stage", *slopes]]
    if slopes:
        last = frame[slopes].ffill(axis=1).iloc[:, -1]  # the slope between the largest sizes
        frame["linear?"] = ["" if pd.isna(v) else ("yes" if v <= SCALING_SLOPE else "NO")
                            for v in last]
    return frame


def _fmt(value, spec: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format(value, spec)


def _seconds_cell(seconds, status: str) -> str:
    if status == "ok":
        return _fmt(seconds, ".2f")
    if status == "partial":
        return _fmt(seconds, ".2f") + " (partial)"
    return status


def cli_table(table: pd.DataFrame) -> pd.DataFrame:
    """Per size and command of the ``cli-first`` and ``cli-stored`` stages: seconds of the
    first run (empty token store) and of the second (the corpus stored), the seconds each
    spent on sentences and tokens, the second run's share of them (of its wall time, and
    of its CPU time), and the speed-up."""
    rows = []
    for size, group in table.groupby("size", sort=False):
        runs = {stage: json.loads(group[group["stage"] == stage].iloc[0]["extra"])
                .get("commands", {}) for stage in ("cli-first", "cli-stored")
                if (group["stage"] == stage).any()}
        for name, first in runs.get("cli-first", {}).items():
            stored = runs.get("cli-stored", {}).get(name)
            rows.append({
                "size": size, "command": name, "first s": first["seconds"],
                "first tokens s": first["tokens_seconds"],
                "stored s": stored["seconds"] if stored else None,
                "stored tokens s": stored["tokens_seconds"] if stored else None,
                "stored tokens share": stored["tokens_share"] if stored else None,
                "stored tokens CPU share": stored.get("tokens_cpu_share") if stored else None,
                "speed-up": first["seconds"] / stored["seconds"] if stored else None})
    return pd.DataFrame(rows)


def cli_markdown(cli: pd.DataFrame) -> str:
    header = ["size", "command", "first run s", "of which tokens s", "stored s",
              "of which tokens s", "tokens share", "tokens share of CPU", "speed-up"]
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for _, r in cli.iterrows():
        out.append("| " + " | ".join([
            r["size"], r["command"], _fmt(r["first s"], ".2f"), _fmt(r["first tokens s"], ".2f"),
            _fmt(r["stored s"], ".2f"), _fmt(r["stored tokens s"], ".2f"),
            _fmt(r["stored tokens share"], ".1%"), _fmt(r["stored tokens CPU share"], ".1%"),
            _fmt(r["speed-up"], ".1f")]) + " |")
    return "\n".join(out)


def table_text(table: pd.DataFrame) -> str:
    """The table as fixed-width text, one row per stage and size."""
    view = pd.DataFrame({
        "stage": table["stage"],
        "size": table["size"],
        "seconds": [_seconds_cell(v, s)
                    for v, s in zip(table["seconds"], table["status"], strict=True)],
        "tokens/s": [_fmt(v, ",.0f") for v in table["tokens_per_s"]],
        "peak MiB": [_fmt(v, ",.0f") for v in table["peak_mib"]],
        "cores": [_fmt(v, ".2f") for v in table["cores"]],
        "bar": ["yes" if b else "" for b in table["progress_bar"]],
        "peer s": [_fmt(v, ".2f") for v in table["peer_seconds"]],
        "peer tokens/s": [_fmt(v, ",.0f") for v in table["peer_tokens_per_s"]],
        "ours/peer": [_fmt(v, ".2f") for v in table["speed_ratio"]],
        "target": table["target"],
        "met?": table["met"],
    })
    return view.to_string(index=False)


def table_markdown(table: pd.DataFrame) -> str:
    """The table in Markdown, for pasting into a report."""
    header = ["stage", "size", "seconds", "tokens/s", "peak MiB", "cores", "bar", "peer s",
              "peer tokens/s", "ours/peer", "target", "met?"]
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for _, r in table.iterrows():
        seconds = _seconds_cell(r["seconds"], r["status"])
        out.append("| " + " | ".join([
            r["stage"], r["size"], seconds, _fmt(r["tokens_per_s"], ",.0f"),
            _fmt(r["peak_mib"], ",.0f"), _fmt(r["cores"], ".2f"),
            "yes" if r["progress_bar"] else "", _fmt(r["peer_seconds"], ".2f"),
            _fmt(r["peer_tokens_per_s"], ",.0f"), _fmt(r["speed_ratio"], ".2f"),
            r["target"], r["met"]]) + " |")
    return "\n".join(out)


# --------------------------------------------------------------------------- figure


#: Stages drawn in the figure (a repeated call served from the cache, and stages measured at
#: one size only, are left out), and the peers drawn dashed, by the stage they are compared to.
FIGURE_STAGES = ("load", "tokens", "frequencies", "counting", "keyness", "frames",
                 "sentiment-lexicon", "sentiment-lexicon-corpus", "sentiment-classifier",
                 "pipeline")
FIGURE_PEERS = {"counting": "CountVectorizer (teksten)",
                "frequencies": "CountVectorizer (tokens)",
                "sentiment-lexicon": "textblob-nl referentie"}


def figure_throughput(table: pd.DataFrame):
    """Tokens per second against corpus size (both logarithmic), one line per stage; the
    peers dashed. A line that stays level means cost grows linearly with the corpus."""
    import matplotlib

    from analysis.output import figure_new

    fig, ax = figure_new("wide")
    colours = matplotlib.colormaps["tab20"].colors
    done = table[table["status"].isin(["ok", "partial"]) & table["tokens_per_s"].notna()]
    n = 0
    for stage in FIGURE_STAGES:
        group = done[done["stage"] == stage].sort_values("size_tokens")
        if not len(group):
            continue
        ax.plot(group["size_tokens"], group["tokens_per_s"], marker="o", markersize=3,
                color=colours[n % len(colours)], label=stage)
        n += 1
        if stage in FIGURE_PEERS and group["peer_tokens_per_s"].notna().any():
            peer = group[group["peer_tokens_per_s"].notna()]
            ax.plot(peer["size_tokens"], peer["peer_tokens_per_s"], marker="s", markersize=3,
                    linestyle="--", color=colours[n % len(colours)], label=FIGURE_PEERS[stage])
            n += 1
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("omvang corpus (tokens)")
    ax.set_ylabel("tokens per seconde")
    ax.set_title("Doorvoer per stap naar omvang van het corpus (gestippeld: vergelijking)")
    ax.grid(True, which="major", linewidth=0.3)
    ax.legend(fontsize=6, loc="center left", bbox_to_anchor=(1.01, 0.5))
    return fig


# --------------------------------------------------------------------------- main


def _parse_sizes(text: str) -> list[int]:
    sizes = []
    for part in text.split(","):
        part = part.strip()
        if part in SIZES:
            sizes.append(SIZES[part])
        else:
            try:
                sizes.append(int(float(part) * 1_000_000))
            except ValueError:
                raise SystemExit(f"--sizes: {part!r} is not a number of millions of tokens "
                                 "(e.g. 0.1,1,10)") from None
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Benchmark every analysis stage on synthetic Dutch corpora.")
    parser.add_argument("--sizes", default="0.1,1,10",
                        help="corpus sizes in millions of tokens (default: 0.1,1,10)")
    parser.add_argument("--stages", default=",".join(n for n, s in STAGES.items() if s.default),
                        help=f"stages to run (default: all but pipeline-no-exclude): "
                        f"{', '.join(STAGES)}")
    parser.add_argument("--quick", action="store_true", help="smoke run: 0.1 million only")
    parser.add_argument("--out", default=str(RESULTS_DIR),
                        help="folder for benchmark.csv and the figure "
                        "(default: benchmarks/results/)")
    parser.add_argument("--cache", default=None,
                        help="folder for the synthetic corpora (default: "
                        "$DISCOURSE_BENCH_CACHE or ~/.cache/discourse-bench)")
    parser.add_argument("--sample", type=int, default=200_000,
                        help="tokens of sentences the slow textblob-nl reference scores "
                        "(its throughput is measured on this sample; default 200000)")
    parser.add_argument("--max-mib", type=float, default=8192,
                        help="stop a stage whose processes together hold more than this "
                        "many MiB (default 8192: the machine may be shared)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="run each stage whose process takes under 30 s this many times, "
                        "each in a fresh process, and keep the best time (default 3)")
    args = parser.parse_args(argv)

    sizes = [100_000] if args.quick else _parse_sizes(args.sizes)
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        parser.error(f"unknown stage(s) {', '.join(unknown)}; choose from {', '.join(STAGES)}")
    out = Path(args.out)
    logs = Path(tempfile.mkdtemp(prefix="discourse-bench-logs-"))
    print(f"corpora cached in {cache_dir(args.cache)}; stage logs in {logs}", flush=True)

    rows = []
    for size in sizes:
        path, info = synthetic_path(size, cache=args.cache,
                                    log=lambda m: print(m, flush=True))
        corpus_tokens = info["tokens_exact"]
        load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
        print(f"\n== {size_label(size)}: {path.name}, {info['articles']:,} articles, "
              f"{corpus_tokens:,} tokens (load average before: {load})", flush=True)
        for name in stages:
            stage = STAGES[name]
            if stage.sizes and size_label(size) not in stage.sizes:
                continue
            result = measure(name, path, corpus_tokens, sample=args.sample, logs=logs,
                             limit_mib=args.max_mib)
            runs = 1
            while (runs < args.repeat and result["status"] == "ok"
                   and result["process_seconds"] < REPEAT_BELOW_SECONDS):
                again = measure(name, path, corpus_tokens, sample=args.sample, logs=logs,
                                limit_mib=args.max_mib)
                runs += 1
                if again["status"] != "ok":
                    break
                peak = max(result["peak_mib"], again["peak_mib"])
                if again["seconds"] < result["seconds"]:
                    result = again
                result["peak_mib"] = peak
            row = _row(size, corpus_tokens, result)
            row["size_tokens"] = size
            row["runs"] = runs
            row["load_before"] = load
            load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
            rows.append(row)
            state = (f"{row['seconds']:.2f} s, {row['tokens_per_s']:,.0f} tokens/s"
                     if row["seconds"] is not None else "")
            if row["status"] != "ok":
                state += f" {row['status']}: {row['reason']}"
            print(f"  {name:<24} {state}; peak {row['peak_mib']:,.0f} MiB", flush=True)

    table = _targets(pd.DataFrame(rows))
    out.mkdir(parents=True, exist_ok=True)
    write_atomic(out / "benchmark.csv",
                 table.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    print("\n" + table_text(table))
    slopes = scaling(table)
    if len(slopes.columns) > 1:
        print("\nGrowth of cost with corpus size (log-log slope of seconds; 1 = linear):")
        print(slopes.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    missing = table[table["status"] != "ok"]
    if len(missing):
        print("\nNot measured:")
        for _, r in missing.iterrows():
            print(f"  {r['stage']} ({r['size']}): {r['status']}: {r['reason']}")

    markdown = table_markdown(table) + "\n"
    cli = cli_table(table)
    if len(cli):
        print("\nCommand line, first run (empty token store) and second run (corpus stored):")
        print(cli.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
        markdown += "\n" + cli_markdown(cli) + "\n"
        write_atomic(out / "benchmark-cli.csv",
                     cli.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    write_atomic(out / "benchmark.md", markdown.encode("utf-8"))
    figure_save(figure_throughput(table), "benchmark-throughput", out_dir=out)
    print(f"\nWritten: {out / 'benchmark.csv'}, {out / 'benchmark.md'}, "
          f"{out / 'benchmark-throughput.png'} (.svg, .pdf)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
