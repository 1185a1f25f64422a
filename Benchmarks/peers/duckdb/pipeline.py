#!/usr/bin/env python3
"""The peer pipeline: what an analyst with SQL would do with mfc's files, in DuckDB.

    python pipeline.py DIR [--threads N] [--keep FILE] [--evaluate]

On a folder written by `mfc generate` (children.csv, la_episodes.csv, police_reports.csv,
homes.csv, authorities.csv, forces.csv), in one in-memory DuckDB database:

1. load     the six CSVs into tables, every column given its type (dates and times parsed in
            the formats the files use);
2. link     police reports to children, exactly: a report whose police_ref one LA episode
            records belongs to that episode's child; any other report to the one child with
            the same normalised forename, surname and date of birth (none when two match);
3. build    the combined incidents table: a report and an episode are one incident when the
            episode records the report's police_ref, or when they are of the same child and
            their windows overlap (24 hours' tolerance; an open record's end is its start),
            one to one, nearest start first (mutual nearest); every report and episode left
            over is an incident of its own (police only, LA only). With each incident: start,
            end, still missing, duration, child, home, responsible and host authority, out of
            area, force, risk, return interview, CSE concern, discrepancies, 3 in 90 days,
            and the times in UTC;
4. scorecard  one row per responsible authority: incidents, children, known to both, police
            only, LA only, high risk, median duration, over 24 hours, out of area, CSE, still
            missing, return interviews offered and in time, children with 3 or more, rate per
            1,000 children looked after;
5. export   the combined table, sorted by start, to a CSV file (deleted after, unless --keep).

It prints one line of `key=value` figures: the rows of each table, the links and incidents,
the wall and processor seconds of each phase and of the whole (load to export), and the
process's peak resident memory in MiB. Processor time and peak memory are the whole process's
(getrusage: every DuckDB thread, and Python). --evaluate then compares the links with
truth.csv, outside the timings.
"""
import argparse
import os
import resource
import shutil
import sys
import tempfile
import time

import duckdb

# The columns of each file, with their types (mfc's formats; docs/formats.md).
FILES = {
    "children": ("children.csv", {
        "child_id": "VARCHAR", "local_authority": "VARCHAR", "given_name": "VARCHAR",
        "family_name": "VARCHAR", "dob": "DATE", "sex": "VARCHAR", "placement_urn": "VARCHAR",
    }, "%Y-%m-%d", "%Y-%m-%dT%H:%M"),
    "la_episodes": ("la_episodes.csv", {
        "episode_id": "VARCHAR", "child_id": "VARCHAR", "local_authority": "VARCHAR", "type": "VARCHAR",
        "started_at": "TIMESTAMP", "ended_at": "TIMESTAMP", "placement_urn": "VARCHAR",
        "police_ref": "VARCHAR", "rhi_offered": "VARCHAR", "rhi_completed_at": "TIMESTAMP",
        "cse_concern": "VARCHAR",
    }, "%Y-%m-%d", "%Y-%m-%dT%H:%M"),
    "police_reports": ("police_reports.csv", {
        "police_ref": "VARCHAR", "force": "VARCHAR", "forename": "VARCHAR", "surname": "VARCHAR",
        "dob": "DATE", "sex": "VARCHAR", "missing_from": "VARCHAR", "missing_from_postcode": "VARCHAR",
        "last_seen_at": "TIMESTAMP", "reported_at": "TIMESTAMP", "found_at": "TIMESTAMP",
        "risk": "VARCHAR", "cse_concern": "VARCHAR",
    }, "%d/%m/%Y", "%d/%m/%Y %H:%M"),
    "homes": ("homes.csv", {
        "urn": "VARCHAR", "name": "VARCHAR", "provider": "VARCHAR", "address": "VARCHAR",
        "postcode": "VARCHAR", "local_authority": "VARCHAR", "police_force": "VARCHAR",
        "ofsted_rating": "VARCHAR", "places": "INTEGER",
    }, "%Y-%m-%d", "%Y-%m-%dT%H:%M"),
    "authorities": ("authorities.csv", {
        "code": "VARCHAR", "name": "VARCHAR", "police_force": "VARCHAR", "children_looked_after": "INTEGER",
    }, "%Y-%m-%d", "%Y-%m-%dT%H:%M"),
    "forces": ("forces.csv", {"code": "VARCHAR", "name": "VARCHAR"}, "%Y-%m-%d", "%Y-%m-%dT%H:%M"),
}

# A name's key, as mfc's NameKey makes it: lower case, without spaces, tabs, hyphens,
# apostrophes (straight and curly), full stops and commas.
NAME_KEY = r"""CREATE MACRO name_key(s) AS regexp_replace(lower(s), '[ \t\-''.,’‘‐‑]', '', 'g')"""

LINK = """
CREATE TABLE person_links AS
WITH ref_episode AS (
    -- A police_ref that exactly one episode records.
    SELECT police_ref, any_value(episode_id) AS episode_id, any_value(child_id) AS child_id
    FROM la_episodes WHERE police_ref IS NOT NULL
    GROUP BY police_ref HAVING count(*) = 1),
by_ref AS (
    SELECT r.police_ref, x.child_id, x.episode_id, 'police_ref' AS method
    FROM police_reports r JOIN ref_episode x ON x.police_ref = r.police_ref),
report_keys AS (
    SELECT r.police_ref, name_key(r.forename) AS fn, name_key(r.surname) AS sn, r.dob
    FROM police_reports r ANTI JOIN by_ref b ON b.police_ref = r.police_ref
    WHERE r.dob IS NOT NULL),
child_keys AS (
    SELECT child_id, name_key(given_name) AS fn, name_key(family_name) AS sn, dob
    FROM children WHERE dob IS NOT NULL),
by_name AS (
    -- Exactly one child with the same names and date of birth.
    SELECT k.police_ref, min(c.child_id) AS child_id, NULL AS episode_id, 'name' AS method
    FROM report_keys k JOIN child_keys c ON c.fn = k.fn AND c.sn = k.sn AND c.dob = k.dob
    WHERE k.fn <> '' AND k.sn <> ''
    GROUP BY k.police_ref HAVING count(*) = 1)
SELECT * FROM by_ref UNION ALL SELECT * FROM by_name
"""

PAIRS = """
CREATE TABLE pairs AS
WITH taken AS (SELECT episode_id FROM person_links WHERE method = 'police_ref'),
candidates AS (
    -- Episodes of the report's child, not already paired by police_ref, whose windows
    -- overlap the report's with 24 hours' tolerance.
    SELECT r.police_ref, e.episode_id,
           abs(epoch(e.started_at) - epoch(coalesce(r.last_seen_at, r.reported_at))) AS gap
    FROM person_links l
    JOIN police_reports r ON r.police_ref = l.police_ref
    JOIN la_episodes e ON e.child_id = l.child_id
    ANTI JOIN taken t ON t.episode_id = e.episode_id
    WHERE l.method = 'name'
      AND coalesce(r.last_seen_at, r.reported_at) <= coalesce(e.ended_at, e.started_at) + INTERVAL 24 HOUR
      AND e.started_at <= coalesce(r.found_at, r.last_seen_at, r.reported_at) + INTERVAL 24 HOUR),
nearest AS (
    SELECT police_ref, episode_id,
           row_number() OVER (PARTITION BY police_ref ORDER BY gap, episode_id) AS by_report,
           row_number() OVER (PARTITION BY episode_id ORDER BY gap, police_ref) AS by_episode
    FROM candidates)
SELECT police_ref, episode_id FROM person_links WHERE method = 'police_ref'
UNION ALL
SELECT police_ref, episode_id FROM nearest WHERE by_report = 1 AND by_episode = 1
"""

INCIDENTS = """
CREATE TABLE incidents AS
WITH keys AS (
    SELECT police_ref, episode_id FROM pairs
    UNION ALL SELECT r.police_ref, NULL FROM police_reports r ANTI JOIN pairs p ON p.police_ref = r.police_ref
    UNION ALL SELECT NULL, e.episode_id FROM la_episodes e ANTI JOIN pairs p ON p.episode_id = e.episode_id),
joined AS (
    SELECT k.police_ref, k.episode_id,
           coalesce(e.child_id, l.child_id) AS child_id,
           CASE WHEN k.police_ref IS NOT NULL AND k.episode_id IS NOT NULL THEN 'both'
                WHEN k.episode_id IS NULL THEN 'police only' ELSE 'LA only' END AS provenance,
           e.started_at AS la_start, coalesce(r.last_seen_at, r.reported_at) AS police_start,
           least(e.started_at, coalesce(r.last_seen_at, r.reported_at)) AS start,
           greatest(e.ended_at, r.found_at) AS "end",
           k.police_ref IS NOT NULL AND k.episode_id IS NOT NULL
               AND (e.ended_at IS NULL) <> (r.found_at IS NULL) AS open_and_closed,
           e.placement_urn AS episode_home, e.local_authority AS episode_authority,
           r.force, r.risk, e.rhi_offered, e.rhi_completed_at,
           e.cse_concern AS la_cse, r.cse_concern AS police_cse
    FROM keys k
    LEFT JOIN police_reports r ON r.police_ref = k.police_ref
    LEFT JOIN la_episodes e ON e.episode_id = k.episode_id
    LEFT JOIN person_links l ON l.police_ref = k.police_ref)
SELECT
    CASE WHEN j.episode_id IS NOT NULL THEN 'L-' || j.episode_id ELSE 'P-' || j.police_ref END AS incident_id,
    j.provenance,
    j.start,
    j."end",
    CASE WHEN j.child_id IS NULL THEN j."end" IS NULL
         ELSE j."end" IS NULL AND lead(j.start) OVER per_child IS NULL END AS still_missing,
    round((epoch(j."end") - epoch(j.start)) / 3600, 2) AS duration_hours,
    j.child_id, c.given_name, c.family_name, c.dob, c.sex,
    h.urn AS home_urn, h.name AS home_name,
    coalesce(j.episode_authority, c.local_authority) AS responsible_authority,
    h.local_authority AS host_authority,
    coalesce(j.force, h.police_force) AS force,
    h.local_authority <> coalesce(j.episode_authority, c.local_authority) AS out_of_area,
    j.risk AS highest_risk,
    CASE WHEN j.rhi_completed_at IS NOT NULL AND j.rhi_completed_at <= j."end" + INTERVAL 72 HOUR THEN 'completed within 72 hours'
         WHEN j.rhi_completed_at IS NOT NULL THEN 'completed late'
         WHEN j.rhi_offered = 'Y' THEN 'offered'
         WHEN j.rhi_offered = 'N' THEN 'not offered' END AS return_interview,
    CASE WHEN j.la_cse IS NULL AND j.police_cse IS NULL THEN NULL
         ELSE coalesce(j.la_cse = 'Y', false) OR coalesce(j.police_cse = 'Y', false) END AS cse_concern,
    concat_ws('; ',
        CASE WHEN abs(epoch(j.la_start) - epoch(j.police_start)) > 86400 THEN 'starts over 24 hours apart' END,
        CASE WHEN j.open_and_closed THEN 'one source open, the other closed' END) AS discrepancies,
    j.child_id IS NOT NULL AND count(*) OVER per_child_90_days >= 3 AS repeat_3_in_90_days,
    j.police_ref AS police_refs,
    j.episode_id AS la_episode_ids,
    timezone('UTC', timezone('Europe/London', j.start)) AS start_utc,
    timezone('UTC', timezone('Europe/London', j."end")) AS end_utc
FROM joined j
LEFT JOIN children c ON c.child_id = j.child_id
LEFT JOIN homes h ON h.urn = coalesce(j.episode_home, c.placement_urn)
WINDOW per_child AS (PARTITION BY j.child_id ORDER BY j.start),
       per_child_90_days AS (PARTITION BY j.child_id ORDER BY j.start
                             RANGE BETWEEN INTERVAL 90 DAYS PRECEDING AND CURRENT ROW)
"""

SCORECARD = """
CREATE TABLE scorecard AS
WITH per_child AS (
    SELECT responsible_authority, child_id, count(*) AS n
    FROM incidents WHERE child_id IS NOT NULL GROUP BY ALL),
three_or_more AS (
    SELECT responsible_authority, count(*) AS children_3_or_more
    FROM per_child WHERE n >= 3 GROUP BY ALL),
scores AS (
    SELECT responsible_authority,
           count(*) AS incidents,
           count(DISTINCT child_id) AS children,
           count(*) FILTER (provenance = 'both') AS known_to_both,
           count(*) FILTER (provenance = 'police only') AS police_only,
           count(*) FILTER (provenance = 'LA only') AS la_only,
           count(*) FILTER (highest_risk = 'high') AS high_risk,
           median(duration_hours) AS median_duration_hours,
           count(*) FILTER (duration_hours > 24) AS over_24_hours,
           count(*) FILTER (out_of_area) AS out_of_area,
           count(*) FILTER (cse_concern) AS cse_concern,
           count(*) FILTER (still_missing) AS still_missing,
           count(*) FILTER (return_interview IS NOT NULL) AS interviews_recorded,
           count(*) FILTER (return_interview IN ('offered', 'completed within 72 hours', 'completed late')) AS interviews_offered,
           count(*) FILTER (return_interview = 'completed within 72 hours') AS interviews_in_time
    FROM incidents GROUP BY ALL)
SELECT s.responsible_authority AS authority, a.name, s.*  EXCLUDE (responsible_authority),
       round(100.0 * s.known_to_both / s.incidents, 1) AS percent_known_to_both,
       round(100.0 * s.interviews_offered / nullif(s.interviews_recorded, 0), 1) AS percent_interview_offered,
       coalesce(t.children_3_or_more, 0) AS children_3_or_more,
       a.children_looked_after,
       round(1000.0 * s.children / nullif(a.children_looked_after, 0), 1) AS children_per_1000_looked_after
FROM scores s
LEFT JOIN authorities a ON a.code = s.responsible_authority
LEFT JOIN three_or_more t ON t.responsible_authority IS NOT DISTINCT FROM s.responsible_authority
ORDER BY authority NULLS LAST
"""


def processor_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def sql_string(text):
    return "'" + text.replace("'", "''") + "'"


def load_sql(directory, table):
    name, columns, date_format, time_format = FILES[table]
    types = "{" + ", ".join(f"{sql_string(c)}: {sql_string(t)}" for c, t in columns.items()) + "}"
    return (f"CREATE TABLE {table} AS SELECT * FROM read_csv({sql_string(os.path.join(directory, name))}, "
            f"header = true, types = {types}, dateformat = {sql_string(date_format)}, "
            f"timestampformat = {sql_string(time_format)})")


def count(con, query):
    return con.execute(query).fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description="The DuckDB peer of mfc's import, link, build and export.")
    parser.add_argument("directory")
    parser.add_argument("--threads", type=int, default=os.cpu_count(),
                        help="DuckDB's threads (default: every core, %(default)s)")
    parser.add_argument("--keep", metavar="FILE", help="keep the exported CSV here")
    parser.add_argument("--set", metavar="NAME=VALUE", action="append", default=[],
                        help="a DuckDB setting, e.g. preserve_insertion_order=false (none by default)")
    parser.add_argument("--evaluate", action="store_true",
                        help="after the timings, compare the links with truth.csv")
    args = parser.parse_args()
    os.umask(0o077)  # the export holds children's records: 0600, as mfc writes its files
    for name, *_ in FILES.values():
        path = os.path.join(args.directory, name)
        if not os.path.isfile(path):
            sys.exit(f"pipeline.py: {path} is missing; make the folder with `mfc generate --seed 7 --children 150000 --output DIR`")

    workdir = tempfile.mkdtemp(prefix="mfc-peer-")  # 0700
    output = args.keep or os.path.join(workdir, "incidents.csv")
    figures = {}
    con = duckdb.connect(":memory:")
    con.execute(f"SET threads = {int(args.threads)}")
    for setting in args.set:
        name, _, value = setting.partition("=")
        if not name.isidentifier() or not value:
            sys.exit(f"pipeline.py: --set takes NAME=VALUE, not {setting!r}")
        con.execute(f"SET {name} = {sql_string(value)}")
    con.execute(NAME_KEY)

    phases = []
    wall_start, cpu_start = time.perf_counter(), processor_seconds()

    def phase(name, statements):
        start, cpu = time.perf_counter(), processor_seconds()
        result = None
        for statement in statements:
            result = statement() if callable(statement) else con.execute(statement)
        figures[name] = time.perf_counter() - start
        figures[name + "_cpu"] = processor_seconds() - cpu
        figures[name + "_peak_mib"] = peak_mib()
        phases.append(name)
        return result

    try:
        phase("load", [load_sql(args.directory, table) for table in FILES])
        phase("link", [LINK])
        phase("build", [PAIRS, INCIDENTS])
        rows = phase("scorecard", [SCORECARD, lambda: con.execute("SELECT * FROM scorecard").fetchall()])
        phase("export", [f"COPY (SELECT * FROM incidents ORDER BY start, incident_id) TO {sql_string(output)} "
                         "(HEADER, DELIMITER ',')"])
        total, total_cpu = time.perf_counter() - wall_start, processor_seconds() - cpu_start
        peak = peak_mib()

        counts = {
            "children": count(con, "SELECT count(*) FROM children"),
            "episodes": count(con, "SELECT count(*) FROM la_episodes"),
            "reports": count(con, "SELECT count(*) FROM police_reports"),
            "linked_by_ref": count(con, "SELECT count(*) FROM person_links WHERE method = 'police_ref'"),
            "linked_by_name": count(con, "SELECT count(*) FROM person_links WHERE method = 'name'"),
            "incidents": count(con, "SELECT count(*) FROM incidents"),
            "both": count(con, "SELECT count(*) FROM incidents WHERE provenance = 'both'"),
            "police_only": count(con, "SELECT count(*) FROM incidents WHERE provenance = 'police only'"),
            "la_only": count(con, "SELECT count(*) FROM incidents WHERE provenance = 'LA only'"),
            "scorecard_rows": len(rows),
        }
        line = " ".join(f"{k}={v}" for k, v in counts.items())
        line += " " + " ".join(f"{p}={figures[p]:.3f} {p}_cpu={figures[p + '_cpu']:.3f} {p}_peak_mib={figures[p + '_peak_mib']:.0f}"
                                for p in phases)
        line += f" total={total:.3f} total_cpu={total_cpu:.3f} peak_mib={peak:.0f}"
        line += f" threads={int(args.threads)} duckdb={duckdb.__version__}"
        line += "".join(f" set:{setting}" for setting in args.set)
        print(line, flush=True)

        if args.evaluate:
            evaluate(con, args.directory)
    finally:
        con.close()
        shutil.rmtree(workdir, ignore_errors=True)


def evaluate(con, directory):
    """How the exact links compare with the generator's truth (police_ref -> child_id)."""
    truth = os.path.join(directory, "truth.csv")
    if not os.path.isfile(truth):
        print("evaluate: no truth.csv in the folder")
        return
    con.execute(f"CREATE TABLE truth AS SELECT * FROM read_csv({sql_string(truth)}, header = true, all_varchar = true)")
    linked = count(con, "SELECT count(*) FROM person_links")
    right = count(con, "SELECT count(*) FROM person_links l JOIN truth t ON t.police_ref = l.police_ref AND t.child_id = l.child_id")
    true_links = count(con, "SELECT count(*) FROM truth WHERE child_id IS NOT NULL AND child_id <> ''")
    print(f"evaluate: links={linked} right={right} true_links={true_links} "
          f"precision={right / max(linked, 1):.4f} recall={right / max(true_links, 1):.4f}")


if __name__ == "__main__":
    main()
