#!/usr/bin/env bash
# Smoke test of the real executable in a real X server: start the GUI on the demo under Xvfb,
# press Space (Run) as a person would, let it run for a few seconds, take two screenshots a
# second apart, and check the screen is not blank and the picture changes while it runs. Then
# record the demo with the CLI, open the recording, move the time cursor to 25 s (Ctrl+G), open
# the trace of correlation id 1 (Ctrl+T), and check those screenshots too.
#   xvfb_smoke.sh EVENTSCOPE SCENARIO OUTDIR
set -euo pipefail
binary=$1 scenario=$2 out=$3
mkdir -p "$out"
rm -f "$out"/*.png
export XDG_CONFIG_HOME="$out/config"  # a fresh user: no saved layout
unset QT_QPA_PLATFORM

xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  set -euo pipefail
  "$0" "$1" & app=$!
  trap "kill $app 2>/dev/null || true" EXIT
  window=$(timeout 30 xdotool search --sync --onlyvisible --name "Eventscope" | head -1)
  sleep 1
  xdotool windowfocus --sync "$window" key space
  sleep 4
  import -window root "$2/running-1.png"
  sleep 1
  import -window root "$2/running-2.png"
  kill -0 $app  # still alive after running
' "$binary" "$scenario" "$out"

"$binary" run "$scenario" --duration 30s --record "$out/smoke.evrec" --quiet
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  set -euo pipefail
  "$0" "$1/smoke.evrec" & app=$!
  trap "kill $app 2>/dev/null || true" EXIT
  window=$(timeout 30 xdotool search --sync --onlyvisible --name "smoke.evrec" | head -1)
  sleep 1
  import -window root "$1/recording-0s.png"
  xdotool windowfocus --sync "$window" key ctrl+g
  sleep 0.7
  xdotool type --delay 50 "25s"
  xdotool key Return
  sleep 1
  import -window root "$1/recording-25s.png"
  xdotool windowfocus --sync "$window" key ctrl+t
  sleep 0.7
  xdotool type --delay 50 "1"
  xdotool key Return
  sleep 1
  import -window root "$1/recording-trace.png"
  kill -0 $app
' "$binary" "$out"

for shot in "$out/running-1.png" "$out/running-2.png" "$out/recording-0s.png" \
            "$out/recording-25s.png" "$out/recording-trace.png"; do
  deviation=$(convert "$shot" -colorspace Gray -format "%[fx:standard_deviation]" info:)
  colors=$(convert "$shot" -format "%k" info:)
  echo "$shot: standard deviation $deviation, $colors colours"
  awk -v d="$deviation" 'BEGIN { exit !(d > 0.05) }' || { echo "blank screen: $shot"; exit 1; }
  [ "$colors" -gt 50 ] || { echo "too few colours for a drawn window: $shot"; exit 1; }
done
difference=$(compare -metric AE "$out/running-1.png" "$out/running-2.png" null: 2>&1 || true)
echo "pixels that changed in one second of running: $difference"
awk -v d="$difference" 'BEGIN { exit !(d + 0 > 500) }' || { echo "the picture did not move: is it running?"; exit 1; }
for pair in "recording-0s recording-25s" "recording-25s recording-trace"; do
  set -- $pair
  changed=$(compare -metric AE "$out/$1.png" "$out/$2.png" null: 2>&1 || true)
  echo "pixels that changed from $1 to $2: $changed"
  awk -v d="$changed" 'BEGIN { exit !(d + 0 > 500) }' || { echo "$2 looks like $1"; exit 1; }
done
