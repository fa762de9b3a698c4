#!/usr/bin/env python3
"""A complete consumer of a Dengta change feed (python3 standard library only).

It mirrors what changed into a local SQLite database and never misses a change:

- the cursor (`next` of the feed) is stored in the same SQLite transaction as the mirrored rows, so after a
  crash it resumes exactly where the last committed page ended (a page may be re-read, never skipped; applying
  a change twice is harmless because the mirror is keyed by resource type and key);
- `upsert` changes are followed by a GET of the resource's current state (the feed carries keys, not bodies);
  a 404 there means the resource is gone or left your scope, so it is removed like a `delete`;
- `delete` changes (tombstones) remove the resource from the mirror;
- 429 waits for `Retry-After`; 503/504 and network errors retry with exponential backoff and jitter.

Usage:
  GW=http://127.0.0.1:8080 TOKEN=... python3 change-feed-consumer.py \
      --feed /schools/v1/changes --types school,teacher --db mirror.sqlite [--once]

--once drains the feed until it is caught up and exits (for cron jobs and tests); without it, it polls every
--interval seconds. Tokens expire: a long-running consumer should fetch a fresh client-credentials token
(see docs/integration-guide.md) when it gets a 401; this example reads TOKEN again from the environment
or from --token-file on every request.
"""
import argparse
import json
import os
import random
import sqlite3
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

# Where the current state of an upserted resource is read, by resource type (key as the feed gives it).
RESOURCE_PATHS = {
    "region": "/schools/v1/regions/{key}",
    "school": "/schools/v1/schools/{key}",
    "teacher": "/schools/v1/teachers/{key}",
    "school-year": "/schools/v1/schools/{school}/years/{year}",
    "construction-project": "/schools/v1/construction-projects/{key}",
    "school-group": "/schools/v1/school-groups/{key}",
    "assignment": "/schools/v1/assignments/{key}",
    "indicator": "/indicators/v1/indicators/{key}",
    "observation": "/indicators/v1/observations/{key}",
    "framework": "/indicators/v1/frameworks/{key}",
    "standard": "/indicators/v1/standards/{key}",
}


class Gone(Exception):
    """The resource answered 404: deleted since the change, or no longer in the caller's scope."""


def log(message):
    print(message, file=sys.stderr, flush=True)


def token(args):
    if args.token_file:
        with open(args.token_file, encoding="utf-8") as f:
            return f.read().strip()
    return os.environ["TOKEN"]


def get_json(args, path, max_attempts=8):
    """GET with retries: 429 honours Retry-After, 5xx and network errors back off exponentially."""
    url = args.gw.rstrip("/") + path
    for attempt in range(1, max_attempts + 1):
        request = urllib.request.Request(url, headers={
            "Authorization": "Bearer " + token(args), "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as e:
            if e.code == 404:
                raise Gone(path) from e
            if e.code == 429:
                wait = float(e.headers.get("Retry-After", "1"))
                log(f"429 rate-limited, waiting {wait:.0f}s (RateLimit-Remaining="
                    f"{e.headers.get('RateLimit-Remaining')})")
                time.sleep(wait)
                continue
            if e.code in (502, 503, 504) and attempt < max_attempts:
                wait = float(e.headers.get("Retry-After") or backoff(attempt))
                log(f"{e.code} from {path}, retry {attempt} in {wait:.1f}s")
                time.sleep(wait)
                continue
            # 400/401/403 are not cured by retrying: show the problem+json and stop
            raise SystemExit(f"{e.code} from {path}: {e.read().decode('utf-8', 'replace')}")
        except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
            if attempt == max_attempts:
                raise
            wait = backoff(attempt)
            log(f"network error ({e}), retry {attempt} in {wait:.1f}s")
            time.sleep(wait)
    raise SystemExit(f"gave up on {path} after {max_attempts} attempts")


def backoff(attempt):
    return min(60.0, 0.5 * 2 ** (attempt - 1)) * (0.5 + random.random() / 2)


def resource_path(change):
    template = RESOURCE_PATHS.get(change["resourceType"])
    if template is None:
        return None
    key = change["key"]
    if change["resourceType"] == "school-year":
        school, year = key.split("/", 1)
        return template.format(school=school, year=year)
    # observation keys are indicator/unit/period[?stage=...]: keep / and ?=, quote the rest
    return template.format(key=urllib.parse.quote(key, safe="/?="))


def open_db(path):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE IF NOT EXISTS cursor (feed TEXT PRIMARY KEY, after INTEGER NOT NULL)")
    db.execute("CREATE TABLE IF NOT EXISTS mirror (resource_type TEXT, key TEXT, sequence INTEGER, body TEXT,"
               " PRIMARY KEY (resource_type, key))")
    db.commit()
    return db


def apply_page(db, args, feed, page):
    """Applies one page and moves the cursor, in one transaction."""
    upserts = deletes = 0
    with db:  # commits on success, rolls back on any exception
        for change in page["items"]:
            kind, key = change["resourceType"], change["key"]
            body = None
            if change["operation"] == "upsert":
                path = resource_path(change)
                try:
                    body = json.dumps(get_json(args, path), ensure_ascii=False) if path else json.dumps(change)
                except Gone:
                    body = None
            if body is None:
                db.execute("DELETE FROM mirror WHERE resource_type = ? AND key = ?", (kind, key))
                deletes += 1
            else:
                db.execute("INSERT INTO mirror VALUES (?, ?, ?, ?) ON CONFLICT (resource_type, key) DO UPDATE"
                           " SET sequence = excluded.sequence, body = excluded.body",
                           (kind, key, change["sequence"], body))
                upserts += 1
        db.execute("INSERT INTO cursor VALUES (?, ?) ON CONFLICT (feed) DO UPDATE SET after = excluded.after",
                   (feed, page["next"]))
    return upserts, deletes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gw", default=os.environ.get("GW", "http://127.0.0.1:8080"))
    parser.add_argument("--feed", default="/schools/v1/changes", help="/schools/v1/changes or /indicators/v1/changes")
    parser.add_argument("--types", default="", help="resourceType filter, e.g. school,teacher")
    parser.add_argument("--db", default="dengta-mirror.sqlite")
    parser.add_argument("--token-file")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--interval", type=float, default=30.0)
    parser.add_argument("--once", action="store_true", help="stop when caught up")
    args = parser.parse_args()

    db = open_db(args.db)
    feed = args.feed + ("?resourceType=" + args.types if args.types else "")
    row = db.execute("SELECT after FROM cursor WHERE feed = ?", (feed,)).fetchone()
    after = row[0] if row else 0
    while True:
        separator = "&" if "?" in feed else "?"
        page = get_json(args, f"{feed}{separator}after={after}&limit={args.limit}")
        upserts, deletes = apply_page(db, args, feed, page)
        if page["items"]:
            log(f"applied {len(page['items'])} changes ({upserts} upserts, {deletes} deletes), cursor {page['next']}")
        caught_up = page["next"] == after or not page["items"]
        after = page["next"]
        if caught_up:
            if args.once:
                break
            time.sleep(args.interval)
    count = db.execute("SELECT count(*) FROM mirror").fetchone()[0]
    print(json.dumps({"feed": feed, "cursor": after, "mirrored": count}))


if __name__ == "__main__":
    main()
