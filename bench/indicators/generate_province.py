#!/usr/bin/env python3
"""A province-sized set of observations for the indicators benchmark (issue 4), deterministic.

  generate_province.py rows [--regions 100] [--schools 15000] [--years 10] [--seed 7]   > rows.csv
  generate_province.py describe [same options]                                          > plan.json

`rows` writes the observations as CSV (no header) in the column order of COPY_COLUMNS, for
`\\copy ... from stdin csv` into a staging table and then into `observation` (bench/indicators/run.sh).
`describe` prints what the benchmark asks for (regions, the benchmark group, the balance district, counts).

The base load bypasses the HTTP import on purpose (the import is measured separately, bench/indicators/import*),
so each row is exactly what the API would have stored for the same observation (ObservationStore.insert):
  - unit_type 'school' for a 10-digit code, 'region' for a 6-digit one; region_code = the school's district or
    the region itself; period_type/period_start/period_end as commons Period derives them from period_code;
    stage '' when the observation is not for one stage (the API's stored form of "no stage");
  - value within the indicator's range; where numerator and denominator are given, value = numerator ÷
    denominator (× 100 for per100) rounded to the 2 decimals it is written with (the API's consistency rule);
  - status 'approved' (published) for past years, 'submitted' (the API's default) for some of the last one;
    source = SOURCE below (so the bench's rows can be counted and removed), comment empty, version 0,
    created_at = updated_at = a fixed instant (deterministic output);
  - no write-journal entries (change feed, history): the reads measured do not use them, and 7.5M journal rows
    would double the load. An HTTP import of the same rows would add them.

The data (defaults): 100 districts of Jiangsu (the 8 districts of shared/data/regions.csv, i.e. the project's
regions reference data, then generated codes with district suffixes 71-78 in Jiangsu's 13 cities, which the
registry does not have but indicators-service accepts: it checks the code's form, not the registry), 15,000
schools (the first generated district has exactly 300, all teaching primary but a few special schools: the balance
benchmark; the others share the rest), 50 catalog indicators (every leaf of the seeded frameworks, the school-level indicators the balance and
the registry publish, and catalog indicators to fill up to 50), 10 years (2015-2024):
  - regions: every one of the 50 indicators for each calendar year (period YYYY; per stage for indicators
    reported per stage), as the demo and the frameworks read them (scores, gaps);
  - schools: 55% primary, 24% junior, 20% nine-year (both stages), 1% special schools; per school year
    (YYYYSep) 13 indicators per stage taught (the 7 resource indicators of the balance with numerator and
    denominator, enrolment, pupil-teacher ratio, class sizes, teacher degrees) and 10 without stage; per term
    (YYYYSepT1/T2) 7 health and participation indicators plus enrolment and class sizes per stage. About 49
    rows per school and year: 15,000 x 10 x 49 = 7.4M, plus ~60,000 region rows.
"""
import argparse
import csv
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REFERENCE = os.path.join(ROOT, "indicators-service", "src", "main", "resources", "reference-data")

EMPTY = "\"\""  # the empty stage, quoted: an unquoted empty CSV field is NULL
SOURCE = "bench-province (bench/indicators/generate_province.py)"
STAMP = "2026-01-01 00:00:00+00"
COPY_COLUMNS = ("indicator_code, unit_code, unit_type, region_code, period_code, period_type, period_start, "
                "period_end, stage, value, numerator, denominator, status, source, comment, version, created_at, "
                "updated_at")

# shared/data/regions.csv's districts (the project's regions reference data), first: the score region, then the
# seed-000 benchmark group (Qixia with Longgang, Xinwu, Taicang).
REAL_DISTRICTS = ["320113", "440307", "320214", "320585", "320211", "320411", "320412", "210213"]
SCORE_REGION = "320113"
GROUP = {"owner": "320113", "peers": [("440307", "lighthouse"), ("320214", "catch-up"), ("320585", "catch-up")]}
SCORE_FRAMEWORK = "js-modernization-2013"

RESOURCE = ["qb.teachers_above_degree_per100", "qb.key_teachers_per100", "qb.pe_art_teachers_per100",
            "qb.teaching_floor_area_per_pupil", "qb.sports_area_per_pupil", "qb.equipment_value_per_pupil",
            "qb.multimedia_classrooms_per100"]
# per school year, one row per stage taught (the 7 resource indicators carry numerator and denominator)
SCHOOL_PER_STAGE = RESOURCE + ["ce.pupils", "ce.pupil_teacher_ratio", "qb.class_size_compliance",
                               "ce.large_class_share", "ce.very_large_class_share", "tq.higher_degree_share"]
# per school year, no stage
SCHOOL_NO_STAGE = ["tq.key_teachers_count", "tq.special_grade_teachers", "tq.certified_teacher_share",
                   "health.myopia_rate", "health.obesity_rate", "health.lung_capacity_good_rate",
                   "health.fitness_pass_rate", "health.two_sports_skills_share", "ce.school_course_participation",
                   "ce.club_participation"]
# per term, no stage; and per term and stage
TERM_NO_STAGE = ["health.myopia_rate", "health.obesity_rate", "health.lung_capacity_good_rate",
                 "health.fitness_pass_rate", "health.two_sports_skills_share", "ce.school_course_participation",
                 "ce.club_participation"]
TERM_PER_STAGE = ["ce.pupils", "qb.class_size_compliance", "ce.large_class_share", "ce.very_large_class_share"]

# typical value (primary, junior) and spread for the school-level figures
TYPICAL = {
    "qb.teachers_above_degree_per100": (5.0, 6.0, 1.2), "qb.key_teachers_per100": (1.3, 1.4, 0.4),
    "qb.pe_art_teachers_per100": (1.1, 1.1, 0.3), "qb.teaching_floor_area_per_pupil": (5.5, 7.0, 1.5),
    "qb.sports_area_per_pupil": (9.0, 12.0, 3.0), "qb.equipment_value_per_pupil": (2600, 3200, 700),
    "qb.multimedia_classrooms_per100": (2.8, 3.0, 0.6),
}


def catalog():
    rows = {}
    for name in ("indicators.csv", "indicators-pupils.csv", "indicators-plan-targets.csv"):
        with open(os.path.join(REFERENCE, name), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rows[r["code"]] = {"unit": r["unit"], "direction": r["direction"], "level": r["level"],
                                   "stages": [s for s in r["stage"].split("|") if s]}
    return rows


def framework_leaves():
    with open(os.path.join(REFERENCE, "frameworks.json"), encoding="utf-8") as f:
        data = json.load(f)
    frameworks = data if isinstance(data, list) else data["frameworks"]
    leaves = []

    def walk(dimensions):
        for d in dimensions:
            walk(d.get("dimensions", []))
            for i in d.get("indicators", []):
                if i["indicator"] not in leaves:
                    leaves.append(i["indicator"])
    for fw in frameworks:
        for v in fw["versions"]:
            walk(v["dimensions"])
    return leaves


def indicators(cat):
    """The 50: framework leaves, the school-level set, then catalog order."""
    chosen = []
    for code in framework_leaves() + SCHOOL_PER_STAGE + SCHOOL_NO_STAGE + list(cat):
        if code in cat and code not in chosen:
            chosen.append(code)
    return chosen[:50]


def districts(n):
    generated = [f"32{city:02d}{suffix}" for suffix in range(71, 79) for city in range(1, 14)]
    real = REAL_DISTRICTS[:max(0, min(len(REAL_DISTRICTS), n - 1))]
    # the balance district is the first generated one, always present
    return real + generated[:n - len(real)]


def balance_district(n):
    return districts(n)[len(REAL_DISTRICTS[:max(0, min(len(REAL_DISTRICTS), n - 1))])]


def schools(regions, total):
    """(school code, district, kind) with kind primary|junior|nine-year|special; the balance district has 300."""
    bal = balance_district(len(regions))
    others = [r for r in regions if r != bal]
    counts = {bal: min(300, total)}
    rest = total - counts[bal]
    for i, r in enumerate(others):
        counts[r] = rest // len(others) + (1 if i < rest % len(others) else 0) if others else 0
    out = []
    for r in regions:
        rng = random.Random(f"kinds-{r}")
        for n in range(counts.get(r, 0)):
            x = rng.random()
            if r == bal:  # the balance district's 300 schools all teach primary (bar a few special schools)
                kind = "primary" if x < 0.8 else "nine-year" if x < 0.98 else "special"
            else:
                kind = "primary" if x < 0.55 else "junior" if x < 0.79 else "nine-year" if x < 0.99 else "special"
            # 8001..: beyond the demo's and the registry's own numbering of these districts
            out.append((f"{r}{8001 + n:04d}", r, kind))
    return out, counts


def period(code):
    """(type, start, end) exactly as commons Period derives them."""
    if code.endswith("SepT1"):
        y = int(code[:4]); return "term", f"{y}-09-01", f"{y + 1}-01-31"
    if code.endswith("SepT2"):
        y = int(code[:4]); return "term", f"{y + 1}-02-01", f"{y + 1}-08-31"
    if code.endswith("Sep"):
        y = int(code[:4]); return "school-year", f"{y}-09-01", f"{y + 1}-08-31"
    y = int(code); return "year", f"{y}-01-01", f"{y}-12-31"


def fmt(x, decimals=2):
    return f"{x:.{decimals}f}"


def region_value(rng, code, info, quality, year):
    """A plausible region-level value within the indicator's range."""
    unit, direction = info["unit"], info["direction"]
    trend = (year - 2015) * 0.4
    if code == "sec.vocational_general_ratio":
        return fmt(rng.uniform(0.8, 1.2))
    if code in TYPICAL:
        t = TYPICAL[code]
        return fmt(max(0.0, rng.gauss((t[0] + t[1]) / 2 * (0.6 + 0.5 * quality), t[2] / 2)))
    if unit in ("%", "score"):
        if direction == "lower-better":
            return fmt(max(0.0, min(100.0, rng.uniform(2, 40) - trend)))
        return fmt(max(0.0, min(100.0, 100 - rng.uniform(0, 25) * (1.2 - quality) + trend * 0.2)))
    if unit == "ratio":
        return fmt(rng.uniform(10, 18) if direction == "lower-better" else rng.uniform(0.8, 1.3))
    if unit == "count":
        return str(int(rng.uniform(5, 5000) * (0.5 + quality)))
    return fmt(rng.uniform(1, 50) * (0.5 + quality))


def rows(args, out):
    cat = catalog()
    chosen = indicators(cat)
    regions = districts(args.regions)
    years = list(range(2025 - args.years, 2025))
    last = years[-1]
    w = out.write
    # a row: every column of COPY_COLUMNS, CSV (no field needs quoting except source, which has none of , " \n)
    periods = {}

    def emit(indicator, unit, unit_type, region, pcode, stage, value, num, den, status):
        p = periods.get(pcode)
        if p is None:
            p = periods[pcode] = period(pcode)
        # stage '' is stored as an empty string (quoted: an unquoted empty CSV field is NULL); numerator,
        # denominator and comment as NULL when absent
        w(f"{indicator},{unit},{unit_type},{region},{pcode},{p[0]},{p[1]},{p[2]},{stage or EMPTY},{value},{num},{den},"
          f"{status},{SOURCE},,0,{STAMP},{STAMP}\n")

    count = 0
    for r in regions:
        rng = random.Random(f"region-{args.seed}-{r}")
        quality = rng.uniform(0.6, 1.0)
        for y in years:
            for code in chosen:
                info = cat[code]
                for stage in (info["stages"] or [""]):
                    status = "submitted" if y == last and rng.random() < 0.1 else "approved"
                    emit(code, r, "region", r, str(y), stage, region_value(rng, code, info, quality, y), "", "", status)
                    count += 1
    school_list, _ = schools(regions, args.schools)
    school_codes = [c for c in SCHOOL_PER_STAGE + SCHOOL_NO_STAGE + TERM_PER_STAGE if c not in chosen]
    if school_codes:
        raise SystemExit(f"not among the 50 indicators: {school_codes}")
    for code, region, kind in school_list:
        rng = random.Random(f"school-{args.seed}-{code}")
        stages = {"primary": ["primary"], "junior": ["junior"], "nine-year": ["primary", "junior"],
                  "special": ["special"]}[kind]
        # a few teaching points under 50 pupils, which the balance leaves out
        size = rng.uniform(20, 60) if rng.random() < 0.03 else rng.uniform(200, 2400)
        level = rng.uniform(0.75, 1.25)
        for y in years:
            sy = f"{y}Sep"
            status = "submitted" if y == last and rng.random() < 0.1 else "approved"
            for stage in stages:
                pupils = max(1, int(size * (0.6 if len(stages) == 2 else 1) * rng.uniform(0.95, 1.05)))
                for c in SCHOOL_PER_STAGE:
                    num = den = ""
                    if c in RESOURCE:
                        t = TYPICAL[c]
                        typical = t[0] if stage != "junior" else t[1]
                        per = max(0.0, rng.gauss(typical * level, t[2]))
                        factor = 100 if cat[c]["unit"] == "per100" else 1
                        den = str(pupils)
                        num_v = round(per * pupils / factor, 2)
                        num = fmt(num_v)
                        value = fmt(round(num_v * factor / pupils + 1e-12, 2))
                    elif c == "ce.pupils":
                        value = str(pupils)
                    elif c == "ce.pupil_teacher_ratio":
                        value = fmt(rng.uniform(11, 19))
                    elif c == "qb.class_size_compliance":
                        value = fmt(min(100.0, rng.uniform(85, 101)))
                    elif c in ("ce.large_class_share", "ce.very_large_class_share"):
                        value = fmt(rng.uniform(0, 8 if c == "ce.large_class_share" else 2))
                    else:
                        value = fmt(rng.uniform(70, 100))
                    # special schools publish enrolment and the pupil-teacher ratio only
                    if stage == "special" and c not in ("ce.pupils", "ce.pupil_teacher_ratio"):
                        continue
                    emit(c, code, "school", region, sy, stage, value, num, den, status)
                    count += 1
            for c in SCHOOL_NO_STAGE:
                if cat[c]["unit"] == "count":
                    value = str(int(rng.uniform(0, 40 if c == "tq.key_teachers_count" else 3)))
                elif cat[c]["direction"] == "lower-better":
                    value = fmt(rng.uniform(5, 55))
                else:
                    value = fmt(rng.uniform(70, 100))
                emit(c, code, "school", region, sy, "", value, "", "", status)
                count += 1
            for t in ("T1", "T2"):
                pt = f"{sy}{t}"
                for c in TERM_NO_STAGE:
                    value = fmt(rng.uniform(5, 55) if cat[c]["direction"] == "lower-better" else rng.uniform(70, 100))
                    emit(c, code, "school", region, pt, "", value, "", "", status)
                    count += 1
                for stage in stages:
                    if stage == "special":
                        continue
                    for c in TERM_PER_STAGE:
                        value = (str(int(size * rng.uniform(0.95, 1.05))) if c == "ce.pupils"
                                 else fmt(min(100.0, rng.uniform(85, 101))) if c == "qb.class_size_compliance"
                                 else fmt(rng.uniform(0, 8)))
                        emit(c, code, "school", region, pt, stage, value, "", "", status)
                        count += 1
    return count


def describe(args):
    cat = catalog()
    regions = districts(args.regions)
    school_list, counts = schools(regions, args.schools)
    group = {"owner": GROUP["owner"], "peers": [p for p in GROUP["peers"] if p[0] in regions]}
    return {"regions": regions, "indicators": indicators(cat), "years": [2025 - args.years, 2024],
            "scoreRegion": SCORE_REGION if SCORE_REGION in regions else regions[0], "scoreFramework": SCORE_FRAMEWORK,
            "scorePeriod": "2024", "group": group, "balanceDistrict": balance_district(len(regions)),
            "balanceSchools": counts[balance_district(len(regions))], "balanceStage": "primary",
            "balancePeriod": "2024Sep", "schools": len(school_list), "source": SOURCE}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", choices=["rows", "describe"])
    p.add_argument("--regions", type=int, default=100)
    p.add_argument("--schools", type=int, default=15000)
    p.add_argument("--years", type=int, default=10)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    if args.regions < 5 or args.regions > len(REAL_DISTRICTS) + 104:
        raise SystemExit("--regions: 5 to 112")
    if args.what == "describe":
        json.dump(describe(args), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        out = open(sys.stdout.fileno(), "w", buffering=1 << 20, encoding="utf-8", closefd=False)
        n = rows(args, out)
        out.flush()
        print(f"{n} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
