#!/usr/bin/env bash
# Install the pinned front-end libraries (package-lock.json, `npm ci`) and copy the files the web app
# serves into src/dossier/serve/static/vendor/ (git-ignored). Run by `make vendor`, hence `make install`.
# Nothing here runs at serve time: the server only reads the copied files, never a CDN.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
if ! command -v npm >/dev/null 2>&1; then
  echo "web/vendor.sh: npm is needed to install the web app's front-end libraries (Debian: apt-get install npm)" >&2
  exit 1
fi
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

out=../src/dossier/serve/static/vendor
rm -rf "$out.tmp"
mkdir -p "$out.tmp"
nm=node_modules

copy() {  # copy PACKAGE DEST FILES...: files of one package, with its licence
  local pkg=$1 dest=$2
  shift 2
  mkdir -p "$out.tmp/$dest"
  for f in "$@"; do cp -R "$nm/$pkg/$f" "$out.tmp/$dest/"; done
  cp "$nm/$pkg/LICENSE" "$out.tmp/$dest/LICENSE"
}

copy leaflet leaflet dist/leaflet.js dist/leaflet.css dist/images
copy topojson-client topojson-client dist/topojson-client.min.js
copy world-atlas world-atlas countries-110m.json
copy cytoscape cytoscape dist/cytoscape.min.js
copy swagger-ui-dist swagger-ui swagger-ui-bundle.js swagger-ui.css

rm -rf "$out"
mv "$out.tmp" "$out"
echo "web/vendor.sh: front-end libraries copied to src/dossier/serve/static/vendor/"
