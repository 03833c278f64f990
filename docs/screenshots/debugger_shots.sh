#!/usr/bin/env bash
# Makes the README's debugger screenshots: records the order-pipeline demo, opens the recording
# in the GUI under Xvfb, moves the cursor to 23.2 s, opens the trace of an order that was
# retried and dead-lettered (correlation id 13416), then shows the event log and the dead
# letters, saving the window each time.
#   docs/screenshots/debugger_shots.sh build/release/app/eventscope docs/screenshots
set -euo pipefail
binary=$(realpath "$1") out=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$binary" run "$OLDPWD/resources/scenarios/order-pipeline.yaml" --record demo.evrec --quiet
export XDG_CONFIG_HOME="$work/config"
unset QT_QPA_PLATFORM
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  set -euo pipefail
  "$0" demo.evrec & app=$!
  trap "kill $app 2>/dev/null || true" EXIT
  window=$(xdotool search --sync --onlyvisible --name "demo.evrec" | head -1)
  xdotool windowsize --sync "$window" 1400 900
  sleep 1
  key() { xdotool windowfocus --sync "$window" key "$@"; sleep 0.6; }
  type() { xdotool type --delay 40 "$1"; xdotool key Return; sleep 1; }
  key ctrl+0
  key ctrl+g; type 23.2s
  key ctrl+t; type 13416
  import -window "$window" "$1/recording-trace.png"
  # The Event Log tab (the third tab under the canvas in a fresh 1400x900 window).
  xdotool mousemove --window "$window" 161 863 click 1
  sleep 1.5
  key ctrl+g; type 22.8935s
  import -window "$window" "$1/recording-log.png"
' "$binary" "$out"
echo "wrote $out/recording-trace.png and $out/recording-log.png"
