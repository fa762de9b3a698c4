#!/usr/bin/env python3
"""Generates the observation feed of the import benchmark (issue 4, source synthetic-bench): ROWS observations
of 50 catalog indicators for the Jiangsu regions of the reference data and generated schools of its districts,
over 10 years, as the import API takes them, in three files of the same rows in the same order:

  observations.csv        the import's CSV (header indicator,unit,region,period,stage,value,numerator,...)
  observations.json       the same rows as a JSON array
  observations.copy.csv   the same rows as the observation table's columns, for the raw COPY baseline

Usage: import_gen.py OUT_DIR INDICATORS_CSV REGIONS_CSV [--rows 1000000] [--seed 4]
Deterministic for a given seed and row count. Rows are ordered by year, then indicator, then unit, as a
statistics feed sends a year's figures indicator by indicator."""
import argparse
import csv
import os
import random
from decimal import Decimal, ROUND_HALF_UP

FIRST_YEAR, YEARS = 2015, 10
SOURCE = "synthetic-bench"
NOW = "2026-01-01 00:00:00+00"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("indicators")
    p.add_argument("regions")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=4)
    a = p.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)

    with open(a.indicators, encoding="utf-8") as f:
        indicators = list(csv.DictReader(f))[:50]
    with open(a.regions, encoding="utf-8") as f:
        regions = [r for r in csv.DictReader(f) if r["code"].startswith("32")]
    districts = [r["code"] for r in regions if r["level"] == "district"]
    region_codes = [r["code"] for r in regions]

    # as many schools as it takes for ROWS rows over the years (rounded up; the last year is cut at ROWS)
    per_year_regions = sum(len(region_codes) * max(1, len(stages(i))) for i in indicators if i["level"] != "school")
    per_school = sum(max(1, len(stages(i))) for i in indicators if i["level"] != "region")
    schools_needed = max(1, -(-(a.rows // YEARS - per_year_regions) // per_school) + 1)
    schools = [(d + f"{6000 + n // len(districts):04d}", d) for n, d in
               ((n, districts[n % len(districts)]) for n in range(schools_needed))]

    written = 0
    with open(os.path.join(a.out, "observations.csv"), "w", newline="", encoding="utf-8") as fcsv, \
            open(os.path.join(a.out, "observations.json"), "w", encoding="utf-8") as fjson, \
            open(os.path.join(a.out, "observations.copy.csv"), "w", newline="", encoding="utf-8") as fcopy:
        w = csv.writer(fcsv, lineterminator="\n")
        c = csv.writer(fcopy, lineterminator="\n")
        w.writerow(["indicator", "unit", "region", "period", "stage", "value", "numerator", "denominator", "status",
                    "source", "comment"])
        fjson.write("[")
        for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
            for ind in indicators:
                units = []
                if ind["level"] != "school":
                    units += [(r, "") for r in region_codes]
                if ind["level"] != "region":
                    units += [(s, d) for s, d in schools]
                school_year = ind["level"] != "region"
                period = f"{year}Sep" if school_year else str(year)
                start, end = (f"{year}-09-01", f"{year + 1}-08-31") if school_year else (f"{year}-01-01", f"{year}-12-31")
                for unit, region in units:
                    for stage in stages(ind) or [""]:
                        if written == a.rows:
                            break
                        value, num, den = figures(rng, ind["unit"])
                        status = "approved" if year < 2024 else "submitted"
                        w.writerow([ind["code"], unit, region, period, stage, value, num, den, status, SOURCE, ""])
                        # numbers written as in the CSV (no float rounding); codes need no JSON escaping
                        parts = [f'"indicator":"{ind["code"]}"', f'"unit":"{unit}"', f'"period":"{period}"',
                                 f'"value":{value}']
                        if region:
                            parts.append(f'"region":"{region}"')
                        if stage:
                            parts.append(f'"stage":"{stage}"')
                        if num:
                            parts += [f'"numerator":{num}', f'"denominator":{den}']
                        parts += [f'"status":"{status}"', f'"source":"{SOURCE}"']
                        fjson.write(("," if written else "") + "\n{" + ",".join(parts) + "}")
                        c.writerow([ind["code"], unit, "school" if len(unit) == 10 else "region", region or unit, period,
                                    "school-year" if school_year else "year", start, end, stage, value, num, den,
                                    status, SOURCE, "", 0, NOW, NOW])
                        written += 1
        fjson.write("\n]\n")
    print(f"{written} observations: {len(indicators)} indicators, {len(region_codes)} regions, {len(schools)} schools, "
          f"{YEARS} years")


def stages(ind):
    return [s for s in ind["stage"].split("|") if s]


def figures(rng, unit):
    """value, numerator, denominator (a third of the ratios come with their numerator and denominator)."""
    if unit in ("%", "per100", "ratio", "m2", "CNY") and rng.random() < 0.33:
        den = rng.randint(200, 3000)
        factor = 100 if unit in ("%", "per100") else 1
        top = 100 if unit == "%" else rng.randint(1, 40)
        num = rng.randint(0, den * top // factor) if unit == "%" else rng.randint(1, den * top // max(1, factor))
        value = (Decimal(num) * factor / Decimal(den)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return str(value), str(num), str(den)
    if unit in ("%", "score"):
        return f"{rng.uniform(40, 100):.1f}", "", ""
    return f"{rng.uniform(0, 2000):.2f}", "", ""


if __name__ == "__main__":
    main()
