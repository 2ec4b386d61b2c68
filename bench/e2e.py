#!/usr/bin/env python3
"""End to end: listing every source server of an mgn-emulator fleet with
mgnctl, beside the AWS CLI (v2 and v1, whichever are installed) and a boto3
paginator, on the same emulator and fleet in the same run.

Each client is a whole process, as a user runs it (interpreter start, paging,
decoding, printing the JSON document to a file). One unmeasured run of each
checks that it listed every server; then the clients take turns for the
measured repetitions. Prints one JSON object per client and size on stdout.

Usage: e2e.py --build-dir DIR --servers N[,N...] [--repetitions R] [--no-warmup]
              [--clients mgnctl,aws-v2,aws-v1,boto3] [--cli-max-servers N]
With --no-warmup the checked run is the measured one (a smoke test).
"""
import argparse
import json
import os
import re
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# Keys made up for this run: the emulator is told them, the clients sign with them.
ACCESS_KEY = "MGNBENCH" + secrets.token_hex(6).upper()
SECRET_KEY = secrets.token_hex(20)
REGION = "us-east-1"


def environment(home):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({
        "HOME": home,
        "AWS_CONFIG_FILE": os.path.join(home, "config"),
        "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "credentials"),
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_REGION": REGION,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_PAGER": "",
    })
    return env


def version_of(command, env):
    try:
        done = subprocess.run(command + ["--version"], env=env, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (done.stdout + done.stderr).strip()
    return text.split()[0] if done.returncode == 0 and text.startswith("aws-cli/") else None


def find_clients(build_dir, wanted, env):
    """name -> (label, command prefix); the endpoint goes after it."""
    python = shutil.which("python3") or sys.executable
    found = {}
    if "mgnctl" in wanted:
        found["mgnctl"] = ("mgnctl", [os.path.join(build_dir, "app", "mgnctl"), "describe-source-servers",
                                      "--region", REGION, "--endpoint-url"])
    clis = []
    for candidate in [shutil.which("aws", path=env.get("PATH")), "/usr/bin/aws", "/usr/local/bin/aws"]:
        if candidate and os.path.exists(candidate):
            clis.append([os.path.realpath(candidate)] if candidate.startswith("/usr/") else [candidate])
    clis.append([python, "-m", "awscli"])
    for cli in clis:
        version = version_of(cli, env)
        if not version:
            continue
        name = "aws-v2" if version.startswith("aws-cli/2") else "aws-v1"
        if name in wanted and name not in found:
            found[name] = (version, cli + ["mgn", "describe-source-servers", "--region", REGION,
                                          "--output", "json", "--endpoint-url"])
    if "boto3" in wanted:
        probe = subprocess.run([python, "-c", "import boto3; print(boto3.__version__)"], env=env,
                               capture_output=True, text=True)
        label = "boto3/" + probe.stdout.strip() if probe.returncode == 0 else "botocore (no boto3)"
        found["boto3"] = (label, [python, os.path.join(HERE, "boto3_list.py")])
    return found


class Emulator:
    def __init__(self, build_dir, servers, env):
        self.process = subprocess.Popen(
            [os.path.join(build_dir, "emulator", "mgn-emulator"), "--port", "0", "--servers", str(servers),
             "--seed", "7", "--speed", "60", "--access-key-id", ACCESS_KEY, "--secret-access-key", SECRET_KEY],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"listening on (http://\S+)", line)
        if not match:
            self.process.kill()
            raise RuntimeError("mgn-emulator did not start: " + line)
        self.url = match.group(1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)


def run_once(command, env, output):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(output, "wb") as out:
        done = subprocess.run(command, env=env, stdout=out, stderr=subprocess.PIPE, timeout=1800)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (command[0], done.returncode, done.stderr.decode()[-500:]))
    return wall, cpu


def listed(output):
    with open(output, "rb") as f:
        return len(json.load(f)["items"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--servers", default="10000")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--clients", default="mgnctl,aws-v2,aws-v1,boto3")
    parser.add_argument("--no-warmup", action="store_true")
    parser.add_argument("--cli-max-servers", type=int, default=10000,
                        help="sizes above this are listed by mgnctl only")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mgn-bench-e2e-") as home:
        env = environment(home)
        clients = find_clients(os.path.abspath(args.build_dir), args.clients.split(","), env)
        output = os.path.join(home, "out.json")
        for servers in [int(s) for s in args.servers.split(",")]:
            names = [n for n in clients if n == "mgnctl" or servers <= args.cli_max_servers]
            emulator = Emulator(os.path.abspath(args.build_dir), servers, env)
            try:
                walls = {n: [] for n in names}
                cpus = {n: [] for n in names}
                for name in names:
                    wall, cpu = run_once(clients[name][1] + [emulator.url], env, output)
                    count = listed(output)
                    if count != servers:
                        raise RuntimeError("%s listed %d servers of %d" % (name, count, servers))
                    if args.no_warmup:
                        walls[name].append(wall)
                        cpus[name].append(cpu)
                for _ in range(0 if args.no_warmup else args.repetitions):
                    for name in names:
                        wall, cpu = run_once(clients[name][1] + [emulator.url], env, output)
                        walls[name].append(wall)
                        cpus[name].append(cpu)
            finally:
                emulator.stop()
            for name in names:
                print(json.dumps({
                    "client": name, "version": clients[name][0], "servers": servers,
                    "repetitions": len(walls[name]),
                    "wall_s_median": statistics.median(walls[name]), "wall_s": walls[name],
                    "cpu_s_median": statistics.median(cpus[name]),
                }), flush=True)
            skipped = [n for n in clients if n not in names]
            if skipped:
                print(json.dumps({"skipped": skipped, "servers": servers,
                                  "reason": "above --cli-max-servers"}), flush=True)


if __name__ == "__main__":
    main()
