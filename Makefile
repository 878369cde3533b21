# evne — one non-recursive Makefile.
#   make          build/evne
#   make run      set up, build, create var/evne.db with a demo organisation, serve :8080
#   make check    set up, build (normal and ASan+UBSan), run every test
#   make bench    the benchmarks (see docs/benchmarks.md)
#   make fuzz     libFuzzer binaries in build/fuzz/ (clang; not part of all);
#                 run one for N seconds with
#                   build/fuzz/fuzz_csv -max_total_time=N tests/fuzz/corpus/csv
#                 (see docs/internals/tests.md, "Fuzzing")
.DEFAULT_GOAL := build/evne
.DELETE_ON_ERROR:
.SUFFIXES:

CC      ?= cc
PKGS    := libmicrohttpd sqlite3 libpq icu-i18n icu-uc libsodium jansson libcmark \
           xlsxwriter cairo-pdf pangocairo fontconfig
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lpthread -lm

VERSION := $(shell git describe --always --dirty 2>/dev/null || echo 0.1.0-dev)
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla
COMMON  := -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L $(WARN) -Isrc -Ibuild/gen $(PKG_CFLAGS) -MMD -MP
HARDEN  := -O2 -g -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fstack-clash-protection -fPIE
LDHARD  := -pie -Wl,-z,relro,-z,now,-z,noexecstack
SAN     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

Q := $(if $(V),,@)
SRC      := $(sort $(wildcard src/*/*.c src/store/sqlite/*.c src/store/pg/*.c))
LIB_SRC  := $(filter-out src/cli/main.c,$(SRC))
MIGRATIONS := $(sort $(wildcard src/store/schema/sqlite/*.sql))
MIGRATIONS_PG := $(sort $(wildcard src/store/schema/pg/*.sql))
GEN      := build/gen/migrations_sqlite.c build/gen/migrations_pg.c
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

OBJ      := $(patsubst src/%.c,build/obj/%.o,$(LIB_SRC)) $(patsubst build/gen/%.c,build/obj/gen/%.o,$(GEN))
ASAN_OBJ := $(patsubst src/%.c,build/asan/obj/%.o,$(LIB_SRC)) $(patsubst build/gen/%.c,build/asan/obj/gen/%.o,$(GEN))
UNIT_BIN := $(patsubst tests/unit/%.c,build/tests/%,$(UNIT_SRC))
ASAN_UNIT_BIN := $(patsubst tests/unit/%.c,build/asan/tests/%,$(UNIT_SRC))
# tests/fuzz/fuzz_NAME.c: libFuzzer harnesses. With the normal compiler each
# is linked to tests/fuzz/replay.c as build/asan/fuzz/replay_NAME (make all,
# replayed by make check); with clang as build/fuzz/fuzz_NAME (make fuzz).
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_REPLAY_BIN := $(patsubst %,build/asan/fuzz/replay_%,$(FUZZ_NAMES))
FUZZ_BIN := $(patsubst %,build/fuzz/fuzz_%,$(FUZZ_NAMES))
FUZZ_CC  ?= clang
# The warnings are enforced by the cc builds (-Werror there); clang warns
# about a few things gcc does not (split string literals in designated
# initialisers, vsnprintf in a printf-like wrapper), so here they stay warnings.
FUZZ_SAN := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined \
            -Wno-error
FUZZ_OBJ := $(patsubst src/%.c,build/fuzz/obj/%.o,$(LIB_SRC)) $(patsubst build/gen/%.c,build/fuzz/obj/gen/%.o,$(GEN))

build/gen/migrations_sqlite.c: $(MIGRATIONS) scripts/embed-migrations.sh
	@mkdir -p $(@D)
	sh scripts/embed-migrations.sh sqlite $(MIGRATIONS) > $@
build/gen/migrations_pg.c: $(MIGRATIONS_PG) scripts/embed-migrations.sh
	@mkdir -p $(@D)
	sh scripts/embed-migrations.sh pg $(MIGRATIONS_PG) > $@

build/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	@echo '  CC      $@'
	$(Q)$(CC) $(COMMON) $(HARDEN) -c $< -o $@
build/obj/%.o: src/%.c | $(GEN)
	@mkdir -p $(@D)
	@echo '  CC      $@'
	$(Q)$(CC) $(COMMON) $(HARDEN) -c $< -o $@
build/asan/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	@echo '  CC      $@'
	$(Q)$(CC) $(COMMON) $(SAN) -c $< -o $@
build/asan/obj/%.o: src/%.c | $(GEN)
	@mkdir -p $(@D)
	@echo '  CC      $@'
	$(Q)$(CC) $(COMMON) $(SAN) -c $< -o $@

build/libevne.a: $(OBJ)
	@rm -f $@
	@echo "  AR      $@"
	$(Q)ar rcs $@ $^
build/asan/libevne.a: $(ASAN_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	$(Q)ar rcs $@ $^

build/evne: build/obj/cli/main.o build/libevne.a
	@echo '  LD      $@'
	$(Q)$(CC) $(HARDEN) $(LDHARD) -o $@ $^ $(PKG_LIBS)
build/asan/evne: build/asan/obj/cli/main.o build/asan/libevne.a
	@echo '  LD      $@'
	$(Q)$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

build/tests/%: tests/unit/%.c build/libevne.a
	@mkdir -p $(@D)
	@echo '  LD      $@'
	$(Q)$(CC) $(COMMON) $(HARDEN) -Itests -o $@ $< build/libevne.a $(PKG_LIBS) -lcmocka
build/asan/tests/%: tests/unit/%.c build/asan/libevne.a
	@mkdir -p $(@D)
	@echo '  LD      $@'
	$(Q)$(CC) $(COMMON) $(SAN) -Itests -o $@ $< build/asan/libevne.a $(PKG_LIBS) -lcmocka

build/asan/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c build/asan/libevne.a
	@mkdir -p $(@D)
	@echo '  LD      $@'
	$(Q)$(CC) $(COMMON) $(SAN) -o $@ tests/fuzz/replay.c $< build/asan/libevne.a $(PKG_LIBS)

# The libFuzzer variant: the library instrumented for coverage
# (fuzzer-no-link), each harness linked with libFuzzer's main.
build/fuzz/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	@echo '  CC      $@'
	$(Q)$(FUZZ_CC) $(COMMON) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/obj/%.o: src/%.c | $(GEN)
	@mkdir -p $(@D)
	@echo '  CC      $@'
	$(Q)$(FUZZ_CC) $(COMMON) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/libevne.a: $(FUZZ_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	$(Q)ar rcs $@ $^
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libevne.a
	@echo '  LD      $@'
	$(Q)$(FUZZ_CC) $(COMMON) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< build/fuzz/libevne.a $(PKG_LIBS)

.PHONY: setup all asan tests run check bench clean fuzz fuzz-toolchain
setup:
	sh scripts/setup.sh

all: build/evne build/asan/evne $(UNIT_BIN) $(ASAN_UNIT_BIN) $(FUZZ_REPLAY_BIN)
asan: build/asan/evne $(ASAN_UNIT_BIN) $(FUZZ_REPLAY_BIN)
tests: $(UNIT_BIN) $(ASAN_UNIT_BIN) $(FUZZ_REPLAY_BIN)

# Needs clang and its fuzzer runtime (Debian: clang, libclang-rt-14-dev);
# make check does not.
fuzz-toolchain:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { echo "make fuzz: $(FUZZ_CC) not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
	@printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' | \
		$(FUZZ_CC) -x c -fsanitize=fuzzer -o /dev/null - 2>/dev/null || \
		{ echo "make fuzz: $(FUZZ_CC) cannot link -fsanitize=fuzzer (apt-get install libclang-rt-14-dev)" >&2; exit 1; }
fuzz: fuzz-toolchain
	$(MAKE) $(FUZZ_BIN)

EVNE_DB ?= var/evne.db
run: setup
	$(MAKE) build/evne
	sh scripts/run.sh $(EVNE_DB)

check: setup
	$(MAKE) all
	sh tests/run-all.sh

bench: setup
	$(MAKE) build/evne
	sh bench/run.sh

clean:
	rm -rf build

-include $(OBJ:.o=.d) $(ASAN_OBJ:.o=.d) build/obj/cli/main.d build/asan/obj/cli/main.d
-include $(wildcard build/fuzz/obj/*/*.d build/fuzz/obj/*/*/*.d build/asan/fuzz/*.d build/fuzz/*.d)

# The version header is rewritten only when the version changes, so only
# cmd_version.o rebuilds after a commit.
build/gen/version.h: FORCE
	@mkdir -p $(@D)
	@echo '#define EVNE_VERSION "$(VERSION)"' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
build/obj/cli/cmd_version.o build/asan/obj/cli/cmd_version.o build/fuzz/obj/cli/cmd_version.o: build/gen/version.h
.PHONY: FORCE
FORCE:
