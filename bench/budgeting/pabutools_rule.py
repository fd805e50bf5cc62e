"""One pabutools computation, timed: python3 pabutools_rule.py PABUTOOLS_SRC FILE RULE

RULE is mes | mes-add1 | phragmen (cost satisfaction, lexicographic tie-breaking on the project id, the profile
as a multiprofile: the settings of ../shared/data/pabulib/reference-pabutools.jsonl). Prints one JSON line:
{"read_s": seconds to parse the file, "rule_s": seconds for the rule, "winners": sorted project ids}.
PABUTOOLS_SRC is a checkout of pabutools (github.com/COMSOC-Community/pabutools, tag v1.2.3) whose package folder
pabutools/ is imported as it is; its imports need gmpy2 and natsort (Debian: python3-gmpy2 python3-natsort) and,
for pabutools.rules, numpy, pulp and networkx (python3-numpy python3-pulp python3-networkx). Nothing of it is copied.

pabutools asks for gmpy2 >= 2.1.5. Debian 12 has 2.1.2, whose mpq(q, n) divides q itself in place when q is an mpq
(mpq(q, 84) returns q / 84 and leaves q changed): pabutools' MES then starts every voter at budget / n², and
selects nothing on Assen 2024. Below, pabutools' two-argument fraction is computed as mpq(q) / mpq(n) instead, which
leaves q alone; with it the winners equal reference-pabutools.jsonl (bench/budgeting/pabutools-side-by-side.sh checks
them on every run).
"""
import json
import sys
import time

source, path, rule = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, source)

import gmpy2  # noqa: E402
import pabutools.fractions  # noqa: E402

_mpq = gmpy2.mpq


def _mpq_without_mutation(*args):
    if len(args) == 2:
        return _mpq(args[0]) / _mpq(args[1])
    return _mpq(*args)


if gmpy2.version() < "2.1.5":
    pabutools.fractions.mpq = _mpq_without_mutation

from pabutools.election import parse_pabulib, Cost_Sat  # noqa: E402
from pabutools.rules import method_of_equal_shares, sequential_phragmen  # noqa: E402
from pabutools.tiebreaking import lexico_tie_breaking  # noqa: E402

start = time.perf_counter()
instance, profile = parse_pabulib(path)
multiprofile = profile.as_multiprofile()
read = time.perf_counter() - start

start = time.perf_counter()
if rule == "mes":
    outcome = method_of_equal_shares(instance, multiprofile, sat_class=Cost_Sat, tie_breaking=lexico_tie_breaking)
elif rule == "mes-add1":
    outcome = method_of_equal_shares(instance, multiprofile, sat_class=Cost_Sat, tie_breaking=lexico_tie_breaking, voter_budget_increment=1)
elif rule == "phragmen":
    outcome = sequential_phragmen(instance, multiprofile, tie_breaking=lexico_tie_breaking)
else:
    raise SystemExit(f"unknown rule {rule}: mes, mes-add1 or phragmen")
elapsed = time.perf_counter() - start

print(json.dumps({"read_s": round(read, 3), "rule_s": round(elapsed, 3), "winners": sorted(p.name for p in outcome)}))
