#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for a fresh Debian 12 machine (run as root, or with sudo):
#
#   ./clientprune.sh run [BOOK.ods]   install what is missing, build the .oxt,
#                                     recalculate BOOK (default: the sample
#                                     client book) in a headless Calc with the
#                                     extension, write it and a PDF of it to
#                                     build/out/ and print its prune list;
#                                     without BOOK also render the README's
#                                     pictures of the samples (docs/images/)
#   ./clientprune.sh test             install what is missing, build, and run
#                                     every test: CUnit, fault simulation,
#                                     valgrind, end-to-end in Calc, packaging;
#                                     then the CUnit suites under ASan+UBSan
#                                     and each fuzzer for FUZZ_SECONDS (10)
#   ./clientprune.sh build            install what is missing and build only
#   ./clientprune.sh bench            build and run the benchmarks (figures only)
#   ./clientprune.sh fuzz [SECONDS]   run every fuzzer longer (default 600 s each)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

BUILD=${CLIENTPRUNE_BUILD:-build}
UNO_PYTHON=/usr/bin/python3

# Debian packages and why: the compilers and cmake build everything; GSL is
# the statistics library of the core; CUnit runs its tests; the LibreOffice
# SDK compiles the UNO glue and type library; a headless Calc and python3-uno
# run the end-to-end tests and the main job; valgrind, clang and its
# sanitizer/libFuzzer runtime check the core for memory errors; the German
# UI (libreoffice-l10n-de) lets tests/e2e/test_german.py see the Function
# Wizard in German (without it LibreOffice falls back to English); pdftoppm
# (poppler-utils) turns the PDFs of the sample books into the README's pictures.
PACKAGES=(cmake make gcc g++ binutils libgsl-dev libcunit1-dev
          libreoffice-dev python3 python3-uno valgrind clang libclang-rt-14-dev
          libreoffice-l10n-de poppler-utils)

missing_packages() {
    local p
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"
    done
    # Any Calc will do; install the headless one only when there is none.
    if ! dpkg-query -W -f='${Status}' libreoffice-calc 2>/dev/null | grep -q "ok installed" &&
       ! dpkg-query -W -f='${Status}' libreoffice-calc-nogui 2>/dev/null | grep -q "ok installed"; then
        echo libreoffice-calc-nogui
    fi
}

install_deps() {
    local missing
    missing=$(missing_packages | tr '\n' ' ')
    [ -z "${missing// /}" ] && return 0
    echo "Installing Debian packages: $missing"
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || { echo "Run as root (or install sudo) to install: $missing" >&2; exit 1; }
        sudo=sudo
    fi
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}

build() {
    cmake -S . -B "$BUILD" -DPython3_EXECUTABLE="$UNO_PYTHON" -DUNO_PYTHON="$UNO_PYTHON" >/dev/null
    cmake --build "$BUILD" -j "$(nproc)"
}

# The core and its CUnit suites under AddressSanitizer + UBSan.
sanitized_tests() {
    cmake -S . -B "$BUILD-asan" -DCLIENTPRUNE_SANITIZE=ON -DPython3_EXECUTABLE="$UNO_PYTHON" >/dev/null
    cmake --build "$BUILD-asan" -j "$(nproc)"
    ctest --test-dir "$BUILD-asan" --output-on-failure -j 2
}

# Every libFuzzer target for $1 seconds, starting from its committed seeds.
fuzz() {
    CC=clang CXX=clang++ cmake -S . -B "$BUILD-fuzz" -DCLIENTPRUNE_FUZZ=ON \
        -DPython3_EXECUTABLE="$UNO_PYTHON" >/dev/null
    cmake --build "$BUILD-fuzz" -j "$(nproc)"
    local f name work
    for f in "$BUILD-fuzz"/fuzz/fuzz_*; do
        [ -x "$f" ] || continue
        name=$(basename "$f"); name=${name#fuzz_}
        work="$BUILD-fuzz/corpus/$name"
        mkdir -p "$work" "$BUILD-fuzz/crashes"
        echo "fuzzing $name for $1 s"
        "$f" -max_total_time="$1" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
            -artifact_prefix="$BUILD-fuzz/crashes/$name-" "$work" "fuzz/corpus/$name" 2>&1 |
            grep -E "^(stat::number_of_executed_units|==|SUMMARY|INFO: a crash)" || true
        if ls "$BUILD-fuzz/crashes/$name-"* >/dev/null 2>&1; then
            echo "fuzz_$name found a failing input: $(ls "$BUILD-fuzz/crashes/$name-"*)" >&2
            return 1
        fi
    done
}

case "${1:-}" in
run)
    install_deps
    echo "== Building the extension"
    build
    echo "== Recalculating ${2:-the sample client book}: the prune list, $BUILD/out/*.ods and *.pdf"
    "$UNO_PYTHON" tools/prune_list.py --oxt "$BUILD/clientprune.oxt" --out "$BUILD/out" \
        "${2:-samples/clients.ods}"
    if [ -z "${2:-}" ]; then
        echo "== Rendering the README's pictures of the samples"
        "$UNO_PYTHON" tools/render_samples.py --oxt "$BUILD/clientprune.oxt" --out docs/images
    fi
    ;;
test)
    install_deps
    build
    ctest --test-dir "$BUILD" --output-on-failure -j 2
    sanitized_tests
    fuzz "${FUZZ_SECONDS:-10}"
    echo "All tests passed."
    ;;
fuzz)
    install_deps
    fuzz "${2:-600}"
    ;;
build)
    install_deps
    build
    ;;
bench)
    install_deps
    build
    # Each program describes the machine and the load it ran under.
    for b in "$BUILD"/bench/bench_*; do
        [ -x "$b" ] || continue
        echo "== $(basename "$b")"
        "$b"
    done
    for b in bench/e2e_*.py; do
        [ -f "$b" ] || continue
        echo "== $(basename "$b")"
        "$UNO_PYTHON" "$b" "$BUILD/clientprune.oxt"
    done
    ;;
*)
    awk 'NR > 3 && /^#/ { sub(/^# ?/, ""); print; next } NR > 3 { exit }' "$0"
    exit 2
    ;;
esac
