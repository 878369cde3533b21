#!/usr/bin/env python3
"""The table of make bench: reads what bench/run.sh left in BENCH_TMP (the
scenario list and wrk's output per scenario and server) and the figures it
passes in the environment; prints the table and writes BENCH_BASE.md and
BENCH_BASE.json. Targets are those of the issue "make bench" (2-core machine,
ratios from one run)."""
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
        errors = sum(ev.get("errors", {}).values()) if "errors" in ev else None
        if not ev.get("requests"):
            errors = errors or 1
        try:
            hwm_mib = int(open(os.path.join(TMP, "wrk", name + ".hwm")).read()) / 1024
        except (OSError, ValueError):
            hwm_mib = None
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
            "evne": ev, "nginx": ng, "ratio": ratio,
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
    "serve_rss": rss,
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
    "| scenario | evne req/s | nginx req/s | ratio | evne p50 | evne p99 | p99/p50 (nginx) | errors | evne peak RSS | target | result |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
]
for s in scenarios:
    t = s["target"]
    target = ("ratio ≥ %.1f, " % t["ratio_min"] if t["ratio_min"] is not None else "") + "p99 ≤ 10×p50"
    errs = s["evne"].get("errors", {})
    err_txt = "0" if not any(errs.values()) else ", ".join(
        "%d %s" % (v, k) for k, v in errs.items() if v)
    if not s["evne"].get("requests"):
        err_txt = "none answered in %ss" % E["BENCH_DURATION_S"]
    lines.append("| %s | %s | %s | %s | %s | %s | %s (%s) | %s | %s | %s | %s |" % (
        s["name"], fmt_rps(s["evne"]["rps"]), fmt_rps(s["nginx"]["rps"]),
        "–" if s["ratio"] is None else "%.3f" % s["ratio"] if s["ratio"] < 0.1 else "%.2f" % s["ratio"],
        fmt_ms(s["evne"]["p50_ms"]), fmt_ms(s["evne"]["p99_ms"]),
        "–" if s["p99_over_p50"] is None else "%.1f" % s["p99_over_p50"],
        "–" if s["nginx_p99_over_p50"] is None else "%.1f" % s["nginx_p99_over_p50"],
        err_txt,
        "–" if s["evne_peak_rss_mib"] is None else "%.0f MiB" % s["evne_peak_rss_mib"],
        target, verdict(s["pass"], s["missed"])))
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
    "| `evne serve` RSS after all scenarios (the larger of the two databases') | peak (VmHWM) %.1f MiB (%.1f MiB by the log-ins, %s serving), now %.1f MiB | peak ≤ %d MiB | %s |"
    % (rss["vmhwm_mib"], rss["after_logins_vmhwm_mib"],
       "–" if rss["serving_vmhwm_mib"] is None else "%.1f MiB" % rss["serving_vmhwm_mib"],
       rss["vmrss_mib"], RSS_MAX_MIB, verdict(rss["pass"])),
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
