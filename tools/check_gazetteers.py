#!/usr/bin/env python3
"""Check the gazetteer TSV files of a grammar directory.

usage: check_gazetteers.py [-w] [DIR]

DIR defaults to grammars/en of the repository this script lives in.
The files checked are countries.tsv, places.tsv, orgs.tsv, people.tsv and
titles.tsv.  Each is UTF-8, TAB-separated, with '#' comment lines; its first
line is a comment naming the columns; list fields are separated by '|'; an
empty field means nothing.

Problems are printed as "file:line: problem" and make the exit status 1.
When all is well one summary line with counts is printed and the status is 0.
With -w, names shared by two files and pointing to different countries are
printed as warnings (they never fail the check).

A name or alias that deliberately belongs to two entries of one file can be
declared in that file with a comment line of the form
    # allow-duplicate: NAME
Only the standard library is used.
"""

import os
import re
import sys

# file -> column names, list columns, kind column and allowed kinds
SPEC = {
    "countries.tsv": {
        "columns": ["iso3", "name", "aliases", "demonyms", "capital"],
        "lists": {"aliases", "demonyms"},
        "keys": ["name", "aliases", "demonyms", "capital"],
        "required": {"iso3", "name"},
    },
    "places.tsv": {
        "columns": ["name", "iso3", "kind", "aliases"],
        "lists": {"aliases"},
        "keys": ["name", "aliases"],
        "required": {"name", "kind"},
        "kinds": ("kind", {"city", "region", "province", "district",
                           "crossing", "sea", "other"}),
        "country": "iso3",
    },
    "orgs.tsv": {
        "columns": ["name", "aliases", "kind", "country"],
        "lists": {"aliases"},
        "keys": ["name", "aliases"],
        "required": {"name", "kind"},
        "kinds": ("kind", {"organisation", "armed_group", "state", "group"}),
        "country": "country",
    },
    "people.tsv": {
        "columns": ["name", "aliases", "country", "role"],
        "lists": {"aliases"},
        "keys": ["name", "aliases"],
        "required": {"name", "role"},
        "country": "country",
    },
    "titles.tsv": {
        "columns": ["title", "kind"],
        "lists": set(),
        "keys": ["title"],
        "required": {"title", "kind"},
        "kinds": ("kind", {"office", "honorific"}),
    },
}
ORDER = ["countries.tsv", "places.tsv", "orgs.tsv", "people.tsv", "titles.tsv"]
ISO3 = re.compile(r"^[A-Z]{3}$")
ALLOW = re.compile(r"^#\s*allow-duplicate:\s*(.+?)\s*$")


class Checker:
    def __init__(self):
        self.problems = []

    def problem(self, path, line, text):
        self.problems.append((path, line, len(self.problems), text))

    def report(self):
        """The problems as "file:line: problem", by file then line."""
        order = {}
        for path, _, _, _ in self.problems:
            order.setdefault(path, len(order))
        return ["%s:%d: %s" % (p, n, t) for p, n, _, t in
                sorted(self.problems, key=lambda x: (order[x[0]], x[1], x[2]))]


def norm(key):
    """The form under which two names count as the same name."""
    return " ".join(key.split()).casefold()


def read_rows(chk, path, spec):
    """Return (rows, allowed): rows are (line, {column: value or list})."""
    cols = spec["columns"]
    rows, allowed = [], set()
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        chk.problem(path, 0, "cannot read: %s" % e.strerror)
        return rows, allowed
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        chk.problem(path, line, "invalid UTF-8")
        return rows, allowed
    if text.startswith("\ufeff"):
        chk.problem(path, 1, "byte order mark at start of file")
        text = text[1:]
    if text and not text.endswith("\n"):
        chk.problem(path, text.count("\n") + 1, "no newline at end of file")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = "# " + "\t".join(cols)
    if not lines or lines[0].rstrip("\r") != header:
        chk.problem(path, 1, "first line must be the column comment %r" % header)
    for n, raw in enumerate(lines, 1):
        if raw.endswith("\r"):
            chk.problem(path, n, "carriage return (CRLF line end)")
            raw = raw[:-1]
        # a trailing TAB is an empty last field; any other trailing blank is a fault
        if raw[-1:].isspace() and raw[-1:] != "\t":
            chk.problem(path, n, "trailing whitespace")
        if raw.strip() == "":
            chk.problem(path, n, "blank line")
            continue
        if raw.startswith("#"):
            m = ALLOW.match(raw)
            if m:
                allowed.add(norm(m.group(1)))
            continue
        fields = raw.split("\t")
        if len(fields) != len(cols):
            chk.problem(path, n, "%d columns, expected %d (%s)"
                        % (len(fields), len(cols), ", ".join(cols)))
            continue
        row, ok = {}, True
        for col, val in zip(cols, fields):
            if val != val.strip():
                chk.problem(path, n, "%s: leading or trailing space" % col)
                ok = False
            if "  " in val:
                chk.problem(path, n, "%s: double space" % col)
            if col in spec["required"] and not val.strip():
                chk.problem(path, n, "%s: empty" % col)
                ok = False
            if col in spec["lists"]:
                items = val.split("|") if val else []
                if any(not i.strip() for i in items):
                    chk.problem(path, n, "%s: empty list item" % col)
                    ok = False
                items = [i.strip() for i in items if i.strip()]
                seen = set()
                for i in items:
                    if i != i.strip():
                        chk.problem(path, n, "%s: space around %r" % (col, i))
                    if i in seen:
                        chk.problem(path, n, "%s: %r listed twice" % (col, i))
                    seen.add(i)
                row[col] = items
            else:
                if "|" in val:
                    chk.problem(path, n, "%s: '|' in a single-value field" % col)
                row[col] = val.strip()
        if ok:
            rows.append((n, row))
    return rows, allowed


def check_file(chk, path, name, spec, iso3s):
    rows, allowed = read_rows(chk, path, spec)
    # kinds and country codes
    if "kinds" in spec:
        col, kinds = spec["kinds"]
        for n, row in rows:
            if row[col] not in kinds:
                chk.problem(path, n, "%s: %r is not one of %s"
                            % (col, row[col], "|".join(sorted(kinds))))
    if "country" in spec and iso3s is not None:
        col = spec["country"]
        for n, row in rows:
            code = row[col]
            if code and code not in iso3s:
                chk.problem(path, n, "%s: %r is not an iso3 of countries.tsv"
                            % (col, code))
    if name == "countries.tsv":
        seen = {}
        for n, row in rows:
            code = row["iso3"]
            if not ISO3.match(code):
                chk.problem(path, n, "iso3: %r is not three capital letters" % code)
            if code in seen:
                chk.problem(path, n, "iso3: %s already on line %d" % (code, seen[code]))
            seen.setdefault(code, n)
    if name == "people.tsv":
        for n, row in rows:
            full = [row["name"]] + row["aliases"]
            surnames = {f.split()[-1] for f in full if len(f.split()) > 1}
            for a in row["aliases"]:
                if len(a.split()) == 1 and a in surnames:
                    chk.problem(path, n, "aliases: %r is a bare surname" % a)
    # names and aliases: one key, one entry
    owner = {}      # normalised key -> (line, entry id, key as written)
    dups = []
    for n, row in rows:
        here = set()
        for col in spec["keys"]:
            vals = row[col] if isinstance(row[col], list) else [row[col]]
            for v in vals:
                if not v:
                    continue
                k = norm(v)
                if v in here:
                    # the same name twice in one entry: allowed only for a
                    # country whose capital bears its name (Singapore).
                    # Variants in another case ("Peshmerga|peshmerga") are fine.
                    if not (name == "countries.tsv" and col == "capital"):
                        chk.problem(path, n, "%s: %r repeats a name of the same entry"
                                    % (col, v))
                    continue
                here.add(v)
                if k in owner and owner[k][0] != n:
                    if k in allowed:
                        dups.append(k)
                    else:
                        chk.problem(path, n, "%r already names the entry on line %d (%r)"
                                    % (v, owner[k][0], owner[k][2]))
                else:
                    owner[k] = (n, n, v)
    for k in sorted(allowed):
        if k not in dups:
            chk.problem(path, 1, "allow-duplicate %r: no such duplicate" % k)
    return rows, owner


def country_of(name, row):
    if name == "countries.tsv":
        return row["iso3"]
    col = SPEC[name].get("country")
    return row[col] if col else None


def main(argv):
    warn = False
    args = []
    for a in argv[1:]:
        if a in ("-w", "--warnings"):
            warn = True
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        elif a.startswith("-") and a != "-":
            sys.stderr.write("check_gazetteers.py: unknown option %s\n" % a)
            return 2
        else:
            args.append(a)
    if len(args) > 1:
        sys.stderr.write("usage: check_gazetteers.py [-w] [DIR]\n")
        return 2
    if args:
        root = args[0]
    else:
        here = os.path.dirname(os.path.abspath(__file__))
        root = os.path.join(os.path.dirname(here), "grammars", "en")
        if not os.path.isdir(root):
            root = os.path.join("grammars", "en")
    if not os.path.isdir(root):
        sys.stderr.write("check_gazetteers.py: %s: not a directory\n" % root)
        return 2

    chk = Checker()
    iso3s = None
    counts, keys, tables = {}, {}, {}
    for name in ORDER:
        path = os.path.join(root, name)
        if not os.path.exists(path):
            chk.problem(path, 0, "missing")
            continue
        rows, owner = check_file(chk, path, name, SPEC[name], iso3s)
        if name == "countries.tsv":
            iso3s = {row["iso3"] for _, row in rows}
        counts[name] = len(rows)
        keys[name] = len(owner)
        tables[name] = (rows, owner)

    if chk.problems:
        for p in chk.report():
            sys.stderr.write(p + "\n")
        sys.stderr.write("check_gazetteers.py: %d problem%s in %s\n"
                         % (len(chk.problems), "" if len(chk.problems) == 1 else "s", root))
        return 1

    if warn:
        # same name in two files, different countries
        seen = {}
        for name in ORDER[:4]:
            rows, owner = tables.get(name, ([], {}))
            byline = {n: row for n, row in rows}
            for k, (n, _, v) in owner.items():
                c = country_of(name, byline[n])
                if k in seen and seen[k][2] != c:
                    f0, n0, c0 = seen[k]
                    sys.stderr.write("warning: %s:%d: %r is also in %s:%d (%s vs %s)\n"
                                     % (os.path.join(root, name), n, v,
                                        os.path.join(root, f0), n0, c0 or "-", c or "-"))
                seen.setdefault(k, (name, n, c))

    print("gazetteers OK (%s): %d countries, %d places, %d organisations, "
          "%d people, %d titles; %d names and aliases"
          % (root, counts.get("countries.tsv", 0), counts.get("places.tsv", 0),
             counts.get("orgs.tsv", 0), counts.get("people.tsv", 0),
             counts.get("titles.tsv", 0), sum(keys.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
