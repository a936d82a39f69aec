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
"$build/src/cli/coop-awards-cli" --database "$work/large.db" import --allow-new "$work/rows.csv" >/dev/null
# An empty database: the import of a list that has only its header row creates one.
printf 'decision_date,authority,award,recipient_type,recipient\n' > "$work/empty.csv"
"$build/src/cli/coop-awards-cli" --database "$work/empty.db" import "$work/empty.csv" >/dev/null

cat > "$work/measure.sh" <<'EOF'
#!/usr/bin/env bash
# Prints the seconds from starting coop-awards until its window is on screen, and until the
# organisation list has its first rows (the window logs that with G_MESSAGES_DEBUG).
set -euo pipefail
app=$1 db=$2 log=$3
: > "$log"
start=$(date +%s.%N)
G_MESSAGES_DEBUG=coop-awards "$app" --database "$db" >"$log" 2>&1 &
pid=$!
xdotool search --sync --onlyvisible --name '^Coop Awards' >/dev/null
shown=$(date +%s.%N)
until grep -q 'AwardsOrganisation: [0-9]* items loaded' "$log"; do sleep 0.005; done
listed=$(date +%s.%N)
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
python3 -c "import sys; s = float(sys.argv[1]); print(f\"{float(sys.argv[2]) - s:.3f} {float(sys.argv[3]) - s:.3f}\")" \
  "$start" "$shown" "$listed"
EOF
chmod +x "$work/measure.sh"

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none NO_AT_BRIDGE=1
export XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"

xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" dbus-run-session -- bash -c '
  app=$1 work=$2 runs=$3
  for db in empty large; do
    "$work/measure.sh" "$app" "$work/$db.db" "$work/log" >/dev/null   # warm-up
    for i in $(seq "$runs"); do
      printf "%s %s\n" "$db" "$("$work/measure.sh" "$app" "$work/$db.db" "$work/log")"
    done
  done' _ "$build/src/gui/coop-awards" "$work" "$runs" > "$work/times.txt"

python3 - "$work/times.txt" "$rows" "$organisations" <<'PY'
import statistics, sys
shown, listed = {}, {}
for line in open(sys.argv[1]):
    name, on_screen, rows = line.split()
    shown.setdefault(name, []).append(float(on_screen))
    listed.setdefault(name, []).append(float(rows))
def median(times, name):
    return statistics.median(times[name])
print(f"| median of {len(shown['large'])} | window on screen | vs empty | organisations listed | vs empty |")
print("|---|---:|---:|---:|---:|")
print(f"| empty database (floor) | {median(shown, 'empty'):.2f} s | 1.00x"
      f" | {median(listed, 'empty'):.2f} s | 1.00x |")
print(f"| {int(sys.argv[2]):,} awards, {int(sys.argv[3]):,} organisations"
      f" | {median(shown, 'large'):.2f} s | {median(shown, 'large') / median(shown, 'empty'):.2f}x"
      f" | {median(listed, 'large'):.2f} s | {median(listed, 'large') / median(listed, 'empty'):.2f}x |")
PY
