#!/usr/bin/env bash
# A real install, as a studio machine gets it: build the wheel from the sources (not an
# editable install), install it into a fresh virtual environment outside the checkout, and
# run the installed `blueroom` from another folder:
#   1. every module, asset, word list and france.tsv of the sources is installed;
#   2. an offscreen `blueroom demo` saves a sound PNG of every window, with no missing font;
#   3. `blueroom replay --headless` plays the bundled recording;
#   4. BLUEROOM_ASSETS on a copy of the assets holding a 3-post recording: the demo plays
#      those 3 posts and reads its fonts from the copy.
# Any problem fails, with the log that shows it. CI runs this after `make test`; pip's cache
# is used, so once the pinned wheels are in it nothing is downloaded. PYTHON chooses the
# interpreter (python3 by default), as in the Makefile.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/blueroom-install.XXXXXX")"
trap 'rm -rf "$work"' EXIT
venv="$work/venv"
started=$SECONDS
passed=0

step() { echo "check-install: [$((SECONDS - started)) s] $*"; }
ok() { passed=$((passed + 1)); }
fail() {
  echo "check-install: FAILED: $*" >&2
  echo "check-install: $passed passed, 1 failed"
  exit 1
}
# run LOG COMMAND...: COMMAND's output goes to LOG; if it fails, show the log's end and fail.
run() {
  local log="$1" code=0
  shift
  "$@" >"$log" 2>&1 || code=$?
  if [ "$code" -ne 0 ]; then
    tail -n 40 "$log" >&2
    fail "exit $code: $*"
  fi
}

bash "$root/scripts/system-deps.sh"
# The installed room on its own: its own assets, no settings or data of this machine.
unset BLUEROOM_ASSETS
export QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

# What a clone holds (tracked files and new ones not ignored): no .venv, no stale build/ or
# egg-info, and the checkout is not written to.
step "copying the sources to $work/src"
mkdir "$work/src"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$root" && git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do
      if [ -e "$file" ]; then printf '%s\0' "$file"; fi
    done | tar --null -T - -cf -) | tar -C "$work/src" -xf -
else
  tar -C "$root" --exclude=./.venv --exclude=./build --exclude='*.egg-info' \
    --exclude=__pycache__ --exclude=.git -cf - . | tar -C "$work/src" -xf -
fi

step "creating a fresh virtual environment ($("$python" --version 2>&1))"
"$python" -m venv "$venv" ||
  fail "$python -m venv failed (on Debian: apt-get install python3-venv)"
pip=("$venv/bin/python" -m pip --disable-pip-version-check)

step "building the wheel (pip wheel, build isolation, as pip install . does)"
run "$work/wheel.log" "${pip[@]}" wheel --no-deps --wheel-dir "$work/dist" "$work/src"
wheels=("$work"/dist/blueroom-*.whl)
[ -f "${wheels[0]}" ] || fail "no wheel in $work/dist"

step "installing $(basename "${wheels[0]}") ($(du -h "${wheels[0]}" | cut -f1)) and its pinned dependencies"
run "$work/install.log" "${pip[@]}" install "${wheels[0]}"
ok

# From here on, nothing runs from the sources.
mkdir "$work/run"
cd "$work/run"

step "checking the installed files against the sources"
run "$work/files.log" "$venv/bin/python" - "$work/src" <<'EOF'
import sys
from pathlib import Path

import blueroom
from blueroom.paths import BUNDLED, assets

source = Path(sys.argv[1]).resolve() / "blueroom"
installed = Path(blueroom.__file__).resolve().parent
if installed.is_relative_to(source.parent) or "site-packages" not in installed.parts:
    sys.exit(f"blueroom was imported from {installed}, not from the virtual environment")
needed = []
for path in sorted(source.rglob("*")):
    relative = path.relative_to(source)
    if not path.is_file() or "__pycache__" in relative.parts:
        continue
    if any(part.startswith(".") for part in relative.parts):
        continue
    data = relative.parts[0] == "assets" or relative.parts[:2] == ("core", "wordlists")
    if data or path.suffix == ".py" or relative.as_posix() == "core/france.tsv":
        needed.append(relative)
wrong = [
    str(relative)
    for relative in needed
    if not (installed / relative).is_file()
    or (installed / relative).stat().st_size != (source / relative).stat().st_size
]
if wrong:
    sys.exit(f"missing or different in the install: {wrong}")
chosen = assets()
if chosen.root != BUNDLED or not BUNDLED.is_relative_to(installed):
    sys.exit(f"assets in use: {chosen.root}, not the installed ones")
for path in (chosen.demo_event, chosen.demo_video, chosen.land_mask, chosen.fonts):
    if not path.exists():
        sys.exit(f"{path} is missing")
print(f"{len(needed)} files installed in {installed}")
EOF
cat "$work/files.log"
ok

# check_shots DIR: a PNG of every window, of a real size, with something drawn on it.
check_shots() {
  run "$work/shots.log" "$venv/bin/python" - "$1" <<'EOF'
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from blueroom.ui.placement import WINDOW_ORDER

folder = Path(sys.argv[1])
for window in WINDOW_ORDER:
    path = folder / f"{window}.png"
    image = QImage(str(path))
    if image.isNull():
        sys.exit(f"{path}: missing or not an image")
    if image.width() < 320 or image.height() < 240:
        sys.exit(f"{path}: only {image.width()}x{image.height()}")
    small = image.scaled(64, 64)
    colours = {small.pixel(x, y) for x in range(64) for y in range(64)}
    if len(colours) < 16:
        sys.exit(f"{path}: {len(colours)} colours, nothing drawn")
    print(f"{path.name}: {image.width()}x{image.height()}, {len(colours)} colours")
EOF
  cat "$work/shots.log"
}

# check_log LOG: nothing in the room's output says a file was missing or an error escaped.
check_log() {
  if grep -E -i "font not loaded|Traceback|unexpected error|No such file" "$1" >&2; then
    fail "see $1 above"
  fi
}

step "blueroom demo --for 8 --screenshots, offscreen, from $work/run"
run "$work/demo.log" timeout 180 "$venv/bin/blueroom" demo --for 8 \
  --screenshots "$work/shots" --journal "$work/demo.sqlite"
check_log "$work/demo.log"
check_shots "$work/shots"
ok

step "blueroom replay --headless on the bundled recording (--speed max --for 5)"
demo_event="$("$venv/bin/python" -c 'from blueroom.paths import assets; print(assets().demo_event)')"
run "$work/replay.log" timeout 120 "$venv/bin/blueroom" replay --headless "$demo_event" \
  --speed max --no-loop --for 5 --journal "$work/replay.sqlite"
cat "$work/replay.log"
posts="$(sed -n 's/^\([0-9,]*\) posts in .*/\1/p' "$work/replay.log" | tr -d ,)"
[ "${posts:-0}" -gt 0 ] || fail "the headless replay played no post"
ok

step "BLUEROOM_ASSETS on a copy of the assets: a 3-post demo, one font removed"
cp -r "$(dirname "$(dirname "$demo_event")")" "$work/otherassets"
run "$work/recording.log" "$venv/bin/python" - "$demo_event" "$work/otherassets" <<'EOF'
import gzip
import json
import sys
from pathlib import Path

from blueroom.engine.room import question_rules
from blueroom.settings import load_settings

source, copy = Path(sys.argv[1]), Path(sys.argv[2])
rules = question_rules(load_settings(environ={}))  # the room's own reading of a question
kept = []
with gzip.open(source, "rt", encoding="utf-8") as lines:
    for line in lines:
        try:
            text = json.loads(line)["data"]["text"]
        except (ValueError, KeyError, TypeError):
            continue
        if "#AskBlueRoom" in text and not text.startswith("RT ") and rules.read_text(text).question:
            kept.append(line)
        if len(kept) == 3:
            break
with gzip.open(copy / "demo" / "askblueroom.jsonl.gz", "wt", encoding="utf-8") as out:
    out.writelines(kept)
(copy / "fonts" / "NotoSansHebrew-Bold.ttf").unlink()
EOF
BLUEROOM_ASSETS="$work/otherassets" run "$work/other.log" timeout 120 "$venv/bin/blueroom" \
  demo --skip 0 --no-loop --speed max --for 5 --screenshots "$work/othershots" \
  --journal "$work/other.sqlite"
grep -q "otherassets/fonts/NotoSansHebrew-Bold.ttf" "$work/other.log" ||
  fail "the demo did not read its fonts from BLUEROOM_ASSETS (no word of the missing font)"
check_shots "$work/othershots"
run "$work/export.log" "$venv/bin/blueroom" export "$work/other.csv" --journal "$work/other.sqlite"
rows="$("$venv/bin/python" -c 'import csv, sys
print(sum(1 for _ in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""))))' \
  "$work/other.csv")"
[ "$rows" -eq 3 ] ||
  fail "BLUEROOM_ASSETS's 3-post demo gave $rows question posts, not 3 (see $work/other.log)"
echo "3 posts of the copy's recording played"
ok

step "the installed room runs"
echo "check-install: $passed passed, 0 failed"
