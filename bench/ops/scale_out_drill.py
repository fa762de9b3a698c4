#!/usr/bin/env python3
"""Local scale-out drill: proves the manifests' assumptions on one machine.

Runs two replicas of each domain service behind the gateway against one PostgreSQL (a throwaway cluster under
.local/drill), with a round-robin TCP balancer per service standing in for a Kubernetes Service (kube-proxy
balances connections the same way). Drives concurrent writes (PUT of schools), atomic imports (50 schools each)
and reads through the gateway; mid-run kills one replica of each service with SIGKILL and restarts it. Then
checks: every acknowledged write is there, every import is all-or-nothing, the schools change feed is gapless,
and counts what the gateway answered while a replica was down. Writes bench/ops/out/results.md.

Not a test (./mvnw verify never runs it): needs the services built (target/quarkus-app), PostgreSQL server
binaries and openssl; uses ports 54339 (PostgreSQL), 8090 (gateway), 8091-8093 (balancers), 8181-8183 and
8281-8283 (replicas). Bounded: the load runs DURATION seconds (default 90) against 127.0.0.1 only.
"""
import base64
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WORK = os.path.join(ROOT, ".local", "drill")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
PG_PORT, GATEWAY = 54339, 8090
SERVICES = {"schools": 8091, "indicators": 8092, "targets": 8093}
REPLICA_PORTS = {name: (8100 + 81 + i, 8200 + 81 + i) for i, name in enumerate(SERVICES)}
DURATION = int(os.environ.get("DURATION", "90"))
ISSUER = "dengta-local-dev"
procs = []


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def pg_bin():
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: [int(x) for x in d.split("/")[-2].split(".") if x.isdigit()])
    return os.environ.get("PG_BIN") or (dirs[-1] if dirs else os.path.dirname(shutil.which("initdb")))


def as_pg(cmd):
    return (["runuser", "-u", "postgres", "--"] + cmd) if os.geteuid() == 0 else cmd


def start_postgres():
    data = os.path.join(WORK, "pg")
    if os.path.exists(data):
        subprocess.run(as_pg([pg_bin() + "/pg_ctl", "-D", data, "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(data)
    os.makedirs(data)
    if os.geteuid() == 0:
        shutil.chown(WORK, "postgres")
        shutil.chown(data, "postgres")
    pw = os.path.join(WORK, "pw")
    with open(pw, "w") as f:
        f.write("dengta")
    os.chmod(pw, 0o644)
    subprocess.run(as_pg([pg_bin() + "/initdb", "-D", data, "-U", "dengta", "--pwfile=" + pw, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C"]),
                   check=True, capture_output=True)
    subprocess.run(as_pg([pg_bin() + "/pg_ctl", "-D", data, "-l", os.path.join(data, "log"), "-w", "-o",
                          f"-p {PG_PORT} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=300", "start"]), check=True, capture_output=True)
    for db in ("schools", "indicators", "targets"):
        subprocess.run([pg_bin() + "/psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "dengta", "-d", "postgres", "-qc", f"create database {db}"],
                       env={**os.environ, "PGPASSWORD": "dengta"}, check=True)
    return data


def keys():
    d = os.path.join(WORK, "issuer")
    os.makedirs(d, exist_ok=True)
    key = os.path.join(d, "private.pem")
    if not os.path.exists(key):
        subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key], check=True, capture_output=True)
    pub = subprocess.run(["openssl", "pkey", "-in", key, "-pubout"], check=True, capture_output=True, text=True).stdout
    return key, "".join(line for line in pub.splitlines() if "-----" not in line)


def token(key):
    b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=")
    now = int(time.time())
    head = b64(json.dumps({"alg": "RS256", "typ": "JWT", "kid": ISSUER}).encode())
    body = b64(json.dumps({"iss": ISSUER, "sub": "drill-admin", "preferred_username": "drill-admin", "azp": "drill",
                           "groups": ["platform-admin"], "iat": now, "exp": now + 7200}).encode())
    sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=head + b"." + body, check=True, capture_output=True).stdout
    return (head + b"." + body + b"." + b64(sig)).decode()


def start_jvm(module, port, env):
    logf = open(os.path.join(WORK, f"{module}-{port}.log"), "ab")
    # connect-retries as in application.properties (given here too, so jars built before it behave the same)
    p = subprocess.Popen(["java", "-Dquarkus.profile=local", f"-Dquarkus.http.port={port}", "-Xmx512m",
                          *([] if module == "gateway" else ["-Dquarkus.flyway.connect-retries=10"]),
                          "-jar", os.path.join(ROOT, module, "target/quarkus-app/quarkus-run.jar")],
                         env={**os.environ, **env}, stdout=logf, stderr=subprocess.STDOUT)
    procs.append(p)
    return p


restarts = Counter()


def ready(port, timeout=600, replicas=None, module=None, env=None):
    """Waits for readiness; like the kubelet, restarts a replica whose process exited (counted in restarts)."""
    end = time.time() + timeout
    while time.time() < end:
        if replicas is not None and replicas[port].poll() is not None and restarts[port] < 5:
            restarts[port] += 1
            log(f"{module} on {port} exited ({replicas[port].returncode}): restart {restarts[port]}")
            replicas[port] = start_jvm(module, port, env)
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/q/health/ready", timeout=5) as r:
                if r.status == 200:
                    return True
        except Exception:
            pass
        time.sleep(1)
    raise SystemExit(f"port {port} not ready after {timeout}s")


def balancer(listen, upstreams):
    """Round-robin TCP proxy: each new connection goes to the next upstream that accepts it."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", listen))
    server.listen(256)
    turn = [0]

    def pipe(a, b):
        try:
            while True:
                data = a.recv(65536)
                if not data:
                    break
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def handle(client):
        for _ in range(len(upstreams)):
            port = upstreams[turn[0] % len(upstreams)]
            turn[0] += 1
            try:
                up = socket.create_connection(("127.0.0.1", port), timeout=2)
                up.settimeout(None)
            except OSError:
                continue
            threading.Thread(target=pipe, args=(client, up), daemon=True).start()
            threading.Thread(target=pipe, args=(up, client), daemon=True).start()
            return
        client.close()

    def serve():
        while True:
            c, _ = server.accept()
            handle(c)

    threading.Thread(target=serve, daemon=True).start()


def call(method, path, tok, body=None, ctype="application/json"):
    req = urllib.request.Request(f"http://127.0.0.1:{GATEWAY}{path}", method=method, data=body,
                                 headers={"Authorization": "Bearer " + tok, "Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:
        return 0, str(e).encode()


def school(code):
    return json.dumps({"code": code, "name": f"演练学校 {code}", "region": "320113", "stages": ["primary"],
                       "ownership": "public", "status": "open", "source": "scale-out-drill"}).encode()


def main():
    if any(socket.socket().connect_ex(("127.0.0.1", p)) == 0 for p in [PG_PORT, GATEWAY, *SERVICES.values()]):
        raise SystemExit("a drill port is in use")
    os.makedirs(WORK, exist_ok=True)
    os.makedirs(OUT, exist_ok=True)
    data = start_postgres()
    key, pub = keys()
    tok = token(key)
    env = {"DENGTA_DEV_PUBLIC_KEY": pub, "DENGTA_DB_USER": "dengta", "DENGTA_DB_PASSWORD": "dengta",
           "DENGTA_SCHOOLS_DB_URL": f"jdbc:postgresql://127.0.0.1:{PG_PORT}/schools",
           "DENGTA_INDICATORS_DB_URL": f"jdbc:postgresql://127.0.0.1:{PG_PORT}/indicators",
           "DENGTA_TARGETS_DB_URL": f"jdbc:postgresql://127.0.0.1:{PG_PORT}/targets",
           "DENGTA_SCHOOLS_URL": f"http://127.0.0.1:{SERVICES['schools']}",
           "DENGTA_INDICATORS_URL": f"http://127.0.0.1:{SERVICES['indicators']}",
           "DENGTA_TARGETS_URL": f"http://127.0.0.1:{SERVICES['targets']}"}
    replicas = {}
    try:
        for name, lb in SERVICES.items():
            balancer(lb, list(REPLICA_PORTS[name]))
        # replica A first: it runs the migrations; B starts at the same time as well (the advisory lock serialises them)
        for name in SERVICES:
            for port in REPLICA_PORTS[name]:
                replicas[port] = start_jvm(f"{name}-service", port, env)
        gateway = start_jvm("gateway", GATEWAY, env)
        t0 = time.time()
        for name in SERVICES:
            for port in REPLICA_PORTS[name]:
                ready(port, replicas=replicas, module=f"{name}-service", env=env)
        ready(GATEWAY)
        log(f"all replicas ready in {time.time() - t0:.0f}s")

        acked, imports, statuses, lock = [], [], Counter(), threading.Lock()
        stop = threading.Event()
        phase = ["before"]

        def writer(n):
            i = 0
            while not stop.is_set() and i < 1000:
                code = f"320113{n}{i:03d}"
                s, _ = call("PUT", f"/schools/v1/schools/{code}", tok, school(code))
                with lock:
                    statuses[(phase[0], "PUT", s)] += 1
                    if s in (200, 201):
                        acked.append(code)
                i += 1

        def importer():
            b = 0
            while not stop.is_set() and b < 40:
                codes = [f"320113{8 + b // 20}{(b % 20) * 50 + j:03d}" for j in range(50)]
                rows = "code,name,region,stages,ownership,status,source\n" + "".join(
                    f"{c},演练导入 {c},320113,primary,public,open,scale-out-drill\n" for c in codes)
                s, body = call("POST", "/schools/v1/imports/schools?mode=atomic", tok, rows.encode(), "text/csv; charset=UTF-8")
                with lock:
                    statuses[(phase[0], "import", s)] += 1
                    imports.append((codes, s, body[:200]))
                b += 1

        def reader():
            while not stop.is_set():
                s, _ = call("GET", "/schools/v1/schools?region=320113&limit=20", tok)
                s2, _ = call("GET", "/indicators/v1/indicators?limit=20", tok)
                s3, _ = call("GET", "/targets/v1/plans?limit=20", tok)
                with lock:
                    statuses[(phase[0], "GET schools", s)] += 1
                    statuses[(phase[0], "GET indicators", s2)] += 1
                    statuses[(phase[0], "GET targets", s3)] += 1

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(1, 4)]
        threads += [threading.Thread(target=importer), threading.Thread(target=reader), threading.Thread(target=reader)]
        for t in threads:
            t.start()
        time.sleep(DURATION / 3)
        phase[0] = "replica A killed"
        killed_at = time.time()
        for name in SERVICES:
            port = REPLICA_PORTS[name][0]
            os.kill(replicas[port].pid, signal.SIGKILL)
            log(f"kill -9 {name} replica on {port} (pid {replicas[port].pid})")
        time.sleep(5)
        for name in SERVICES:
            port = REPLICA_PORTS[name][0]
            replicas[port] = start_jvm(f"{name}-service", port, env)
        for name in SERVICES:
            ready(REPLICA_PORTS[name][0], replicas=replicas, module=f"{name}-service", env=env)
        phase[0] = "after restart"
        back = time.time() - killed_at
        log(f"killed replicas back in {back:.0f}s")
        time.sleep(DURATION / 3)
        stop.set()
        for t in threads:
            t.join(120)

        # --- checks
        problems = []
        codes = set()
        after, feed_seqs = 0, []
        while True:
            s, body = call("GET", f"/schools/v1/changes?after={after}&limit=500", tok)
            if s != 200:
                problems.append(f"change feed answered {s}")
                break
            page = json.loads(body)
            for c in page["items"]:
                feed_seqs.append(c["sequence"])
                codes.add(c["key"])
            if not page["items"]:
                break
            after = page["next"]
        gaps = [(a, b) for a, b in zip(feed_seqs, feed_seqs[1:]) if b != a + 1]
        if gaps or (feed_seqs and feed_seqs[0] != 1):
            problems.append(f"change feed gaps: {gaps[:5]} (first {feed_seqs[:1]})")
        lost = []
        for code in acked:
            s, _ = call("GET", f"/schools/v1/schools/{code}", tok)
            if s != 200:
                lost.append((code, s))
        if lost:
            problems.append(f"{len(lost)} acknowledged writes missing: {lost[:5]}")
        half = []
        for batch, s, body in imports:
            present = sum(1 for c in batch if c in codes)
            if present not in (0, len(batch)):
                half.append((batch[0], s, present))
            if s == 200 and present != len(batch):
                half.append((batch[0], s, present))
        if half:
            problems.append(f"half-applied or lost imports: {half[:5]}")
        result = "PASS" if not problems else "FAIL"
        lines = [f"# Scale-out drill ({time.strftime('%Y-%m-%d %H:%M')})", "",
                 f"2 replicas x 3 domain services behind the gateway, {DURATION}s of load, kill -9 of one replica per service "
                 f"after {DURATION // 3}s, restarted 5 s later (back and ready after {back:.0f}s).", "",
                 f"- acknowledged PUTs: {len(acked)}, all present: {not lost}",
                 f"- atomic imports: {len(imports)} ({sum(1 for i in imports if i[1] == 200)} acknowledged), all-or-nothing: {not half}",
                 f"- schools change feed: {len(feed_seqs)} changes, gapless: {not gaps}",
                 f"- replicas that exited while starting and were restarted: {dict(restarts) or 'none'}",
                 f"- result: **{result}** {'; '.join(problems)}", "", "| phase | call | status | count |", "|---|---|---|---|"]
        for (ph, what, s), n in sorted(statuses.items(), key=lambda x: (x[0][0], x[0][1], x[0][2])):
            lines.append(f"| {ph} | {what} | {s} | {n} |")
        with open(os.path.join(OUT, "results.md"), "w") as f:
            f.write("\n".join(lines) + "\n")
        print("\n".join(lines))
        return 0 if not problems else 1
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()
        subprocess.run(as_pg([pg_bin() + "/pg_ctl", "-D", os.path.join(WORK, "pg"), "-m", "fast", "stop"]), capture_output=True)


if __name__ == "__main__":
    sys.exit(main())
