#!/usr/bin/env python3
"""A guided tour of the demo: the story of the seed documents told with real calls through the gateway.

  demo/tour.py [GATEWAY_URL]        (default http://127.0.0.1:8080; tokens from .local/tokens.env)

Run it while ./run.sh is up (or start ./run.sh --tour). Each step prints the call it makes and a short answer.
Python 3 standard library only.
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GW = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
FRAMEWORK = "js-modernization-2013"


def tokens():
    found = {}
    with open(os.path.join(ROOT, ".local", "tokens.env"), encoding="utf-8") as f:
        for line in f:
            if "=" in line and not line.startswith("#"):
                key, value = line.strip().split("=", 1)
                found[key] = value
    return found


TOKENS = tokens()


def call(path, token="TOKEN_ADMIN", show=True):
    if show:
        print(f"    GET {path}   ({token})")
    req = urllib.request.Request(GW + path, headers={"Authorization": "Bearer " + TOKENS[token],
                                                     "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8")
        try:
            return e.code, json.loads(body)
        except ValueError:
            return e.code, {"detail": body[:200]}


def step(title):
    print()
    print("== " + title)


def num(value, digits=1):
    return "–" if value is None else f"{float(value):.{digits}f}"


def benchmarking():
    step("1. Qixia benchmarks itself against Longgang, Xinwu and Taicang (seed 000)")
    q = urllib.parse.quote
    status, scores = call(f"/indicators/v1/frameworks/{FRAMEWORK}/scores?region=320113,440307,320214,320585&period=2023")
    names = {"320113": "Qixia", "440307": "Longgang", "320214": "Xinwu", "320585": "Taicang"}
    for r in scores.get("regions", []):
        print(f"    {names.get(r.get('region'), r.get('region'))} 2023 score {num(r.get('score'))} of 100 "
              f"(coverage {num(r.get('coveredWeight'), 0)}%)")
    status, groups = call("/indicators/v1/benchmark-groups?owner=320113", "TOKEN_ANALYST")
    items = groups.get("items", [])
    if not items:
        print("    (no benchmark group: load the demo first)")
        return
    group = items[0]
    print(f"    group: {group.get('name')}")
    status, gaps = call(f"/indicators/v1/benchmark-groups/{group['id']}/gaps?framework={FRAMEWORK}&period=2023",
                        "TOKEN_ANALYST")
    print("    where Qixia loses most (points lost; gap to the best peer, positive = behind):")
    for row in gaps.get("indicators", [])[:3]:
        best = next((b for b in row.get("roles", []) if b.get("role") == "catch-up"), None)
        best_text = f"; best catch-up peer {names.get(best.get('region'), best.get('region'))} {num(best.get('value'))}" \
            if best else ""
        owner = row.get("owner") or {}
        print(f"      {row.get('name')} ({row.get('indicator')}): Qixia {num(owner.get('value'))}, "
              f"{num(row.get('pointsLost'), 2)} points lost{best_text}")


def dashboard():
    step("2. Qixia's dashboard in one call (parts from three services, each with its own status)")
    status, d = call("/dashboard/v1/regions/320113?year=2024", "TOKEN_ANALYST")
    if status != 200:
        print(f"    HTTP {status}: {d.get('detail')}")
        return
    for part in ("score", "gaps", "targets", "registry"):
        p = d.get(part) or {}
        data = p.get("data") or {}
        if part == "score":
            text = f"score {num(data.get('score'))}, coverage {num(data.get('coveredWeight'), 0)}%"
        elif part == "registry":
            text = f"{data.get('schools')} schools, {data.get('pupils')} pupils, pupil-teacher ratio {num(data.get('pupilTeacherRatio'))}"
        elif part == "targets":
            counts = {k: v for k, v in (data.get("byStatus") or {}).items() if v}
            text = f"{data.get('total')} targets {counts}"
        else:
            text = f"{len(data.get('top', []))} largest gaps"
        print(f"    {part:9} {p.get('status'):12} {text if p.get('status') == 'ok' else p.get('reason', '')}")


def balance():
    step("3. Balance across Qixia's primary schools (pupil-weighted coefficient of variation)")
    status, b = call("/indicators/v1/balance?region=320113&stage=primary&period=2024Sep", "TOKEN_ANALYST")
    if status != 200:
        print(f"    HTTP {status}: {b.get('detail')}")
        return
    for ind in b.get("indicators", []):
        verdict = "pass" if ind.get("passed") else "FAIL" if ind.get("passed") is False else "–"
        furthest = (ind.get("furthest") or [{}])[0]
        print(f"    {ind.get('indicator'):38} CV {num(ind.get('cv'), 3)} (≤ {num(ind.get('maxCv'), 2)}) {verdict:4}"
              f" furthest: {furthest.get('school')} ({furthest.get('side')})")
    schools = b.get("schools") or {}
    standards = b.get("schoolStandards") or {}
    print(f"    {schools.get('included')} schools counted; left out: {schools.get('excludedSpecial')} special, "
          f"{schools.get('excludedSmall')} under 50 pupils. Overall: {'pass' if b.get('passed') else 'fail'}")
    if standards:
        print(f"    schools meeting at least 6 of the 7 standards: {standards.get('meeting')}, not meeting: "
              f"{standards.get('notMeeting')}, undetermined: {standards.get('undetermined')}")


def plans():
    step("4. The seeds' plans: on track, at risk or off track?")
    for code, as_of, label in (("binhu-14th-five-year", "2024-06-30", "Binhu 14th five-year plan (seed 001), mid-2024"),
                               ("qixia-benchmarking", "2025-03-31", "Qixia benchmarking action (seed 000), spring 2025"),
                               ("wujin-2024", "2024-10-31", "Wujin 2024 (seed 003), autumn 2024"),
                               ("xinbei-2024", "2024-10-31", "Xinbei 2024 (seed 003), autumn 2024"),
                               ("jinpu-2023", "2023-10-31", "Jinpu 2023 (seed 004), autumn 2023"),
                               ("district-annual-2008", None, "annual plan (seed 002), on today's data")):
        status, p = call(f"/targets/v1/plans/{code}/progress" + (f"?asOf={as_of}" if as_of else ""), show=False)
        if status != 200:
            print(f"    {label}: HTTP {status}")
            continue
        rollup = p.get("rollup") or {}
        counts = {k: v for k, v in (rollup.get("counts") or {}).items() if v}
        print(f"    {label}: {rollup.get('targets')} targets {counts}")
    status, p = call("/targets/v1/plans/qixia-benchmarking/progress?asOf=2025-03-31")
    for goal in p.get("goals", [])[:1]:
        for t in goal.get("targets", [])[:1]:
            print(f"    e.g. {t.get('title')}: {t.get('status')} — {t.get('reason')}")


def access():
    step("5. Scope: Binhu's analyst cannot see Qixia's plan; a viewer reads but cannot write")
    status, _ = call("/targets/v1/plans/qixia-benchmarking", "TOKEN_BINHU")
    print(f"    Binhu analyst reads Qixia's plan: HTTP {status}")
    status, _ = call("/targets/v1/plans/qixia-benchmarking", "TOKEN_VIEWER")
    print(f"    Qixia viewer reads it: HTTP {status}")
    print("    DELETE /targets/v1/plans/qixia-benchmarking   (TOKEN_VIEWER)")
    req = urllib.request.Request(GW + "/targets/v1/plans/qixia-benchmarking", method="DELETE",
                                 headers={"Authorization": "Bearer " + TOKENS["TOKEN_VIEWER"], "If-Match": "*"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    print(f"    Qixia viewer deletes it: HTTP {status}")


def main():
    print(f"Dengta tour against {GW}")
    for part in (benchmarking, dashboard, balance, plans, access):
        try:
            part()
        except (urllib.error.URLError, OSError) as e:
            print(f"    (could not reach the gateway: {e})")
            return 1
    print()
    print("More: docs/api-guide.md (front-ends), docs/integration-guide.md (data feeds), docs/demo.md (this data).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
