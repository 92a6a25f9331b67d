#!/usr/bin/env python3
"""Runs commands in alternating order, round after round, and reports median wall and CPU time per command.

On a shared machine the load changes while a benchmark runs; running the peers one after another in every round
(and reversing the order each round) exposes them to the same load, unlike running all rounds of one command first.
CPU time (user + sys of the process and its children, from wait4) is the cost that contention does not inflate.

usage: interleaved.py ROUNDS RESULT_JSON NAME=COMMAND... (COMMAND is split on spaces, no shell, unless it starts
with "shell:", then the rest goes to sh -c)
"""
import json
import os
import statistics
import subprocess
import sys
import time


def argv_of(command):
    return ["sh", "-c", command[len("shell:"):]] if command.startswith("shell:") else command.split()


def run_once(argv):
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(argv)} failed with status {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main():
    rounds, output = int(sys.argv[1]), sys.argv[2]
    commands = dict(arg.split("=", 1) for arg in sys.argv[3:])
    samples = {name: [] for name in commands}
    for name, command in commands.items():  # warm-up round, not recorded
        run_once(argv_of(command))
    for round_number in range(rounds):
        order = list(commands) if round_number % 2 == 0 else list(reversed(commands))
        for name in order:
            samples[name].append(run_once(argv_of(commands[name])))
    summary = {}
    for name, values in samples.items():
        summary[name] = {
            "command": commands[name],
            "wall_median_s": statistics.median(v[0] for v in values),
            "wall_min_s": min(v[0] for v in values),
            "cpu_median_s": statistics.median(v[1] for v in values),
            "max_rss_kib": max(v[2] for v in values),
            "runs": len(values),
        }
        s = summary[name]
        print(f"{name:36s} wall median {s['wall_median_s']:.3f} s (min {s['wall_min_s']:.3f})"
              f"  cpu median {s['cpu_median_s']:.3f} s  max RSS {s['max_rss_kib']} KiB  ({s['runs']} runs)")
    with open(output, "w") as out:
        json.dump(summary, out, indent=2)


if __name__ == "__main__":
    main()
