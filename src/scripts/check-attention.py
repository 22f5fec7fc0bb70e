#!/usr/bin/env python3
"""Independent check of csv/expected_recovery.csv, csv/expected_recovery_check.csv and
csv/attention.csv of a monthly report (MONITORING.md "Expected recovery", "How well the flag
predicts", "Attention list", readings 21-41 and 48; METRICS.md cohort order and reliable change;
DATA.md for which rows count). Written from the contract, not from the Java code.

Usage: python3 check-attention.py INPUT_DIR REPORT_DIR [--instruments FILE]
The report month M, --expected-min-n and --contact-days come from REPORT_DIR/run.json.
Standard library only. Exit 0 when every compared cell matches, 1 on any mismatch, 2 on usage or
input errors.

L = last day of M. Scores of an episode on an instrument: its attended sessions carrying it,
ordered by date, session number (blank first), line (METRICS.md); x = first score, y_k = k-th.
- Reference episodes (21): accepted, discharge_date <= L, >= 2 scores on the instrument.
- Model at k = 2..20 (22-25, 29): the reference episodes with >= k scores, n_k >= max(min_n, 3)
  and not all x equal: OLS y_k = a_k + b_k x, s_k = sqrt(sum (y_k - a_k - b_k x)^2 / (n_k - 2)).
  E_k(x) = a_k + b_k x; T_k(x) = E_k(x) + 1.2816 s_k (higher is worse), E_k(x) - 1.2816 s_k
  (higher is better).
- Open at the end of M (27): intake <= L and no discharge or discharge > L. Its scores dated <= L,
  k = their number, judged when k >= 2 and a model exists at min(k, 20) (no borrowing, 25, 26);
  not on track when y_last > T (y_last < T if higher is better), strictly (24, 28).
- Two-fold check (30-34): fold = CRC32(client_id UTF-8) mod 2; each fold's reference episodes with
  >= 4 scores are judged at their 3rd score by the other fold's model at k = 3 (same min n);
  outcome RI / RD baseline to final (reduction >= RC / -reduction >= RC). Rates:
  flagged&~RI/flagged, ~flagged&~RI/~flagged, flagged&~RI/~RI, ~flagged&RI/RI, flagged&RD/RD.
- Attention list (36-41), sessions dated <= L only (37): deteriorated (latest vs baseline an RD,
  >= 2 scores, 38), not_on_track, no_recent_session (intake <= L - C and no attended session
  dated L-C+1..L, C = contact-days; reading 36 with C for its "30"), no_measure (>= 3 attended
  sessions and < 2 primary scores). Sorted by the most urgent reason's rank, clinician_id,
  client_id (code point, 40).
- Suppression on (48): attention.csv must be absent; expected_recovery.csv unchanged except that a
  model with n_k of 1-10 (possible only with --expected-min-n < 11) is no row; the check file
  follows METRICS.md: counts 1-10 as <11, a rate empty when its numerator or denominator is 1-10,
  and unflagged_no_ri_pct also when n_flagged is 1-10 (derivable). These two suppression details
  are this checker's reading: the contract does not spell them out.
Numbers agree within 1e-6 absolute (outcome_inputs.cell_agrees); texts, counts, row sets and row
order exactly. A flag decided within 1e-6 of its threshold is printed as a note (float-sensitive).
"""
import calendar
import csv
import datetime as dt
import json
import math
import os
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from outcome_inputs import cell_agrees, fmt, read_episodes, report_arguments  # noqa: E402

Z_TRACK = 1.2816  # literal (reading 28)
K_MAX = 20
REASONS = ("deteriorated", "not_on_track", "no_recent_session", "no_measure")
ER_COLUMNS = "instrument,k,n,intercept,slope,residual_sd".split(",")
CHECK_COLUMNS = ("instrument,n_judged,n_flagged,flagged_no_ri_pct,unflagged_no_ri_pct,"
                 "sensitivity_no_ri_pct,specificity_no_ri_pct,deteriorated_flagged_pct").split(",")
ATT_COLUMNS = ("client_id,approach,clinician_id,intake_date,last_attended,attended_sessions,reasons,"
               "instruments_deteriorated,instruments_not_on_track,primary_baseline,primary_latest,"
               "primary_expected,primary_threshold").split(",")
COUNT_COLS = {"k", "n", "n_judged", "n_flagged", "attended_sessions"}
TEXT_COLS = {"instrument", "client_id", "approach", "clinician_id", "intake_date", "last_attended",
             "reasons", "instruments_deteriorated", "instruments_not_on_track"}


def load_instruments(run, path):
    """[(key, dict(rc, hib))] in file order; run.json's instrument_configuration wins when present."""
    order, inst = [], {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r["reliable_change"].strip():
                rc = float(r["reliable_change"])
            else:
                rc = 1.96 * float(r["rc_sd"]) * math.sqrt(2 * (1 - float(r["rc_reliability"])))
            key = r["key"].strip()
            order.append(key)
            inst[key] = dict(rc=rc, hib=r["higher_is_better"].strip().lower() == "true")
    conf = (run.get("instrument_configuration") or {}).get("instruments")
    if conf:
        if [c["key"] for c in conf] != order:
            print(f"note: run.json instruments differ from {path}; using run.json")
            order = [c["key"] for c in conf]
        for c in conf:
            mine = inst.get(c["key"])
            if mine is None or abs(mine["rc"] - c["reliable_change"]) > 1e-9 or mine["hib"] != c["higher_is_better"]:
                print(f"note: run.json instrument {c['key']} differs from {path}; using run.json")
                inst[c["key"]] = dict(rc=c["reliable_change"], hib=c["higher_is_better"])
    return [(k, inst[k]) for k in order]


# ---------------------------------------------------------------- model
def scores(e, key, until=None):
    """The episode's scores on key in METRICS.md order, sessions dated <= until only if given."""
    sc = [(d, -1 if sn is None else sn, line, s[key]) for (d, sn, line, att, s) in e.sessions
          if att and key in s and (until is None or d <= until)]
    sc.sort(key=lambda t: t[:3])
    return [t[3] for t in sc]


def fit(series, min_n):
    """{k: (n, a, b, s)} from the score lists of the reference episodes (readings 22-25)."""
    models = {}
    for k in range(2, K_MAX + 1):
        pts = [(sc[0], sc[k - 1]) for sc in series if len(sc) >= k]
        n = len(pts)
        if n < max(min_n, 3) or len({x for x, _ in pts}) == 1:
            continue
        mx = math.fsum(x for x, _ in pts) / n
        my = math.fsum(y for _, y in pts) / n
        sxx = math.fsum((x - mx) ** 2 for x, _ in pts)
        sxy = math.fsum((x - mx) * (y - my) for x, y in pts)
        b = sxy / sxx
        a = my - b * mx
        s = math.sqrt(math.fsum((y - a - b * x) ** 2 for x, y in pts) / (n - 2))
        models[k] = (n, a, b, s)
    return models


def judge(model, x, y, hib):
    """(E, T, not on track, |y - T| for the borderline note)."""
    _, a, b, s = model
    ex = a + b * x
    t = ex - Z_TRACK * s if hib else ex + Z_TRACK * s
    return ex, t, (y < t if hib else y > t), abs(y - t)


def change(sc, inst):
    red = (sc[-1] - sc[0]) if inst["hib"] else (sc[0] - sc[-1])
    return red >= inst["rc"], -red >= inst["rc"]


def pct(k, n):
    return None if n == 0 else 100.0 * k / n


def expected(episodes, insts, primary, L, min_n, contact_days):
    borderline = []
    refs = [e for e in episodes.values() if e.discharge is not None and e.discharge <= L]
    models, er_rows, check_rows, n_ref, fold_n3 = {}, [], [], {}, {}
    for key, inst in insts:
        series = [(e, sc) for e in refs for sc in [scores(e, key)] if len(sc) >= 2]
        n_ref[key] = len(series)
        models[key] = fit([sc for _, sc in series], min_n)
        for k in sorted(models[key]):
            n, a, b, s = models[key][k]
            er_rows.append(dict(instrument=key, k=k, n=n, intercept=a, slope=b, residual_sd=s))
        # two-fold check
        fold = {e.client: (zlib.crc32(e.client.encode("utf-8")) & 0xFFFFFFFF) % 2 for e, _ in series}
        fm = [fit([sc for e, sc in series if fold[e.client] == f], min_n) for f in (0, 1)]
        fold_n3[key] = [sum(1 for e, sc in series if fold[e.client] == f and len(sc) >= 3) for f in (0, 1)]
        judged = []  # (flagged, ri, rd)
        for e, sc in series:
            m3 = fm[1 - fold[e.client]].get(3)
            if len(sc) < 4 or m3 is None:
                continue
            _, _, flag, gap = judge(m3, sc[0], sc[2], inst["hib"])
            if gap < 1e-6:
                borderline.append(("check", e.client, key, gap))
            judged.append((flag,) + change(sc, inst))
        def cnt(pred):
            return sum(1 for flag, ri, rd in judged if pred(flag, ri, rd))
        fl = cnt(lambda f, i, d: f)
        fl_nri = cnt(lambda f, i, d: f and not i)
        row = dict(instrument=key, n_judged=len(judged), n_flagged=fl,  # rates as (numerator, denominator)
                   flagged_no_ri_pct=(fl_nri, fl),
                   unflagged_no_ri_pct=(cnt(lambda f, i, d: not f and not i), len(judged) - fl),
                   sensitivity_no_ri_pct=(fl_nri, cnt(lambda f, i, d: not i)),
                   specificity_no_ri_pct=(cnt(lambda f, i, d: not f and i), cnt(lambda f, i, d: i)),
                   deteriorated_flagged_pct=(cnt(lambda f, i, d: f and d), cnt(lambda f, i, d: d)))
        check_rows.append(row)

    # attention list
    att_rows = []
    for e in episodes.values():
        if not (e.intake <= L and (e.discharge is None or e.discharge > L)):
            continue
        attended = sorted(d for (d, sn, line, att, s) in e.sessions if att and d <= L)
        det, not_on_track, prim = [], [], {}
        for key, inst in insts:
            sc = scores(e, key, L)
            if len(sc) >= 2 and change(sc, inst)[1]:
                det.append(key)
            m = models[key].get(min(len(sc), K_MAX)) if len(sc) >= 2 else None
            jd = judge(m, sc[0], sc[-1], inst["hib"]) if m else None
            if jd and jd[2]:
                not_on_track.append(key)
            if jd and jd[3] < 1e-6:
                borderline.append(("attention", e.client, key, jd[3]))
            if key == primary:
                prim = dict(primary_baseline=sc[0] if sc else None, primary_latest=sc[-1] if sc else None,
                            primary_expected=jd[0] if jd else None, primary_threshold=jd[1] if jd else None,
                            n=len(sc))
        reasons = []
        if det:
            reasons.append(REASONS[0])
        if not_on_track:
            reasons.append(REASONS[1])
        since = L - dt.timedelta(days=contact_days - 1)
        if e.intake <= L - dt.timedelta(days=contact_days) and not any(since <= d for d in attended):
            reasons.append(REASONS[2])
        if len(attended) >= 3 and prim.get("n", 0) < 2:
            reasons.append(REASONS[3])
        if not reasons:
            continue
        row = dict(client_id=e.client, approach=e.approach, clinician_id=e.clinician,
                   intake_date=e.intake.isoformat(),
                   last_attended=attended[-1].isoformat() if attended else None,
                   attended_sessions=len(attended), reasons=";".join(reasons),
                   instruments_deteriorated=";".join(det) or None,
                   instruments_not_on_track=";".join(not_on_track) or None)
        row.update({c: prim.get(c) for c in ATT_COLUMNS[9:]})
        row["_rank"] = REASONS.index(reasons[0])
        att_rows.append(row)
    att_rows.sort(key=lambda r: (r["_rank"], r["clinician_id"], r["client_id"]))
    return dict(er=er_rows, check=check_rows, att=att_rows, n_ref=n_ref, models=models,
                borderline=borderline, fold_n3=fold_n3)


def small(v, suppressed):
    return suppressed and 1 <= v <= 10


def check_values(row, suppressed):
    """The expected cells of a check row; with suppression counts 1-10 are <11 and a rate with a
    numerator or denominator of 1-10 is empty, and so is unflagged_no_ri_pct when n_flagged is
    (its denominator n_judged - n_flagged would give the hidden count away)."""
    out = {}
    for c in CHECK_COLUMNS:
        v = row[c]
        if isinstance(v, tuple):
            num, den = v
            hide = small(num, suppressed) or small(den, suppressed) or \
                (c == "unflagged_no_ri_pct" and small(row["n_flagged"], suppressed))
            out[c] = None if hide else pct(num, den)
        elif c in ("n_judged", "n_flagged") and small(v, suppressed):
            out[c] = "<11"
        else:
            out[c] = v
    return out


# ---------------------------------------------------------------- comparison
def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rdr = csv.reader(f)
        header = next(rdr, [])
        return header, [r for r in rdr if r]


def compare(name, path, columns, exp_rows, keycols, mism, stats):
    """Header, row keys and order, then every cell of the rows whose key matches."""
    if not os.path.exists(path):
        mism.append((name, "-", "file", "(present)", "(missing)"))
        return
    hdr, rows = read_csv(path)
    if hdr != columns:
        mism.append((name, "header", "columns", ",".join(columns), ",".join(hdr)))
    ci = {c: j for j, c in enumerate(hdr)}
    if any(c not in ci for c in keycols):
        return
    key = lambda r: " ".join(str(r[c]) for c in keycols)  # noqa: E731
    exp = {key(r): r for r in exp_rows}
    exp_keys = [key(r) for r in exp_rows]
    act_keys = [" ".join(r[ci[c]] for c in keycols) for r in rows]
    for k in [k for k in exp_keys if k not in set(act_keys)][:20]:
        mism.append((name, k, "row", "(expected)", "(missing)"))
    for k in [k for k in act_keys if k not in exp][:20]:
        mism.append((name, k, "row", "(not expected)", "(present)"))
    common_e = [k for k in exp_keys if k in set(act_keys)]
    common_a = [k for k in act_keys if k in exp]
    if common_e != common_a:  # the order of the rows present in both
        i = next(j for j, (a, b) in enumerate(zip(common_e, common_a)) if a != b)
        mism.append((name, f"position {i + 1} of the common rows", "row order", common_e[i], common_a[i]))
    nrows = ncells = 0
    for r, k in zip(rows, act_keys):
        e = exp.get(k)
        if e is None:
            continue
        nrows += 1
        for c in columns:
            if c not in ci:
                continue
            a = r[ci[c]] if ci[c] < len(r) else ""
            ncells += 1
            ok = e[c] == a if isinstance(e[c], str) else cell_agrees(c, e[c], a, COUNT_COLS, set(), TEXT_COLS)
            if not ok:
                mism.append((name, k, c, fmt(e[c]), a))
    stats.append(f"{name}: {nrows} rows compared (expected {len(exp_rows)}, in CSV {len(rows)}), {ncells} cells")


def main(argv):
    try:
        args, run = report_arguments(__doc__, argv)
        params = run["parameters"]
        y, m = (int(v) for v in params["month"].split("-"))
        L = dt.date(y, m, calendar.monthrange(y, m)[1])
        min_n = int(params.get("expected-min-n", 30))
        contact_days = int(params.get("contact-days", 30))
        approaches = run.get("approaches") or params.get("approaches", "DBT,CPT,ACT,PE").split(",")
        primary = run.get("primary_instrument") or params.get("primary-instrument", "pcl5")
        suppressed = str(params.get("suppression", "false")).lower() == "true"
        insts = load_instruments(run, args.instruments)
        episodes, counts = read_episodes(args.input_dir, args.report_dir, approaches, [k for k, _ in insts])
    except (OSError, KeyError, ValueError) as ex:
        print(f"error: {type(ex).__name__}: {ex}", file=sys.stderr)
        return 2

    mism, stats = [], []
    for inp in run.get("inputs", []):
        pairs = {"intake.csv": [("intake accepted", counts["intake_accepted"], inp["rows_accepted"])],
                 "sessions.csv": [("sessions accepted", counts["sessions_accepted"], inp["rows_accepted"]),
                                  ("sessions duplicates", counts["sessions_duplicates"], inp["rows_duplicate"])]}
        for name, mine, theirs in pairs.get(inp["file"], []):
            if mine != theirs:
                mism.append(("run.json", name, "count", mine, theirs))

    X = expected(episodes, insts, primary, L, min_n, contact_days)
    csvdir = os.path.join(args.report_dir, "csv")
    er = [r for r in X["er"] if not small(r["n"], suppressed)]
    if len(er) < len(X["er"]):
        stats.append(f"expected_recovery.csv: suppression on, {len(X['er']) - len(er)} models with n 1-10 "
                     "not expected as rows (beyond reading 48, which assumes n >= 30)")
    compare("expected_recovery.csv", os.path.join(csvdir, "expected_recovery.csv"), ER_COLUMNS, er,
            ["instrument", "k"], mism, stats)
    compare("expected_recovery_check.csv", os.path.join(csvdir, "expected_recovery_check.csv"), CHECK_COLUMNS,
            [check_values(r, suppressed) for r in X["check"]], ["instrument"], mism, stats)
    att_path = os.path.join(csvdir, "attention.csv")
    if suppressed:
        if os.path.exists(att_path):
            mism.append(("attention.csv", "-", "file", "(not written with suppression, reading 48)", "(present)"))
        stats.append("attention.csv: suppression on, " + ("PRESENT" if os.path.exists(att_path) else "absent as expected"))
    else:
        compare("attention.csv", att_path, ATT_COLUMNS, X["att"], ["client_id"], mism, stats)

    print(f"report month {params['month']} (L = {L}); expected-min-n {min_n}; contact-days {contact_days}; "
          f"primary {primary}; suppression {'on' if suppressed else 'off'}")
    print("reference episodes: " + ", ".join(f"{k} {n} (models k={','.join(map(str, sorted(X['models'][k]))) or '-'})"
                                             for k, n in X["n_ref"].items()))
    print("two-fold check, episodes with >= 3 scores per fold (a fold model at k = 3 needs "
          f"max(min n, 3) = {max(min_n, 3)}): " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in X["fold_n3"].items()))
    reasons = {r: sum(r in a["reasons"].split(";") for a in X["att"]) for r in REASONS}
    print(f"attention (expected): {len(X['att'])} rows; " + ", ".join(f"{r} {n}" for r, n in reasons.items()))
    for b in X["borderline"]:
        print("note: borderline flag (|y - T| < 1e-6): %s client %s instrument %s gap %g" % b)
    for s in stats:
        print(s)
    print(f"mismatches: {len(mism)}")
    for mm in mism[:50]:
        print("  file=%s row=%s column=%s expected=%s actual=%s" % mm)
    return 1 if mism else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
