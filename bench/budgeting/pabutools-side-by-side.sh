#!/usr/bin/env bash
# Cocreo against pabutools on the same machine in one run: MES, MES + add1 and sequential Phragmén (cost satisfaction,
# ties by project id) on a small election, a district and a city of ../shared/data/pabulib.
# Usage: bench/budgeting/pabutools-side-by-side.sh PABUTOOLS_SRC [RUNS=3] [PABUTOOLS_TIMEOUT_S=300]
#   PABUTOOLS_SRC: a checkout of pabutools v1.2.3 (github.com/COMSOC-Community/pabutools); nothing of it is copied.
#   Needs Debian's python3-gmpy2 python3-natsort python3-numpy python3-pulp python3-networkx (installed if missing).
# Cocreo is `cocreo-pb` (the `cocreo pb` commands compiled ahead of time), timed as a whole process: start, read the
# file, compute, print; best of RUNS. pabutools is timed inside Python (pabutools_rule.py): reading the file (and
# making the multiprofile) and the rule, once (it is the slow side), stopped after PABUTOOLS_TIMEOUT_S.
# Prints a Markdown table and whether the two give the same winners.
set -euo pipefail
source_dir=$(cd "$1" && pwd)
runs=${2:-3}
limit=${3:-300}
repo=$(cd "$(dirname "$0")/../.." && pwd)
data="$repo/../shared/data/pabulib"
binary=/tmp/cocreo-pb-bench/cocreo-pb
python=/usr/bin/python3
"$python" -c "import gmpy2, natsort, numpy, pulp, networkx" 2>/dev/null ||
  apt-get install -y -qq python3-gmpy2 python3-natsort python3-numpy python3-pulp python3-networkx >/dev/null
dotnet publish "$repo/src/Cocreo.Pb" -c Release -r linux-x64 -o "$(dirname "$binary")" -v quiet -nologo >/dev/null

workloads=(
  "small|Netherlands_Assen_2024.pb"
  "district|Poland_Warszawa_2018_Targowek_Mieszkaniowy.pb"
  "city|France_Toulouse_2024.pb"
)
rules=("mes|--rule mes" "mes-add1|--rule mes --completion add1" "phragmen|--rule phragmen")

now() { date +%s.%N; }
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d); cocreo-pb $(git -C "$repo" rev-parse --short HEAD); pabutools $(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$source_dir/pabutools/__init__.py") with gmpy2 $("$python" -c 'import gmpy2; print(gmpy2.version())')"
echo
echo "| workload | file | rule | Cocreo: cocreo-pb, whole process (best of $runs) | pabutools: read + rule | pabutools ÷ Cocreo | same winners |"
echo "| --- | --- | --- | ---: | ---: | ---: | --- |"
for workload in "${workloads[@]}"; do
  size=${workload%%|*}
  file="$data/${workload#*|}"
  ballots=$(grep -m1 '^num_votes;' "$file" | cut -d';' -f2 | tr -d '\r')
  projects=$(grep -m1 '^num_projects;' "$file" | cut -d';' -f2 | tr -d '\r')
  described="$(basename "$file") ($(( $(stat -c %s "$file") / 1000 )) kB, $ballots ballots, $projects projects)"
  for entry in "${rules[@]}"; do
    rule=${entry%%|*}
    read -r -a arguments <<<"${entry#*|}"
    best=""
    for _ in $(seq "$runs"); do
      start=$(now)
      "$binary" run "$file" "${arguments[@]}" >/dev/null
      elapsed=$(echo "$(now) - $start" | bc -l)
      if [ -z "$best" ] || [ "$(echo "$elapsed < $best" | bc -l)" = 1 ]; then best=$elapsed; fi
    done
    ours=$("$binary" run "$file" "${arguments[@]}" --format json | "$python" -c 'import json, sys; print(json.dumps(sorted(p["id"] for p in json.load(sys.stdin)["selected"])))')
    if reference=$(timeout "$limit" "$python" "$repo/bench/budgeting/pabutools_rule.py" "$source_dir" "$file" "$rule"); then
      theirs=$(echo "$reference" | "$python" -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["winners"]))')
      seconds=$(echo "$reference" | "$python" -c 'import json, sys; r = json.load(sys.stdin); print(r["read_s"] + r["rule_s"])')
      times=$(echo "$reference" | "$python" -c 'import json, sys; r = json.load(sys.stdin); print("%.3f s (%.3f + %.3f)" % (r["read_s"] + r["rule_s"], r["read_s"], r["rule_s"]))')
      ratio=$(printf '%.1f×' "$(echo "$seconds / $best" | bc -l)")
      same=$([ "$ours" = "$theirs" ] && echo yes || echo "NO: $ours vs $theirs")
    else
      times="stopped after $limit s"
      ratio="> $(printf '%.0f' "$(echo "$limit / $best" | bc -l)")×"
      same="–"
    fi
    printf '| %s | %s | %s | %.3f s | %s | %s | %s |\n' "$size" "$described" "$rule" "$best" "$times" "$ratio" "$same"
  done
done
