#!/usr/bin/env bash
# Installs Debian's Chromium (and a CJK font, so screenshots show the Chinese) for the console's
# browser journeys when missing. Playwright's own browser download is never used.
set -euo pipefail
missing=()
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -iE 'wqy|noto.*cjk|droid.*fallback' >/dev/null || missing+=(fonts-wqy-zenhei)
((${#missing[@]})) || exit 0
echo "[console e2e] installing ${missing[*]} from Debian" >&2
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >&2
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2
