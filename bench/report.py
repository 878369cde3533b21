#!/usr/bin/env python3
"""The table of make bench: reads what bench/run.sh left in BENCH_TMP (the
scenario lists, wrk's output per scenario and server — evne as configured by
default, nginx, and evne restarted with --page-cache 0 — and the page cache's
lookups from GET /metrics per set) and the figures it passes in the
environment; prints the table and writes BENCH_BASE.md and BENCH_BASE.json.
Targets are those of the issue "make bench" (2-core machine, ratios from one
run); they judge evne as configured by default (page cache on)."""
import json
import os
import platform
import re
import sys

E = os.environ
TMP = E["BENCH_TMP"]
BASE = E["BENCH_BASE"]

P99_OVER_P50_MAX = 10.0
RSS_MAX_MIB = 64
IMPORT_MAX_S = 10.0
IMPORT_MAX_MIB = 256

UNIT = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4, "h": 3.6e6}


def ms(text):
    m = re.fullmatch(r"([0-9.]+)(us|ms|s|m|h)", text.strip())
    return float(m.group(1)) * UNIT[m.group(2)] if m else None


def parse_wrk(path):
    """req/s and the --latency percentiles from wrk's own output, and the
    exact counts from the BENCH line of bench/wrk.lua's done()."""
    text = open(path, encoding="utf-8", errors="replace").read()
    out = {"rps": None, "p50_ms": None, "p90_ms": None, "p99_ms": None}
    m = re.search(r"^Requests/sec:\s+([0-9.]+)", text, re.M)
    if m:
        out["rps"] = float(m.group(1))
    for pct in ("50", "90", "99"):
        m = re.search(r"^\s+%s%%\s+(\S+)\s*$" % pct, text, re.M)
        if m:
            out["p%s_ms" % pct] = ms(m.group(1))
    m = re.search(r"^BENCH (.*)$", text, re.M)
    if m:
        kv = dict(f.split("=", 1) for f in m.group(1).split())
        out["requests"] = int(kv["requests"])
        out["bytes"] = int(kv["bytes"])
        out["duration_s"] = int(kv["duration_us"]) / 1e6
        out["errors"] = {k: int(kv[k]) for k in ("connect", "read", "write", "status", "timeout")}
        if out["requests"] == 0:  # wrk prints zeros: no latency was measured
            out["p50_ms"] = out["p90_ms"] = out["p99_ms"] = None
        if out["rps"] is None and out["duration_s"]:
            out["rps"] = out["requests"] / out["duration_s"]
    return out


def fmt_ms(v):
    if v is None:
        return "–"
    if v < 1:
        return "%.2f ms" % v
    if v < 100:
        return "%.1f ms" % v
    return "%.0f ms" % v


def fmt_rps(v):
    return "–" if v is None else ("%.0f" % v if v >= 100 else "%.1f" % v)


def fmt_ratio(v):
    return "–" if v is None else "%.3f" % v if v < 0.1 else "%.2f" % v


def error_count(run):
    """All of wrk's errors of one run; a run that answered nothing counts
    as at least one."""
    errors = sum(run.get("errors", {}).values()) if "errors" in run else None
    if not run.get("requests"):
        errors = errors or 1
    return errors


def error_text(run):
    errs = run.get("errors", {})
    if not run.get("requests"):
        return "none answered in %ss" % E["BENCH_DURATION_S"]
    return "0" if not any(errs.values()) else ", ".join("%d %s" % (v, k) for k, v in errs.items() if v)


def read_hwm_mib(path):
    try:
        return int(open(path).read()) / 1024
    except (OSError, ValueError):
        return None


def read_lookups(path):
    """evne_page_cache_lookups_total by result from a saved GET /metrics
    excerpt; None when the file is missing, {} when evne printed no such
    line (no page cache)."""
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return None
    return {m.group(1): int(float(m.group(2))) for m in re.finditer(
        r'^evne_page_cache_lookups_total\{result="(\w+)"\}\s+(\S+)', text, re.M)}


def machine():
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kib = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal:"))
    except (OSError, StopIteration):
        mem_kib = 0
    return {
        "nproc": int(E["BENCH_CORES"]),
        "cpu": model,
        "memory_gib": round(mem_kib / 1048576, 1),
        "kernel": platform.release(),
    }


scenarios = []
with open(os.path.join(TMP, "scenarios.tsv"), encoding="utf-8") as f:
    for line in f:
        name, role, ext, target, desc = line.rstrip("\n").split("\t")
        ev = parse_wrk(os.path.join(TMP, "wrk", name + ".evne"))
        ng = parse_wrk(os.path.join(TMP, "wrk", name + ".nginx"))
        ratio = ev["rps"] / ng["rps"] if ev["rps"] and ng["rps"] else None
        target_ratio = None if target == "-" else float(target)
        errors = error_count(ev)
        hwm_mib = read_hwm_mib(os.path.join(TMP, "wrk", name + ".hwm"))
        # evne with --page-cache 0: not run for static and healthz.
        uncached = None
        upath = os.path.join(TMP, "wrk", name + ".uncached")
        if os.path.exists(upath):
            un = parse_wrk(upath)
            utail = un["p99_ms"] / un["p50_ms"] if un["p99_ms"] and un["p50_ms"] else None
            uncached = {
                "rps": un["rps"],
                "ratio": un["rps"] / ng["rps"] if un["rps"] and ng["rps"] else None,
                "p50_ms": un["p50_ms"], "p90_ms": un["p90_ms"], "p99_ms": un["p99_ms"],
                "p99_over_p50": utail, "requests": un.get("requests"),
                "errors": error_count(un), "errors_by_kind": un.get("errors"),
                "error_text": error_text(un),
                "peak_rss_mib": read_hwm_mib(os.path.join(TMP, "wrk", name + ".uncached-hwm")),
            }
        ntail = ng["p99_ms"] / ng["p50_ms"] if ng["p99_ms"] and ng["p50_ms"] else None
        tail = ev["p99_ms"] / ev["p50_ms"] if ev["p99_ms"] and ev["p50_ms"] else None
        misses = []
        if target_ratio is not None and (ratio is None or ratio < target_ratio):
            misses.append("ratio")
        if tail is None or tail > P99_OVER_P50_MAX:
            misses.append("p99")
        if errors:
            misses.append("errors")
        scenarios.append({
            "name": name, "role": role, "description": desc,
            "evne": ev, "nginx": ng, "ratio": ratio, "uncached": uncached,
            "p99_over_p50": tail, "nginx_p99_over_p50": ntail, "evne_peak_rss_mib": hwm_mib,
            "target": {"ratio_min": target_ratio, "p99_over_p50_max": P99_OVER_P50_MAX,
                       "errors": 0},
            "pass": not misses, "missed": misses,
        })

demo = {"seconds": float(E["BENCH_DEMO_S"]), "peak_mib": int(E["BENCH_DEMO_KIB"]) / 1024,
        "people": int(E["BENCH_PEOPLE_N"])}
demo_phase2 = {"seconds": float(E["BENCH_DEMO2_S"]), "peak_mib": int(E["BENCH_DEMO2_KIB"]) / 1024,
               "people": int(E["BENCH_PEOPLE_N"]), "units": int(E["BENCH_UNITS_N"])}
imp = {"rows": int(E["BENCH_IMPORT_ROWS"]), "seconds": float(E["BENCH_IMPORT_S"]),
       "peak_mib": int(E["BENCH_IMPORT_KIB"]) / 1024,
       "target": {"seconds_max": IMPORT_MAX_S, "peak_mib_max": IMPORT_MAX_MIB}}
imp["pass"] = imp["seconds"] <= IMPORT_MAX_S and imp["peak_mib"] <= IMPORT_MAX_MIB
serving = [s["evne_peak_rss_mib"] for s in scenarios if s["evne_peak_rss_mib"] is not None]
rss = {"vmhwm_mib": int(E["BENCH_HWM_KIB"]) / 1024, "vmrss_mib": int(E["BENCH_RSS_KIB"]) / 1024,
       "after_logins_vmhwm_mib": int(E["BENCH_LOGIN_HWM_KIB"]) / 1024,
       "serving_vmhwm_mib": max(serving) if serving else None,
       "target": {"vmhwm_mib_max": RSS_MAX_MIB}}
rss["pass"] = rss["vmhwm_mib"] <= RSS_MAX_MIB
userving = [s["uncached"]["peak_rss_mib"] for s in scenarios
            if s["uncached"] and s["uncached"]["peak_rss_mib"] is not None]
rss["uncached_serving_vmhwm_mib"] = max(userving) if userving else None

# The page cache per set (one evne per set): its lookups over the default
# evne's whole life (bodies fetched, warm-ups, runs), and the uncached
# evne's, which should have none.
page_cache = {}
for n, tag in enumerate(("set1", "set2"), 1):
    try:
        names = [l.split("\t", 1)[0] for l in open(os.path.join(TMP, tag + ".tsv"), encoding="utf-8")
                 if l.strip()]
    except OSError:
        continue
    cached = read_lookups(os.path.join(TMP, "metrics", tag + ".cached"))
    off = read_lookups(os.path.join(TMP, "metrics", tag + ".uncached"))
    hits = (cached or {}).get("hit", 0)
    misses = (cached or {}).get("miss", 0)
    page_cache[tag] = {
        "scenarios": names,
        "hits": hits, "misses": misses,
        "hit_ratio": hits / (hits + misses) if hits + misses else None,
        "uncached_lookups": None if off is None else sum(off.values()),
        "held": hits > 0 and off is not None and not off.get("hit", 0),
    }

settings = {
    "wrk": "wrk -t%s -c%s -d%ss --timeout 10s --latency -s bench/wrk.lua (keep-alive)"
           % (E["BENCH_THREADS"], E["BENCH_CONNS"], E["BENCH_DURATION_S"]),
    "evne_workers": int(E["BENCH_WORKERS"]),
    "nginx_worker_processes": int(E["BENCH_CORES"]),
}
report = {
    "date": E["BENCH_STAMP"], "commit": E["BENCH_COMMIT"],
    "evne_version": E.get("BENCH_EVNE_VERSION", ""), "nginx_version": E.get("BENCH_NGINX_VERSION", ""),
    "wrk_version": E.get("BENCH_WRK_VERSION", ""),
    "machine": machine(), "settings": settings,
    "scenarios": scenarios, "demo": demo, "demo_phase2": demo_phase2, "import_people": imp,
    "serve_rss": rss, "page_cache": page_cache,
}
report["pass"] = all(s["pass"] for s in scenarios) and imp["pass"] and rss["pass"]


def verdict(ok, why=()):
    return "pass" if ok else "**miss**" + (" (%s)" % ", ".join(why) if why else "")


mach = report["machine"]
lines = [
    "evne %s, commit %s, %s UTC" % (report["evne_version"], report["commit"], report["date"]),
    "",
    "Machine: %d cores (`nproc`), %s, %.1f GiB memory, Linux %s. %s; %s."
    % (mach["nproc"], mach["cpu"] or "unknown CPU", mach["memory_gib"], mach["kernel"],
       report["nginx_version"], report["wrk_version"].split(" Copyright")[0]),
    "Load: `%s`, evne `--workers %d`, nginx `worker_processes %d`; %d people (40 units; the"
    " phase-2 scenarios, from `home-hr` on: %d units)."
    % (settings["wrk"], settings["evne_workers"], settings["nginx_worker_processes"], demo["people"],
       demo_phase2["units"]),
    "",
    "Each scenario runs against evne as configured by default (page cache on),"
    " against nginx serving the same bytes, and against evne restarted on the same database"
    " with `--page-cache 0` (uncached; nginx's figure reused). The result judges the default evne.",
    "",
    "| scenario | evne req/s | nginx req/s | ratio | uncached req/s | uncached ratio | evne p50 | evne p99 | p99/p50 (nginx) | errors | evne peak RSS | target | result |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
]
for s in scenarios:
    t = s["target"]
    target = ("ratio ≥ %.1f, " % t["ratio_min"] if t["ratio_min"] is not None else "") + "p99 ≤ 10×p50"
    un = s["uncached"] or {}
    lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s (%s) | %s | %s | %s | %s |" % (
        s["name"], fmt_rps(s["evne"]["rps"]), fmt_rps(s["nginx"]["rps"]), fmt_ratio(s["ratio"]),
        fmt_rps(un.get("rps")), fmt_ratio(un.get("ratio")),
        fmt_ms(s["evne"]["p50_ms"]), fmt_ms(s["evne"]["p99_ms"]),
        "–" if s["p99_over_p50"] is None else "%.1f" % s["p99_over_p50"],
        "–" if s["nginx_p99_over_p50"] is None else "%.1f" % s["nginx_p99_over_p50"],
        error_text(s["evne"]),
        "–" if s["evne_peak_rss_mib"] is None else "%.0f MiB" % s["evne_peak_rss_mib"],
        target, verdict(s["pass"], s["missed"])))
lines += [
    "",
    "The uncached figures are evne rendering every answer: what the first request for a page,"
    " and every request after a change to the data, costs. `static` and `healthz` are answered"
    " before the page cache and are not run again (–).",
    "",
    "| uncached (`--page-cache 0`) | p50 | p99 | p99/p50 | errors | peak RSS |",
    "|---|---:|---:|---:|---:|---:|",
]
for s in scenarios:
    un = s["uncached"]
    if un is None:
        continue
    lines.append("| %s | %s | %s | %s | %s | %s |" % (
        s["name"], fmt_ms(un["p50_ms"]), fmt_ms(un["p99_ms"]),
        "–" if un["p99_over_p50"] is None else "%.1f" % un["p99_over_p50"], un["error_text"],
        "–" if un["peak_rss_mib"] is None else "%.0f MiB" % un["peak_rss_mib"]))
lines += ["", "Page cache, from `GET /metrics` after each set's runs:"]
for tag, pc in page_cache.items():
    lines.append("- %s (%s): default evne %d hits, %d misses%s; `--page-cache 0`: %s%s" % (
        tag, ", ".join(pc["scenarios"]), pc["hits"], pc["misses"],
        "" if pc["hit_ratio"] is None else " (hit ratio %.1f %%)" % (100 * pc["hit_ratio"]),
        "not read" if pc["uncached_lookups"] is None else
        "no lookups (cache off)" if pc["uncached_lookups"] == 0 else
        "%d lookups" % pc["uncached_lookups"],
        "" if pc["held"] else " — **the cache did not hold as expected**"))
lines += [
    "",
    "| measured | figure | target | result |",
    "|---|---:|---|---|",
    "| `evne demo --people %d` | %.1f s, peak %.0f MiB | – | – |"
    % (demo["people"], demo["seconds"], demo["peak_mib"]),
    "| `evne demo --units %d --people %d --phase 2` | %.1f s, peak %.0f MiB | – | – |"
    % (demo_phase2["units"], demo_phase2["people"], demo_phase2["seconds"], demo_phase2["peak_mib"]),
    "| `evne import people` (%d new rows) | %.1f s, peak %.0f MiB | ≤ %.0f s, ≤ %d MiB | %s |"
    % (imp["rows"], imp["seconds"], imp["peak_mib"], IMPORT_MAX_S, IMPORT_MAX_MIB,
       verdict(imp["pass"])),
    "| `evne serve` RSS after all scenarios (the larger of the two databases') | peak (VmHWM) %.1f MiB (%.1f MiB by the log-ins, %s serving), now %.1f MiB; uncached evne %s serving | peak ≤ %d MiB | %s |"
    % (rss["vmhwm_mib"], rss["after_logins_vmhwm_mib"],
       "–" if rss["serving_vmhwm_mib"] is None else "%.1f MiB" % rss["serving_vmhwm_mib"],
       rss["vmrss_mib"],
       "–" if rss["uncached_serving_vmhwm_mib"] is None else "%.1f MiB" % rss["uncached_serving_vmhwm_mib"],
       RSS_MAX_MIB, verdict(rss["pass"])),
    "",
    "Scenarios:",
]
for s in scenarios:
    lines.append("- `%s` (%s): %s" % (s["name"], s["role"], s["description"]))
text = "\n".join(lines) + "\n"

sys.stdout.write("\n" + text + "\n")
with open(BASE + ".md", "w", encoding="utf-8") as f:
    f.write("# make bench, %s\n\n" % report["date"] + text)
with open(BASE + ".json", "w", encoding="utf-8") as f:
    json.dump(report, f, indent=2, ensure_ascii=False)
    f.write("\n")
