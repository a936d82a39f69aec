#!/usr/bin/env bash
# How long the window takes to appear on a large database, side by side with the same window on
# an empty database (the floor: GTK start-up and the first frame, with nothing to list).
#
#   bench/window.sh                 # BUILD=build-bench ROWS=200000 ORGANISATIONS=2000 RUNS=5
#
# Runs inside its own Xvfb display; needs xvfb-run, xdotool and dbus-run-session.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-build-bench}
rows=${ROWS:-200000}
organisations=${ORGANISATIONS:-2000}
runs=${RUNS:-5}

case "$build" in /*) ;; *) build="$top/$build" ;; esac
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=debugoptimized >/dev/null
fi
ninja -C "$build" src/gui/coop-awards src/cli/coop-awards-cli bench/awards-bench-generate \
  data/gschemas.compiled >/dev/null 2>&1 || ninja -C "$build" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/bench/awards-bench-generate" --rows "$rows" --organisations "$organisations" \
  --output "$work/rows.csv"
"$build/src/cli/coop-awards-cli" --database "$work/large.db" import "$work/rows.csv" >/dev/null
"$build/src/cli/coop-awards-cli" --database "$work/empty.db" check >/dev/null

cat > "$work/measure.sh" <<'EOF'
#!/usr/bin/env bash
# Prints the seconds from starting coop-awards until its window is on screen.
set -euo pipefail
app=$1 db=$2
start=$(date +%s.%N)
"$app" --database "$db" >/dev/null 2>&1 &
pid=$!
xdotool search --sync --onlyvisible --name '^Coop Awards' >/dev/null
end=$(date +%s.%N)
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
python3 -c "import sys; print(f\"{float(sys.argv[2]) - float(sys.argv[1]):.3f}\")" "$start" "$end"
EOF
chmod +x "$work/measure.sh"

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none NO_AT_BRIDGE=1
export XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"

xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" dbus-run-session -- bash -c '
  app=$1 work=$2 runs=$3
  for db in empty large; do
    "$work/measure.sh" "$app" "$work/$db.db" >/dev/null   # warm-up
    for i in $(seq "$runs"); do
      printf "%s %s\n" "$db" "$("$work/measure.sh" "$app" "$work/$db.db")"
    done
  done' _ "$build/src/gui/coop-awards" "$work" "$runs" > "$work/times.txt"

python3 - "$work/times.txt" "$rows" "$organisations" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    name, seconds = line.split()
    times.setdefault(name, []).append(float(seconds))
empty = statistics.median(times["empty"])
large = statistics.median(times["large"])
print(f"| window on screen | median of {len(times['large'])} | vs empty database |")
print("|---|---:|---:|")
print(f"| empty database (floor) | {empty:.2f} s | 1.00x |")
print(f"| {int(sys.argv[2]):,} awards, {int(sys.argv[3]):,} organisations | {large:.2f} s | {large / empty:.2f}x |")
PY
