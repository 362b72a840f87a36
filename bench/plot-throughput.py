#!/usr/bin/env python3
"""Plots bench/results/throughput.csv (written by hand from `throughput` runs) as bench/results/throughput.png.

Each row: run,phase,workload,newsgraph_rps,baseline_rps. One group of bars per workload, one bar per (run, phase),
height = NewsGraph req/s / baseline req/s of the same run. Needs matplotlib: Debian's python3-matplotlib, run with /usr/bin/python3.
"""
import csv
import pathlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

here = pathlib.Path(__file__).resolve().parent / "results"
rows = list(csv.DictReader(open(here / "throughput.csv", newline="")))
workloads = list(dict.fromkeys(r["workload"] for r in rows))
series = list(dict.fromkeys((r["run"], r["phase"]) for r in rows))
ratio = {(r["run"], r["phase"], r["workload"]): float(r["newsgraph_rps"]) / float(r["baseline_rps"]) for r in rows}

width = 0.8 / len(series)
fig, ax = plt.subplots(figsize=(11, 5))
for i, (run, phase) in enumerate(series):
    xs = [w + (i - (len(series) - 1) / 2) * width for w in range(len(workloads))]
    ys = [ratio.get((run, phase, w), 0) for w in workloads]
    bars = ax.bar(xs, ys, width, label=f"{run}, {phase}")
    ax.bar_label(bars, labels=[f"{y:.2f}x" for y in ys], fontsize=7)
ax.axhline(1.0, color="black", linewidth=0.8, linestyle="--")
ax.set_xticks(range(len(workloads)), workloads, fontsize=8)
ax.set_ylabel("req/s, NewsGraph / minimal API baseline (same run)")
ax.set_title("throughput: NewsGraph against a hand-written minimal API + EF Core (1 = as fast)")
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig(here / "throughput.png", dpi=110)
print(here / "throughput.png")
