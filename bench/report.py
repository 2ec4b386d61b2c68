#!/usr/bin/env python3
"""Prints bench/run.sh's results as Markdown tables: each figure beside its
reference measured in the same run, the ratio, how the time per server grows
from the smallest to the largest fleet, and the targets of issue 7.

Usage: report.py RESULTS_DIR
"""
import glob
import json
import os
import statistics
import sys

TARGETS = {
    "merge_1pct": ("< 20 ms at 10,000", lambda r: r.get(10000, {}).get("ms", 1e9) < 20),
}


def load_core(results):
    """name -> size -> {ms, counters...}: medians when repeated, else the one run.
    Reads every core*.json of RESULTS_DIR (run.sh writes one per fleet size);
    the context is the first file's."""
    paths = sorted(glob.glob(os.path.join(results, "core*.json")))
    if not paths:
        sys.exit("report.py: no core*.json in %s" % results)
    runs = {}
    context = None
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        if context is None:
            context = data.get("context", {})
        add_core_runs(runs, data)
    return runs, context


def add_core_runs(runs, data):
    for bench in data["benchmarks"]:
        if bench.get("run_type") == "aggregate" and bench.get("aggregate_name") != "median":
            continue
        name = bench.get("run_name", bench["name"])
        base, _, size = name.rpartition("/")
        if not base:
            base, size = name, "0"
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[bench.get("time_unit", "ns")]
        entry = {"ms": bench["cpu_time"] * scale, "real_ms": bench["real_time"] * scale}
        for key, value in bench.items():
            if key in ("bytes_per_second", "items_per_second", "signals", "shown", "updated", "signatures_per_s"):
                entry[key] = value
        runs.setdefault(base, {})[int(size)] = entry


def fmt_ms(ms):
    if ms >= 100:
        return "%.0f ms" % ms
    if ms >= 10:
        return "%.1f ms" % ms
    if ms >= 1:
        return "%.2f ms" % ms
    return "%.3f ms" % ms


def growth(by_size):
    """Time per server at the largest size over that at the smallest: 1.0 is linear."""
    sizes = sorted(s for s in by_size if s > 0)
    if len(sizes) < 2:
        return "-"
    small, large = sizes[0], sizes[-1]
    value = (by_size[large]["ms"] / large) / (by_size[small]["ms"] / small)
    return "%.2f" % value


def cell(entry, extra=""):
    if entry is None:
        return "-"
    text = fmt_ms(entry["ms"])
    if extra == "mbps" and "bytes_per_second" in entry:
        text += " (%.0f MB/s)" % (entry["bytes_per_second"] / 1e6)
    if extra == "signals" and "signals" in entry:
        text += ", %g signals" % round(entry["signals"], 1)
    return text


def ratio(figure, reference, size):
    if size not in figure or size not in reference or reference[size]["ms"] <= 0:
        return "-"
    return "%.1fx" % (figure[size]["ms"] / reference[size]["ms"])


def core_tables(runs, sizes):
    ratio_size = 10000 if 10000 in sizes else sizes[-1]
    head = "| Step | " + " | ".join("%s servers" % format(s, ",") for s in sizes)
    head += " | Figure / reference at %s | Growth per server %s to %s (1.00 = linear) |" % (
        format(ratio_size, ","), format(sizes[0], ","), format(sizes[-1], ","))
    lines = [head, "|" + "---|" * (len(sizes) + 3)]
    steps = [
        ("Decode %s (SourceServerCodec::decodePage)", "decode", "decode.ref_fromJson",
         "QJsonDocument::fromJson of the same bytes", "mbps"),
        ("Decode %s through QJsonDocument (the path JsonTape replaced; still taken for a page it refuses)",
         "decode_qjsondocument", "decode.ref_fromJson", "QJsonDocument::fromJson of the same bytes", "mbps"),
        ("merge() into an empty model", "merge_empty", "merge_empty.ref_copy",
         "copying the servers into rows", "signals"),
        ("First fill: pages of 1000 upserted, then the snapshot merged, no proxy", "fill_pages",
         "merge_empty", "one merge() into an empty model, no proxy", ""),
        ("First fill: pages of 1000 upserted under the sorted proxy, then the snapshot merged", "fill_pages_proxy",
         "merge_empty", "one merge() into an empty model, no proxy", "signals"),
        ("Refresh merge(), 1% changed", "merge_1pct", "merge_1pct.ref_compare",
         "operator== of the snapshot with the rows", "signals"),
        ("Refresh merge(), 1% changed, sorted proxy attached", "merge_1pct_proxy", "merge_1pct.ref_compare",
         "operator== of the snapshot with the rows", "signals"),
        ("Text filter \"prod\" through the proxy (sorted by name)", "filter_text", "filter_text.ref_predicate",
         "matchesText() over every server", ""),
        ("Emulator: list the fleet, pages of 1000 (MgnService, no HTTP)", "emulator_list",
         "emulator_list.ref_toJson", "QJsonDocument::toJson of the same pages", "mbps"),
    ]
    for label, name, ref, ref_label, extra in steps:
        if name not in runs:
            continue
        if "%s" in label:
            label = label % "pages of 1000 servers"
        figure = runs[name]
        reference = runs.get(ref, {})
        lines.append("| %s | %s | %s | %s |" % (
            label, " | ".join(cell(figure.get(s), extra) for s in sizes),
            ratio(figure, reference, ratio_size), growth(figure)))
        lines.append("| &nbsp;&nbsp;reference: %s | %s | | %s |" % (
            ref_label, " | ".join(cell(reference.get(s), "mbps" if extra == "mbps" else "") for s in sizes),
            growth(reference) if reference else "-"))
    out = ["### In-process steps (median CPU time of the benchmark thread)", ""] + lines + [""]

    sort_names = sorted({n for n in runs if n.startswith("sort.") and ".ref_" not in n},
                        key=lambda n: list(runs).index(n))
    if sort_names:
        out += ["### Sort through the proxy, by column (reference: std::stable_sort of the same keys read "
                "beforehand)", ""]
        out.append("| Column | " + " | ".join("%s servers" % format(s, ",") for s in sizes)
                   + " | Reference at %s | Figure / reference | Growth per server |" % format(ratio_size, ","))
        out.append("|" + "---|" * (len(sizes) + 4))
        for name in sort_names:
            figure = runs[name]
            reference = runs.get(name + ".ref_stable_sort", {})
            out.append("| %s | %s | %s | %s | %s |" % (
                name[len("sort."):], " | ".join(cell(figure.get(s)) for s in sizes),
                cell(reference.get(ratio_size)), ratio(figure, reference, ratio_size), growth(figure)))
        out.append("")
    return out


JSON_ENGINES = [
    ("jsontape", "JsonTape::parse (models/json)"),
    ("simdjson_dom", "simdjson DOM (dom::parser reused)"),
    ("simdjson_ondemand", "simdjson On-Demand (parses as it visits every value)"),
    ("ref_fromJson", "reference: QJsonDocument::fromJson"),
]


def json_tables(runs, sizes):
    """json_parse.* and json_walk.*: MB/s and ns per server for each engine
    beside QJsonDocument, at each fleet size."""
    if not any(n.startswith("json_parse.") for n in runs):
        return []
    out = []
    for kind, title in (("json_parse", "Parse only"),
                        ("json_walk", "Parse, then every member of every server read (strings made QStrings)")):
        reference = runs.get(kind + ".ref_fromJson", {})
        out += ["### JSON: %s, pages of 1000 servers (median CPU time)" % title, "",
                "| Engine | " + " | ".join("%s servers: MB/s, ns per server" % format(s, ",") for s in sizes)
                + " | QJsonDocument's time / this one at %s |" % format(sizes[-1], ","),
                "|" + "---|" * (len(sizes) + 2)]
        for engine, label in JSON_ENGINES:
            figure = runs.get("%s.%s" % (kind, engine))
            if not figure:
                continue
            cells = []
            for s in sizes:
                entry = figure.get(s)
                if entry is None or "bytes_per_second" not in entry:
                    cells.append("-")
                    continue
                cells.append("%.0f MB/s, %.0f ns" % (entry["bytes_per_second"] / 1e6, entry["ms"] * 1e6 / s))
            speedup = "-"
            if engine != "ref_fromJson" and sizes[-1] in figure and sizes[-1] in reference:
                speedup = "%.1fx" % (reference[sizes[-1]]["ms"] / figure[sizes[-1]]["ms"])
            out.append("| %s | %s | %s |" % (label, " | ".join(cells), "" if engine == "ref_fromJson" else speedup))
        out.append("")
    return out


def sigv4_table(runs, results):
    if "sigv4_sign" not in runs:
        return []
    rate = runs["sigv4_sign"][0].get("signatures_per_s", 0)
    floor = runs.get("sigv4_sign.ref_crypto", {}).get(0, {}).get("signatures_per_s", 0)
    out = ["### SigV4 signing (a DescribeSourceServers request, CPU time)", "",
           "| Signer | Signatures per second | mgn's rate / this one |", "|---|---|---|",
           "| SigV4Signer::signHeaders (mgn_app) | %.0f | |" % rate]
    if floor:
        out.append("| reference: SHA-256 x2 + HMAC-SHA256 on the same bytes (QCryptographicHash) | %.0f | %.2fx |"
                   % (floor, rate / floor))
    path = os.path.join(results, "botocore_sign.json")
    if os.path.exists(path):
        with open(path) as f:
            boto = json.load(f)
        out.append("| reference: botocore SigV4Auth.add_auth (AWS CLI, boto3) | %.0f | %.1fx |"
                   % (boto["signatures_per_s"], rate / boto["signatures_per_s"]))
    return out + [""]


def e2e_table(results):
    path = os.path.join(results, "e2e.jsonl")
    if not os.path.exists(path):
        return [], {}
    rows, notes = [], []
    with open(path) as f:
        for line in f:
            record = json.loads(line)
            (notes if "skipped" in record else rows).append(record)
    sizes = sorted({r["servers"] for r in rows})
    clients = []
    for r in rows:
        if r["client"] not in clients:
            clients.append(r["client"])
    by = {(r["client"], r["servers"]): r for r in rows}
    ratio_size = 10000 if 10000 in sizes else sizes[-1]
    out = ["### End to end: describe-source-servers of the whole fleet against mgn-emulator "
           "(median wall time of the whole process, same emulator and fleet)", "",
           "| Client | Version | " + " | ".join("%s servers" % format(s, ",") for s in sizes)
           + " | CPU at %s | Time / mgnctl's at %s | CPU / mgnctl's |" % (
               format(ratio_size, ","), format(ratio_size, ",")),
           "|" + "---|" * (len(sizes) + 5)]
    ratios = {}
    base = by.get(("mgnctl", ratio_size))
    for client in clients:
        version = next(r["version"] for r in rows if r["client"] == client)
        cells = []
        for s in sizes:
            r = by.get((client, s))
            cells.append("%.2f s" % r["wall_s_median"] if r else "skipped")
        r = by.get((client, ratio_size))
        cpu = "%.2f s" % r["cpu_s_median"] if r else "-"
        rat = "-"
        if r and base and client != "mgnctl":
            rat = "%.1fx" % (r["wall_s_median"] / base["wall_s_median"])
            if ratio_size == 10000:
                ratios[client] = r["wall_s_median"] / base["wall_s_median"]
        cpu_ratio = "-"
        if r and base and client != "mgnctl" and base["cpu_s_median"] > 0:
            cpu_ratio = "%.1fx" % (r["cpu_s_median"] / base["cpu_s_median"])
        out.append("| %s | %s | %s | %s | %s | %s |" % (client, version, " | ".join(cells), cpu, rat, cpu_ratio))
    for note in notes:
        out.append("")
        out.append("Skipped at %s servers: %s (%s)." % (format(note["servers"], ","), ", ".join(note["skipped"]),
                                                      note["reason"]))
    return out + [""], ratios


def dashboard_table(results):
    path = os.path.join(results, "dashboard.jsonl")
    if not os.path.exists(path):
        return [], None
    runs = {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            runs.setdefault((r["mode"], r["servers"]), []).append(r)
    sizes = sorted({s for _, s in runs})

    def median(mode, size, key):
        values = [r[key] for r in runs.get((mode, size), []) if key in r]
        return statistics.median(values) if values else None

    out = ["### Dashboard start (--demo settings: the emulator in the process on its own thread, seed 7, speed 60; "
           "offscreen; medians)", "",
           "| Servers | Start to full table (window) | GUI thread CPU until then | reference: same start, listing by "
           "MgnClient, no window | Window / reference | Peak RSS, window | Peak RSS, reference |",
           "|---|---|---|---|---|---|---|"]
    populated = None
    for s in sizes:
        window = median("window", s, "start_to_populated_ms")
        listing = median("listing", s, "start_to_populated_ms")
        rss_key = "time_v_max_rss_kb" if any("time_v_max_rss_kb" in r for r in runs.get(("window", s), [])) \
            else "peak_rss_kb"
        rss_w = median("window", s, rss_key)
        rss_l = median("listing", s, rss_key)
        if s == 10000:
            populated = window
        gui_cpu = median("window", s, "main_thread_cpu_ms")
        out.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            format(s, ","), "%.0f ms" % window if window is not None else "-",
            "%.0f ms" % gui_cpu if gui_cpu is not None else "-",
            "%.0f ms" % listing if listing is not None else "-",
            "%.2fx" % (window / listing) if window and listing else "-",
            "%.0f MB" % (rss_w / 1024) if rss_w else "-", "%.0f MB" % (rss_l / 1024) if rss_l else "-"))
    if len(sizes) > 1 and all(median("window", s, "start_to_populated_ms") for s in sizes):
        w0 = median("window", sizes[0], "start_to_populated_ms")
        w1 = median("window", sizes[-1], "start_to_populated_ms")
        out.append("")
        out.append("Growth per server %s to %s: %.2f (1.00 = linear; the start's fixed cost makes it lower)." % (
            format(sizes[0], ","), format(sizes[-1], ","), (w1 / sizes[-1]) / (w0 / sizes[0])))
    return out + [""], populated


def main():
    results = sys.argv[1]
    runs, context = load_core(results)
    sizes = sorted({s for by_size in runs.values() for s in by_size if s > 0})
    out = []
    out += core_tables(runs, sizes)
    out += json_tables(runs, sizes)
    out += sigv4_table(runs, results)
    e2e, ratios = e2e_table(results)
    out += e2e
    dashboard, populated = dashboard_table(results)
    out += dashboard

    out += ["### Targets (issue 7, judged at 10,000 servers)", ""]
    if not ratios:
        out.append("- end to end: not judged, no run at 10,000 servers (--quick)")
    for client, value in sorted(ratios.items()):
        goal = 5 if client == "boto3" else 10
        out.append("- mgnctl at least %dx faster than %s: %.1fx, %s" % (
            goal, client, value, "met" if value >= goal else "NOT met"))
    merge = runs.get("merge_1pct", {}).get(10000)
    if merge:
        out.append("- refresh merge of 10,000 with 1%% changed under 20 ms: %s, %s" % (
            fmt_ms(merge["ms"]), "met" if merge["ms"] < 20 else "NOT met"))
    if populated is not None:
        out.append("- table of 10,000 populated in under 1.5 s: %.0f ms, %s" % (
            populated, "met" if populated < 1500 else "NOT met"))
    else:
        out.append("- dashboard: not judged, no run at 10,000 servers (--quick)")
    out.append("")
    out.append("Machine: %s CPUs at %s MHz (Google Benchmark's view); load average %s." % (
        context.get("num_cpus", "?"), context.get("mhz_per_cpu", "?"),
        ", ".join("%.1f" % x for x in context.get("load_avg", [])) or "?"))
    print("\n".join(out))


if __name__ == "__main__":
    main()
