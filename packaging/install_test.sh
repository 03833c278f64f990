#!/usr/bin/env bash
# Tests a built Debian package as a user gets it: unpacked into a throwaway root (dpkg -x, no
# root rights, nothing touched outside it); the desktop file, AppStream metadata and MIME type
# validated; lintian run; then the installed program run from a directory outside the source
# tree, with EVENTSCOPE_LESSONS unset, so its demos and lessons can only come from the prefix.
#
#   packaging/install_test.sh build/release/eventscope_VERSION_ARCH.deb
set -euo pipefail
deb=$(realpath "$1")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
root=$scratch/root
share=$root/usr/share
app=dev.eventscope.Eventscope
exe=$root/usr/bin/eventscope

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
fail() {
  printf 'install test FAILED: %s\n' "$*" >&2
  exit 1
}

say "unpacking $(basename "$deb") into a throwaway root"
dpkg -x "$deb" "$root"

say "files"
for file in bin/eventscope share/applications/$app.desktop share/metainfo/$app.metainfo.xml \
  share/mime/packages/$app.xml share/icons/hicolor/scalable/apps/$app.svg \
  share/man/man1/eventscope.1.gz share/doc/eventscope/copyright share/doc/eventscope/changelog.gz; do
  [ -f "$root/usr/$file" ] || fail "the package has no /usr/$file"
done
for size in 16 24 32 48 64 128 256; do
  png=$share/icons/hicolor/${size}x$size/apps/$app.png
  file "$png" | grep -q "PNG image data, $size x $size, 8-bit/color RGBA" ||
    fail "no transparent ${size}x$size PNG icon: $(file "$png")"
done
demos=("$share"/eventscope/scenarios/*.yaml)
lessons=("$share"/eventscope/lessons/*.yaml)
[ -f "${demos[0]}" ] || fail "no demo scenarios in /usr/share/eventscope/scenarios"
[ -f "${lessons[0]}" ] || fail "no lessons in /usr/share/eventscope/lessons"

say "desktop file, AppStream metadata, MIME type"
desktop-file-validate "$share/applications/$app.desktop"
appstreamcli validate --no-net "$share/metainfo/$app.metainfo.xml"
xmllint --noout "$share/mime/packages/$app.xml"
# What a desktop builds from the package: the MIME database and the desktop file cache.
cp -r "$share/mime" "$scratch/mime"
# (Told where it is, it does not warn that desktops would not look there.)
XDG_DATA_DIRS=$scratch update-mime-database "$scratch/mime"
grep -qx 'application/x-eventscope-recording:\*\.evrec' "$scratch/mime/globs" ||
  fail "*.evrec is not an Eventscope recording in the MIME database"
grep -qx 'application/x-eventscope-recording application/vnd.sqlite3' "$scratch/mime/subclasses" ||
  fail "a recording is not an SQLite file in the MIME database"
cp -r "$share/applications" "$scratch/applications"
update-desktop-database "$scratch/applications"
for type in application/x-eventscope-recording application/x-yaml application/yaml; do
  grep -qx "$type=$app.desktop;" "$scratch/applications/mimeinfo.cache" ||
    fail "Eventscope does not open $type files"
done

say "lintian (errors fail; warnings are shown)"
# --allow-root: CI containers run as root; lintian only reads the package.
lintian --allow-root --fail-on error --tag-display-limit 0 "$deb"

say "dependencies resolve on this system (apt-get --simulate: nothing is installed)"
apt-get --simulate install "$deb" >"$scratch/apt.log" 2>&1 || {
  cat "$scratch/apt.log" >&2
  fail "apt cannot install the package's dependencies"
}

say "the installed program, run outside the source tree"
work=$scratch/work
mkdir "$work"
cd "$work"
unset EVENTSCOPE_LESSONS
version=$("$exe" --version)
echo "$version"
release=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$share/metainfo/$app.metainfo.xml" |
  head -n 1)
[ "$version" = "eventscope $release" ] ||
  fail "the metainfo's newest release is $release, the program says '$version'"
changelog=$(zcat "$share/doc/eventscope/changelog.gz" | sed -n '1s/^eventscope (\([^)]*\)).*/\1/p')
[ "$version" = "eventscope $changelog" ] ||
  fail "packaging/changelog's newest entry is $changelog, the program says '$version'"
"$exe" validate "${demos[@]}"
"$exe" run "$share/eventscope/scenarios/order-pipeline.yaml" --duration 10s --quiet \
  --record run.evrec --report report.json
"$exe" inspect run.evrec --check >/dev/null
# The GUI's code path, offscreen: Qt's libraries and plugins as the package's dependencies give them.
"$exe" snapshot run.evrec --at 8s --output snapshot.png
file snapshot.png | grep -q 'PNG image data' || fail "snapshot wrote no PNG"

say "lessons from the install prefix"
"$exe" lesson list >list.txt
[ "$(grep -c '^[^ ]' list.txt)" -eq "${#lessons[@]}" ] ||
  fail "lesson list shows $(grep -c '^[^ ]' list.txt) lessons; ${#lessons[@]} are installed"
"$exe" lesson check --all >check.txt || {
  cat check.txt
  fail "lesson check --all"
}
tail -n 1 check.txt
# The program falls back to the source tree's lessons when the prefix has none, so prove it
# reads the prefix: a lesson taken out of the installed copy must leave the list.
last=${lessons[-1]}
rm "$last"
"$exe" lesson list >list.txt
if grep -qx "$(basename "$last" .yaml)" list.txt; then
  fail "lesson list still shows $(basename "$last"): the lessons do not come from the prefix"
fi

say "man page"
man_out=$(MANWIDTH=100 LC_ALL=C.UTF-8 man --warnings -l "$share/man/man1/eventscope.1.gz" 2>&1) ||
  fail "man cannot render the page: $man_out"
if grep -q 'warning' <<<"$man_out"; then
  grep 'warning' <<<"$man_out" >&2
  fail "man reports problems in the page"
fi
for command in $("$exe" --help | awk '/^Subcommands:$/ { on = 1; next } on && /^  [^ ]/ { print $1 }'); do
  grep -q "^   $command$" <<<"$man_out" || fail "the man page has no section for '$command'"
done

say "install test passed: $(basename "$deb")"
