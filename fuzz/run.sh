#!/bin/sh
# make fuzz: builds each libFuzzer harness with clang (ASan + UBSan) and
# runs it for FUZZ_SECONDS, seeded from samples/ and tests/ (FUZZ_ONLY="a
# b" runs only those harnesses; B=dir builds elsewhere). Findings are
# left in fuzz/findings/. Exit status 1 on any finding.
set -u
SECONDS_EACH=${FUZZ_SECONDS:-60}
CLANG=${CLANG:-clang}
B=${B:-build-fuzz}
mkdir -p "$B" fuzz/findings
CFLAGS="-Wall -Wextra -Werror -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -D_GNU_SOURCE -Iinclude -Isrc"
LIBS="$(pkg-config --libs libpcre2-8 jansson libical) -lpthread"
# the library, once, instrumented
if [ ! -f "$B/libannals-fuzz.a" ] || [ -n "$(find src grammars include -newer "$B/libannals-fuzz.a" | head -1)" ]; then
    rm -rf "$B/obj" && mkdir -p "$B/obj"
    make --no-print-directory BUILD="$B/lib" CC="$CLANG" \
        CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
        "$B/lib/libannals.a" >/dev/null || exit 2
    cp "$B/lib/libannals.a" "$B/libannals-fuzz.a"
fi
fail=0
for h in ${FUZZ_ONLY:-extract jsonl jsonrec grammar timeline ics shard}; do
    $CLANG $CFLAGS -o "$B/fuzz_$h" "fuzz/fuzz_$h.c" "$B/libannals-fuzz.a" $LIBS || exit 2
    corpus="$B/corpus_$h"
    mkdir -p "$corpus"
    case $h in
        extract) cp samples/*.txt "$corpus"/ 2>/dev/null ;;
        jsonl) cp tests/merge-corpus/corpus.jsonl "$corpus"/ 2>/dev/null
               printf '\357\273\277{"id":"b","text":"On June 3, 2020, talks \\ud83d cut."}\n{"id": 1}\n' > "$corpus/bom.jsonl"
               printf '{"id":"c","n":-1.5e3,"tags":[1,[true,null],"x"],"published":null,"text":"On \\u00e9 May 4 \\ud83d\\ude00 \\"q\\"\\n"}\n{"text":"a","text":"b"}\n' > "$corpus/shapes.jsonl" ;;
        jsonrec) head -n 20 tests/merge-corpus/corpus.jsonl | split -l 1 - "$corpus/rec-"
                 printf '{"id":"c","n":-1.5e3,"tags":[1,[true,null],"x"],"published":null,"text":"\\u00e9 \\ud83d\\ude00 \\"q\\"\\n\xc3\xa9"}' > "$corpus/shapes" ;;
        grammar) for f in grammars/en/*.gram; do printf '\000' | cat - "$f" > "$corpus/$(basename "$f")"; done ;;
        timeline|ics) cp tests/e2e/expected/*.json "$corpus"/ 2>/dev/null ;;
        shard) # a shard's directives (the header is added by the harness), and a corpus
            printf '#from "a.jsonl" 3\n{"id": "x", "text": "On June 16, 2021, they met."}\n#verbatim\n#x\n#id "x-2"\n#text "b.txt" 5\nHello\n#bogus\n' \
                > "$corpus/directives"
            cp tests/merge-corpus/corpus.jsonl "$corpus"/ ;;
    esac
    echo "== fuzz_$h for ${SECONDS_EACH}s"
    ANNALS_NO_JIT= "$B/fuzz_$h" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 \
        -artifact_prefix=fuzz/findings/"$h"- -print_final_stats=1 "$corpus" 2>"$B/fuzz_$h.log"
    rc=$?
    grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec|cov:' "$B/fuzz_$h.log" | tail -3
    if [ $rc -ne 0 ]; then
        fail=1
        echo "FINDING in fuzz_$h (see $B/fuzz_$h.log and fuzz/findings/)"
        grep -m5 -E 'ERROR|SUMMARY' "$B/fuzz_$h.log"
    fi
done
exit $fail
