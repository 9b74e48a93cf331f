# Helpers of the end-to-end suites (run.sh, hostile.sh): sourced after
# ANNALS, PY and the scratch directory T are set.
pass=0
fail=0

ok()   { pass=$((pass + 1)); echo "ok   $1"; }
bad()  { fail=$((fail + 1)); echo "FAIL $1"; [ -n "$2" ] && echo "     $2"; }

# run NAME WANT_STATUS CMD... : runs CMD, stdout to $T/out, stderr to $T/err
run() {
    name=$1; want=$2; shift 2
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        bad "$name" "exit status $got, wanted $want; stderr: $(head -c 300 "$T/err")"
        return 1
    fi
    return 0
}

# valid_json FILE: is it one JSON document (or JSON Lines with -l)?
valid_json() {
    if [ "$1" = -l ]; then
        "$PY" -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"): json.loads(l)' "$2" 2>/dev/null
    else
        "$PY" -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$1" 2>/dev/null
    fi
}

# jget FILE EXPR: evaluates a Python expression over the parsed document d
jget() {
    "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); print(eval(sys.argv[2]))' "$1" "$2"
}
