#!/usr/bin/env python3
"""Generates the targets benchmark's data (issue 5), deterministic:

  regions.txt            20 benchmark districts of Nanjing (320150..320169), created by run.sh
  observations.csv       20 regions x 10 region-level indicators x 5 years (2020-2024)
  feed.csv               the same 200 series for 2025: the "feed" that makes every target's actuals change
                         (FEED_SEED varies its values, so each run's feed is new to indicators-service)
  plans/bench-NN.json    plan bundles of 200 targets each (10 indicators x 20 regions), owner 320100

Usage: generate.py OUT_DIR [PLANS] [FEED_SEED]   (PLANS default 50, FEED_SEED default 0)
"""
import json
import os
import random
import sys

OUT = sys.argv[1]
PLANS = int(sys.argv[2]) if len(sys.argv) > 2 else 50
FEED_SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 0
REGIONS = [str(320150 + i) for i in range(20)]
# region-level indicators without a stage, read per calendar year; (code, direction, low, high)
INDICATORS = [
    ("qb.disabled_enrollment_rate", "higher", 85.0, 99.0),
    ("qb.migrant_public_share", "higher", 70.0, 95.0),
    ("qb.social_recognition", "higher", 80.0, 98.0),
    ("lll.training_rate", "higher", 40.0, 70.0),
    ("lll.community_education_coverage", "higher", 60.0, 95.0),
    ("lll.lifelong_network_coverage", "higher", 50.0, 90.0),
    ("eq.hardship_support_share", "higher", 90.0, 99.5),
    ("eq.disabled_15yr_free_share", "higher", 60.0, 95.0),
    ("js.modernization_score", "higher", 70.0, 92.0),
    ("health.myopia_rate", "lower", 35.0, 60.0),
]
YEARS = range(2020, 2025)
rng = random.Random(5)
os.makedirs(os.path.join(OUT, "plans"), exist_ok=True)

with open(os.path.join(OUT, "regions.txt"), "w") as f:
    f.write("\n".join(REGIONS) + "\n")

header = "indicator,unit,region,period,stage,value,numerator,denominator,status,source,comment\n"
start = {}
with open(os.path.join(OUT, "observations.csv"), "w", encoding="utf-8") as obs, \
        open(os.path.join(OUT, "feed.csv"), "w", encoding="utf-8") as feed:
    obs.write(header)
    feed.write(header)
    for region in REGIONS:
        for code, direction, low, high in INDICATORS:
            value = rng.uniform(low, (low + high) / 2)
            step = rng.uniform(0.2, 1.5) * (1 if direction == "higher" else -1)
            if direction == "lower":
                value = rng.uniform((low + high) / 2, high)
            start[(region, code)] = value
            for year in YEARS:
                obs.write(f"{code},{region},,{year},,{value + step * (year - 2020):.2f},,,approved,bench,\n")
            feed_value = min(value + step * 5.5 + (FEED_SEED % 97) / 100, 100.0)
            feed.write(f"{code},{region},,2025,,{feed_value:.2f},,,approved,bench,\n")

for p in range(1, PLANS + 1):
    code = f"bench-{p:02d}"
    goals = [{"code": f"g{i + 1}", "title": f"基准目标组 {i + 1}", "position": i + 1} for i in range(len(INDICATORS))]
    targets = []
    for i, (ind, direction, low, high) in enumerate(INDICATORS):
        for region in REGIONS:
            base = start[(region, ind)]
            value = min(base * 1.1, 100.0) if direction == "higher" else base * 0.9
            targets.append({
                "code": f"{ind.replace('.', '-').replace('_', '-')}-{region}",
                "goal": f"g{i + 1}",
                "title": f"{ind} {region}",
                "kind": "indicator",
                "indicator": ind,
                "unit": region,
                "comparator": ">=" if direction == "higher" else "<=",
                "value": round(value, 2),
                "deadline": "2026",
                "baselinePeriod": "2020",
            })
    bundle = {
        "plan": {"code": code, "title": f"基准规划 {p}", "kind": "five-year", "ownerRegion": "320100",
                 "firstYear": 2021, "lastYear": 2026, "status": "active",
                 "description": "synthetic benchmark plan (bench/targets)"},
        "goals": goals,
        "targets": targets,
        "actions": [],
    }
    with open(os.path.join(OUT, "plans", code + ".json"), "w", encoding="utf-8") as f:
        json.dump(bundle, f, ensure_ascii=False)
