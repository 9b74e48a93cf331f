#!/bin/sh
# make install into a staging directory, then build examples/timeline.c
# against the staged library with pkg-config, as a user would, and run it.
set -u
T=$(mktemp -d /tmp/annals-stage.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "     $2"; }
if make --no-print-directory install DESTDIR="$T/stage" PREFIX=/usr/local >"$T/log" 2>&1; then
    ok "make install DESTDIR"
else
    bad "make install DESTDIR" "$(tail -5 "$T/log")"
fi
export PKG_CONFIG_PATH="$T/stage/usr/local/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$T/stage"
if cc -std=c11 -Wall -Wextra -Werror examples/timeline.c $(pkg-config --cflags --libs annals) \
      -o "$T/timeline" 2>"$T/cc.log"; then
    ok "example builds with pkg-config"
    if LD_LIBRARY_PATH="$T/stage/usr/local/lib" "$T/timeline" samples/singapore-summit.txt >"$T/out" 2>&1 &&
       grep -q '^2018-06-12  meeting' "$T/out" && grep -q 'library 0.1.0' "$T/out"; then
        ok "example runs"
    else
        bad "example runs" "$(head -5 "$T/out")"
    fi
else
    bad "example builds with pkg-config" "$(head -5 "$T/cc.log")"
fi
for f in man/man1/annals.1 man/man5/annals-grammar.5 man/man5/annals-format.5 bash-completion/completions/annals; do
    [ -f "$T/stage/usr/local/share/$f" ] && ok "installed $f" || bad "installed $f"
done
make --no-print-directory uninstall DESTDIR="$T/stage" PREFIX=/usr/local >/dev/null 2>&1
left=$(find "$T/stage" -type f | wc -l)
[ "$left" -eq 0 ] && ok "make uninstall" || bad "make uninstall" "$left files left"
# bash completion: commands, and formats per command
got=$(bash -c '. completions/annals.bash; COMP_WORDS=(annals ext); COMP_CWORD=1; _annals; echo "${COMPREPLY[*]}"
               COMP_WORDS=(annals export -f ""); COMP_CWORD=3; _annals; echo "${COMPREPLY[*]}"')
[ "$got" = "extract
ics html csv timelinejs" ] && ok "bash completion" || bad "bash completion" "$got"
echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
