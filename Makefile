# annals -- build, test, install. GNU make.
#
#   make            the annals binary, libannals.a and libannals.so
#   make demo       install missing build dependencies (as root), build, run on a sample
#   make check      unit tests (cmocka) and end-to-end tests of the binary
#   make check-sanitize   the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   make check-anchors    the grammars' anchors lose no match on the news corpus
#   make check-slurm      contrib/slurm on a one-node Slurm cluster started here (root)
#   make install    PREFIX=/usr/local DESTDIR= ; make uninstall
#   make eval-dates score the date tagger on TimeBank (VERBOSE=1 lists misses)

VERSION   := 0.1.0
SOVERSION := 0
PREFIX    ?= /usr/local
DESTDIR   ?=
SHARED    ?= ../shared
PYTHON    ?= /usr/bin/python3

CC      ?= cc
BUILD   ?= build
DEPS    := libpcre2-8 jansson libical
DEB_DEPS := build-essential pkg-config libpcre2-dev libjansson-dev libical-dev libcmocka-dev

PKG_CFLAGS := $(shell pkg-config --cflags $(DEPS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(DEPS) 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS  ?= -O2 -g
ifeq ($(SAN),1)
CFLAGS  := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
ALL_CFLAGS := $(WARN) $(CFLAGS) -D_GNU_SOURCE -fPIC -Iinclude $(PKG_CFLAGS)
LIBS    := $(PKG_LIBS) -lpthread

LIB_SRC := $(sort $(wildcard src/*/*.c))
LIB_SRC := $(filter-out src/cli/%,$(LIB_SRC))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
GRAMMARS := $(sort $(wildcard grammars/en/*.gram grammars/en/*.tsv))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/builtin.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

ifeq ($(BUILD),build)
BIN := annals
else
BIN := $(BUILD)/annals
endif

.PHONY: all demo deps check check-unit check-e2e check-sanitize install uninstall \
        clean eval eval-dates eval-events eval-plover bench check-clients fuzz check-valgrind \
        check-anchors check-slurm

all: $(BIN) $(BUILD)/libannals.a $(BUILD)/libannals.so libannals.a libannals.so

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The English grammars, built into the library.
$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -o $@ $<

$(BUILD)/gen/builtin.c: $(GRAMMARS) $(BUILD)/tools/embed Makefile
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@ $(GRAMMARS)

$(BUILD)/gen/builtin.o: $(BUILD)/gen/builtin.c
	$(CC) $(ALL_CFLAGS) -Isrc -c $< -o $@

$(BUILD)/libannals.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/libannals.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libannals.so.$(SOVERSION) $(LDFLAGS) -o $@ $^ $(LIBS)

libannals.a: $(BUILD)/libannals.a
	cp $< $@
libannals.so: $(BUILD)/libannals.so
	cp $< $@

$(BIN): $(CLI_OBJ) $(BUILD)/libannals.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libannals.a $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BUILD)/libannals.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(BUILD)/libannals.a $(LIBS) $(CMOCKA_LIBS)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# ---- dependencies and demo ------------------------------------------------

deps:
	@if pkg-config --exists $(DEPS) cmocka 2>/dev/null && command -v $(CC) >/dev/null; then \
	  echo "build dependencies: all present"; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "installing build dependencies: $(DEB_DEPS)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_DEPS); \
	else \
	  echo "missing build dependencies; run:"; \
	  echo "  sudo apt-get update && sudo apt-get install -y $(DEB_DEPS)"; \
	  exit 1; \
	fi

demo: deps
	@$(MAKE) --no-print-directory all
	@echo '$$ ./annals extract samples/border-crossing.txt'
	@./annals extract -f text samples/border-crossing.txt
	@echo '$$ ./annals extract -f json samples/border-crossing.txt | head -12'
	@./annals extract -f json samples/border-crossing.txt | head -12
	@echo '(the binary is ./annals; "make install" puts it on your PATH; see README.md)'

# ---- tests ------------------------------------------------------------------

check: check-unit check-e2e
	@echo "make check: every suite passed"

check-unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do \
	  ANNALS_SRCDIR=$(CURDIR) $$t || fail=1; done; exit $$fail

check-e2e: $(BIN)
	@ANNALS=$(CURDIR)/$(BIN) sh tests/e2e/run.sh
	@ANNALS=$(CURDIR)/$(BIN) sh tests/e2e/merge.sh
	@ANNALS=$(CURDIR)/$(BIN) ANNALS_SAN=$(SAN) sh tests/e2e/hostile.sh
	@ANNALS=$(CURDIR)/$(BIN) SHARED=$(SHARED) sh tests/e2e/shard.sh
	@if [ "$(BUILD)" = build ]; then sh tests/e2e/install.sh; fi

# The binary under valgrind (memcheck, leaks), JIT off: slow, so not in check.
check-valgrind: $(BIN)
	@ANNALS=$(CURDIR)/$(BIN) sh tests/e2e/valgrind.sh

check-sanitize:
	@$(MAKE) --no-print-directory BUILD=build-san SAN=1 check

# The first pass loses no match: the corpus with and without anchors.
check-anchors: $(BIN)
	@ANNALS=$(CURDIR)/$(BIN) sh tools/check_anchors.sh $(SHARED)/corpus/news/allsides-geo.jsonl

# contrib/slurm/annals-slurm.sh on a real one-node Slurm cluster started on
# this machine and stopped afterwards (tests/slurm/; root, slurm-wlm, munge):
# the news corpus in 8 shards equals extract --merge byte for byte.
check-slurm: $(BIN)
	@ANNALS=$(CURDIR)/$(BIN) SHARED=$(SHARED) bash tests/slurm/run.sh

# Real calendar software and a browser read our exports (tests/clients/).
check-clients: $(BIN)
	@ANNALS=$(CURDIR)/$(BIN) SHARED=$(SHARED) sh tests/clients/run.sh

# libFuzzer harnesses under ASan + UBSan (clang); FUZZ_SECONDS each
# (FUZZ_ONLY="jsonl ics": only those).
FUZZ_SECONDS ?= 60
fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_ONLY="$(FUZZ_ONLY)" sh fuzz/run.sh

# ---- benchmarks -------------------------------------------------------------
# Each script under bench/ prints its figures; none is a test.
bench: $(BIN)
	@for b in $(sort $(wildcard bench/*.sh)); do ANNALS=$(CURDIR)/$(BIN) SHARED=$(SHARED) sh $$b || exit 1; done

# ---- evaluation -------------------------------------------------------------

eval: eval-dates eval-events eval-plover

eval-events: $(BIN)
	$(PYTHON) tools/eval_events.py --annals ./$(BIN) \
	  --corpus $(SHARED)/corpus/news/allsides-geo.jsonl --gold tests/gold/events $(if $(VERBOSE),--verbose)

eval-plover: $(BIN)
	$(PYTHON) tools/eval_plover.py --annals ./$(BIN) --plover $(SHARED)/corpus/plover/PLOVER_GSR_CAMEO.txt $(if $(VERBOSE),--verbose)

eval-dates: $(BIN)
	$(PYTHON) tools/eval_dates.py --annals ./$(BIN) --timebank $(SHARED)/corpus/timebank \
	  $(if $(VERBOSE),--verbose --summary-errors)

# ---- install ----------------------------------------------------------------

LIBDIR := $(PREFIX)/lib
INCDIR := $(PREFIX)/include
BINDIR := $(PREFIX)/bin
MANDIR := $(PREFIX)/share/man

$(BUILD)/annals.pc: annals.pc.in
	@mkdir -p $(dir $@)
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' $< > $@

install: all $(BUILD)/annals.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCDIR)/annals
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/annals
	install -m 644 $(BUILD)/libannals.a $(DESTDIR)$(LIBDIR)/libannals.a
	install -m 755 $(BUILD)/libannals.so $(DESTDIR)$(LIBDIR)/libannals.so.$(VERSION)
	ln -sf libannals.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libannals.so.$(SOVERSION)
	ln -sf libannals.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libannals.so
	install -m 644 include/annals/annals.h $(DESTDIR)$(INCDIR)/annals/annals.h
	install -m 644 $(BUILD)/annals.pc $(DESTDIR)$(LIBDIR)/pkgconfig/annals.pc
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 644 man/annals.1 $(DESTDIR)$(MANDIR)/man1/annals.1
	install -m 644 man/annals-grammar.5 $(DESTDIR)$(MANDIR)/man5/annals-grammar.5
	install -m 644 man/annals-format.5 $(DESTDIR)$(MANDIR)/man5/annals-format.5
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 completions/annals.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/annals

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/annals $(DESTDIR)$(LIBDIR)/libannals.a \
	  $(DESTDIR)$(LIBDIR)/libannals.so $(DESTDIR)$(LIBDIR)/libannals.so.$(SOVERSION) \
	  $(DESTDIR)$(LIBDIR)/libannals.so.$(VERSION) $(DESTDIR)$(INCDIR)/annals/annals.h \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/annals.pc $(DESTDIR)$(MANDIR)/man5/annals-grammar.5 \
	  $(DESTDIR)$(MANDIR)/man1/annals.1 $(DESTDIR)$(MANDIR)/man5/annals-format.5 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/annals
	-rmdir $(DESTDIR)$(INCDIR)/annals 2>/dev/null

clean:
	rm -rf build build-san build-fuzz annals libannals.a libannals.so
