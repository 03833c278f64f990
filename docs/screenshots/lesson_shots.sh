#!/usr/bin/env bash
# Makes the README's lesson screenshot: opens lesson 10 (idempotency) at its second step in the
# GUI under Xvfb, answers the prediction, runs the step at 10x and saves the window once the
# verdicts and the live run are there.
#   docs/screenshots/lesson_shots.sh build/release/app/eventscope docs/screenshots
set -euo pipefail
binary=$(realpath "$1") out=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"
mkdir -p "$XDG_CONFIG_HOME/Eventscope"
# Lesson 10, step 2; speed 10x (the sixth entry of the speed box).
printf '[lessons]\ncurrent=9\n10-idempotency\\step=1\n[run]\nspeed=5\n' \
  > "$XDG_CONFIG_HOME/Eventscope/eventscope.conf"
export EVENTSCOPE_LESSONS="$PWD/resources/lessons"
unset QT_QPA_PLATFORM
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  set -euo pipefail
  "$0" & app=$!
  trap "kill $app 2>/dev/null || true" EXIT
  window=$(xdotool search --sync --onlyvisible --name "Eventscope" | head -1)
  xdotool windowsize --sync "$window" 1400 900
  sleep 1
  xdotool windowfocus --sync "$window" key ctrl+l
  sleep 1.5
  # The second answer of the prediction, then Run this step (a fresh 1400x900 window).
  xdotool mousemove --window "$window" 41 708 click 1
  sleep 0.5
  xdotool mousemove --window "$window" 63 774 click 1
  sleep 5
  import -window "$window" "$1/lesson.png"
' "$binary" "$out"
echo "wrote $out/lesson.png"
