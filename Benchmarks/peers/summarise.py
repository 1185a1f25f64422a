#!/usr/bin/env python3
"""Medians and ranges of the runs run.sh recorded, DuckDB's beside mfc's.

    python summarise.py RESULTS

RESULTS holds one line per run: `tool=duckdb|mfc run=N key=value ...`, the pipeline's own
figures (pipeline.py's line, or `mfc-bench --once`'s) followed by the whole process's, measured
from outside by /usr/bin/time: process_wall, process_cpu (user + system) and process_peak_mib.
"""
import statistics
import sys


def read(path):
    runs = {"duckdb": [], "mfc": []}
    with open(path) as results:
        for line in results:
            pairs = dict(p.split("=", 1) for p in line.split() if "=" in p)
            if pairs.get("tool") in runs:
                runs[pairs["tool"]].append(pairs)
    return runs


def values(runs, key):
    return [float(r[key]) for r in runs if key in r]


def spread(numbers, digits):
    if not numbers:
        return "not measured"
    text = f"{statistics.median(numbers):,.{digits}f}"
    if len(numbers) > 1:
        text += f" ({min(numbers):,.{digits}f}-{max(numbers):,.{digits}f})"
    return text


def row(label, numbers, unit, digits):
    print(f"  {label:<44} {spread(numbers, digits)}{unit if numbers else ''}")


def main():
    runs = read(sys.argv[1])
    duck, mfc = runs["duckdb"], runs["mfc"]
    if not duck or not mfc:
        sys.exit("summarise.py: no runs of one of the tools to compare")
    for r in mfc:
        r["import_link_export"] = float(r["import_link"]) + float(r["export"])
        r["import_link_cpu"] = float(r["load_cpu"]) + float(r["link_cpu"])

    print(f"\nmedians of {len(duck)} DuckDB and {len(mfc)} mfc runs (least-most); seconds, MiB")
    print(f"DuckDB {duck[0].get('duckdb', '?')}, {duck[0].get('threads', '?')} threads: "
          f"{duck[0].get('incidents')} incidents ({duck[0].get('both')} known to both, "
          f"{duck[0].get('police_only')} police only, {duck[0].get('la_only')} LA only); "
          f"{int(duck[0]['linked_by_ref']) + int(duck[0]['linked_by_name'])} of {duck[0].get('reports')} reports linked")
    for phase in ["load", "link", "build", "scorecard", "export"]:
        row(phase, values(duck, phase), " s", 3)
        row("  its processor time", values(duck, phase + "_cpu"), " s", 3)
        row("  peak memory at its end", values(duck, phase + "_peak_mib"), " MiB", 0)
    row("whole pipeline, load to export", values(duck, "total"), " s", 3)
    row("  its processor time", values(duck, "total_cpu"), " s", 3)
    row("process: wall", values(duck, "process_wall"), " s", 2)
    row("process: processor time", values(duck, "process_cpu"), " s", 2)
    row("process: peak memory", values(duck, "process_peak_mib"), " MiB", 0)

    print(f"mfc-bench --once: {mfc[0].get('incidents')} incidents from {mfc[0].get('episodes')} episodes "
          f"and {mfc[0].get('reports')} reports")
    row("load (read, validate)", values(mfc, "load"), " s", 3)
    row("  its processor time", values(mfc, "load_cpu"), " s", 3)
    row("link (persons, pairs, incidents, repeats)", values(mfc, "link"), " s", 3)
    row("  its processor time", values(mfc, "link_cpu"), " s", 3)
    row("import and link", values(mfc, "import_link"), " s", 3)
    row("  its processor time", values(mfc, "import_link_cpu"), " s", 3)
    row("export", values(mfc, "export"), " s", 3)
    row("import, link and export", values(mfc, "import_link_export"), " s", 3)
    row("process: wall", values(mfc, "process_wall"), " s", 2)
    row("process: processor time", values(mfc, "process_cpu"), " s", 2)
    row("process: peak memory", values(mfc, "process_peak_mib"), " MiB", 0)

    def ratio(label, mfc_key, duck_key):
        a, b = values(mfc, mfc_key), values(duck, duck_key)
        # The runs were taken in pairs: each pair's ratio, and the ratio of the medians.
        paired = [x / y for x, y in zip(a, b) if y > 0]
        print(f"  {label:<44} {statistics.median(a) / statistics.median(b):.2f}"
              f" (pair by pair {min(paired):.2f}-{max(paired):.2f})")

    print("mfc / DuckDB (ratio of the medians; under 1.0: mfc took less)")
    ratio("import and link / DuckDB's whole pipeline", "import_link", "total")
    ratio("import, link and export / whole pipeline", "import_link_export", "total")
    ratio("process wall / process wall", "process_wall", "process_wall")
    ratio("process processor time / processor time", "process_cpu", "process_cpu")
    ratio("process peak memory / peak memory", "process_peak_mib", "process_peak_mib")


if __name__ == "__main__":
    main()
