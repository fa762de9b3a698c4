#!/usr/bin/env python3
"""Generates a synthetic city for the registry benchmark (source synthetic-demo): schools, their
school-year facts for ten school years, and teachers, as the CSV files the import API takes.

Usage: generate_city.py OUT_DIR [--schools 3000] [--teachers 200000] [--years 10] [--seed 7]
Deterministic for a given seed, so two runs compare the same data."""
import argparse
import csv
import os
import random

DISTRICTS = ["320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115", "320116", "320117", "320118"]
STAGE_MIX = [("primary", 0.5), ("junior", 0.2), ("primary|junior", 0.1), ("kindergarten", 0.2)]
GRADES = {"primary": ["p1", "p2", "p3", "p4", "p5", "p6"], "junior": ["j1", "j2", "j3"],
          "kindergarten": ["k1", "k2", "k3"]}
SUBJECTS = ["chinese", "math", "english", "pe", "music", "fine-art", "science", "physics", "chemistry", "history"]
DEGREES = [("associate", 0.15), ("bachelor", 0.65), ("master", 0.18), ("doctorate", 0.02)]
TITLES = ["none", "third", "second", "first", "senior"]


def pick(rng, weighted):
    r, total = rng.random(), 0.0
    for value, weight in weighted:
        total += weight
        if r < total:
            return value
    return weighted[-1][0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--schools", type=int, default=3000)
    p.add_argument("--teachers", type=int, default=200000)
    p.add_argument("--years", type=int, default=10)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)

    schools = []
    with open(os.path.join(a.out, "schools.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["code", "name", "region", "stages", "ownership", "status", "openedOn", "capacitySeats", "source"])
        for i in range(a.schools):
            region = DISTRICTS[i % len(DISTRICTS)]
            code = region + f"{5000 + i // len(DISTRICTS):04d}"  # clear of the demo schools (0001-0099)
            stages = pick(rng, STAGE_MIX)
            schools.append((code, region, stages))
            w.writerow([code, f"基准测试学校{i:04d}", region, stages, "public", "open", "2000-09-01",
                        rng.randint(300, 3000), "synthetic-demo"])

    with open(os.path.join(a.out, "school-years.json"), "w", encoding="utf-8") as f:
        f.write("[")
        first = True
        for code, region, stages in schools:
            grades = [g for s in stages.split("|") for g in GRADES[s]]
            for y in range(2024 - a.years + 1, 2025):
                rows = []
                for g in grades:
                    classes = rng.randint(2, 8)
                    rows.append('{"grade":"%s","pupils":%d,"classes":%d}' % (g, classes * rng.randint(30, 45), classes))
                f.write(("" if first else ",\n") + '{"school":"%s","schoolYear":"%dSep","grades":[%s],'
                        '"teachingFloorArea":%d,"sportsGroundArea":%d,"equipmentValue":%d,'
                        '"multimediaClassrooms":%d,"musicRooms":%d,"artRooms":%d,"source":"synthetic-demo"}'
                        % (code, y, ",".join(rows), rng.randint(2000, 20000), rng.randint(1000, 15000),
                           rng.randint(500000, 8000000), rng.randint(5, 60), rng.randint(1, 4), rng.randint(1, 4)))
                first = False
        f.write("]\n")

    # teachers: the row layout of the teachers import (docs/registry.md)
    with open(os.path.join(a.out, "teachers.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(TEACHER_COLUMNS)
        for i in range(a.teachers):
            code, region, stages = schools[i % len(schools)]
            w.writerow(teacher_row(rng, i, code))


    # every teacher has one full-time regular assignment at the employing school
    with open(os.path.join(a.out, "assignments.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["teacher", "school", "startsOn", "endsOn", "fte", "role", "kind", "originSchool"])
        for i in range(a.teachers):
            code, region, stages = schools[i % len(schools)]
            w.writerow([f"BENCH-{i:07d}", code, "2015-09-01", "", "1", "teacher", "regular", ""])


# the teachers import layout (docs/registry.md)
TEACHER_COLUMNS = ["staffCode", "name", "gender", "birthDate", "nationalId", "phone", "employingSchool",
                   "highestDegree", "certificateType", "certificateStage", "certificateNumber", "title", "honours",
                   "subjects", "employment", "dualQualified", "status", "source"]


ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def national_id(i, birth):
    """A valid GB 11643 ID carrying the birth date, unique per teacher index (synthetic; drawn from no rng, so the
    rest of the data is the same as without IDs)."""
    first17 = "32%04d%s%03d" % ((i // 1000) % 10000, birth.replace("-", ""), i % 1000)
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def teacher_row(rng, i, school):
    honours = ""
    if rng.random() < 0.12:
        honours = "key-teacher:%s:2022-09-01:2030-08-31" % rng.choice(["district", "city", "province"])
    subjects = rng.choice(SUBJECTS)
    gender = rng.choice(["female", "male"])
    birth = "%d-%02d-%02d" % (rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
    # HR files carry national IDs: the import hashes each one and checks it is on no other record
    return [f"BENCH-{i:07d}", f"教师{i:07d}", gender, birth, national_id(i, birth), "",
            school, pick(rng, DEGREES), "", "", "", rng.choice(TITLES), honours, subjects, "established", "false",
            "active", "synthetic-demo"]


if __name__ == "__main__":
    main()
