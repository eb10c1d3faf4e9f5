#!/usr/bin/env bash
# Builds the ready-to-run release folders, one per OS, each with everything it needs (the .NET and
# ASP.NET Core runtimes included: the server needs nothing else):
#   artifacts/release/oitcrawler-<version>-win-x64/    oitcrawler.exe, appsettings.json, rules/, measures/, samples/, docs/
#   artifacts/release/oitcrawler-<version>-linux-x64/  oitcrawler, …
# and a .zip (Windows) / .tar.gz (Linux) of each. Needs the .NET 10 SDK on the building machine only.
# Usage: eng/release.sh [RID ...]      (default: win-x64 linux-x64)
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(win-x64 linux-x64)
version=$(dotnet msbuild src/OitCrawler/OitCrawler.csproj -getProperty:Version)
out=artifacts/release
mkdir -p "$out"
for rid in "${rids[@]}"; do
  name="oitcrawler-$version-$rid"
  rm -rf "${out:?}/$name"
  dotnet publish src/OitCrawler/OitCrawler.csproj -c Release -r "$rid" --self-contained true \
    -p:DebugType=none -p:GenerateDocumentationFile=false -o "$out/$name"
  mkdir -p "$out/$name/docs"
  cp README.md "$out/$name/"
  cp docs/คู่มือ.md "$out/$name/docs/"
  ( cd "$out" && rm -f "$name.zip" "$name.tar.gz" && \
    if [ "${rid%%-*}" = win ]; then
      if command -v zip >/dev/null; then zip -qr "$name.zip" "$name"; else tar -czf "$name.tar.gz" "$name"; fi
    else tar -czf "$name.tar.gz" "$name"; fi )
  echo "release: $out/$name"
done
