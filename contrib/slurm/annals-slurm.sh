#!/usr/bin/env bash
# annals-slurm.sh: extract a corpus on a Slurm cluster and merge the result.
#
#   annals-slurm.sh -n SHARDS -o RUNDIR [OPTIONS] INPUT...
#
# 1. `annals shard` splits the inputs into SHARDS shards (RUNDIR/shards/).
# 2. One job array runs `annals extract -f jsonl --documents` on every shard
#    (RUNDIR/extract/shard-NNNN.jsonl, each written atomically); several
#    arrays when there are more shards than the cluster's MaxArraySize.
# 3. A check job, once the array is over, resubmits the shards that failed
#    (up to --retries times), then reports by name those that still fail.
# 4. The merge runs as a tree of job arrays, FANIN timelines a task
#    (RUNDIR/merge/L1-0000.jsonl ...), down to RUNDIR/timeline.json, then
#    the exports asked for (RUNDIR/timeline.ics ...), RUNDIR/warnings.txt
#    (every record extract skipped, as file:line of the original) and
#    RUNDIR/DONE. On failure RUNDIR/FAILED says what failed.
#
# Every output is written atomically and named by shard (or tree node), and
# a step whose output exists is not run again: after a failure, running the
# same command again redoes only what is missing. Merging is associative
# and does not depend on order, so the result is byte for byte what
# `annals extract --merge -f json INPUT...` writes on one machine.
#
# Options:
#   -n, --shards N       how many shards (and array tasks)
#   -o, --output RUNDIR  the run's directory (on a file system all nodes see)
#   -f, --fan-in K       timelines merged by one merge task (default 8)
#   -e, --export FMT     also write RUNDIR/timeline.FMT (ics, html, csv,
#                        timelinejs); may be repeated
#   -r, --retries R      resubmit a failed shard up to R times (default 2)
#   -c, --cpus C         CPUs per extract task, given to extract -j (default 1)
#   -k, --check          shard with `annals shard --check`: bad records reported
#                        up front, repeated ids named as one machine names them
#   -a, --annals PATH    the annals binary (default: `annals` on PATH; it
#                        must be reachable from every node)
#   -s, --sbatch OPTS    more sbatch options for every job ("-p long -A x")
#   -w, --wait           wait until the run is done or failed; exit 0 or 1
#   -h, --help           this text
#
# Example:
#   contrib/slurm/annals-slurm.sh -n 64 -o /scratch/run1 -e ics -e html --wait corpus/
# shellcheck disable=SC2153 # SHARDS, FANIN, ANNALS...: set by RUNDIR/run.conf
set -euo pipefail

die() { echo "annals-slurm: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '/^# shellcheck/d; $d; s/^# \{0,1\}//'; }

abspath() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$(pwd)" "$1" ;; esac; }

# Writes stdin to $1 atomically.
atomic_write() { local tmp; tmp=$(mktemp "$1.tmpXXXXXX"); cat > "$tmp"; mv -f "$tmp" "$1"; }

shard_name() { printf 'shard-%0*d.jsonl' "$WIDTH" "$1"; }
node_name() { printf 'L%d-%04d.jsonl' "$1" "$2"; }

# How many timelines level $1 of the tree has (level 0: the shards').
level_size() {
    local l=0 n=$SHARDS
    while [ "$l" -lt "$1" ]; do n=$(( (n + FANIN - 1) / FANIN )); l=$((l + 1)); done
    echo "$n"
}

# The last level: the one with a single timeline (at least 1).
top_level() {
    local l=1
    while [ "$(level_size "$l")" -gt 1 ]; do l=$((l + 1)); done
    echo "$l"
}

# The path of timeline $2 of level $1.
level_path() {
    if [ "$1" -eq 0 ]; then echo "$RUNDIR/extract/$(shard_name "$2")"
    elif [ "$1" -eq "$(top_level)" ]; then echo "$RUNDIR/timeline.json"
    else echo "$RUNDIR/merge/$(node_name "$1" "$2")"; fi
}

submit() { # submit NAME DEPENDENCY ARRAY STAGE ARGS...: prints the job id
    local name=$1 dep=$2 array=$3 stage=$4; shift 4
    local opts=(--parsable --job-name="annals-$name" --chdir="$RUNDIR" --kill-on-invalid-dep=yes)
    [ -n "$dep" ] && opts+=(--dependency="$dep")
    if [ -n "$array" ]; then
        # the log names the task by its index in the run: base + %a
        local base=${*: -1} tag=""
        [ "$base" = 0 ] || tag="$base+"
        opts+=(--array="$array" --output="$RUNDIR/logs/$name-$tag%a-%A.log")
    else
        opts+=(--output="$RUNDIR/logs/$name-%j.log")
    fi
    [ "$stage" = extract ] && opts+=(--cpus-per-task="$CPUS")
    # shellcheck disable=SC2086
    sbatch "${opts[@]}" $SBATCH_OPTS "$SCRIPT" "$stage" "$RUNDIR" "$@" | cut -d';' -f1
}

# submit_array NAME DEPENDENCY STAGE ARG INDEX...: the tasks of these
# indices, in arrays of at most MAXARRAY (Slurm's MaxArraySize) each, a
# task's index being the array's base (its last argument) plus its own;
# prints the job ids, colon-separated, for a dependency.
submit_array() {
    local name=$1 dep=$2 stage=$3 arg=$4; shift 4
    local k base list="" last=-1 ids=""
    for k in "$@"; do
        base=$(( k / MAXARRAY * MAXARRAY ))
        if [ "$base" -ne "$last" ] && [ -n "$list" ]; then
            ids+="${ids:+:}$(submit "$name" "$dep" "$list" "$stage" "$arg" "$last")"
            list=""
        fi
        last=$base
        list+="${list:+,}$((k - base))"
    done
    [ -z "$list" ] || ids+="${ids:+:}$(submit "$name" "$dep" "$list" "$stage" "$arg" "$last")"
    echo "$ids"
}

load_conf() {
    RUNDIR=$1
    [ -f "$RUNDIR/run.conf" ] || die "$RUNDIR/run.conf: no run here"
    # shellcheck disable=SC1091
    . "$RUNDIR/run.conf"
}

# ---- stages, each run as a Slurm job ------------------------------------------

# One shard (the array task's index): extract it unless done.
stage_extract() { # ARG BASE
    local k=$(( $2 + ${SLURM_ARRAY_TASK_ID:?not an array task} ))
    local in out
    in="$RUNDIR/shards/$(shard_name "$k")"
    out="$RUNDIR/extract/$(shard_name "$k")"
    [ -e "$out" ] && { echo "$(shard_name "$k"): done already"; return 0; }
    local rc=0
    "$ANNALS" extract -f jsonl --documents -j "$CPUS" -o "$out" "$in" 2> "$out.err.tmp" || rc=$?
    # exit status 1: records skipped, each reported as the original
    # file:line; the timeline is written all the same
    if [ "$rc" -le 1 ] && [ -e "$out" ]; then
        mv -f "$out.err.tmp" "$out.warnings"
        echo "$(shard_name "$k"): extracted"
        return 0
    fi
    echo "$(shard_name "$k"): extract failed (exit status $rc):" >&2
    cat "$out.err.tmp" >&2
    rm -f "$out.err.tmp"
    return 1
}

# After the extract array: retry what failed, or start the merge.
stage_check() {
    local attempt=$1 missing=() k
    for ((k = 0; k < SHARDS; k++)); do
        [ -e "$RUNDIR/extract/$(shard_name "$k")" ] || missing+=("$k")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        local names=()
        for k in "${missing[@]}"; do names+=("$(shard_name "$k")"); done
        if [ "$attempt" -lt "$RETRIES" ]; then
            echo "annals-slurm: retry $((attempt + 1)) of $RETRIES: ${names[*]}"
            local job
            job=$(submit_array extract "" extract 0 "${missing[@]}")
            submit check "afterany:$job" "" check $((attempt + 1)) >/dev/null
            return 0
        fi
        printf 'extract failed after %d retries: %s\n(logs: %s/logs/extract-INDEX-*.log)\n' \
            "$RETRIES" "${names[*]}" "$RUNDIR" | atomic_write "$RUNDIR/FAILED"
        echo "annals-slurm: failed shards: ${names[*]}" >&2
        return 1
    fi
    start_merge
}

# The merge tree: one job array a level, each after the one before.
start_merge() {
    local top l dep="" job
    top=$(top_level)
    for ((l = 1; l <= top; l++)); do
        job=$(submit_array "merge-L$l" "$dep" merge "$l" $(seq 0 $(( $(level_size "$l") - 1 ))))
        dep="afterok:$job"
    done
    submit finish "${dep/afterok/afterany}" "" finish >/dev/null
}

# One node of level $1: merge its FANIN inputs of the level below.
stage_merge() { # LEVEL BASE
    local l=$1 i=$(( $2 + ${SLURM_ARRAY_TASK_ID:?not an array task} ))
    local out below from to j inputs=()
    out=$(level_path "$l" "$i")
    [ -e "$out" ] && { echo "$(basename "$out"): done already"; return 0; }
    below=$(level_size $((l - 1)))
    from=$((i * FANIN))
    to=$((from + FANIN < below ? from + FANIN : below))
    for ((j = from; j < to; j++)); do inputs+=("$(level_path $((l - 1)) "$j")"); done
    if [ "$out" = "$RUNDIR/timeline.json" ]; then
        "$ANNALS" merge -f json -o "$out" "${inputs[@]}"
    else
        "$ANNALS" merge -f jsonl --documents -o "$out" "${inputs[@]}"
    fi
    echo "$(basename "$out"): merged ${#inputs[@]} timelines"
}

# The exports, the warnings, and DONE or FAILED.
stage_finish() {
    if [ ! -e "$RUNDIR/timeline.json" ]; then
        echo "merge failed: $RUNDIR/timeline.json was not written (logs: $RUNDIR/logs/merge-*.log)" |
            atomic_write "$RUNDIR/FAILED"
        return 1
    fi
    local f
    for f in $EXPORTS; do
        [ -e "$RUNDIR/timeline.$f" ] || "$ANNALS" export -q -f "$f" -o "$RUNDIR/timeline.$f" "$RUNDIR/timeline.json"
    done
    local k
    for ((k = 0; k < SHARDS; k++)); do
        cat "$RUNDIR/extract/$(shard_name "$k").warnings" 2>/dev/null || true
    done | atomic_write "$RUNDIR/warnings.txt"
    rm -f "$RUNDIR/FAILED"
    date -u +%FT%TZ | atomic_write "$RUNDIR/DONE"
}

# ---- the command a user runs --------------------------------------------------

main() {
    local shards="" out="" fanin=8 exports="" retries=2 cpus=1 annals=annals sbopts="" wait=0 check=""
    while [ $# -gt 0 ]; do
        case $1 in
            -n|--shards) shards=${2:?}; shift 2 ;;
            -o|--output) out=${2:?}; shift 2 ;;
            -f|--fan-in) fanin=${2:?}; shift 2 ;;
            -e|--export) exports="$exports ${2:?}"; shift 2 ;;
            -r|--retries) retries=${2:?}; shift 2 ;;
            -c|--cpus) cpus=${2:?}; shift 2 ;;
            -a|--annals) annals=${2:?}; shift 2 ;;
            -s|--sbatch) sbopts=${2?}; shift 2 ;;
            -w|--wait) wait=1; shift ;;
            -k|--check) check=--check; shift ;;
            -h|--help) usage; exit 0 ;;
            --) shift; break ;;
            -*) die "unknown option '$1' (try --help)" ;;
            *) break ;;
        esac
    done
    [ -n "$shards" ] && [ -n "$out" ] || die "-n SHARDS and -o RUNDIR are needed (try --help)"
    [ $# -gt 0 ] || die "no inputs given (try --help)"
    [[ $shards =~ ^[0-9]+$ ]] && [ "$shards" -ge 1 ] || die "-n takes a positive number, not '$shards'"
    [[ $fanin =~ ^[0-9]+$ ]] && [ "$fanin" -ge 2 ] || die "--fan-in takes a number from 2, not '$fanin'"
    [[ $retries =~ ^[0-9]+$ ]] || die "--retries takes a number, not '$retries'"
    [[ $cpus =~ ^[0-9]+$ ]] && [ "$cpus" -ge 1 ] || die "--cpus takes a positive number, not '$cpus'"
    local f
    for f in $exports; do
        case $f in ics|html|csv|timelinejs) ;; *) die "unknown export '$f' (ics, html, csv or timelinejs)" ;; esac
    done
    command -v sbatch >/dev/null || die "sbatch not found: this runs on a Slurm cluster"
    case $annals in */*) annals=$(abspath "$annals") ;; *) annals=$(command -v "$annals") || die "annals not found on PATH (use --annals)" ;; esac
    [ -x "$annals" ] || die "$annals: not executable"

    mkdir -p "$out" || die "$out: cannot make the directory"
    RUNDIR=$(cd "$out" && pwd)
    mkdir -p "$RUNDIR/logs" "$RUNDIR/extract" "$RUNDIR/merge"
    # a re-run must be the same run: same shards, same inputs. The inputs
    # are named as given (they name the records in messages and sources,
    # as they do for extract on one machine).
    local inputs=("$@")
    if [ -f "$RUNDIR/run.conf" ]; then
        local old_shards old_inputs
        old_shards=$(. "$RUNDIR/run.conf"; echo "$SHARDS")
        old_inputs=$(. "$RUNDIR/run.conf"; echo "$INPUTS")
        [ "$old_shards" = "$shards" ] && [ "$old_inputs" = "$(printf '%q ' "${inputs[@]}")" ] ||
            die "$RUNDIR holds a run of other inputs or shard count; use a new directory"
    fi
    local queued
    queued=$(squeue -h -o '%i %Z' 2>/dev/null | awk -v d="$RUNDIR" '$2 == d { print $1 }' | tr '\n' ' ')
    [ -z "$queued" ] || die "jobs of this run are still queued or running ($queued); wait for them or scancel them"
    if [ ! -f "$RUNDIR/shards/manifest.tsv" ]; then
        echo "annals-slurm: sharding into $shards"
        local rc=0
        "$annals" shard $check -n "$shards" -o "$RUNDIR/shards" "${inputs[@]}" || rc=$?
        [ "$rc" -le 1 ] || die "annals shard failed (exit status $rc)"
    fi
    local maxarray # the cluster's MaxArraySize: array indices go from 0 to it, less one
    maxarray=$(scontrol show config 2>/dev/null | awk '$1 == "MaxArraySize" { print $3 }')
    [[ $maxarray =~ ^[0-9]+$ ]] && [ "$maxarray" -ge 1 ] || maxarray=1001
    local width # of the shards' numbers, as annals shard wrote them
    width=$(awk -F'\t' 'NR == 2 { sub(/^shard-/, "", $1); sub(/\.jsonl$/, "", $1); print length($1) }' \
        "$RUNDIR/shards/manifest.tsv")
    {
        printf 'SHARDS=%q\nFANIN=%q\nEXPORTS=%q\nRETRIES=%q\nCPUS=%q\nWIDTH=%q\nMAXARRAY=%q\n' \
            "$shards" "$fanin" "$exports" "$retries" "$cpus" "$width" "$maxarray"
        printf 'ANNALS=%q\nSBATCH_OPTS=%q\nSCRIPT=%q\nINPUTS=%q\n' \
            "$annals" "$sbopts" "$(abspath "$0")" "$(printf '%q ' "${inputs[@]}")"
    } | atomic_write "$RUNDIR/run.conf"
    load_conf "$RUNDIR"
    rm -f "$RUNDIR/DONE" "$RUNDIR/FAILED"

    local missing=() k
    for ((k = 0; k < SHARDS; k++)); do
        [ -e "$RUNDIR/extract/$(shard_name "$k")" ] || missing+=("$k")
    done
    if [ -e "$RUNDIR/timeline.json" ]; then
        echo "annals-slurm: timeline.json is there; finishing"
        submit finish "" "" finish >/dev/null
    elif [ "${#missing[@]}" -gt 0 ]; then
        local job
        job=$(submit_array extract "" extract 0 "${missing[@]}")
        submit check "afterany:$job" "" check 0 >/dev/null
        echo "annals-slurm: extracting ${#missing[@]} of $SHARDS shards (job $job)"
    else
        echo "annals-slurm: every shard is extracted; merging"
        start_merge
    fi
    [ "$wait" -eq 1 ] || { echo "annals-slurm: RUNDIR/DONE or RUNDIR/FAILED will say how it ended ($RUNDIR)"; return 0; }
    local idle=0
    while [ ! -e "$RUNDIR/DONE" ] && [ ! -e "$RUNDIR/FAILED" ]; do
        sleep 1
        # no job of this run left, and no verdict: they were cancelled
        if squeue -h -o '%Z' 2>/dev/null | grep -qxF "$RUNDIR"; then idle=0; else idle=$((idle + 1)); fi
        if [ "$idle" -ge 10 ] && [ ! -e "$RUNDIR/DONE" ] && [ ! -e "$RUNDIR/FAILED" ]; then
            echo "annals-slurm: no job of this run is left and it did not finish (cancelled?); run again to go on" >&2
            return 1
        fi
    done
    if [ -e "$RUNDIR/FAILED" ]; then
        echo "annals-slurm: failed:" >&2
        cat "$RUNDIR/FAILED" >&2
        return 1
    fi
    echo "annals-slurm: done: $RUNDIR/timeline.json"
}

case ${1:-} in
    extract|check|merge|finish)
        stage=$1
        load_conf "${2:?}"
        shift 2
        "stage_$stage" "$@"
        ;;
    *) main "$@" ;;
esac
