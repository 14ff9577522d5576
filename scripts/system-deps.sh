#!/usr/bin/env bash
# The few Debian packages Qt needs beside the Python wheels: the X11/xcb libraries for
# real windows, Xvfb for a virtual screen, and fontconfig. Installs what is missing when
# run as root (CI, a fresh studio machine); otherwise prints the command to run.
set -euo pipefail
packages=(
  libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 xvfb xauth
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif command -v apt-get >/dev/null; then
  echo "Qt needs these system packages: sudo apt-get install ${missing[*]}" >&2
fi
