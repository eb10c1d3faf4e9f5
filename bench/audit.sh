#!/usr/bin/env bash
# End-to-end audit benchmark (not a test): publishes oitcrawler, builds the benchmark, and runs
# `oitcrawler audit` as a child process against generated 5,000/20,000/50,000-page sites served by
# another process on loopback, with `wget -r --spider` on the same site for the ratio. See BENCHMARKS.md.
#   bash bench/audit.sh [--sizes 5000,20000,50000] [--runs 3] [--concurrency 8] [--no-wget] [--no-reaudit]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# wget is the yardstick; only the benchmark needs it, so only the benchmark installs it.
command -v wget >/dev/null 2>&1 || .ci/install-deps wget
out=artifacts/bench
dotnet publish src/OitCrawler -c Release -o "$out/oitcrawler" -v q --nologo
dotnet build bench/OitCrawler.Benchmarks -c Release -v q --nologo
uptime
exec dotnet bench/OitCrawler.Benchmarks/bin/Release/net10.0/OitCrawler.Benchmarks.dll audit --oitcrawler "$out/oitcrawler/oitcrawler" "$@"
