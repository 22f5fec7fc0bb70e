#!/usr/bin/env python3
"""Independent check of csv/monthly_series.csv (MONITORING.md "The monthly series", "Signals",
readings 8-20; METRICS.md cohort, reliable change, caseness, Wilson interval, percent).

Usage: python3 check_series.py INPUT_DIR REPORT_DIR [--series-months 24] [--instruments FILE]
Standard library only. Exit 0 when every cell matches, 1 on any mismatch, 2 on usage errors.
"""
import argparse
import csv
import datetime as dt
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from outcome_inputs import cell_agrees, fmt, read_episodes, wilson  # noqa: E402

BUNDLED_INSTRUMENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "resources", "instruments.csv")
COLUMNS = ("month,approach,intakes,discharges,caseload,attended_sessions,missed_sessions,n_closed,"
           "n_paired,n_reliable_improvement,reliable_improvement_pct,reliable_improvement_ci_low,"
           "reliable_improvement_ci_high,n_cases,n_recovered,recovery_pct,recovery_ci_low,"
           "recovery_ci_high,n_reliable_deterioration,reliable_deterioration_pct,n_dropout,dropout_pct,"
           "reliable_improvement_pct_12m,recovery_pct_12m,n_started_with_referral,wait_days_median,"
           "wait_within_6_weeks_pct,wait_within_18_weeks_pct,spc_centre_pct,spc_lower_pct,spc_upper_pct,"
           "above_limit,below_limit,run_above,run_below,trend_up,trend_down").split(",")
COUNT_COLS = {"intakes", "discharges", "caseload", "attended_sessions", "missed_sessions", "n_closed",
              "n_paired", "n_reliable_improvement", "n_cases", "n_recovered",
              "n_reliable_deterioration", "n_dropout", "n_started_with_referral"}
BOOL_COLS = {"above_limit", "below_limit", "run_above", "run_below", "trend_up", "trend_down"}
TEXT_COLS = {"month", "approach"}


# ---------------------------------------------------------------- reading the inputs: outcome_inputs.py
def month_of(d):
    return (d.year, d.month)


def month_add(ym, k):
    y, m = ym
    t = y * 12 + (m - 1) + k
    return (t // 12, t % 12 + 1)


def ym_str(ym):
    return "%04d-%02d" % ym


def parse_ym(s):
    y, m = s.split("-")
    return (int(y), int(m))


# ---------------------------------------------------------------- instruments
def load_instruments(run, instruments_file):
    """key -> dict(cutoff, rc, hib). Computed from the instrument CSV (Jacobson-Truax from the pair);
    cross-checked against run.json's instrument_configuration when present."""
    inst = {}
    with open(instruments_file, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            key = r["key"].strip()
            cutoff = float(r["cutoff"]) if r["cutoff"].strip() else None
            if r["reliable_change"].strip():
                rc = float(r["reliable_change"])
            else:
                rc = 1.96 * float(r["rc_sd"]) * math.sqrt(2 * (1 - float(r["rc_reliability"])))
            inst[key] = dict(cutoff=cutoff, rc=rc, hib=r["higher_is_better"].strip().lower() == "true")
    conf = (run.get("instrument_configuration") or {}).get("instruments")
    if conf:
        for c in conf:
            mine = inst.get(c["key"])
            if mine is None or abs(mine["rc"] - c["reliable_change"]) > 1e-9 or mine["cutoff"] != c["cutoff"] \
                    or mine["hib"] != c["higher_is_better"]:
                print(f"note: run.json instrument {c['key']} differs from {instruments_file}; using run.json")
                inst[c["key"]] = dict(cutoff=c["cutoff"], rc=c["reliable_change"], hib=c["higher_is_better"])
    return inst


# ---------------------------------------------------------------- statistics
def pct(k, n):
    return None if n == 0 else 100.0 * k / n


def median7(xs):
    xs = sorted(xs)
    n = len(xs)
    if n == 0:
        return None
    h = (n - 1) * 0.5
    lo = math.floor(h)
    hi = min(lo + 1, n - 1)
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo])


# ---------------------------------------------------------------- model
def build(input_dir, report_dir, approaches, primary):
    """The accepted episodes, each session as (date, number or None, line, attended, primary score
    or None)."""
    episodes, counts = read_episodes(input_dir, report_dir, approaches, [primary])
    for e in episodes.values():
        e.sessions = [(d, sn, line, att, scores.get(primary)) for (d, sn, line, att, scores) in e.sessions]
    return episodes, counts


def episode_outcome(e, inst):
    """(paired, ri, rd, case, recovered) on the primary instrument."""
    sc = [(d, -1 if sn is None else sn, line, s) for (d, sn, line, att, s) in e.sessions
          if att and s is not None]
    if len(sc) < 2:
        return False, False, False, False, False
    sc.sort(key=lambda x: (x[0], x[1], x[2]))
    base, final = sc[0][3], sc[-1][3]
    red = (final - base) if inst["hib"] else (base - final)
    ri = red >= inst["rc"]
    rd = -red >= inst["rc"]
    cut = inst["cutoff"]
    if cut is None:
        return True, ri, rd, None, None
    clin = (lambda x: x <= cut) if inst["hib"] else (lambda x: x >= cut)
    case = clin(base)
    rec = case and not clin(final)
    return True, ri, rd, case, rec


# ---------------------------------------------------------------- the series
def compute(episodes, inst, approaches, M, S):
    months = [month_add(M, -(S - 1) + i) for i in range(S)]
    groups = list(approaches) + ["ALL"]
    out = {}
    # per-episode precomputation
    info = []
    for e in episodes.values():
        paired, ri, rd, case, rec = episode_outcome(e, inst) if e.discharge else (False,) * 5
        att = [s for s in e.sessions if s[3]]
        first_att = min(s[0] for s in att) if att else None
        info.append(dict(e=e, paired=paired, ri=ri, rd=rd, case=case, rec=rec,
                         att_months={month_of(s[0]) for s in att},
                         sess=[(month_of(s[0]), s[3]) for s in e.sessions],
                         first_att=first_att))

    def members(g):
        return [x for x in info if g == "ALL" or x["e"].approach == g]

    has_cut = inst["cutoff"] is not None
    for g in groups:
        mem = members(g)
        # closed-episode aggregates per discharge month (any month, for the rolling window)
        closed = {}
        for x in mem:
            if x["e"].discharge is None:
                continue
            c = closed.setdefault(month_of(x["e"].discharge), dict(n=0, p=0, ri=0, rd=0, cs=0, rec=0, do=0))
            c["n"] += 1
            c["do"] += x["e"].reason == "dropout"
            if x["paired"]:
                c["p"] += 1
                c["ri"] += x["ri"]
                c["rd"] += x["rd"]
                if has_cut:
                    c["cs"] += bool(x["case"])
                    c["rec"] += bool(x["rec"])
        rows = []
        for m in months:
            row = {"month": ym_str(m), "approach": g}
            row["intakes"] = sum(1 for x in mem if month_of(x["e"].intake) == m)
            c = closed.get(m, dict(n=0, p=0, ri=0, rd=0, cs=0, rec=0, do=0))
            row["discharges"] = c["n"]
            row["caseload"] = sum(1 for x in mem if m in x["att_months"])
            row["attended_sessions"] = sum(1 for x in mem for (sm, a) in x["sess"] if sm == m and a)
            row["missed_sessions"] = sum(1 for x in mem for (sm, a) in x["sess"] if sm == m and not a)
            row["n_closed"] = c["n"]
            row["n_paired"] = c["p"]
            row["n_reliable_improvement"] = c["ri"]
            row["reliable_improvement_pct"] = pct(c["ri"], c["p"])
            row["reliable_improvement_ci_low"], row["reliable_improvement_ci_high"] = wilson(c["ri"], c["p"])
            if has_cut:
                row["n_cases"] = c["cs"]
                row["n_recovered"] = c["rec"]
                row["recovery_pct"] = pct(c["rec"], c["cs"])
                row["recovery_ci_low"], row["recovery_ci_high"] = wilson(c["rec"], c["cs"])
            else:
                for k in ("n_cases", "n_recovered", "recovery_pct", "recovery_ci_low", "recovery_ci_high"):
                    row[k] = None
            row["n_reliable_deterioration"] = c["rd"]
            row["reliable_deterioration_pct"] = pct(c["rd"], c["p"])
            row["n_dropout"] = c["do"]
            row["dropout_pct"] = pct(c["do"], c["n"])
            # rolling 12 months m-11 .. m, pooled
            sp = sri = scs = srec = 0
            for k in range(12):
                cc = closed.get(month_add(m, -k))
                if cc:
                    sp += cc["p"]; sri += cc["ri"]; scs += cc["cs"]; srec += cc["rec"]
            row["reliable_improvement_pct_12m"] = pct(sri, sp)
            row["recovery_pct_12m"] = pct(srec, scs) if has_cut else None
            # waiting time
            waits = [(x["first_att"] - x["e"].referral).days for x in mem
                     if x["first_att"] is not None and x["e"].referral is not None
                     and month_of(x["first_att"]) == m]
            row["n_started_with_referral"] = len(waits)
            row["wait_days_median"] = median7(waits)
            row["wait_within_6_weeks_pct"] = pct(sum(w <= 42 for w in waits), len(waits))
            row["wait_within_18_weeks_pct"] = pct(sum(w <= 126 for w in waits), len(waits))
            row["_k"], row["_n"] = c["ri"], c["p"]
            rows.append(row)
        spc(rows)
        for r in rows:
            out[(r["month"], g)] = r
    return months, groups, out


def spc(rows):
    live = [r for r in rows if r["_n"] > 0]
    K = sum(r["_k"] for r in live)
    N = sum(r["_n"] for r in live)
    for r in rows:
        for c in ("spc_centre_pct", "spc_lower_pct", "spc_upper_pct") + tuple(BOOL_COLS):
            r[c] = None
    if N == 0:
        return
    p = K / N
    for r in rows:
        r["spc_centre_pct"] = 100.0 * p
    for r in live:
        n = r["_n"]
        h = 3 * math.sqrt(p * (1 - p) / n)
        r["spc_lower_pct"] = max(0.0, min(100.0, 100 * (p - h)))
        r["spc_upper_pct"] = max(0.0, min(100.0, 100 * (p + h)))
        rate = 100.0 * r["_k"] / n
        r["above_limit"] = rate > r["spc_upper_pct"]
        r["below_limit"] = rate < r["spc_lower_pct"]
        for c in ("run_above", "run_below", "trend_up", "trend_down"):
            r[c] = False
    # shift rule: sides relative to the centre line, exact (k*N vs K*n)
    side = [(r["_k"] * N > K * r["_n"]) - (r["_k"] * N < K * r["_n"]) for r in live]
    i = 0
    while i < len(live):
        j = i
        while j + 1 < len(live) and side[j + 1] == side[i]:
            j += 1
        if side[i] != 0 and j - i + 1 >= 7:
            for t in range(i, j + 1):
                live[t]["run_above" if side[i] > 0 else "run_below"] = True
        i = j + 1
    # trend rule: steps between consecutive live months, exact (k_i*n_{i-1} vs k_{i-1}*n_i)
    steps = []
    for t in range(1, len(live)):
        a, b = live[t - 1], live[t]
        x, y = b["_k"] * a["_n"], a["_k"] * b["_n"]
        steps.append((x > y) - (x < y))
    i = 0
    while i < len(steps):
        j = i
        while j + 1 < len(steps) and steps[j + 1] == steps[i]:
            j += 1
        if steps[i] != 0 and j - i + 1 >= 6:
            for t in range(i, j + 2):  # steps i..j join months i..j+1
                live[t]["trend_up" if steps[i] > 0 else "trend_down"] = True
        i = j + 1


# ---------------------------------------------------------------- comparison
def cmp_cell(col, exp, act):
    return cell_agrees(col, exp, act, COUNT_COLS, BOOL_COLS, TEXT_COLS)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input_dir")
    parser.add_argument("report_dir")
    parser.add_argument("--series-months", type=int, default=24)
    parser.add_argument("--instruments", default=BUNDLED_INSTRUMENTS)
    args = parser.parse_args(argv[1:])
    input_dir, report_dir, instruments_file = args.input_dir, args.report_dir, args.instruments
    S = args.series_months
    with open(os.path.join(report_dir, "run.json"), encoding="utf-8") as f:
        run = json.load(f)
    params = run.get("parameters", {})
    approaches = run.get("approaches") or params.get("approaches", "DBT,CPT,ACT,PE").split(",")
    primary = run.get("primary_instrument") or params.get("primary-instrument", "pcl5")
    if params.get("series-months") and int(params["series-months"]) != S:
        print(f"note: run.json says series-months={params['series-months']}, checking with --series-months {S}")
    inst_all = load_instruments(run, instruments_file)
    inst = inst_all[primary]

    with open(os.path.join(report_dir, "csv", "monthly_series.csv"), newline="", encoding="utf-8-sig") as f:
        rdr = csv.reader(f)
        header = next(rdr)
        java_rows = [r for r in rdr if r]
    M = parse_ym(params["month"]) if params.get("month") else parse_ym(java_rows[-1][0])

    episodes, counts = build(input_dir, report_dir, approaches, primary)
    mism = []
    # cross-check the counts with run.json
    for inp in run.get("inputs", []):
        if inp["file"] == "intake.csv":
            pairs = [("intake rows read", counts["intake_read"], inp["rows_read"]),
                     ("intake rows accepted", counts["intake_accepted"], inp["rows_accepted"]),
                     ("intake duplicates", 0, inp["rows_duplicate"])]
        elif inp["file"] == "sessions.csv":
            pairs = [("sessions rows read", counts["sessions_read"], inp["rows_read"]),
                     ("sessions rows accepted", counts["sessions_accepted"], inp["rows_accepted"]),
                     ("sessions exact duplicates", counts["sessions_duplicates"], inp["rows_duplicate"])]
        else:
            continue
        for name, mine, theirs in pairs:
            print(f"{name}: mine {mine}, run.json {theirs}" + ("" if mine == theirs else "  <-- DIFFERENT"))
            if mine != theirs:
                mism.append(("run.json", name, mine, theirs))

    if header != COLUMNS:
        mism.append(("header", "columns", ",".join(COLUMNS), ",".join(header)))
    # approach order as it appears in the CSV
    csv_groups = []
    for r in java_rows:
        if len(r) > 1 and r[1] not in csv_groups:
            csv_groups.append(r[1])
    if csv_groups != list(approaches) + ["ALL"]:
        mism.append(("rows", "approach order", ",".join(list(approaches) + ["ALL"]), ",".join(csv_groups)))
    groups_to_compute = [g for g in csv_groups if g != "ALL"]
    for a in approaches:
        if a not in groups_to_compute:
            groups_to_compute.append(a)
    months, groups, exp = compute(episodes, inst, groups_to_compute, M, S)
    order_exp = [(ym_str(m), g) for m in months for g in groups_to_compute + ["ALL"]]
    order_act = [(r[0], r[1] if len(r) > 1 else "") for r in java_rows]
    if order_exp != order_act:
        mism.append(("rows", "row keys/order", f"{len(order_exp)} rows {order_exp[:2]}..{order_exp[-1:]}",
                     f"{len(order_act)} rows {order_act[:2]}..{order_act[-1:]}"))
    cidx = {c: i for i, c in enumerate(header)}
    rows_cmp = cells_cmp = 0
    for r in java_rows:
        key = (r[0], r[1] if len(r) > 1 else "")
        e = exp.get(key)
        if e is None:
            mism.append((key, "row", "(no such row expected)", ",".join(r)))
            continue
        rows_cmp += 1
        for c in COLUMNS:
            if c not in cidx:
                continue
            a = r[cidx[c]] if cidx[c] < len(r) else ""
            cells_cmp += 1
            if not cmp_cell(c, e[c], a):
                mism.append((f"{key[0]} {key[1]}", c, fmt(e[c]), a))
    print(f"report month {ym_str(M)}, series months {S}, approaches {','.join(groups_to_compute)},ALL; "
          f"primary {primary} (RC {inst['rc']}, cut-off {inst['cutoff']})")
    print(f"rows compared: {rows_cmp} (expected {len(order_exp)}, in CSV {len(java_rows)})")
    print(f"cells compared: {cells_cmp}")
    print(f"mismatches: {len(mism)}")
    for m in mism[:20]:
        print("  row=%s column=%s expected=%s actual=%s" % m)
    return 1 if mism else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
