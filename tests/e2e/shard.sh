#!/bin/sh
# End-to-end tests of 'annals shard', and of reading its shards with
# extract: every record in exactly one shard, verbatim; shards of about
# equal size; the same shards on every run; extract on the shards says and
# writes what it says and writes on the whole corpus. Run from the top of
# the tree:  ANNALS=./annals sh tests/e2e/shard.sh
ANNALS=${ANNALS:-./annals}
SHARED=${SHARED:-../shared}
MC=tests/merge-corpus
T=$(mktemp -d /tmp/annals-shard.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "$2" ] && echo "     $2"; }

# expect NAME WANT_STATUS CMD... : stdout to $T/out, stderr to $T/err
expect() {
    name=$1; want=$2; shift 2
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" -eq "$want" ] && return 0
    bad "$name" "exit status $got, wanted $want; stderr: $(head -c 300 "$T/err")"
    return 1
}

# records DIR: the record lines of DIR's shards, in order, without directives
records() { cat "$1"/shard-*.jsonl | awk '/^#verbatim$/ { v = 1; next } v || !/^#/ { print; v = 0 }'; }

# --- usage ----------------------------------------------------------------------
expect "help" 0 "$ANNALS" shard --help && grep -q "annals shard -n 8 -o shards" "$T/out" && ok "help" || bad "help"
expect "no -n" 2 "$ANNALS" shard -o "$T/s" "$MC/corpus.jsonl" && grep -q "\-n N and -o DIR are needed" "$T/err" && ok "no -n"
expect "no -o" 2 "$ANNALS" shard -n 2 "$MC/corpus.jsonl" && ok "no -o"
for n in 0 -3 x 100001; do
    expect "bad -n $n" 2 "$ANNALS" shard -n "$n" -o "$T/s" "$MC/corpus.jsonl" && grep -q "from 1 to 100000, not '$n'" "$T/err" \
        && ok "bad -n $n" || bad "bad -n $n" "$(cat "$T/err")"
done
expect "no input" 2 "$ANNALS" shard -n 2 -o "$T/s" && grep -q "no inputs" "$T/err" && ok "no input"
expect "missing file" 2 "$ANNALS" shard -n 2 -o "$T/s" "$T/nope.jsonl" && grep -q "nope.jsonl: No such file" "$T/err" \
    && [ ! -e "$T/s" ] && ok "missing file: named, nothing made" || bad "missing file"
expect "stdin" 2 "$ANNALS" shard -n 2 -o "$T/s" - < "$MC/corpus.jsonl" && grep -q "^annals: shard: -: not a regular file" "$T/err" \
    && ok "standard input refused" || bad "standard input refused" "$(cat "$T/err")"
: > "$T/afile"
expect "file in the way" 2 "$ANNALS" shard -n 2 -o "$T/afile" "$MC/corpus.jsonl" && grep -q "afile: cannot make the directory" "$T/err" \
    && ok "-o onto a file" || bad "-o onto a file" "$(cat "$T/err")"
expect "missing parent" 2 "$ANNALS" shard -n 2 -o "$T/no/such/dir" "$MC/corpus.jsonl" && grep -q "dir: cannot make the directory" "$T/err" \
    && ok "-o in a missing directory" || bad "-o in a missing directory"
expect "bad option" 2 "$ANNALS" shard --frobnicate && grep -q "unknown option '--frobnicate'" "$T/err" && ok "unknown option"

# --- the merge corpus in 4 shards -------------------------------------------------
expect "shard 4" 0 "$ANNALS" shard -n 4 -o "$T/s4" "$MC/corpus.jsonl" && ok "shard -n 4"
[ "$(ls "$T/s4" | tr '\n' ' ')" = "manifest.tsv shard-0000.jsonl shard-0001.jsonl shard-0002.jsonl shard-0003.jsonl " ] \
    && ok "4 shards and a manifest" || bad "4 shards and a manifest" "$(ls "$T/s4")"
records "$T/s4" | cmp -s - "$MC/corpus.jsonl" && ok "every record once, verbatim, in order" || bad "every record once, verbatim, in order"
[ "$(awk -F'\t' 'NR > 1 { n += $2 } END { print n }' "$T/s4/manifest.tsv")" = 21 ] && ok "manifest counts 21 records" \
    || bad "manifest counts 21 records" "$(cat "$T/s4/manifest.tsv")"
# about equal: no shard is more than a record's size away from total/4
total=$(wc -c < "$MC/corpus.jsonl")
longest=$(awk '{ if (length($0) + 1 > m) m = length($0) + 1 } END { print m }' "$MC/corpus.jsonl")
awk -F'\t' -v t="$total" -v m="$longest" 'NR > 1 { d = $3 - t / 4; if (d < 0) d = -d; if (d > m) exit 1 }' "$T/s4/manifest.tsv" \
    && ok "shards of about equal size" || bad "shards of about equal size" "$(cat "$T/s4/manifest.tsv")"
"$ANNALS" shard -n 4 -o "$T/s4b" "$MC/corpus.jsonl" && diff -r "$T/s4" "$T/s4b" >/dev/null && ok "deterministic" || bad "deterministic"
"$ANNALS" shard -n 2 -o "$T/s4b" "$MC/corpus.jsonl" && [ "$(ls "$T/s4b" | wc -l)" -eq 3 ] && ok "stale shards removed" \
    || bad "stale shards removed" "$(ls "$T/s4b")"
"$ANNALS" extract -q -f json "$MC/corpus.jsonl" > "$T/whole.json"
"$ANNALS" extract -q -f json "$T/s4" > "$T/shards.json" && cmp -s "$T/whole.json" "$T/shards.json" \
    && ok "extract of the shards = extract of the corpus" || bad "extract of the shards = extract of the corpus"
"$ANNALS" extract -q --merge -f json "$MC/corpus.jsonl" > "$T/xm.json"
for k in 0 1 2 3; do "$ANNALS" extract -q -f jsonl --documents -o "$T/ev-$k.jsonl" "$T/s4/shard-000$k.jsonl"; done
"$ANNALS" merge -o "$T/m.json" "$T/ev-3.jsonl" "$T/ev-1.jsonl" "$T/ev-0.jsonl" "$T/ev-2.jsonl" && cmp -s "$T/m.json" "$T/xm.json" \
    && ok "merge of the shards' JSON Lines = extract --merge" || bad "merge of the shards' JSON Lines = extract --merge"
"$ANNALS" merge -f jsonl --documents -o "$T/m01.jsonl" "$T/ev-0.jsonl" "$T/ev-1.jsonl" &&
"$ANNALS" merge -f jsonl --documents -o "$T/m23.jsonl" "$T/ev-2.jsonl" "$T/ev-3.jsonl" &&
"$ANNALS" merge -o "$T/m2.json" "$T/m23.jsonl" "$T/m01.jsonl" && cmp -s "$T/m2.json" "$T/xm.json" \
    && ok "a tree of merges = extract --merge" || bad "a tree of merges = extract --merge"
# as a Hadoop reducer would: lines dealt at random to 3 merges (a tab after each), then the root
cat "$T"/ev-*.jsonl | awk 'BEGIN { srand(7) } { printf "%s\t\n", $0 > ("'"$T"'/deal-" int(rand() * 3)) }'
for g in 0 1 2; do "$ANNALS" merge -q -f jsonl --documents -o "$T/deal-$g.m" "$T/deal-$g"; done
cat "$T"/deal-*.m | "$ANNALS" merge -o "$T/deal.json" - && cmp -s "$T/deal.json" "$T/xm.json" \
    && ok "any split of the lines, merged, then the root = extract --merge" || bad "any split of the lines"
"$ANNALS" extract -q -i jsonl -f jsonl --documents - < "$T/s4/shard-0002.jsonl" | cmp -s - "$T/ev-2.jsonl" \
    && ok "a shard on standard input (-i jsonl -) reads as the file" || bad "a shard on standard input"
grep -c '^{"document": ' "$T/m01.jsonl" > "$T/n" && [ "$(cat "$T/n")" -ge 1 ] && ok "merge --documents writes document lines" \
    || bad "merge --documents writes document lines"
"$ANNALS" extract -q -f jsonl "$T/s4/shard-0000.jsonl" | grep -q '"document"' && bad "no document lines without --documents" \
    || ok "no document lines without --documents"

# --- more shards than records: empty shards are still written ---------------------
head -n 3 "$MC/corpus.jsonl" > "$T/three.jsonl"
expect "shard 10" 0 "$ANNALS" shard -n 10 -o "$T/s10" "$T/three.jsonl" && [ "$(ls "$T/s10" | wc -l)" -eq 11 ] \
    && [ "$(grep -c '	0	0	-$' "$T/s10/manifest.tsv")" -eq 7 ] && ok "10 shards of 3 records: 7 empty" || bad "10 shards of 3 records"
"$ANNALS" extract -q -f jsonl --documents "$T/s10/shard-0009.jsonl" > "$T/out" && [ ! -s "$T/out" ] && ok "an empty shard extracts to nothing" \
    || bad "an empty shard extracts to nothing"

# --- bad records: carried verbatim, reported by extract as on one machine ---------
{
    head -n 2 "$MC/corpus.jsonl"
    echo '{"id": "broken", "text": '
    echo '# a comment line in the corpus'
    echo ''
    echo '{"id": "notext", "title": "x"}'
    printf '%s\r\n' "$(sed -n 3p "$MC/corpus.jsonl")"
    echo '[1, 2]'
    sed -n 4p "$MC/corpus.jsonl" | sed 's/"id": "[^"]*", //; s/"source": "[^"]*", //'
    sed -n 5,9p "$MC/corpus.jsonl"
    printf '%s' "$(sed -n 10p "$MC/corpus.jsonl")"
} > "$T/bad.jsonl"
"$ANNALS" extract -f json "$T/bad.jsonl" > "$T/bad-whole.json" 2> "$T/bad-whole.err"
whole=$?
expect "shard bad" 0 "$ANNALS" shard -n 3 -o "$T/sb" "$T/bad.jsonl" && ok "shard a corpus with bad lines"
expect "shard --check" 1 "$ANNALS" shard --check -n 3 -o "$T/sbc" "$T/bad.jsonl" && diff -r "$T/sb" "$T/sbc" >/dev/null \
    && sed 's/; skipped$//' "$T/bad-whole.err" | grep -v '"published"' > "$T/want-check" \
    && sed 's/; carried into .*, where extract will skip it$//' "$T/err" | cmp -s - "$T/want-check" \
    && grep -q "bad.jsonl:3: invalid JSON .*; carried into $T/sbc/shard-0000.jsonl, where extract will skip it" "$T/err" \
    && ok "shard --check: extract's messages, exit status 1, the same shards" \
    || bad "shard --check" "$(cat "$T/err")"
records "$T/sb" | tr -d '\r' > "$T/got"; { cat "$T/bad.jsonl"; echo; } | tr -d '\r' > "$T/want"
cmp -s "$T/got" "$T/want" && ok "bad lines carried verbatim" || bad "bad lines carried verbatim"
"$ANNALS" extract -f json "$T/sb" > "$T/bad-shards.json" 2> "$T/bad-shards.err"
sharded=$?
[ "$sharded" -eq 1 ] && [ "$whole" -eq 1 ] && ok "exit status 1 both ways" || bad "exit status 1 both ways" "$sharded vs $whole"
cmp -s "$T/bad-whole.err" "$T/bad-shards.err" && grep -q "bad.jsonl:3: invalid JSON" "$T/bad-shards.err" \
    && grep -q "bad.jsonl:4: invalid JSON" "$T/bad-shards.err" && grep -q "bad.jsonl:6: no string \"text\"" "$T/bad-shards.err" \
    && ok "the same messages, with the original file:line" || bad "the same messages" "$(diff "$T/bad-whole.err" "$T/bad-shards.err")"
cmp -s "$T/bad-whole.json" "$T/bad-shards.json" && grep -q '"source": "'"$T"'/bad.jsonl:9"' "$T/bad-shards.json" \
    && ok "the same timeline (ids and sources of records without them)" || bad "the same timeline"

# --- directories of text files and JSON Lines ---------------------------------------
mkdir -p "$T/dir/b" "$T/dir/a"
cp samples/*.txt "$T/dir/a/"; head -n 6 "$MC/corpus.jsonl" > "$T/dir/b/part.jsonl"; cp samples/README.md "$T/dir/"
"$ANNALS" extract -q -f json "$T/dir" > "$T/dir-whole.json"
expect "shard dir" 0 "$ANNALS" shard -n 3 -o "$T/sd" "$T/dir" && "$ANNALS" extract -q -f json "$T/sd" > "$T/dir-shards.json" \
    && cmp -s "$T/dir-whole.json" "$T/dir-shards.json" && ok "a directory of text and JSON Lines" || bad "a directory of text and JSON Lines"
grep -q '^#text "'"$T"'/dir/a/border-crossing.txt" ' "$T/sd/shard-0000.jsonl" && ok "text articles carried whole" || bad "text articles carried whole"
"$ANNALS" shard -q -i jsonl -n 2 -o "$T/sdj" "$T/dir/b/part.jsonl" && records "$T/sdj" | cmp -s - "$T/dir/b/part.jsonl" && ok "-i jsonl" || bad "-i jsonl"

expect "inside the input" 2 "$ANNALS" shard -n 2 -o "$T/dir/a/shards" "$T/dir" \
    && grep -q "is inside the input $T/dir, which would read the shards back" "$T/err" && [ ! -e "$T/dir/a/shards" ] \
    && ok "-o inside an input directory is refused" || bad "-o inside an input directory is refused" "$(cat "$T/err")"

# --- memory stays flat: 40 MB of small records --------------------------------------
if [ -x /usr/bin/time ]; then
    awk 'BEGIN { for (i = 0; i < 200000; i++) printf "{\"id\": \"g%d\", \"text\": \"%0180d\"}\n", i, i }' > "$T/big.jsonl"
    /usr/bin/time -f %M "$ANNALS" shard -n 16 -o "$T/big" "$T/big.jsonl" 2> "$T/rss" && kb=$(tail -n 1 "$T/rss") \
        && [ "$kb" -lt 20000 ] && ok "$(($(wc -c < "$T/big.jsonl") / 1048576)) MB sharded in ${kb} KB of memory" \
        || bad "memory stays flat" "$(cat "$T/rss")"
else
    echo "skip memory (no /usr/bin/time)"
fi

# --- repeated ids: --check names them as one machine does -------------------------
mkdir -p "$T/dup/a" "$T/dup/b"
cp samples/border-crossing.txt "$T/dup/a/story.txt"; cp samples/singapore-summit.txt "$T/dup/b/story.txt"
{
    sed -n 1p "$MC/corpus.jsonl" | sed 's/"id": "[^"]*"/"id": "story"/'
    sed -n 2p "$MC/corpus.jsonl" | sed 's/"id": "[^"]*"/"id": "x"/'
    sed -n 3p "$MC/corpus.jsonl" | sed 's/"id": "[^"]*"/"id": "x"/'
    sed -n 4p "$MC/corpus.jsonl" | sed 's/"id": "[^"]*"/"id": "x-2"/'
    sed -n 5p "$MC/corpus.jsonl" | sed 's/"id": "[^"]*", //'
    sed -n 6p "$MC/corpus.jsonl" | sed 's/"id": "[^"]*"/"id": "c-5"/'
    sed -n 7,12p "$MC/corpus.jsonl"
} > "$T/dup/c.jsonl"
"$ANNALS" extract -q -f json "$T/dup" > "$T/dup-whole.json"
"$ANNALS" extract -q --merge -f json "$T/dup" > "$T/dup-xm.json"
expect "shard --check ids" 0 "$ANNALS" shard --check -n 5 -o "$T/sdup" "$T/dup" && ok "shard --check a corpus with repeated ids"
grep -q '^#id "x-2-2"$' "$T"/sdup/shard-*.jsonl && grep -q '^#id "story-2"$' "$T"/sdup/shard-*.jsonl \
    && ok "#id lines for the repeated ids" || bad "#id lines for the repeated ids"
"$ANNALS" extract -q -f json "$T/sdup" > "$T/dup-shards.json" && cmp -s "$T/dup-whole.json" "$T/dup-shards.json" \
    && ok "repeated ids: extract of the shards = extract of the corpus" || bad "repeated ids: extract of the shards"
for k in 0 1 2 3 4; do "$ANNALS" extract -q -f jsonl --documents -o "$T/dup-ev-$k.jsonl" "$T/sdup/shard-000$k.jsonl"; done
"$ANNALS" merge -o "$T/dup-m.json" "$T"/dup-ev-*.jsonl && cmp -s "$T/dup-m.json" "$T/dup-xm.json" \
    && ok "repeated ids: merge of the shards = extract --merge" || bad "repeated ids: merge of the shards = extract --merge"

# --- a damaged shard is reported by its own name and line ---------------------------
{ head -n 2 "$T/s4/shard-0001.jsonl"; echo '#bogus'; sed -n '3,$p' "$T/s4/shard-0001.jsonl"; } > "$T/dam.jsonl"
expect "damaged" 1 "$ANNALS" extract -f jsonl "$T/dam.jsonl" && grep -q "dam.jsonl:3: not a shard directive" "$T/err" \
    && ok "an unknown directive" || bad "an unknown directive" "$(cat "$T/err")"
head -c 200 "$T/sd/shard-0000.jsonl" > "$T/cut.jsonl"
expect "cut" 1 "$ANNALS" extract -f jsonl "$T/cut.jsonl" && grep -q "cut.jsonl:2: the text of .* is cut short; skipped" "$T/err" \
    && ok "a text cut short" || bad "a text cut short" "$(cat "$T/err")"
printf '%s 0 1\n#text "x.txt" 999999999999999\nabc\n' '#annals-shard/1' > "$T/huge.jsonl"
expect "huge" 1 "$ANNALS" extract -f jsonl "$T/huge.jsonl" && grep -q "huge.jsonl:2: the text of x.txt is cut short; skipped" "$T/err" \
    && ok "a damaged text length: cut short, no huge allocation" || bad "a damaged text length" "$(cat "$T/err")"

# --- the news corpus: 8 shards, every record once ---------------------------------
CORPUS="$SHARED/corpus/news/allsides-geo.jsonl"
if [ -f "$CORPUS" ]; then
    expect "corpus" 0 "$ANNALS" shard -n 8 -o "$T/news" "$CORPUS" && records "$T/news" | cmp -s - "$CORPUS" \
        && [ "$(awk -F'\t' 'NR > 1 { n += $2 } END { print n }' "$T/news/manifest.tsv")" = 6525 ] \
        && ok "news corpus: 8 shards, 6,525 records, each once" || bad "news corpus in 8 shards"
else
    echo "skip news corpus (no $CORPUS; set SHARED=)"
fi

echo "shard: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
