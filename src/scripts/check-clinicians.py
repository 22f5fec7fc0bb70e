#!/usr/bin/env python3
"""Independent check of csv/clinicians.csv, the no-reliable-change columns of
csv/outcomes_by_approach.csv and the category column of csv/episode_outcomes.csv
(MONITORING.md "Clinicians, fuller view", readings 6-7, 27, 42-46; METRICS.md cohort, per episode,
per group "No reliable change", "Clinicians and subgroups"; REPORTS.md columns).

Usage: python3 check-clinicians.py INPUT_DIR REPORT_DIR [--instruments FILE]
Standard library only. Exit 0 when every compared cell matches, 1 on any mismatch, 2 on usage errors.

The input reading (accepted rows = lines not in rejects.csv, exact duplicate sessions dropped,
PCL-5 total from its items, score order date / session number (blank first) / line) follows
src/scripts/check-monthly-series.py (the file reading is outcome_inputs.py, shared with it),
extended to every configured instrument.
"""
import csv
import datetime as dt
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from outcome_inputs import cell_agrees, fmt, read_episodes, report_arguments  # noqa: E402

Z_FUNNEL = (1.96, 3.09)  # literal z values of the funnel limits (METRICS.md)
CLIN_COLUMNS = ("clinician_id,instrument,n_closed,n_paired,change_mean,n_reliable_improvement,"
                "reliable_improvement_pct,n_cases,n_recovered,recovery_pct,"
                "practice_reliable_improvement_pct,funnel_95_low,funnel_95_high,funnel_998_low,"
                "funnel_998_high,n_open,n_dropout,dropout_pct,n_reliable_deterioration,"
                "reliable_deterioration_pct,measured_pct,practice_dropout_pct,dropout_funnel_95_low,"
                "dropout_funnel_95_high,dropout_funnel_998_low,dropout_funnel_998_high,"
                "reliable_improvement_band,dropout_band").split(",")
APPROACH_CHECK = ["n_closed", "n_paired", "n_reliable_improvement", "n_reliable_deterioration",
                  "n_no_reliable_change", "no_reliable_change_pct"]
EPISODE_CHECK = ["approach", "clinician_id", "baseline", "final", "n_scores", "reliable_improvement",
                 "reliable_deterioration", "recovered", "reliable_recovery", "category"]
COUNT_COLS = {"n_closed", "n_paired", "n_reliable_improvement", "n_cases", "n_recovered", "n_open",
              "n_dropout", "n_reliable_deterioration", "n_no_reliable_change", "n_scores"}
TEXT_COLS = {"clinician_id", "instrument", "approach", "reliable_improvement_band", "dropout_band",
             "category"}
BOOL_COLS = {"reliable_improvement", "reliable_deterioration", "recovered", "reliable_recovery"}


# ---------------------------------------------------------------- reading the inputs: outcome_inputs.py
def load_instruments(run, instruments_file):
    """ordered list of (key, dict(cutoff, rc, hib)); run.json's configuration wins when present."""
    inst = {}
    order = []
    with open(instruments_file, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            key = r["key"].strip()
            cutoff = float(r["cutoff"]) if r["cutoff"].strip() else None
            if r["reliable_change"].strip():
                rc = float(r["reliable_change"])
            else:
                rc = 1.96 * float(r["rc_sd"]) * math.sqrt(2 * (1 - float(r["rc_reliability"])))
            inst[key] = dict(cutoff=cutoff, rc=rc, hib=r["higher_is_better"].strip().lower() == "true")
            order.append(key)
    conf = (run.get("instrument_configuration") or {}).get("instruments")
    if conf:
        conf_order = [c["key"] for c in conf]
        if conf_order != order:
            print(f"note: run.json instruments {conf_order} differ from {instruments_file}; using run.json")
            order = conf_order
        for c in conf:
            mine = inst.get(c["key"])
            if mine is None or abs(mine["rc"] - c["reliable_change"]) > 1e-9 or mine["cutoff"] != c["cutoff"] \
                    or mine["hib"] != c["higher_is_better"]:
                print(f"note: run.json instrument {c['key']} differs from {instruments_file}; using run.json")
                inst[c["key"]] = dict(cutoff=c["cutoff"], rc=c["reliable_change"], hib=c["higher_is_better"])
    return [(k, inst[k]) for k in order]


# ---------------------------------------------------------------- model
def outcome(e, key, inst):
    """METRICS.md per episode and instrument; None without paired scores."""
    sc = [(d, -1 if sn is None else sn, line, s[key]) for (d, sn, line, att, s) in e.sessions
          if att and key in s]
    if len(sc) < 2:
        return None
    sc.sort(key=lambda x: (x[0], x[1], x[2]))
    base, final = sc[0][3], sc[-1][3]
    red = (final - base) if inst["hib"] else (base - final)
    ri = red >= inst["rc"]
    rd = -red >= inst["rc"]
    cut = inst["cutoff"]
    if cut is None:
        case = rec = rrec = None
    else:
        clin = (lambda x: x <= cut) if inst["hib"] else (lambda x: x >= cut)
        case = clin(base)
        rec = case and not clin(final)
        rrec = rec and ri
    if rrec:
        cat = "recovered"
    elif ri:
        cat = "improved"
    elif rd:
        cat = "deteriorated"
    else:
        cat = "unchanged"
    return dict(baseline=base, final=final, change=final - base, n_scores=len(sc), ri=ri, rd=rd,
                case=case, rec=rec, rrec=rrec, category=cat)


def pct(k, n):
    return None if n == 0 else 100.0 * k / n


def funnel(p, n, z):
    """100 x (p +- z sqrt(p(1-p)/n)) clamped; p a fraction or None."""
    if p is None or n == 0:
        return None, None
    h = z * math.sqrt(p * (1 - p) / n)
    return max(0.0, min(100.0, 100 * (p - h))), max(0.0, min(100.0, 100 * (p + h)))


def band(rate, lim95, lim998):
    if rate is None or lim95[0] is None:
        return None
    if rate > lim998[1]:
        return "above_99.8"
    if rate > lim95[1]:
        return "above_95"
    if rate < lim998[0]:
        return "below_99.8"
    if rate < lim95[0]:
        return "below_95"
    return "within"


# ---------------------------------------------------------------- expected tables
def expected(episodes, insts, approaches, primary, w_from, w_to):
    cohort = [e for e in episodes.values() if e.discharge is not None and w_from <= e.discharge <= w_to]
    outs = {}  # (client, key) -> outcome
    for e in cohort:
        for key, inst in insts:
            o = outcome(e, key, inst)
            if o is not None:
                outs[(e.client, key)] = o

    # episode_outcomes.csv
    ep_rows = {}
    ep_order = []
    for a in approaches:
        for key, inst in insts:
            for e in sorted((x for x in cohort if x.approach == a), key=lambda x: x.client):
                o = outs.get((e.client, key))
                if o is None:
                    continue
                ep_order.append((e.client, key))
                ep_rows[(e.client, key)] = dict(
                    approach=e.approach, clinician_id=e.clinician, baseline=o["baseline"], final=o["final"],
                    n_scores=o["n_scores"], reliable_improvement=o["ri"], reliable_deterioration=o["rd"],
                    recovered=o["rec"], reliable_recovery=o["rrec"], category=o["category"])

    # outcomes_by_approach.csv
    appr = {}
    for g in list(approaches) + ["ALL"]:
        mem = [e for e in cohort if g == "ALL" or e.approach == g]
        for key, inst in insts:
            po = [outs[(e.client, key)] for e in mem if (e.client, key) in outs]
            nrc = sum(1 for o in po if not o["ri"] and not o["rd"])
            appr[(g, key)] = dict(n_closed=len(mem), n_paired=len(po),
                                  n_reliable_improvement=sum(o["ri"] for o in po),
                                  n_reliable_deterioration=sum(o["rd"] for o in po),
                                  n_no_reliable_change=nrc, no_reliable_change_pct=pct(nrc, len(po)))

    # clinicians.csv
    pinst = dict(insts)[primary]
    has_cut = pinst["cutoff"] is not None

    def is_open(e):  # reading 27, at the end of the window
        return e.intake <= w_to and (e.discharge is None or e.discharge > w_to)

    clins = sorted({e.clinician for e in cohort} | {e.clinician for e in episodes.values() if is_open(e)})
    prac_paired = [outs[(e.client, primary)] for e in cohort if (e.client, primary) in outs]
    p_ri = None if not prac_paired else sum(o["ri"] for o in prac_paired) / len(prac_paired)
    q_do = None if not cohort else sum(e.reason == "dropout" for e in cohort) / len(cohort)
    clin_rows = {}
    for c in clins:
        closed = [e for e in cohort if e.clinician == c]
        po = [outs[(e.client, primary)] for e in closed if (e.client, primary) in outs]
        n, nc = len(po), len(closed)
        k_ri = sum(o["ri"] for o in po)
        k_rd = sum(o["rd"] for o in po)
        k_do = sum(e.reason == "dropout" for e in closed)
        att = [s for e in episodes.values() if e.clinician == c for s in e.sessions
               if s[3] and w_from <= s[0] <= w_to]
        r = dict(clinician_id=c, instrument=primary, n_closed=nc, n_paired=n,
                 change_mean=(sum(o["change"] for o in po) / n) if n else None,
                 n_reliable_improvement=k_ri, reliable_improvement_pct=pct(k_ri, n))
        if has_cut:
            cases = sum(bool(o["case"]) for o in po)
            recs = sum(bool(o["rec"]) for o in po)
            r.update(n_cases=cases, n_recovered=recs, recovery_pct=pct(recs, cases))
        else:
            r.update(n_cases=None, n_recovered=None, recovery_pct=None)
        r["practice_reliable_improvement_pct"] = None if p_ri is None else 100 * p_ri
        f95, f998 = funnel(p_ri, n, Z_FUNNEL[0]), funnel(p_ri, n, Z_FUNNEL[1])
        r["funnel_95_low"], r["funnel_95_high"] = f95
        r["funnel_998_low"], r["funnel_998_high"] = f998
        r["n_open"] = sum(1 for e in episodes.values() if e.clinician == c and is_open(e))
        r["n_dropout"] = k_do
        r["dropout_pct"] = pct(k_do, nc)
        r["n_reliable_deterioration"] = k_rd
        r["reliable_deterioration_pct"] = pct(k_rd, n)
        r["measured_pct"] = pct(sum(1 for s in att if primary in s[4]), len(att))
        r["practice_dropout_pct"] = None if q_do is None else 100 * q_do
        d95, d998 = funnel(q_do, nc, Z_FUNNEL[0]), funnel(q_do, nc, Z_FUNNEL[1])
        r["dropout_funnel_95_low"], r["dropout_funnel_95_high"] = d95
        r["dropout_funnel_998_low"], r["dropout_funnel_998_high"] = d998
        r["reliable_improvement_band"] = band(r["reliable_improvement_pct"], f95, f998)
        r["dropout_band"] = band(r["dropout_pct"], d95, d998)
        clin_rows[c] = r
    return dict(cohort=len(cohort), ep_rows=ep_rows, ep_order=ep_order, appr=appr, clins=clins,
                clin_rows=clin_rows, p_ri=p_ri, q_do=q_do)


# ---------------------------------------------------------------- comparison
def cmp_cell(col, exp, act):
    return cell_agrees(col, exp, act, COUNT_COLS, BOOL_COLS, TEXT_COLS)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rdr = csv.reader(f)
        header = next(rdr)
        return header, [r for r in rdr if r]


class Tally:
    def __init__(self):
        self.mism = []
        self.rows = {}
        self.cells = {}

    def cell(self, table, key, col, exp, act):
        self.cells[table] = self.cells.get(table, 0) + 1
        if not cmp_cell(col, exp, act):
            self.mism.append((table, key, col, fmt(exp), act))


def main(argv):
    args, run = report_arguments(__doc__, argv)
    input_dir, report_dir, instruments_file = args.input_dir, args.report_dir, args.instruments
    params = run.get("parameters", {})
    approaches = run.get("approaches") or params.get("approaches", "DBT,CPT,ACT,PE").split(",")
    primary = run.get("primary_instrument") or params.get("primary-instrument", "pcl5")
    insts = load_instruments(run, instruments_file)
    keys = [k for k, _ in insts]

    # the window: 12 (window-months) calendar months ending with the report month
    y, m = (int(x) for x in params["month"].split("-"))
    wm = int(params.get("window-months", 12))
    t = y * 12 + (m - 1) - (wm - 1)
    w_from = dt.date(t // 12, t % 12 + 1, 1)
    nxt = y * 12 + m
    w_to = dt.date(nxt // 12, nxt % 12 + 1, 1) - dt.timedelta(days=1)
    win = run.get("window") or {}
    if win and (win.get("from") != w_from.isoformat() or win.get("to") != w_to.isoformat()):
        print(f"note: run.json window {win} differs from mine {w_from}..{w_to}")

    episodes, counts = read_episodes(input_dir, report_dir, approaches, keys)
    T = Tally()
    for inp in run.get("inputs", []):
        if inp["file"] == "intake.csv":
            pairs = [("intake accepted", counts["intake_accepted"], inp["rows_accepted"])]
        elif inp["file"] == "sessions.csv":
            pairs = [("sessions accepted", counts["sessions_accepted"], inp["rows_accepted"]),
                     ("sessions exact duplicates", counts["sessions_duplicates"], inp["rows_duplicate"])]
        else:
            continue
        for name, mine, theirs in pairs:
            if mine != theirs:
                T.mism.append(("run.json", name, "count", mine, theirs))

    X = expected(episodes, insts, approaches, primary, w_from, w_to)
    csvdir = os.path.join(report_dir, "csv")

    # 1. clinicians.csv
    hdr, rows = read_csv(os.path.join(csvdir, "clinicians.csv"))
    if hdr != CLIN_COLUMNS:
        T.mism.append(("clinicians", "header", "columns", ",".join(CLIN_COLUMNS), ",".join(hdr)))
    ci = {c: j for j, c in enumerate(hdr)}
    act_keys = [r[ci["clinician_id"]] for r in rows]
    if act_keys != X["clins"]:
        T.mism.append(("clinicians", "rows", "clinician ids/order", ",".join(X["clins"]), ",".join(act_keys)))
    nrow = 0
    for r in rows:
        c = r[ci["clinician_id"]]
        e = X["clin_rows"].get(c)
        if e is None:
            T.mism.append(("clinicians", c, "row", "(no row expected)", ",".join(r)))
            continue
        nrow += 1
        for col in CLIN_COLUMNS:
            if col in ci:
                T.cell("clinicians", c, col, e[col], r[ci[col]] if ci[col] < len(r) else "")
    T.rows["clinicians"] = nrow

    # 2. outcomes_by_approach.csv
    hdr, rows = read_csv(os.path.join(csvdir, "outcomes_by_approach.csv"))
    ci = {c: j for j, c in enumerate(hdr)}
    exp_keys = [(g, k) for g in list(approaches) + ["ALL"] for k in keys]
    act_keys = [(r[ci["approach"]], r[ci["instrument"]]) for r in rows]
    if act_keys != exp_keys:
        T.mism.append(("outcomes_by_approach", "rows", "keys/order", str(exp_keys[:3]) + f"..({len(exp_keys)})",
                       str(act_keys[:3]) + f"..({len(act_keys)})"))
    nrow = 0
    for r in rows:
        key = (r[ci["approach"]], r[ci["instrument"]])
        e = X["appr"].get(key)
        if e is None:
            T.mism.append(("outcomes_by_approach", key, "row", "(no row expected)", ",".join(r)))
            continue
        nrow += 1
        for col in APPROACH_CHECK:
            if col not in ci:
                T.mism.append(("outcomes_by_approach", key, col, "(column)", "(missing)"))
                continue
            T.cell("outcomes_by_approach", "%s %s" % key, col, e[col], r[ci[col]])
    T.rows["outcomes_by_approach"] = nrow

    # 3. episode_outcomes.csv
    hdr, rows = read_csv(os.path.join(csvdir, "episode_outcomes.csv"))
    ci = {c: j for j, c in enumerate(hdr)}
    act_keys = [(r[ci["client_id"]], r[ci["instrument"]]) for r in rows]
    exp_set, act_set = set(X["ep_order"]), set(act_keys)
    for k in sorted(exp_set - act_set)[:20]:
        T.mism.append(("episode_outcomes", "%s %s" % k, "row", "(expected)", "(missing)"))
    for k in sorted(act_set - exp_set)[:20]:
        T.mism.append(("episode_outcomes", "%s %s" % k, "row", "(not expected)", "(present)"))
    if len(exp_set - act_set) + len(act_set - exp_set) > 40:
        T.mism.append(("episode_outcomes", "rows", "row set", f"{len(exp_set)} rows", f"{len(act_set)} rows"))
    order_ok = act_keys == X["ep_order"]
    nrow = 0
    for r in rows:
        key = (r[ci["client_id"]], r[ci["instrument"]])
        e = X["ep_rows"].get(key)
        if e is None:
            continue
        nrow += 1
        for col in EPISODE_CHECK:
            T.cell("episode_outcomes", "%s %s" % key, col, e[col], r[ci[col]])
    T.rows["episode_outcomes"] = nrow

    print(f"window {w_from}..{w_to}; primary {primary}; cohort {X['cohort']} closed episodes; "
          f"practice RI p={X['p_ri']}, dropout q={X['q_do']}")
    print(f"clinicians.csv: {T.rows['clinicians']} rows (expected {len(X['clins'])}), "
          f"{T.cells.get('clinicians', 0)} cells compared")
    print(f"outcomes_by_approach.csv: {T.rows['outcomes_by_approach']} rows (expected {len(exp_keys)}), "
          f"{T.cells.get('outcomes_by_approach', 0)} cells compared ({', '.join(APPROACH_CHECK)})")
    print(f"episode_outcomes.csv: {T.rows['episode_outcomes']} rows matched by key (expected "
          f"{len(exp_set)}, in CSV {len(rows)}), {T.cells.get('episode_outcomes', 0)} cells compared "
          f"({', '.join(EPISODE_CHECK)}); row order (approach, instrument, client id) "
          f"{'as expected' if order_ok else 'DIFFERS (informational)'}")
    cats = {}
    for e in X["ep_rows"].values():
        cats[e["category"]] = cats.get(e["category"], 0) + 1
    print(f"expected categories: {dict(sorted(cats.items()))}")
    bands = {}
    for r in X["clin_rows"].values():
        for b in ("reliable_improvement_band", "dropout_band"):
            bands[(b, r[b])] = bands.get((b, r[b]), 0) + 1
    print("expected bands: " + ", ".join(f"{b}={v}:{n}" for (b, v), n in sorted(bands.items(), key=str)))
    print(f"mismatches: {len(T.mism)}")
    for mm in T.mism[:20]:
        print("  table=%s row=%s column=%s expected=%s actual=%s" % mm)
    return 1 if T.mism else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
