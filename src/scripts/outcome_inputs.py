"""Reading the input files as the independent checkers need them: the records of a CSV with their
physical line numbers, the lines rejects.csv lists, and the cell values (NA, NULL and blanks are
no value), the instrument file, and the statistics helpers (t quantiles, Wilson intervals). Shared
by the check-*.py scripts; standard library only.
"""
import argparse
import csv
import datetime as dt
import json
import math
import os

NO_VALUE = {"", "na", "n/a", "nan", "null"}


def read_records(path, encoding="utf-8-sig", delimiter=","):
    """RFC 4180 records with the physical line on which each starts; blank lines skipped. A file
    that does not decode in encoding raises UnicodeDecodeError."""
    out = []
    with open(path, newline="", encoding=encoding, errors="strict") as f:
        reader = csv.reader(f, delimiter=delimiter)
        prev = 0
        for rec in reader:
            start = prev + 1
            prev = reader.line_num
            if rec == [] or (len(rec) == 1 and rec[0] == ""):
                continue
            out.append((start, rec))
    return out


def read_rejects(report_dir):
    rej = {}
    with open(os.path.join(report_dir, "rejects.csv"), newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            rej.setdefault(row["file"], set()).add(int(row["line"]))
    return rej


def accepted_rows(path, rejected_lines):
    recs = read_records(path)
    header = [h.strip().lower() for h in recs[0][1]]
    rows = []
    for line, rec in recs[1:]:
        if line in rejected_lines:
            continue
        if len(rec) != len(header):
            raise SystemExit(f"{path}: line {line} not in rejects but has {len(rec)} fields")
        rows.append((line, [c.strip() for c in rec], header))
    return header, rows, len(recs) - 1


def val(cell):
    return None if cell.strip().lower() in NO_VALUE else cell.strip()


def num(cell):
    v = val(cell)
    return None if v is None else float(v)


LONG_NAMES = {
    "dialectical behavior therapy": "DBT",
    "cognitive processing therapy": "CPT",
    "acceptance and commitment therapy": "ACT",
    "prolonged exposure": "PE",
}


class Episode:
    __slots__ = ("client", "approach", "clinician", "intake", "referral", "discharge", "reason", "sessions")

    def __init__(self):
        self.sessions = []  # (date, number or None, line, attended, {instrument: score})


def read_episodes(input_dir, report_dir, approaches, keys):
    """The accepted episodes by client id, each with its sessions in file order as (date, number
    or None, line, attended, {instrument key: score}) for the instruments of keys (PCL-5's total
    from its 20 items when the total is blank), and the input counts to compare with run.json."""
    rej = read_rejects(report_dir)
    ih, irows, iread = accepted_rows(os.path.join(input_dir, "intake.csv"), rej.get("intake.csv", set()))
    appr_map = {a.lower(): a for a in approaches}
    for longname, code in LONG_NAMES.items():
        if code in approaches:
            appr_map[longname] = code
    episodes = {}
    for line, cells, hdr in irows:
        r = dict(zip(hdr, cells))
        e = Episode()
        e.client = r["client_id"]
        e.clinician = r["clinician_id"]
        e.intake = dt.date.fromisoformat(r["intake_date"])
        rd = val(r.get("referral_date", ""))
        e.referral = dt.date.fromisoformat(rd) if rd else None
        e.approach = appr_map[r["approach"].lower()]
        dd = val(r.get("discharge_date", ""))
        e.discharge = dt.date.fromisoformat(dd) if dd else None
        rr = val(r.get("discharge_reason", ""))
        e.reason = rr.lower() if rr else None
        if e.client in episodes:
            raise SystemExit(f"intake.csv line {line}: duplicate client_id accepted?")
        episodes[e.client] = e

    sh, srows, sread = accepted_rows(os.path.join(input_dir, "sessions.csv"), rej.get("sessions.csv", set()))
    items = ["pcl5_%d" % i for i in range(1, 21)]
    has_items = all(i in sh for i in items)
    seen = set()
    dups = 0
    n_acc = 0
    for line, cells, hdr in srows:
        t = tuple(cells)
        if t in seen:
            dups += 1
            continue
        seen.add(t)
        n_acc += 1
        r = dict(zip(hdr, cells))
        e = episodes[r["client_id"]]
        d = dt.date.fromisoformat(r["session_date"])
        sn = val(r.get("session_number", ""))
        sn = int(sn) if sn is not None else None
        att = val(r.get("attended", ""))
        attended = True if att is None else att.lower() in ("y", "yes", "true", "1")
        scores = {}
        for k in keys:
            s = num(r[k]) if k in r else None
            if s is None and k == "pcl5" and has_items:
                iv = [num(r[i]) for i in items]
                if all(v is not None for v in iv):
                    s = sum(iv)
            if s is not None:
                scores[k] = s
        e.sessions.append((d, sn, line, attended, scores))
    counts = dict(intake_read=iread, intake_accepted=len(episodes), sessions_read=sread,
                  sessions_accepted=n_acc, sessions_duplicates=dups)
    return episodes, counts


# ---------------------------------------------------------------- statistics (METRICS.md)
Z95 = 1.959963984540054  # the exact 0.975 normal quantile


def mean_sd(xs):
    """Mean (None without values) and sample SD (divisor n - 1; None for fewer than 2 values)."""
    n = len(xs)
    if n == 0:
        return None, None
    m = math.fsum(xs) / n
    if n < 2:
        return m, None
    return m, math.sqrt(math.fsum((x - m) ** 2 for x in xs) / (n - 1))


def _betacf(a, b, x):
    """Continued fraction of the regularised incomplete beta (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 10000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > tiny else tiny)
        c = 1 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > tiny else tiny)
        c = 1 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-16:
            break
    return h


def betai(a, b, x):
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    lbt = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1) / (a + b + 2):
        return math.exp(lbt) * _betacf(a, b, x) / a
    return 1 - math.exp(lbt) * _betacf(b, a, 1 - x) / b


def t_cdf(t, df):
    p = 0.5 * betai(df / 2, 0.5, df / (df + t * t))
    return 1 - p if t > 0 else p


def t_quantile(p, df):
    """The p quantile (p > 0.5) of Student's t with df degrees of freedom, by bisection to the
    last bit (well within the 1e-12 METRICS.md asks for)."""
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        lo, hi = hi, hi * 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if mid in (lo, hi):
            break
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def wilson(k, n, z=Z95):
    """95% Wilson score interval of k / n in percent, clamped to [0, 100]; (None, None) for n = 0."""
    if n == 0:
        return None, None
    p = k / n
    z2 = z * z
    den = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / den
    return max(0.0, 100 * (centre - half)), min(100.0, 100 * (centre + half))


def read_instrument_file(path):
    """The instrument file of METRICS.md as an ordered list of dicts (key, name, min, max, hib,
    integer, cutoff or None, rc in points). Raises ValueError on a malformed line."""
    out = []
    with open(path, newline="", encoding="utf-8-sig") as f:
        for line, r in enumerate(csv.DictReader(f), start=2):
            try:
                key = r["key"].strip()
                rcp = (r.get("reliable_change") or "").strip()
                if rcp:
                    rc = float(rcp)
                else:
                    rc = 1.96 * float(r["rc_sd"]) * math.sqrt(2 * (1 - float(r["rc_reliability"])))
                cut = (r.get("cutoff") or "").strip()
                out.append(dict(key=key, name=r["name"].strip(), min=float(r["min"]), max=float(r["max"]),
                                hib=r["higher_is_better"].strip().lower() == "true",
                                integer=r["integer"].strip().lower() == "true",
                                cutoff=float(cut) if cut else None, rc=rc))
            except (KeyError, TypeError, ValueError) as ex:
                raise ValueError(f"{path} line {line}: {ex}")
    return out


# ---------------------------------------------------------------- comparing cells
TOL = 1e-6


def fmt(v):
    """A computed value as a report would print it, for mismatch messages."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v if isinstance(v, str) else repr(v)


def cell_agrees(col, exp, act, count_cols, bool_cols, text_cols):
    """Whether the printed cell act is the computed value exp: empty for None, true/false for a
    flag, the same text, the same integer for a count, a finite number within TOL otherwise."""
    if exp is None:
        return act == ""
    if isinstance(exp, bool) or col in bool_cols:
        return act == ("true" if exp else "false")
    if col in text_cols:
        return exp == act
    if act == "":
        return False
    if col in count_cols:
        try:
            return int(act) == exp
        except ValueError:
            return False
    try:
        a = float(act)
    except ValueError:
        return False
    return math.isfinite(a) and abs(a - exp) <= TOL


BUNDLED_INSTRUMENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "resources",
                                   "instruments.csv")


def report_arguments(doc, argv):
    """The checkers' command line, INPUT_DIR REPORT_DIR [--instruments FILE], and the report's run.json."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("input_dir")
    parser.add_argument("report_dir")
    parser.add_argument("--instruments", default=BUNDLED_INSTRUMENTS)
    args = parser.parse_args(argv[1:])
    with open(os.path.join(args.report_dir, "run.json"), encoding="utf-8") as f:
        return args, json.load(f)


def print_verdict(notes, diffs):
    """The checkers' last lines: the notes, one DIFF line per difference and the summary; the exit code."""
    for s in notes:
        print("note: " + s)
    for d in diffs:
        print("DIFF file=%s row=%s column=%s expected=%s actual=%s" % d)
    print(f"summary: {len(diffs)} difference(s); " + ("all agree" if not diffs else "see DIFF lines above"))
    return 1 if diffs else 0
