"""What the scorers in tools/ share: the fatal error, running the annals
binary, P/R/F1, and the gates that make CI fail below a figure.
Standard library only."""
import subprocess
import sys


class Fatal(Exception):
    """An error that stops a scorer (exit status 2)."""


def run_annals(annals, subcommand, corpus, timeout, warn):
    """Runs `annals SUBCOMMAND... corpus` (a *.py annals is run with this
    Python, for the tests' fakes) and returns its standard output as text.
    Exit status 1 (some input skipped) is a warning; any other failure,
    a timeout or output that is not UTF-8 is Fatal."""
    cmd = [sys.executable, annals] if annals.endswith(".py") else [annals]
    cmd += list(subcommand) + [corpus]
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout)
    except FileNotFoundError:
        raise Fatal("cannot run %s: no such file" % annals)
    except PermissionError:
        raise Fatal("cannot run %s: not executable" % annals)
    except OSError as e:
        raise Fatal("cannot run %s: %s" % (annals, e))
    except subprocess.TimeoutExpired:
        raise Fatal("%s took more than %s s on %s" % (annals, timeout, corpus))
    err = proc.stderr.decode("utf-8", "replace")
    shown = "\n".join("    | " + l for l in err.splitlines()[-20:])
    if proc.returncode == 1:
        warn("%s exited 1 (some input skipped) on %s%s"
             % (annals, corpus, ":\n" + shown if shown else ""))
    elif proc.returncode != 0:
        how = ("killed by signal %d" % -proc.returncode
               if proc.returncode < 0 else "exit status %d" % proc.returncode)
        raise Fatal("%s failed (%s)%s" % (" ".join(cmd), how,
                                          "\n  its stderr (last lines):\n" + shown
                                          if shown else ""))
    try:
        return proc.stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Fatal("output of %s is not UTF-8: %s" % (annals, e))


def prf(correct, sys_n, gold_n):
    """Precision, recall and F1 (0 where undefined)."""
    p = correct / sys_n if sys_n else 0.0
    r = correct / gold_n if gold_n else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def gate(prog, name, value, limit):
    """False, with a message on stderr, when value is below limit; a limit
    above 1 is a percentage. None means no gate."""
    if limit is None:
        return True
    if limit > 1:
        limit /= 100.0
    if value < limit:
        print("%s: FAIL: %s %.4f is below %.4f" % (prog, name, value, limit),
              file=sys.stderr)
        return False
    return True
