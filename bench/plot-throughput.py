#!/usr/bin/env python3
"""Plots bench/results/throughput.csv (written by hand from `throughput` runs) as bench/results/throughput.png.

Each row: run,phase,workload,newsgraph_rps,baseline_rps,node_rps (node_rps empty for runs without the Node server).
One group of bars per workload, one bar per (run, phase): on top, NewsGraph req/s / baseline req/s of the same run;
below, for the runs that measured it, NewsGraph req/s / Node GraphQL Yoga req/s of the same run.
Needs matplotlib: Debian's python3-matplotlib, run with /usr/bin/python3.
"""
import csv
import pathlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

here = pathlib.Path(__file__).resolve().parent / "results"
rows = list(csv.DictReader(open(here / "throughput.csv", newline="")))
workloads = list(dict.fromkeys(r["workload"] for r in rows))


def draw(ax, peer_column, peer_name):
    """One bar per (run, phase) and workload: NewsGraph's req/s over the peer's, for the rows that have the peer."""
    measured = [r for r in rows if r.get(peer_column)]
    series = list(dict.fromkeys((r["run"], r["phase"]) for r in measured))
    ratio = {(r["run"], r["phase"], r["workload"]): float(r["newsgraph_rps"]) / float(r[peer_column]) for r in measured}
    width = 0.8 / len(series)
    for i, (run, phase) in enumerate(series):
        xs = [w + (i - (len(series) - 1) / 2) * width for w in range(len(workloads))]
        ys = [ratio.get((run, phase, w), 0) for w in workloads]
        bars = ax.bar(xs, ys, width, label=f"{run}, {phase}")
        ax.bar_label(bars, labels=[f"{y:.2f}x" for y in ys], fontsize=7)
    ax.axhline(1.0, color="black", linewidth=0.8, linestyle="--")
    ax.set_xticks(range(len(workloads)), workloads, fontsize=8)
    ax.set_ylabel(f"req/s, NewsGraph / {peer_name}\n(same run)", fontsize=8)
    ax.legend(fontsize=7)


has_node = any(r.get("node_rps") for r in rows)
fig, axes = plt.subplots(2 if has_node else 1, 1, figsize=(11, 9 if has_node else 5), squeeze=False)
draw(axes[0][0], "baseline_rps", "minimal API baseline")
axes[0][0].set_title("throughput: NewsGraph against a hand-written minimal API + EF Core (1 = as fast)")
if has_node:
    draw(axes[1][0], "node_rps", "Node GraphQL Yoga")
    axes[1][0].set_title("throughput: NewsGraph against a Node.js GraphQL Yoga server with DataLoader (above 1 = NewsGraph ahead)")
fig.tight_layout()
fig.savefig(here / "throughput.png", dpi=110)
print(here / "throughput.png")
