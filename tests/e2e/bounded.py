#!/usr/bin/env python3
"""Runs a command under a time bound and reports its peak memory, for the
hostile-input suite (tests/e2e/hostile.sh):

    bounded.py SECONDS STDIN STDOUT STDERR CMD...

STDIN may be '-' (none). Prints "STATUS SECONDS PEAK_MB"; STATUS is the
exit status, "timeout" when the command ran past SECONDS (it is killed),
or "signal:N". Peak memory is the largest resident set of the command."""
import resource
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 6:
        sys.exit("usage: bounded.py SECONDS STDIN STDOUT STDERR CMD...")
    limit = float(sys.argv[1])
    stdin = subprocess.DEVNULL if sys.argv[2] == "-" else open(sys.argv[2], "rb")
    with open(sys.argv[3], "wb") as out, open(sys.argv[4], "wb") as err:
        t0 = time.monotonic()
        p = subprocess.Popen(sys.argv[5:], stdin=stdin, stdout=out, stderr=err)
        try:
            rc = p.wait(timeout=limit)
            status = str(rc) if rc >= 0 else "signal:%d" % -rc
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            status = "timeout"
        took = time.monotonic() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    print("%s %.2f %.0f" % (status, took, peak))


if __name__ == "__main__":
    main()
