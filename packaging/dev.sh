#!/usr/bin/env bash
# Eventscope developer entry point.
#
#   ./packaging/dev.sh deps            install the Debian packages the build and tests need
#   ./packaging/dev.sh build [PRESET]  configure and build (presets: release debug asan tsan core-only)
#   ./packaging/dev.sh run [FILE]      set up, build, open FILE (default: the demo model)
#   ./packaging/dev.sh test [PRESET]   set up, build, run the whole test suite
#   ./packaging/dev.sh bench           build and run the benchmarks, and the SimPy comparison
#   ./packaging/dev.sh package         build release and the Debian package; prints the .deb's path
#   ./packaging/dev.sh install-test    package, then install it into a throwaway root and test it
#   ./packaging/dev.sh format          clang-format every C++ file in place
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libsqlite3-dev libsqlitecpp-dev libsimdjson-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-qpa-plugins libgl-dev
  xvfb xauth xdotool imagemagick fonts-dejavu-core
  python3 python3-simpy sqlite3 graphviz
  librsvg2-bin dpkg-dev file
  lintian desktop-file-utils appstream libxml2-utils shared-mime-info man-db
)
DEMO=resources/scenarios/order-pipeline.yaml

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

deps() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  say "installing ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

build() {
  local preset=${1:-release}
  say "building ($preset)"
  cmake --preset "$preset" "${@:2}" >/dev/null
  cmake --build --preset "$preset"
}

binary() { echo "build/${1:-release}/app/eventscope"; }

run() {
  deps
  build release
  local file=${1:-$DEMO}
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    say "opening $file in the desktop GUI"
    exec "$(binary)" "$file"
  fi
  say "no display found (DISPLAY and WAYLAND_DISPLAY are not set): running $file headless"
  say "(under Xvfb: xvfb-run -a ./packaging/dev.sh run; a picture: eventscope snapshot)"
  "$(binary)" run "$file"
}

test_suite() {
  local preset=${1:-release}
  deps
  # The tests need no benchmarks: not building them keeps CI shorter (dev.sh bench turns them on).
  build "$preset" -DEVENTSCOPE_BUILD_BENCH=OFF
  say "testing ($preset)"
  ctest --preset "$preset"
}

bench() {
  deps
  build release -DEVENTSCOPE_BUILD_BENCH=ON
  say "engine benchmarks"
  build/release/tests/bench/engine_bench --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true
  say "recording benchmarks (the first run makes a 10 M-event recording, about 30 s)"
  build/release/tests/bench/recording_bench --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true
  say "event log benchmarks (pages of the 10 M-event recording, each a cache miss)"
  build/release/tests/bench/event_log_bench
  say "debugger benchmarks (open the 10 M-event recording cold, scrub it; trace view)"
  QT_QPA_PLATFORM=offscreen build/release/tests/bench/recording_view_bench
  QT_QPA_PLATFORM=offscreen build/release/tests/bench/trace_view_bench --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true
  say "chart decimation benchmarks"
  build/release/tests/bench/min_max_pyramid_bench --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true
  say "GUI frame benchmarks (offscreen)"
  QT_QPA_PLATFORM=offscreen build/release/tests/bench/gui_frame_bench --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true
  say "SimPy comparison"
  tests/bench/simpy_compare.sh "$(binary)"
}

# Builds only what the package holds (not the tests), with the flags `test` uses, so CI's release
# build is reused as it is. Only the .deb's path goes to stdout; the rest is said on stderr.
package() {
  deps
  say "building (release) for the package"
  cmake --preset release -DEVENTSCOPE_BUILD_BENCH=OFF >/dev/null
  cmake --build --preset release --target eventscope eventscope_data >&2
  say "packaging"
  local log deb
  log=$(cd build/release && cpack -G DEB)
  printf '%s\n' "$log" >&2
  # CPack says "CPack: - package: PATH generated."
  deb=$(sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' <<<"$log")
  [ -f "$deb" ] || { say "cpack made no .deb"; return 1; }
  echo "$deb"
}

install_test() {
  local deb
  deb=$(package)
  packaging/install_test.sh "$deb"
}

format() {
  git ls-files '*.cpp' '*.h' | xargs clang-format -i
}

command=${1:-}
shift || true
case "$command" in
  deps) deps ;;
  build) deps && build "$@" ;;
  run) run "$@" ;;
  test) test_suite "$@" ;;
  bench) bench ;;
  package) package ;;
  install-test) install_test ;;
  format) format ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
