#!/usr/bin/python3
"""report.py OUTDIR: the Markdown report of one bench/run.sh invocation (stdlib only).

Reads OUTDIR/machine.txt and the TSVs the harness scripts wrote: personamedia-own.tsv
(bench/lib/phases.sh), with --media personamedia-media.tsv (its download phases, interleaved
with the same downloads against the ceiling, rows ceiling_*), and with --compare personamedia.tsv (the shared run.sh against
PersonaMedia), peer-fastapi.tsv and limit-kestrel.tsv (the shared run-all.sh).
"""
import csv
import os
import re
import sys

OUT = sys.argv[1]


def load(name):
    path = os.path.join(OUT, name + ".tsv")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return {r["phase"]: r for r in csv.DictReader(f, delimiter="\t")}


def num(row, col):
    try:
        return float(row[col])
    except (TypeError, KeyError, ValueError):
        return None


def peak_rss(rows):
    values = [num(r, "peak_rss_MB") for r in rows.values()]
    return max((v for v in values if v is not None), default=None)


def sent_mib(row):
    m = re.search(r"sent_MiB=([0-9.]+)", row.get("codes", "")) if row else None
    return float(m.group(1)) if m else None


def ratio(a, b):
    return None if a is None or not b else a / b


def fmt(v, d=1):
    return "–" if v is None else f"{v:.{d}f}"


def table(rows, cols, heads):
    print("| " + " | ".join(heads) + " |")
    print("|" + "|".join("---" if i == 0 else "--:" for i in range(len(heads))) + "|")
    for r in rows:
        print("| " + " | ".join(r.get(c, "") for c in cols) + " |")


own = load("personamedia-own")
nofsync = load("personamedia-nofsync")
ours = load("personamedia")
peer = load("peer-fastapi")
limit = load("limit-kestrel")
durable = load("limit-kestrel-durable")

if os.path.exists(os.path.join(OUT, "machine.txt")):
    print("```")
    print(open(os.path.join(OUT, "machine.txt"), encoding="utf-8").read().rstrip())
    print("```\n")

COLS = ["phase", "conc", "n", "err", "req_s", "MiB_s", "p50_ms", "p99_ms", "peak_rss_MB", "load1"]
HEADS = ["phase", "c", "n", "errors", "req/s", "MiB/s", "p50 ms", "p99 ms", "peak RSS MB", "load1"]
if own:
    print("### PersonaMedia: bench/run.sh phases\n")
    table(own.values(), COLS, HEADS)
    print()

if own and nofsync:
    print("### The fsync per upload (Storage:Local:FlushToDisk), same invocation\n")
    print("| phase | FlushToDisk=true (default) req/s · MiB/s · p50/p99 ms | FlushToDisk=false req/s · MiB/s · p50/p99 ms | change in req/s |")
    print("|---|--:|--:|--:|")
    for p, r in nofsync.items():
        if p in own and p != "verify":
            o = own[p]
            change = ratio(num(r, "req_s"), num(o, "req_s"))
            print(f"| {p} | {o['req_s']} · {o['MiB_s']} · {o['p50_ms']}/{o['p99_ms']} | {r['req_s']} · {r['MiB_s']} · {r['p50_ms']}/{r['p99_ms']} "
                  f"| {'–' if change is None else f'{(change - 1) * 100:+.0f}%'} |")
    print()

media = load("personamedia-media")
if media:
    print("### PersonaMedia and the ceiling: download phases (bench/run.sh --media)\n")
    table(media.values(), COLS, HEADS)
    print()

# Issue 11: signed /media/{token} against the bearer /download and the ceiling, same invocation.
downloads = media or own
if downloads and "media_9.5MiB_c16" in downloads:
    ceiling_rows = {p[len("ceiling_"):]: r for p, r in downloads.items() if p.startswith("ceiling_")} or limit or {}
    print("### Signed URLs (issue 11): /media/{token} vs the bearer /download and the ceiling, same invocation\n")
    print("| measure | /media/{token} | bearer /download | media ÷ bearer | ceiling | media ÷ ceiling | target ≥ 0.8× ceiling |")
    print("|---|--:|--:|--:|--:|--:|---|")
    for media_phase, bearer_phase, col, what in (
            ("media_9.5MiB_c16", "dl_9.5MiB_c16", "MiB_s", "9.5 MiB, c16: MiB/s"),
            ("media_9.5MiB_c16", "dl_9.5MiB_c16", "p50_ms", "9.5 MiB, c16: p50 ms"),
            ("media_9.5MiB_c16", "dl_9.5MiB_c16", "p99_ms", "9.5 MiB, c16: p99 ms"),
            ("media_range_1MiB_c16", "range_1MiB_c16", "req_s", "1 MiB range, c16: req/s"),
            ("media_range_1MiB_c16", "range_1MiB_c16", "p50_ms", "1 MiB range, c16: p50 ms"),
            ("media_range_1MiB_c16", "range_1MiB_c16", "p99_ms", "1 MiB range, c16: p99 ms")):
        a, b = num(downloads.get(media_phase), col), num(downloads.get(bearer_phase), col)
        c = num(ceiling_rows.get(bearer_phase), col)
        met = "–"
        if col in ("MiB_s", "req_s") and c:
            met = "yes" if a is not None and a / c >= 0.8 else "**no**"
        print(f"| {what} | {fmt(a)} | {fmt(b)} | {fmt(ratio(a, b), 2)} | {fmt(c)} | {fmt(ratio(a, c), 2)} | {met} |")
    print()
    cpu = load("personamedia-media.cpu") or load("personamedia-own.cpu")
    if cpu:
        print("Server CPU time (user + system) per request, which the machine's other load hardly moves:\n")
        print("| measure | /media/{token} | bearer /download | ceiling |")
        print("|---|--:|--:|--:|")
        for media_phase, bearer_phase, what in (("media_9.5MiB_c16", "dl_9.5MiB_c16", "9.5 MiB, c16: CPU ms per request"),
                                                ("media_range_1MiB_c16", "range_1MiB_c16", "1 MiB range, c16: CPU ms per request")):
            print(f"| {what} | {fmt(num(cpu.get(media_phase), 'cpu_ms_per_req'), 2)} | {fmt(num(cpu.get(bearer_phase), 'cpu_ms_per_req'), 2)} "
                  f"| {fmt(num(cpu.get('ceiling_' + bearer_phase), 'cpu_ms_per_req'), 2)} |")
        print()

if not (ours and peer and limit):
    sys.exit(0)

print("### Same run, shared harness: peer-fastapi, PersonaMedia, limit-kestrel\n")
servers = [("peer-fastapi", peer), ("PersonaMedia", ours), ("limit-kestrel", limit)]
if durable:
    servers.append(("limit-kestrel-durable", durable))
phases = [p for p in ours if p != "verify"]
print("| phase | " + " | ".join(f"{s} req/s · MiB/s · p50/p99 ms" for s, _ in servers) + " |")
print("|---|" + "--:|" * len(servers))
for p in phases:
    cells = []
    for _, rows in servers:
        r = rows.get(p)
        cells.append("–" if not r else f"{r['req_s']} · {r['MiB_s']} · {r['p50_ms']}/{r['p99_ms']}")
    print(f"| {p} | " + " | ".join(cells) + " |")
print("| peak RSS MB (whole run) | " + " | ".join(fmt(peak_rss(rows)) for _, rows in servers) + " |")
print("| load1 at the end | " + " | ".join(rows["verify"]["load1"] for _, rows in servers) + " |")
print("| checks ok/run | " + " | ".join(f"{rows['verify']['ok']}/{rows['verify']['n']}" for _, rows in servers) + " |")
print()


checks = []
o, l, pe = ours["img_1MiB_c16"], limit["img_1MiB_c16"], peer["img_1MiB_c16"]
r = ratio(num(o, "req_s"), num(l, "req_s"))
checks.append(("1 MiB uploads/s, c16, vs ceiling", "≥ 0.6×", num(o, "req_s"), num(l, "req_s"), r, r is not None and r >= 0.6))
r = ratio(num(o, "req_s"), num(pe, "req_s"))
checks.append(("1 MiB uploads/s, c16, vs FastAPI", "≥ 4×", num(o, "req_s"), num(pe, "req_s"), r, r is not None and r >= 4))
for phase, what in (("vid_9.5MiB_c8", "9.5 MiB upload MiB/s, c8"), ("dl_9.5MiB_c16", "9.5 MiB download MiB/s, c16")):
    a, b = num(ours[phase], "MiB_s"), num(limit[phase], "MiB_s")
    r = ratio(a, b)
    checks.append((what, "≥ 0.8×", a, b, r, r is not None and r >= 0.8))
ot, lt = ours["reject_413_ttfb"], limit["reject_413_ttfb"]
a, b = num(ot, "p50_ms"), num(lt, "p50_ms")
r = ratio(a, b)
early = sent_mib(ot) is not None and sent_mib(ot) < 12 and ot["err"] == "0"
checks.append((f"413 for 12 MiB: TTFB p50 ms (body sent: {fmt(sent_mib(ot))} of 12 MiB)", "≤ 2×, before the body is sent",
               a, b, r, r is not None and r <= 2 and early))
a, b = peak_rss(ours), peak_rss(limit)
r = ratio(a, b)
checks.append(("server peak RSS MB, whole run", "≤ 2×", a, b, r, r is not None and r <= 2))

print("### Targets (issue 5), same invocation\n")
print("| measure | target | PersonaMedia | reference | ratio | met |")
print("|---|---|--:|--:|--:|---|")
for what, target, a, b, r, met in checks:
    print(f"| {what} | {target} | {fmt(a)} | {fmt(b)} | {fmt(r, 2)} | {'yes' if met else '**no**'} |")
if own:
    for p, row in own.items():
        if p.startswith("list_") or p.startswith("stats_"):
            v = num(row, "p99_ms")
            print(f"| {p} p99 ms (bench/run.sh) | ≤ 50 ms | {fmt(v)} | – | – | {'yes' if v is not None and v <= 50 else '**no**'} |")
    rss = peak_rss(own)
    print(f"| server peak RSS MB, bench/run.sh phases (incl. 10,000 seeds) | ≤ 2× | {fmt(rss)} | {fmt(peak_rss(limit))} "
          f"| {fmt(ratio(rss, peak_rss(limit)), 2)} | {'yes' if (ratio(rss, peak_rss(limit)) or 99) <= 2 else '**no**'} |")
print("\nreference: limit-kestrel (the ceiling), or peer-fastapi where the measure says FastAPI.")

if durable:
    # Issue 9: against the ceiling of a durable, hashed upload (SHA-256, temporary file, fsync, rename).
    print("\n### Targets (issue 9), against limit-kestrel-durable, same invocation\n")
    print("| measure | target | PersonaMedia | reference | ratio | met |")
    print("|---|---|--:|--:|--:|---|")
    rows9 = []
    for phase, what, col, target in (("img_1MiB_c16", "1 MiB uploads/s, c16", "req_s", 0.8),
                                     ("img_1MiB_c1", "1 MiB uploads/s, c1", "req_s", 0.8),
                                     ("vid_9.5MiB_c8", "9.5 MiB upload MiB/s, c8", "MiB_s", 0.9)):
        a, b = num(ours.get(phase, {}), col), num(durable.get(phase, {}), col)
        r = ratio(a, b)
        rows9.append((what + " vs durable ceiling", f"≥ {target}×", a, b, r, r is not None and r >= target))
    a, b = num(ours["img_1MiB_c16"], "req_s"), num(peer["img_1MiB_c16"], "req_s")
    r = ratio(a, b)
    rows9.append(("1 MiB uploads/s, c16, vs FastAPI", "≥ 4×", a, b, r, r is not None and r >= 4))
    for what, target, a, b, r, met in rows9:
        print(f"| {what} | {target} | {fmt(a)} | {fmt(b)} | {fmt(r, 2)} | {'yes' if met else '**no**'} |")
