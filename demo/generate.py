#!/usr/bin/env python3
"""Generates Dengta's demo data (source synthetic-demo), deterministically, as the files the services' own
import APIs take. ./run.sh runs it on first start and loads the result; see docs/demo.md.

  generate.py OUT_DIR [--seed 2024]

Writes into OUT_DIR:
  schools.csv, school-years.csv, teachers.csv, assignments.csv   the registry of Qixia (320113) and Binhu (320211):
                                                                  about 60 schools each over five school years
                                                                  (2020Sep-2024Sep), a few thousand teachers with
                                                                  degrees, titles, honours and rotations
  projects.jsonl                                                  construction projects, one PUT body per line,
                                                                  with its code (Qixia, Binhu and the seed 003/004
                                                                  districts whose seat targets count them)
  observations.csv                                                region-level values 2020-2024 of the demo
                                                                  Jiangsu modernization framework for the seed 000
                                                                  benchmark group (Qixia, Longgang, Xinwu, Taicang),
                                                                  with the monitoring score each set of values
                                                                  yields; Taicang's 2023 score is seed 000's 91.5
  plan-observations.csv                                           region-level values of the seeds' plan targets
                                                                  (seeds 001-004), so that progress shows a mix of
                                                                  achieved, on-track, at-risk and off-track

Everything is synthetic except the figures taken from the seeds (Taicang 91.5; the plans' targets live in
targets-service's samples). Python 3 standard library only.
"""
import argparse
import csv
import json
import math
import os
import random

YEARS = [2020, 2021, 2022, 2023, 2024]
SOURCE = "synthetic-demo"

# ---------------------------------------------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------------------------------------------

DISTRICTS = {
    "320113": {"city": "南京市", "name": "栖霞区", "short": "栖霞", "en": "Qixia", "staff": "QX"},
    "320211": {"city": "无锡市", "name": "滨湖区", "short": "滨湖", "en": "Binhu", "staff": "BH"},
}
# (stages, count, pupils per grade (min, max), ownership mix)
SCHOOL_MIX = [
    ("kindergarten", 20, (60, 150), [("public", 0.55), ("private-inclusive", 0.35), ("private", 0.10)]),
    ("primary", 20, (90, 300), [("public", 0.9), ("private", 0.1)]),
    ("junior", 8, (180, 420), [("public", 1.0)]),
    ("primary|junior", 5, (90, 240), [("public", 0.8), ("private", 0.2)]),
    ("senior", 3, (250, 450), [("public", 1.0)]),
    ("senior|vocational", 1, (200, 350), [("public", 1.0)]),
    ("special", 1, (6, 14), [("public", 1.0)]),
    ("primary", 2, (5, 12), [("public", 1.0)]),  # teaching points (教学点) under 50 pupils: balance excludes them
]
GRADES = {"kindergarten": ["k1", "k2", "k3"], "primary": ["p1", "p2", "p3", "p4", "p5", "p6"],
          "junior": ["j1", "j2", "j3"], "senior": ["s1", "s2", "s3"], "vocational": ["v1", "v2", "v3"],
          "special": ["sp1", "sp2", "sp3", "sp4", "sp5", "sp6", "sp7", "sp8", "sp9"]}
CLASS_SIZE = {"kindergarten": 30, "primary": 42, "junior": 45, "senior": 48, "vocational": 40, "special": 8}
PUPILS_PER_TEACHER = {"kindergarten": 13, "primary": 16, "junior": 12, "senior": 12, "vocational": 14, "special": 3}
KIND_NAMES = {"kindergarten": ("幼儿园", "Kindergarten"), "primary": ("小学", "Primary School"),
              "junior": ("初级中学", "Junior Middle School"), "primary|junior": ("九年制学校", "Nine-Year School"),
              "senior": ("高级中学", "Senior High School"), "senior|vocational": ("中等专业学校", "Vocational School"),
              "special": ("特殊教育学校", "Special Education School")}
PLACES = ["仙林", "马群", "尧化", "迈皋桥", "燕子矶", "八卦洲", "龙潭", "栖霞", "西岗", "摄山", "太湖", "蠡园", "荣巷",
          "河埒", "雪浪", "马山", "胡埭", "华庄", "蠡湖", "梁溪", "新城", "湖滨", "山水", "锦园", "南湖", "东湖",
          "青山", "白石", "紫东", "金陵"]

SCHOOL_YEAR_GRADES = ["k1", "k2", "k3", "p1", "p2", "p3", "p4", "p5", "p6", "j1", "j2", "j3", "s1", "s2", "s3",
                      "v1", "v2", "v3", "sp1", "sp2", "sp3", "sp4", "sp5", "sp6", "sp7", "sp8", "sp9"]
TEACHER_COLUMNS = ["staffCode", "name", "gender", "birthDate", "nationalId", "phone", "employingSchool",
                   "highestDegree", "certificateType", "certificateStage", "certificateNumber", "title", "honours",
                   "subjects", "employment", "dualQualified", "status", "source"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
GIVEN = "晓燕建国丽华志强秀英伟明静怡海涛雪梅文杰佳慧俊峰婷婷子轩思远欣然浩宇梓涵嘉怡宇航雨桐诗琪"
MAIN_SUBJECTS = {
    "kindergarten": [("preschool", 0.92), ("music", 0.04), ("pe", 0.04)],
    "primary": [("chinese", 0.3), ("math", 0.25), ("english", 0.1), ("pe", 0.09), ("music", 0.06), ("fine-art", 0.05),
                ("science", 0.06), ("morality-and-law", 0.05), ("information-technology", 0.04)],
    "junior": [("chinese", 0.15), ("math", 0.15), ("english", 0.14), ("physics", 0.07), ("chemistry", 0.05),
               ("biology", 0.05), ("history", 0.06), ("geography", 0.05), ("morality-and-law", 0.06), ("pe", 0.09),
               ("music", 0.04), ("fine-art", 0.04), ("information-technology", 0.05)],
    "senior": [("chinese", 0.14), ("math", 0.14), ("english", 0.14), ("physics", 0.1), ("chemistry", 0.08),
               ("biology", 0.08), ("history", 0.07), ("geography", 0.07), ("morality-and-law", 0.07), ("pe", 0.07),
               ("music", 0.02), ("fine-art", 0.02)],
    "vocational": [("vocational-specialty", 0.6), ("chinese", 0.1), ("math", 0.1), ("english", 0.1), ("pe", 0.1)],
    "special": [("special-education", 0.8), ("pe", 0.1), ("music", 0.1)],
}
# degree mix by stage: Qixia lags Binhu a little in degrees above the requirement (one of its gap areas)
DEGREE_MIX = {
    "kindergarten": [("secondary", 0.05), ("associate", 0.45), ("bachelor", 0.48), ("master", 0.02)],
    "primary": [("associate", 0.12), ("bachelor", 0.78), ("master", 0.10)],
    "junior": [("associate", 0.04), ("bachelor", 0.80), ("master", 0.16)],
    "senior": [("bachelor", 0.70), ("master", 0.28), ("doctorate", 0.02)],
    "vocational": [("associate", 0.1), ("bachelor", 0.75), ("master", 0.15)],
    "special": [("associate", 0.2), ("bachelor", 0.75), ("master", 0.05)],
}
TITLE_MIX = [("none", 0.12), ("third", 0.06), ("second", 0.34), ("first", 0.34), ("senior", 0.13),
             ("professor-senior", 0.01)]


def pick(rng, weighted):
    r, total = rng.random(), 0.0
    for value, weight in weighted:
        total += weight
        if r < total:
            return value
    return weighted[-1][0]


def generate_registry(rng, out):
    schools = []  # dicts
    for region, d in DISTRICTS.items():
        serial = 1000
        for stages, count, band, ownerships in SCHOOL_MIX:
            for i in range(count):
                serial += 1
                place = PLACES[(serial * 7 + len(schools)) % len(PLACES)]
                kind_cn, kind_en = KIND_NAMES[stages]
                teaching_point = band[1] < 50 and stages == "primary"
                if teaching_point:
                    kind_cn, kind_en = "小学" + place + "教学点", "Primary Teaching Point"
                ownership = pick(rng, ownerships)
                prefix = {"private": "民办", "private-inclusive": "普惠"}.get(ownership, "")
                name = f"{d['city']}{d['name']}{prefix}{place}{'第' + str(i + 1) if count > 1 else ''}{kind_cn}"
                opened = rng.randint(1960, 2018)
                schools.append({
                    "code": f"{region}{serial:04d}", "region": region, "stages": stages, "ownership": ownership,
                    "name": name, "nameEn": f"{d['en']} {place} {kind_en} {i + 1}", "opened": opened,
                    "per_grade": rng.randint(*band), "growth": rng.uniform(-0.02, 0.06),
                    "rural": place in ("八卦洲", "马山", "胡埭"), "teaching_point": teaching_point,
                    # a few crowded schools carry large classes; a few are well equipped
                    "crowding": rng.choice([0.0, 0.0, 0.0, 0.1, 0.25]), "richness": rng.uniform(0.7, 1.4),
                })
    with open(os.path.join(out, "schools.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["code", "name", "nameEn", "region", "stages", "ownership", "boarding", "rural", "status",
                    "openedOn", "capacitySeats", "plannedClasses", "source"])
        for s in schools:
            grades = [g for st in s["stages"].split("|") for g in GRADES[st]]
            size = CLASS_SIZE[s["stages"].split("|")[0]]
            classes = len(grades) * max(1, math.ceil(s["per_grade"] * 1.2 / size))
            w.writerow([s["code"], s["name"], s["nameEn"], s["region"], s["stages"], s["ownership"],
                        str(s["rural"] and "senior" in s["stages"]).lower(), str(s["rural"]).lower(), "open",
                        f"{s['opened']}-09-01", classes * size, classes, SOURCE])

    with open(os.path.join(out, "school-years.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["school", "schoolYear"] + [g + c for g in SCHOOL_YEAR_GRADES for c in ("Pupils", "Classes")]
                   + ["classesOver45", "classesOver50", "classesOver55", "classesOver65", "teachingFloorArea",
                      "supportFloorArea", "sportsGroundArea", "equipmentValue", "multimediaClassrooms", "musicRooms",
                      "artRooms", "source"])
        for s in schools:
            for y in YEARS:
                if y < s["opened"]:
                    continue
                counts, total_classes, total_pupils = {}, 0, 0
                for st in s["stages"].split("|"):
                    for g in GRADES[st]:
                        pupils = max(1, round(s["per_grade"] * (1 + s["growth"]) ** (y - 2020) * rng.uniform(0.92, 1.08)))
                        classes = max(1, math.ceil(pupils / CLASS_SIZE[st]))
                        counts[g] = (pupils, classes)
                        total_classes += classes
                        total_pupils += pupils
                s.setdefault("pupils", {})[y] = total_pupils
                # class-size counts must fit the pupils (n classes of more than 45 need 46n pupils)
                crowding = 0 if s["teaching_point"] or "special" in s["stages"] else s["crowding"]
                over45 = min(total_classes, round(total_classes * crowding), total_pupils // 46)
                over50 = min(over45 // 2, total_pupils // 51)
                over55 = min(over50 // 3, total_pupils // 56)
                area_scale = s["richness"] * (1.0 + 0.03 * (y - 2020))
                row = [s["code"], f"{y}Sep"]
                for g in SCHOOL_YEAR_GRADES:
                    p, c = counts.get(g, (0, 0))
                    row += [p, c]
                row += [over45, over50, over55, 0,
                        round(total_pupils * 4.2 * area_scale, 1), round(total_pupils * 1.1 * area_scale, 1),
                        round(total_pupils * 6.5 * s["richness"], 1),
                        round(total_pupils * 2600 * area_scale), max(1, round(total_classes * 1.05 * s["richness"])),
                        max(1, round(total_classes / 12)), max(1, round(total_classes / 12)), SOURCE]
                w.writerow(row)

    teachers, assignments = [], []
    by_region = {}
    for s in schools:
        by_region.setdefault(s["region"], []).append(s)
    for region, members in by_region.items():
        staff_prefix = "DEMO-" + DISTRICTS[region]["staff"]
        n = 1000
        for s in members:
            main_stage = s["stages"].split("|")[-1] if "vocational" in s["stages"] else s["stages"].split("|")[0]
            pupils = s["pupils"][max(s["pupils"])]
            count = max(2, round(pupils / PUPILS_PER_TEACHER[main_stage]))
            for _ in range(count):
                n += 1
                code = f"{staff_prefix}-{n:05d}"
                stage = rng.choice(s["stages"].split("|"))
                degree = pick(rng, DEGREE_MIX[stage])
                if region == "320113" and degree == "master" and rng.random() < 0.3:
                    degree = "bachelor"
                subject = pick(rng, MAIN_SUBJECTS[stage])
                birth = rng.randint(1966, 2001)
                started = max(birth + 22, 1988) + rng.randint(0, 4)
                honours = []
                r = rng.random()
                if r < 0.10:
                    honours.append(f"key-teacher:district:{min(2023, started + 8)}-09-10")
                elif r < 0.13:
                    honours.append(f"key-teacher:city:{min(2022, started + 10)}-12-01")
                elif r < 0.145:
                    honours.append(f"subject-leader:district:{min(2023, started + 12)}-09-10")
                elif r < 0.15:
                    honours.append(f"famous-teacher:city:{min(2022, started + 15)}-05-20")
                teachers.append([code, rng.choice(SURNAMES) + rng.choice(GIVEN[::2]) + rng.choice(GIVEN[1::2]),
                                 rng.choice(["female", "female", "male"]), f"{birth}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                 "", "", s["code"], degree, "教师资格证", stage, f"DEMO-CERT-{code[5:]}",
                                 pick(rng, TITLE_MIX) if birth < 1996 else "second", "|".join(honours), subject,
                                 "established" if rng.random() < 0.85 else "contract",
                                 str(subject == "vocational-specialty" and rng.random() < 0.55).lower(), "active", SOURCE])
                start = f"{max(started, s['opened'])}-09-01"
                # 交流轮岗: a full-time rotation to another school of the district for one school year
                rotate_year = None
                if "special" not in s["stages"] and not s["teaching_point"] and started < 2019:
                    r = rng.random()
                    rate = 0.12 if region == "320211" else 0.08
                    if r < rate:
                        rotate_year = rng.choice([2022, 2023, 2024])
                if rotate_year:
                    peers = [p for p in members if p["stages"] == s["stages"] and p["code"] != s["code"]]
                    if peers:
                        dest = rng.choice(peers)
                        assignments.append([code, s["code"], start, f"{rotate_year}-08-31", "1", "teacher", "regular", ""])
                        assignments.append([code, dest["code"], f"{rotate_year}-09-01", f"{rotate_year + 1}-08-31", "1",
                                            "teacher", "rotation", s["code"]])
                        assignments.append([code, s["code"], f"{rotate_year + 1}-09-01", "", "1", "teacher", "regular", ""])
                        continue
                assignments.append([code, s["code"], start, "", "1", "teacher", "regular", ""])
    with open(os.path.join(out, "teachers.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(TEACHER_COLUMNS)
        w.writerows(teachers)
    with open(os.path.join(out, "assignments.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["teacher", "school", "startsOn", "endsOn", "fte", "role", "kind", "originSchool"])
        w.writerows(assignments)
    return schools


def project(code, name, region, kind, seats, classes, budget, status, approved=None, started=None, completed=None,
            expected=None, opened=None, school=None):
    body = {"name": name, "region": region, "kind": kind, "seatsAdded": seats, "classesAdded": classes,
            "budget": budget, "status": status, "approvedOn": approved, "constructionStartedOn": started,
            "completedOn": completed, "expectedOpeningOn": expected, "openedOn": opened, "source": SOURCE}
    if school:
        body["school"] = school
    return {"code": code, "body": {k: v for k, v in body.items() if v is not None}}


def generate_projects(out, schools):
    first = {region: next(s["code"] for s in schools if s["region"] == region and s["stages"] == "primary")
             for region in DISTRICTS}
    projects = [
        project("QX-2023-001", "栖霞区仙林湖小学新建工程", "320113", "new-school", 2160, 48, 310000000, "in-use",
                "2021-03-10", "2021-07-01", "2023-07-15", "2023-09-01", "2023-09-01"),
        project("QX-2024-002", "栖霞区马群初级中学改扩建工程", "320113", "expansion", 900, 20, 98000000, "in-use",
                "2022-05-06", "2022-09-01", "2024-07-20", "2024-09-01", "2024-09-01", first["320113"]),
        project("QX-2025-003", "栖霞区燕子矶新城幼儿园新建工程", "320113", "new-school", 360, 12, 46000000,
                "under-construction", "2024-04-01", "2024-10-08", expected="2026-09-01"),
        project("QX-2026-004", "栖霞区尧化九年制学校新建工程", "320113", "new-school", 2520, 54, 420000000, "approved",
                "2025-06-18", expected="2027-09-01"),
        project("BH-2022-001", "滨湖区蠡湖实验小学新建工程", "320211", "new-school", 1890, 42, 280000000, "in-use",
                "2020-04-20", "2020-09-15", "2022-07-30", "2022-09-01", "2022-09-01"),
        project("BH-2024-002", "滨湖区太湖新城初级中学新建工程", "320211", "new-school", 1800, 36, 330000000, "in-use",
                "2022-02-11", "2022-06-01", "2024-07-10", "2024-09-01", "2024-09-01"),
        project("BH-2025-003", "滨湖区胡埭小学改造工程", "320211", "renovation", 0, 0, 8000000, "completed",
                "2024-11-05", "2025-03-01", "2025-07-30", "2025-09-01", school=first["320211"]),
        # seed 003: Wujin and Xinbei add 11,000+ seats in 2024 (a part of it demo)
        project("WJ-2024-001", "武进区星河实验小学新建工程", "320412", "new-school", 2160, 48, 320000000, "in-use",
                "2023-03-15", "2023-06-01", "2024-07-28", "2024-09-01", "2024-09-01"),
        project("WJ-2024-002", "武进区湖塘初级中学新建工程", "320412", "new-school", 2400, 48, 360000000, "in-use",
                "2023-02-01", "2023-05-10", "2024-08-05", "2024-09-01", "2024-09-01"),
        project("WJ-2024-003", "武进区礼嘉幼儿园新建工程", "320412", "new-school", 540, 18, 52000000, "completed",
                "2023-04-01", "2023-08-01", "2024-08-20", "2024-09-01"),
        project("XB-2024-001", "新北区龙虎塘实验小学新建工程", "320411", "new-school", 2250, 50, 300000000, "in-use",
                "2023-01-10", "2023-04-01", "2024-07-25", "2024-09-01", "2024-09-01"),
        project("XB-2024-002", "新北区三井高级中学新建工程", "320411", "new-school", 1200, 24, 150000000,
                "under-construction", "2023-05-20", "2023-10-01", expected="2025-09-01"),
        # seed 004: Jinpu adds 4,500 seats and opens 6+ public kindergartens (1,300+ places) in autumn 2023
        project("JP-2023-001", "金普新区第一幼儿园新建工程", "210213", "new-school", 270, 9, 30000000, "in-use",
                "2022-03-01", "2022-05-01", "2023-07-30", "2023-09-01", "2023-09-01"),
        project("JP-2023-002", "金普新区第二幼儿园新建工程", "210213", "new-school", 270, 9, 30000000, "in-use",
                "2022-03-01", "2022-05-01", "2023-07-30", "2023-09-01", "2023-09-01"),
        project("JP-2023-003", "金普新区第三幼儿园新建工程", "210213", "new-school", 180, 6, 21000000, "in-use",
                "2022-03-01", "2022-05-10", "2023-08-02", "2023-09-01", "2023-09-01"),
        project("JP-2023-004", "金普新区第四幼儿园新建工程", "210213", "new-school", 180, 6, 21000000, "in-use",
                "2022-04-01", "2022-06-01", "2023-08-10", "2023-09-01", "2023-09-01"),
        project("JP-2023-005", "金普新区实验小学新建工程", "210213", "new-school", 1620, 36, 210000000, "in-use",
                "2021-09-01", "2022-01-10", "2023-07-20", "2023-09-01", "2023-09-01"),
        project("JP-2023-006", "金普新区第九初级中学新建工程", "210213", "new-school", 1200, 24, 180000000, "completed",
                "2021-10-01", "2022-03-01", "2023-08-25", "2023-09-01"),
    ]
    with open(os.path.join(out, "projects.jsonl"), "w", encoding="utf-8") as f:
        for p in projects:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------------------------------------
# Benchmark group observations (demo Jiangsu modernization framework, reference-data/frameworks.json)
# ---------------------------------------------------------------------------------------------------------------

# (indicator, weight, target, decimals); the band indicator is handled apart
FRAMEWORK = [
    ("pre.gross_enrollment_rate", 2, 98, 1), ("ce.retention_rate", 6, 99, 1),
    ("sec.upper_secondary_gross_rate", 6, 95, 1), ("lll.lifelong_network_coverage", 6, 90, 1),
    ("eq.hardship_support_share", 5, 100, 1), ("eq.disabled_15yr_free_share", 5, 100, 1),
    ("qb.migrant_public_share", 5, 85, 1), ("health.fitness_pass_rate", 7, 95, 1),
    ("js.quality_kindergarten_share", 7, 80, 1), ("sec.quality_senior_share", 6, 100, 1),
    ("js.vocational_intl_cert_alignment", 8, 30, 1), ("js.broadband_school_coverage", 5, 100, 1),
    ("ce.standardized_school_share", 5, 80, 1), ("tq.certified_teacher_share", 5, 100, 1),
    ("qb.teacher_rotation_rate", 5, 10, 1), ("lll.training_rate", 6, 50, 1), ("qb.social_recognition", 6, 85, 1),
]
BAND = ("sec.vocational_general_ratio", 5, 0.9, 1.1, 0.5)
# the monitoring score each region should reach per year (Taicang 2023 = seed 000's 91.5; Qixia aims at 90)
SCORES = {
    "320113": [82.4, 84.1, 85.6, 86.9, 88.2],
    "440307": [92.8, 93.5, 94.1, 94.8, 95.3],
    "320214": [89.6, 90.4, 91.2, 91.9, 92.6],
    "320585": [88.7, 89.6, 90.6, 91.5, 92.1],
}
# where each region loses its points (relative shares); Qixia loses most where seed 000 says it lags: quality
# kindergartens, vocational certificates aligned with international ones, broadband to every school
LOSS_PROFILE = {
    "320113": {"js.quality_kindergarten_share": 5, "js.vocational_intl_cert_alignment": 6,
               "js.broadband_school_coverage": 3, "qb.teacher_rotation_rate": 2, "lll.training_rate": 2,
               "sec.quality_senior_share": 1.5, "qb.social_recognition": 1, "sec.vocational_general_ratio": 1},
    "440307": {"js.vocational_intl_cert_alignment": 2, "qb.migrant_public_share": 3, "lll.training_rate": 1,
               "qb.teacher_rotation_rate": 1},
    "320214": {"js.vocational_intl_cert_alignment": 3, "lll.training_rate": 2, "js.quality_kindergarten_share": 1,
               "qb.social_recognition": 1},
    "320585": {"js.vocational_intl_cert_alignment": 3, "lll.training_rate": 2, "qb.teacher_rotation_rate": 2,
               "js.quality_kindergarten_share": 1, "qb.social_recognition": 1},
}
PERCENT_CEILING = 100.0
PER_STAGE = {"ce.retention_rate", "qb.teacher_rotation_rate"}


def framework_values(region, score):
    """Values whose ratio scoring yields `score`: the points lost (100 - score) spread over the region's profile."""
    profile = LOSS_PROFILE[region]
    total = sum(profile.values())
    lost = 100.0 - score
    values = {}
    for code, weight, target, decimals in FRAMEWORK:
        loss = lost * profile.get(code, 0) / total
        achievement = max(0.05, 1 - loss / weight)
        value = achievement * target
        if code != "qb.teacher_rotation_rate" and code != "js.vocational_intl_cert_alignment":
            value = min(value, PERCENT_CEILING)
        values[code] = round(value, decimals)
    code, weight, low, high, zero = BAND
    loss = lost * profile.get(code, 0) / total
    values[code] = round(low - (loss / weight) * zero, 2) if loss > 0 else 1.0
    return values


def ratio_score(values):
    points = sum(w * min(values[c] / t, 1) for c, w, t, _ in FRAMEWORK)
    code, weight, low, high, zero = BAND
    v = values[code]
    distance = max(low - v, v - high, 0)
    points += weight * max(0.0, 1 - distance / zero)
    return points  # all weights sum to 100


def generate_observations(out):
    rows = []
    for region, scores in SCORES.items():
        for year, score in zip(YEARS, scores):
            values = framework_values(region, score)
            # nudge the largest-loss indicator so the rounded values give the intended score to 0.05
            worst = max(LOSS_PROFILE[region], key=LOSS_PROFILE[region].get)
            weight, target = next((w, t) for c, w, t, _ in FRAMEWORK if c == worst)
            for _ in range(50):
                diff = score - ratio_score(values)
                if abs(diff) < 0.05:
                    break
                values[worst] = round(values[worst] + diff * target / weight, 1)
            computed = round(ratio_score(values), 1)
            for code, value in values.items():
                # retention and rotation are reported per compulsory stage; the demo gives both stages the same value
                for stage in (["primary", "junior"] if code in PER_STAGE else [""]):
                    rows.append([code, region, "", str(year), stage, value, "", "", "approved", SOURCE, ""])
            comment = "seed 000: Taicang's Jiangsu education modernization monitoring score" \
                if region == "320585" and year == 2023 else "the demo framework's score of these values"
            source = "seed 000" if region == "320585" and year == 2023 else SOURCE
            rows.append(["js.modernization_score", region, "", str(year), "",
                         91.5 if source == "seed 000" else computed, "", "", "approved", source, comment])
    write_observations(os.path.join(out, "observations.csv"), rows)


# Values of the seeds' plan targets (targets-service/src/main/resources/samples): region, indicator, {year: value}
PLAN_SERIES = [
    # seed 001 Binhu (five-year plan 2021-2025)
    ("320211", "pre.gross_enrollment_rate", {2020: 98.2, 2021: 98.5, 2022: 98.9, 2023: 99.1, 2024: 99.3}),
    ("320211", "sec.quality_senior_share", {2020: 96.0, 2021: 97.5, 2022: 100.0, 2023: 100.0, 2024: 100.0}),
    ("320211", "eq.disabled_15yr_free_share", {2020: 92.0, 2021: 93.5, 2022: 94.6, 2023: 95.2, 2024: 95.9}),
    ("320211", "lll.family_education_lecturers", {2021: 15, 2022: 22, 2023: 30}),  # added per year (count)
    ("320211", "health.two_sports_skills_share", {2020: 82.0, 2021: 86.5, 2022: 90.5, 2023: 94.0}),
    # seed 003 Wujin and Xinbei (2024)
    ("320412", "pre.gross_enrollment_rate", {2022: 98.6, 2023: 98.8, 2024: 99.0}),
    ("320411", "pre.gross_enrollment_rate", {2022: 97.9, 2023: 98.1, 2024: 98.2}),
    # seed 004 Jinpu (2023): myopia down, lung capacity up
    ("210213", "health.myopia_rate", {2021: 56.8, 2022: 56.1, 2023: 55.9}),
    ("210213", "health.obesity_rate", {2021: 15.6, 2022: 15.2, 2023: 14.6}),
    ("210213", "health.lung_capacity_good_rate", {2021: 87.1, 2022: 88.0, 2023: 88.7}),
    ("210213", "health.fitness_pass_rate", {2021: 91.2, 2022: 91.8, 2023: 92.6}),
]


def generate_plan_observations(out):
    rows = []
    for region, code, series in PLAN_SERIES:
        for year, value in series.items():
            rows.append([code, region, "", str(year), "", value, "", "", "approved", SOURCE, ""])
    write_observations(os.path.join(out, "plan-observations.csv"), rows)


def write_observations(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["indicator", "unit", "region", "period", "stage", "value", "numerator", "denominator", "status",
                    "source", "comment"])
        w.writerows(rows)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=2024)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    schools = generate_registry(rng, a.out)
    generate_projects(a.out, schools)
    generate_observations(a.out)
    generate_plan_observations(a.out)


if __name__ == "__main__":
    main()
