#!/usr/bin/env python3
"""Runs a command (stdout to /dev/null) and prints its wall time in seconds and
peak resident memory in MB: `measure.py [--repeat N] CMD...` prints, for N runs,
the median and the best. Standard library only."""
import resource, statistics, subprocess, sys, time

def main():
    args = sys.argv[1:]
    repeat = 1
    if args[:1] == ["--repeat"]:
        repeat, args = int(args[1]), args[2:]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        r = subprocess.run(args, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
        if r.returncode not in (0, 1):
            sys.exit("measure: %s exited %d" % (args[0], r.returncode))
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    print("%.4f %.4f %.1f" % (statistics.median(times), min(times), rss))

main()
