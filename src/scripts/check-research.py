#!/usr/bin/env python3
"""Independent check of a wave-based research report (RESEARCH.md, layouts long and wide).

Usage: PYTHONDONTWRITEBYTECODE=1 python3 check-research.py --job=FILE --report=DIR [--tolerance=1e-6]
       ... --job=FILE --summary                 expected counts and headline numbers only
       ... --job=FILE --write-expected=DIR      the expected csv/*.csv and rejects.csv, for review
Standard library only; written from RESEARCH.md, DATA.md, METRICS.md and REPORTS.md, not from the
Java code. Exit 0 when everything agrees, 1 on a difference, 2 on bad usage or a job file / export
that the contract refuses (the message says why).

What it computes from the job file and the export it names (file=, relative to the job file):
- the export's counts (read, accepted, rejected, exact duplicates, skipped waves) and its reject
  records (line, export column, reason), row rejects and cell rejects apart;
- csv/outcomes_by_approach.csv (all 39 columns of REPORTS.md), csv/episode_outcomes.csv (the
  columns of REPORTS.md plus baseline_wave and final_wave) and csv/trajectories.csv (with wave; k =
  the wave's position in waves, from 1);
and compares them with DIR/csv/*.csv, DIR/rejects.csv and DIR/run.json's input counts.
Numbers agree within the tolerance, relative or absolute (|a - e| <= tol * max(1, |e|)); counts,
texts, flags and empty cells exactly. The readings this checker takes where the contract leaves a
choice are listed in READINGS below and printed with --readings.
"""
import argparse
import collections
import json
import math
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from outcome_inputs import (BUNDLED_INSTRUMENTS, LONG_NAMES, NO_VALUE, Z95, fmt, mean_sd,  # noqa: E402
                            print_verdict, read_instrument_file, read_records, t_quantile, wilson)

READINGS = """\
R1  Dates, discharge and session columns (intake_date, referral_date, discharge_date,
    discharge_reason, session_date, session_number, attended) are "neither required nor used":
    not validated, not compared for conflicts (they still count in the exact-duplicate test and
    pass the identifier gate).
R2  DATA.md's no-value words (NA, N/A, NaN, NULL) and the job's `missing` codes mean "no value"
    in optional columns and score cells only; client_id and approach (required) take them
    literally (client_id NA is an id, approach NA is `unknown approach`); an empty cell there is
    `missing value`. clinician_id is optional in long/wide (empty -> unknown), so its no-value
    words are `unknown` too. A wave cell that is empty or a no-value code is `missing value`.
R3  A code map is applied to the trimmed cell before the no-value test and before validation; a
    value without a code entry passes through unchanged.
R4  Without `approaches`, the approaches are the distinct approach values (after the code map,
    compared case-insensitively, first spelling kept) of the rows that pass the gate, the field
    count and the wave check, in order of first appearance; none is then `unknown approach`.
R5  `conflicting participant value`: the intake columns compared are approach, clinician_id,
    age_band, gender, state, index_event and the four flags, in that order; the record names the
    first differing one (export name). A later non-empty value differing from an EMPTY first
    value conflicts too (first row's clinician empty = unknown vs a later CL02: conflict).
    Flags compare as yes/no, codes canonically, gender as trimmed text (case-sensitive).
R6  Reject record columns: `wrong number of fields` and `conflicting duplicate` have an empty
    column (as the canonical pipeline writes them); `duplicate client_id` and `conflicting
    participant value` name the export column; `missing value` of the wave names the wave column.
R7  Skipped-wave rows are counted (read = accepted + rejected + duplicates + skipped). If
    rejects.csv lists them (reason `skipped wave`), they are compared line by line (column = the
    wave column); if it lists none, that is not a difference.
R8  wide: a second row of a participant is `duplicate client_id` even when it is identical to
    the first (DATA.md's exact-duplicate rule is for sessions; RESEARCH.md: "a participant on
    two rows is a duplicate client_id").
R9  A wave label matches a cell after trimming, case-insensitively, and a whole number also
    matches itself followed by `.0`, `.00`, ... (DATA.md's integer pattern); both sides are
    normalised so. The label written in `waves` is what baseline_wave / final_wave / wave show.
R10 Trajectories: per approach x instrument x listed wave, the scores AT that wave of the
    episodes with paired scores on the instrument (also waves before the baseline or after the
    final); rows with n = 0 are left out (METRICS.md), not written as n = 0.
R11 outcomes_by_approach: a row for every configured approach (also with no episode, n_closed 0)
    and every instrument of the instrument file (also one the export has no column for).
R12 gender longer than 32 characters: `bad code` (DATA.md names no reason for it).
R13 n_closed counts every participant with an accepted row, per approach; completeness_pct =
    100 x n_paired / n_closed. sessions_*, dropout_pct are empty; n_no_reliable_change and its
    rate are over n_paired.
R14 The export's file name in rejects.csv / run.json is its base name; a run.json input entry is
    matched by base name (or taken when it is the only one).
R15 With the `approach` key and no `approaches`, the approaches are that one value; with both,
    a key value that is not configured makes every row `unknown approach` (no column named).
R16 long, exact duplicates: the trimmed cells are compared as written (before code maps and
    wave normalisation), so `2` and `2.0` for the same wave, or `1` and `DBT` for the same arm,
    make a `conflicting duplicate`, not an exact one.
R17 Approaches given or derived are matched case-insensitively; with a default approach
    configured, its long name (`Prolonged Exposure`) is that approach (DATA.md).
R18 Cell rejects are written only for accepted rows; an exact duplicate's cells are not
    re-reported. A participant's approach and clinician come from its first accepted row.
"""

# ---------------------------------------------------------------- the contract's lists
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")
INT_RE = re.compile(r"-?[0-9]+(\.0+)?")
DEC_RE = re.compile(r"-?[0-9]+(\.[0-9]+)?")
EMAIL_RE = re.compile(r"[^@\s]@[^@\s]*\.[A-Za-z]{2,}")
PHONE_RE = re.compile(r"\(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}")
SSN_RE = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
ID_HEADERS = ["name", "first name", "last name", "full name", "patient name", "client name", "dob",
              "date of birth", "birth date", "birthdate", "ssn", "social security", "social security number",
              "address", "street", "street address", "city", "zip", "zip code", "postcode", "phone",
              "phone number", "telephone", "mobile", "email", "e-mail", "email address", "mrn",
              "medical record number", "insurance id", "member id"]
AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
STATES = set("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
             "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR VI".split())
EVENTS = ["icu", "cardiac", "birth", "cancer", "chronic_illness", "surgery", "accident", "covid", "pediatric",
          "other"]
FLAGS = ["chronic_illness", "prior_trauma", "childhood_medical", "marginalized"]
YES, NO = {"y", "yes", "true", "1"}, {"n", "no", "false", "0"}
ITEMS = ["pcl5_%d" % i for i in range(1, 21)]
# the intake table's order (DATA.md), the columns a long / wide export reads and validates
INTAKE_USED = ["client_id", "approach", "clinician_id", "age_band", "gender", "state", "index_event"] + FLAGS
NOT_USED = ["intake_date", "referral_date", "discharge_date", "discharge_reason", "session_date",
            "session_number", "attended"]
CODED = ["approach", "discharge_reason", "index_event", "age_band"] + FLAGS
JOB_KEYS = {"layout", "file", "input", "output", "from", "to", "instruments", "approaches", "primary-instrument",
            "suppression", "max-reject-pct", "randomised", "waves", "baseline.wave", "final.wave", "approach",
            "missing", "delimiter", "encoding",
            "significance"}  # read by check-significance.py (SIGNIFICANCE.md section 11); not checked here
ENCODINGS = {"utf-8": "utf-8-sig", "windows-1252": "cp1252"}
DELIMITERS = {",": ",", ";": ";", "tab": "\t"}

OBA_COLUMNS = ("approach,instrument,n_closed,n_paired,completeness_pct,baseline_mean,baseline_sd,final_mean,"
               "final_sd,change_mean,change_sd,change_ci_low,change_ci_high,d,g,g_ci_low,g_ci_high,dz,"
               "n_reliable_improvement,reliable_improvement_pct,reliable_improvement_ci_low,"
               "reliable_improvement_ci_high,n_reliable_deterioration,reliable_deterioration_pct,n_cases,"
               "n_recovered,recovery_pct,recovery_ci_low,recovery_ci_high,n_reliable_recovery,"
               "reliable_recovery_pct,n_response,response_pct,sessions_median,sessions_q1,sessions_q3,"
               "dropout_pct,n_no_reliable_change,no_reliable_change_pct").split(",")
EPI_COLUMNS = ("client_id,approach,clinician_id,instrument,baseline,final,change,n_scores,reliable_improvement,"
               "reliable_deterioration,case_at_baseline,recovered,reliable_recovery,response,category,"
               "baseline_wave,final_wave").split(",")
TRAJ_COLUMNS = "approach,instrument,wave,k,n,mean,sd,ci_low,ci_high".split(",")
COUNT_COLS = {"n_closed", "n_paired", "n_reliable_improvement", "n_reliable_deterioration", "n_cases",
              "n_recovered", "n_reliable_recovery", "n_response", "n_no_reliable_change", "n_scores", "k", "n"}
TEXT_COLS = {"approach", "instrument", "client_id", "clinician_id", "category", "wave", "baseline_wave",
             "final_wave"}
BOOL_COLS = {"reliable_improvement", "reliable_deterioration", "case_at_baseline", "recovered",
             "reliable_recovery", "response"}


class Refused(Exception):
    """The job file or the export is refused by the contract (exit code 2)."""


# ---------------------------------------------------------------- the job file (java.util.Properties)
def _unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c != "\\" or i + 1 == len(s):
            out.append(c)
            i += 1
            continue
        n = s[i + 1]
        if n == "u" and i + 6 <= len(s):
            out.append(chr(int(s[i + 2:i + 6], 16)))
            i += 6
            continue
        out.append({"t": "\t", "n": "\n", "r": "\r", "f": "\f"}.get(n, n))
        i += 2
    return "".join(out)


def read_properties(path):
    """(key, value, line) as java.util.Properties reads them: comments # and !, continuation lines
    (an odd number of trailing backslashes), the key ending at an unescaped =, : or white space."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, i = [], 0
    while i < len(lines):
        start = i + 1
        line = lines[i].rstrip("\r").lstrip(" \t\f")
        i += 1
        if not line or line[0] in "#!":
            continue
        while (len(line) - len(line.rstrip("\\"))) % 2 == 1 and i <= len(lines):
            line = line[:-1] + (lines[i].rstrip("\r").lstrip(" \t\f") if i < len(lines) else "")
            i += 1
        j, esc = 0, False
        while j < len(line):
            c = line[j]
            if esc:
                esc = False
            elif c == "\\":
                esc = True
            elif c in "=: \t\f":
                break
            j += 1
        key, rest = line[:j], line[j:].lstrip(" \t\f")
        if rest[:1] in ("=", ":"):
            rest = rest[1:].lstrip(" \t\f")
        out.append((_unescape(key), _unescape(rest), start))
    return out


def wave_norm(s):
    s = s.strip().lower()
    m = re.fullmatch(r"(-?[0-9]+)\.0+", s)
    return m.group(1) if m else s


def read_job(path):
    """The job's settings; Refused for what RESEARCH.md refuses."""
    props = read_properties(path)
    base = os.path.dirname(os.path.abspath(path))
    seen, job, codes, waves_keys, columns = {}, {}, {}, [], {}
    for key, value, line in props:
        norm = key
        if key.startswith("code."):
            parts = key.split(".", 2)
            norm = "code.%s.%s" % (parts[1], parts[2].strip().lower()) if len(parts) == 3 else key
        if norm in seen:
            raise Refused(f"job file: key {key} given twice (lines {seen[norm]} and {line})")
        seen[norm] = line
        if key in JOB_KEYS:
            job[key] = (value.strip(), line)
        elif key.startswith("column."):
            columns[key[len("column."):]] = (value.strip(), line)
        elif key.startswith("code."):
            parts = key.split(".", 2)
            if len(parts) != 3 or parts[1] not in CODED:
                raise Refused(f"job file line {line}: unknown key {key} (not a coded column)")
            codes.setdefault(parts[1], {})[parts[2].strip().lower()] = value.strip()
        elif key.startswith("wave."):
            waves_keys.append((key, value.strip(), line))
        else:
            raise Refused(f"job file line {line}: unknown key {key}")
    layout = job.get("layout", ("canonical", 0))[0].lower()
    if layout not in ("long", "wide"):
        raise Refused(f"layout {layout}: this checker handles the wave-based layouts long and wide only")
    for k in ("from", "to"):
        if k in job:
            raise Refused(f"job file line {job[k][1]}: {k} with layout {layout}")
    if "file" not in job:
        raise Refused("job file: no file= key")
    waves_s = job.get("waves", ("", 0))[0]
    waves = [w.strip() for w in waves_s.split(",")] if waves_s else []
    if not waves or any(w == "" for w in waves) or len({wave_norm(w) for w in waves}) != len(waves):
        raise Refused(f"job file line {job.get('waves', ('', 0))[1]}: waves missing, empty, or with an empty or "
                      "repeated label")
    label_of = {wave_norm(w): w for w in waves}
    pos = {w: i for i, w in enumerate(waves)}
    bw = fw = None
    for k in ("baseline.wave", "final.wave"):
        if k in job:
            lab = label_of.get(wave_norm(job[k][0]))
            if lab is None:
                raise Refused(f"job file line {job[k][1]}: {k} {job[k][0]} is not in waves")
            if k == "baseline.wave":
                bw = lab
            else:
                fw = lab
    if bw is not None and fw is not None and pos[fw] <= pos[bw]:
        raise Refused(f"job file line {job['final.wave'][1]}: final.wave not after baseline.wave")
    ipath = job.get("instruments", (None, 0))[0]
    ipath = os.path.join(base, ipath) if ipath else BUNDLED_INSTRUMENTS
    try:
        insts = read_instrument_file(ipath)
    except (OSError, ValueError) as ex:
        raise Refused(f"instrument file: {ex}")
    keys = [x["key"] for x in insts]
    names = set(INTAKE_USED + NOT_USED + keys + ITEMS + (["wave"] if layout == "long" else []))
    for name, (v, line) in columns.items():
        if name not in names:
            raise Refused(f"job file line {line}: unknown key column.{name} (no pipeline column)")
    wave_cols = {}
    for key, value, line in waves_keys:
        if layout == "long":
            raise Refused(f"job file line {line}: key {key} with layout long")
        head, _, inst = key[len("wave."):].rpartition(".")
        lab = label_of.get(wave_norm(head))
        if lab is None or inst not in keys + ITEMS:
            raise Refused(f"job file line {line}: unknown key {key}")
        wave_cols[(lab, inst)] = (value, line)
    appr_s = job.get("approaches", ("", 0))[0]
    approaches = [a.strip() for a in appr_s.split(",") if a.strip()] if appr_s else None
    primary = job.get("primary-instrument", ("", 0))[0] or ("pcl5" if "pcl5" in keys else keys[0])
    enc = job.get("encoding", ("UTF-8", 0))[0].lower()
    delim = job.get("delimiter", (",", 0))[0].lower()
    if enc not in ENCODINGS or delim not in DELIMITERS:
        raise Refused("job file: encoding or delimiter not one of RESEARCH.md's")
    missing = {m.strip().lower() for m in job.get("missing", ("", 0))[0].split(",") if m.strip()}
    supp = job.get("suppression", ("true", 0))[0].lower()
    return dict(path=path, layout=layout, file=os.path.join(base, job["file"][0]), waves=waves, label_of=label_of,
                pos=pos, baseline_wave=bw, final_wave=fw, insts=insts, columns=columns, codes=codes,
                wave_cols=wave_cols, approaches=approaches, primary=primary,
                approach_key=job.get("approach", (None, 0))[0] or None, encoding=ENCODINGS[enc],
                delimiter=DELIMITERS[delim], missing=missing, suppression=supp == "true")


# ---------------------------------------------------------------- reading the export
def header_is_identifier(h):
    n = re.sub(r"[_\-. ]", "", unicodedata.normalize("NFKC", h).casefold())
    listed = {re.sub(r"[_\-. ]", "", unicodedata.normalize("NFKC", x).casefold()) for x in ID_HEADERS}
    return n in listed or "email" in n or "phone" in n


def has_identifier(cell):
    return bool(EMAIL_RE.search(cell) or PHONE_RE.search(cell) or SSN_RE.search(cell))


class Participant:
    def __init__(self, cid, intake, line):
        self.cid, self.intake, self.line = cid, intake, line
        self.approach = intake["approach"]
        self.clinician = intake["clinician_id"] or "unknown"
        self.scores = collections.defaultdict(dict)  # instrument -> {wave label: score}


def read_export(J):
    """Participants (in order of their first accepted row), counts, reject records (line, column,
    reason, kind) with kind row / cell / skipped, the approaches, and warnings."""
    path = J["file"]
    name = os.path.basename(path)
    if not os.path.isfile(path) or os.path.getsize(path) == 0:
        raise Refused(f"{name}: missing or empty")
    try:
        recs = read_records(path, J["encoding"], J["delimiter"])
    except UnicodeDecodeError:
        raise Refused(f"{name}: not valid {J['encoding']}")
    if not recs:
        raise Refused(f"{name}: no header")
    header = [h.strip() for h in recs[0][1]]
    lower = [h.lower() for h in header]
    for h in header:
        if header_is_identifier(h):
            raise Refused(f"{name}: header names an identifier")
    if len(set(lower)) != len(lower):
        raise Refused(f"{name}: two columns have the same name")
    idx_of = {h: i for i, h in enumerate(lower)}
    insts = J["insts"]
    keys = [x["key"] for x in insts]
    long_ = J["layout"] == "long"
    col = {}  # pipeline name -> export column index
    owner = {}  # export column index -> the name it is mapped to
    warnings = []

    def claim(i, what):
        if i in owner:
            raise Refused(f"{name}: export column {header[i]} mapped to two names ({owner[i]}, {what})")
        owner[i] = what

    for pname, (theirs, line) in J["columns"].items():
        i = idx_of.get(theirs.lower())
        if i is None:
            raise Refused(f"{name}: column {theirs} (column.{pname}, job line {line}) is missing")
        claim(i, pname)
        col[pname] = i
    wave_col = {}
    for (lab, inst), (theirs, line) in J["wave_cols"].items():
        i = idx_of.get(theirs.lower())
        if i is None:
            raise Refused(f"{name}: column {theirs} (wave.{lab}.{inst}, job line {line}) is missing")
        claim(i, f"wave.{lab}.{inst}")
        wave_col[(lab, inst)] = i
    known = set(INTAKE_USED + NOT_USED + (keys + ITEMS + ["wave"] if long_ else []))
    for i, h in enumerate(lower):
        if i in owner:
            continue
        if h in known and h not in col:
            col[h] = i
        elif not long_ and h in keys + ITEMS:
            warnings.append(f"column {header[i]} is named like an instrument but has no wave. key: not read")
        else:
            warnings.append(f"column {header[i]} neither mapped nor known: ignored")
    if any(n in col for n in ITEMS) or any(inst in ITEMS for (_, inst) in wave_col):
        raise Refused("PCL-5 item columns: not supported by this checker")
    required = ["client_id"] + ([] if J["approach_key"] else ["approach"]) + (["wave"] if long_ else [])
    for r in required:
        if r not in col:
            raise Refused(f"{name}: required column {r} is missing")
    score_cols = ([(None, k, col[k]) for k in keys if k in col] if long_ else
                  [(lab, inst, i) for (lab, inst), i in sorted(wave_col.items(), key=lambda x: x[1])])
    inst_of = {x["key"]: x for x in insts}
    nov = NO_VALUE | J["missing"]
    codes = J["codes"]
    label_of = J["label_of"]

    conf = J["approaches"]
    derived = conf is None
    appr_map = {}
    if conf is not None:
        appr_map = {a.lower(): a for a in conf}
        for longname, code in LONG_NAMES.items():
            if code in conf:
                appr_map.setdefault(longname, code)
    elif J["approach_key"]:
        conf = [J["approach_key"]]
        appr_map = {J["approach_key"].lower(): J["approach_key"]}
        derived = False
    else:
        conf = []

    def coded(pname, cells):
        v = cells[col[pname]]
        return codes.get(pname, {}).get(v.lower(), v)

    def validate(cells):
        """(normalised intake values, None) or (None, (column index, reason)); DATA.md step 3."""
        vals = {}
        for p in INTAKE_USED:
            if p == "approach" and J["approach_key"]:
                v = J["approach_key"]
                if v.lower() not in appr_map:
                    return None, (None, "unknown approach")
                vals[p] = appr_map[v.lower()]
                continue
            if p not in col:
                vals[p] = None
                continue
            v = coded(p, cells)
            i = col[p]
            if p == "client_id":
                if v == "":
                    return None, (i, "missing value")
                if not ID_RE.fullmatch(v):
                    return None, (i, "bad id")
                vals[p] = v
            elif p == "approach":
                if v == "":
                    return None, (i, "missing value")
                if derived:
                    if v.lower() not in appr_map:
                        appr_map[v.lower()] = v
                        conf.append(v)
                elif v.lower() not in appr_map:
                    return None, (i, "unknown approach")
                vals[p] = appr_map[v.lower()]
            elif v.lower() in nov:
                vals[p] = None
            elif p == "clinician_id":
                if not ID_RE.fullmatch(v):
                    return None, (i, "bad id")
                vals[p] = v
            elif p == "age_band":
                m = [a for a in AGE_BANDS if a == v.lower()]
                if not m:
                    return None, (i, "bad code")
                vals[p] = m[0]
            elif p == "gender":
                if len(v) > 32:
                    return None, (i, "bad code")
                vals[p] = v
            elif p == "state":
                if v.upper() not in STATES:
                    return None, (i, "bad code")
                vals[p] = v.upper()
            elif p == "index_event":
                if v.lower() not in EVENTS:
                    return None, (i, "bad code")
                vals[p] = v.lower()
            else:  # flags
                if v.lower() in YES:
                    vals[p] = "yes"
                elif v.lower() in NO:
                    vals[p] = "no"
                else:
                    return None, (i, "bad flag")
        return vals, None

    def score(inst, v):
        """(value or None, reason or None) of one score cell."""
        if v.lower() in nov:
            return None, None
        x = inst_of[inst]
        if x["integer"]:
            if not INT_RE.fullmatch(v):
                return None, "not an integer"
        elif not DEC_RE.fullmatch(v):
            return None, "not a number"
        s = float(v)
        if not x["min"] <= s <= x["max"]:
            return None, "out of range"
        return s, None

    parts = {}
    recs_out = []  # (line, column, reason, kind)
    n = dict(read=0, accepted=0, rejected=0, duplicates=0, skipped=0)
    first_at = {}  # (client, wave label) -> trimmed cells of the accepted row
    ncol = len(header)
    for line, rec in recs[1:]:
        n["read"] += 1
        ident = next((j for j, c in enumerate(rec) if has_identifier(c)), None)
        if ident is not None:
            recs_out.append((line, header[ident] if ident < ncol else "", "possible identifier", "row"))
            n["rejected"] += 1
            continue
        if len(rec) != ncol:
            recs_out.append((line, "", "wrong number of fields", "row"))
            n["rejected"] += 1
            continue
        cells = [c.strip() for c in rec]
        label = None
        if long_:
            w = cells[col["wave"]]
            if w.lower() in nov:
                recs_out.append((line, header[col["wave"]], "missing value", "row"))
                n["rejected"] += 1
                continue
            label = label_of.get(wave_norm(w))
            if label is None:
                recs_out.append((line, header[col["wave"]], "skipped wave", "skipped"))
                n["skipped"] += 1
                continue
        vals, err = validate(cells)
        if err:
            recs_out.append((line, header[err[0]] if err[0] is not None else "", err[1], "row"))
            n["rejected"] += 1
            continue
        cid = vals["client_id"]
        p = parts.get(cid)
        if p is not None and long_:
            bad = next((c for c in INTAKE_USED[1:] if vals[c] is not None and c in col and vals[c] != p.intake[c]),
                       None)
            if bad is not None:
                recs_out.append((line, header[col[bad]], "conflicting participant value", "row"))
                n["rejected"] += 1
                continue
            earlier = first_at.get((cid, label))
            if earlier is not None:
                if earlier == cells:
                    n["duplicates"] += 1
                else:
                    recs_out.append((line, "", "conflicting duplicate", "row"))
                    n["rejected"] += 1
                continue
        elif p is not None:
            recs_out.append((line, header[col["client_id"]], "duplicate client_id", "row"))
            n["rejected"] += 1
            continue
        n["accepted"] += 1
        if p is None:
            p = parts[cid] = Participant(cid, vals, line)
        first_at[(cid, label)] = cells
        for lab, inst, i in score_cols:
            s, why = score(inst, cells[i])
            if why:
                recs_out.append((line, header[i], why, "cell"))
            elif s is not None:
                p.scores[inst][lab if lab is not None else label] = s
    return parts, n, recs_out, conf, warnings, name


# ---------------------------------------------------------------- METRICS.md
def outcome(p, x, J):
    """Per episode and instrument (paired scores only), RESEARCH.md's waves; None without."""
    sc = p.scores.get(x["key"], {})
    waves, pos = J["waves"], J["pos"]
    present = [w for w in waves if w in sc]
    if J["baseline_wave"] is not None:
        b = J["baseline_wave"] if J["baseline_wave"] in sc else None
    else:
        b = present[0] if present else None
    if b is None:
        return None
    if J["final_wave"] is not None:
        f = J["final_wave"] if J["final_wave"] in sc else None
        if f is not None and pos[f] <= pos[b]:
            f = None
    else:
        after = [w for w in present if pos[w] > pos[b]]
        f = after[-1] if after else None
    if f is None:
        return None
    base, final = sc[b], sc[f]
    red = (final - base) if x["hib"] else (base - final)
    ri, rd = red >= x["rc"], -red >= x["rc"]
    cut = x["cutoff"]
    if cut is None:
        case = rec = rrec = None
    else:
        clin = (lambda v: v <= cut) if x["hib"] else (lambda v: v >= cut)
        case = clin(base)
        rec = case and not clin(final)
        rrec = rec and ri
    resp = None if x["hib"] else (base > 0 and final <= base / 2)
    cat = "recovered" if rrec else "improved" if ri else "deteriorated" if rd else "unchanged"
    return dict(baseline=base, final=final, change=final - base, reduction=red, n_scores=len(present), ri=ri,
                rd=rd, case=case, rec=rec, rrec=rrec, response=resp, category=cat, baseline_wave=b,
                final_wave=f)


def pct(k, n):
    return None if not n else 100.0 * k / n


def group_row(appr, x, members, J):
    outs = [o for o in (outcome(p, x, J) for p in members) if o is not None]
    n = len(outs)
    r = dict.fromkeys(OBA_COLUMNS)
    r.update(approach=appr, instrument=x["key"], n_closed=len(members), n_paired=n,
             completeness_pct=pct(n, len(members)))
    b = [o["baseline"] for o in outs]
    f = [o["final"] for o in outs]
    c = [o["change"] for o in outs]
    red = [o["reduction"] for o in outs]
    r["baseline_mean"], r["baseline_sd"] = mean_sd(b)
    r["final_mean"], r["final_sd"] = mean_sd(f)
    r["change_mean"], r["change_sd"] = mean_sd(c)
    if n >= 2:
        h = t_quantile(0.975, n - 1) * r["change_sd"] / math.sqrt(n)
        r["change_ci_low"], r["change_ci_high"] = r["change_mean"] - h, r["change_mean"] + h
    mred, sred = mean_sd(red)
    if r["baseline_sd"]:
        r["d"] = mred / r["baseline_sd"]
    if sred:
        r["dz"] = mred / sred
    if n >= 3 and r["d"] is not None:
        r["g"] = r["d"] * (1 - 3 / (4 * (n - 1) - 1))
        if r["baseline_sd"] and r["final_sd"]:
            mb, mf = r["baseline_mean"], r["final_mean"]
            sbf = math.fsum((u - mb) * (v - mf) for u, v in zip(b, f))
            corr = sbf / math.sqrt(math.fsum((u - mb) ** 2 for u in b) * math.fsum((v - mf) ** 2 for v in f))
            h = Z95 * math.sqrt(2 * (1 - corr) / n + r["g"] ** 2 / (2 * n))
            r["g_ci_low"], r["g_ci_high"] = r["g"] - h, r["g"] + h
    k = sum(o["ri"] for o in outs)
    r["n_reliable_improvement"] = k
    r["reliable_improvement_pct"] = pct(k, n)
    r["reliable_improvement_ci_low"], r["reliable_improvement_ci_high"] = wilson(k, n)
    k = sum(o["rd"] for o in outs)
    r["n_reliable_deterioration"], r["reliable_deterioration_pct"] = k, pct(k, n)
    if x["cutoff"] is not None:
        cases = sum(o["case"] for o in outs)
        rec = sum(bool(o["rec"]) for o in outs)
        rrec = sum(bool(o["rrec"]) for o in outs)
        r.update(n_cases=cases, n_recovered=rec, recovery_pct=pct(rec, cases), n_reliable_recovery=rrec,
                 reliable_recovery_pct=pct(rrec, cases))
        r["recovery_ci_low"], r["recovery_ci_high"] = wilson(rec, cases)
    if not x["hib"]:
        k = sum(o["response"] for o in outs)
        r["n_response"], r["response_pct"] = k, pct(k, sum(o["baseline"] > 0 for o in outs))
    k = sum(not o["ri"] and not o["rd"] for o in outs)
    r["n_no_reliable_change"], r["no_reliable_change_pct"] = k, pct(k, n)
    return r


def expected(J):
    parts, counts, recs, approaches, warnings, name = read_export(J)
    by_appr = collections.OrderedDict((a, []) for a in approaches)
    for p in parts.values():
        by_appr[p.approach].append(p)
    oba, epi, traj = [], [], []
    for a in list(approaches) + ["ALL"]:
        members = list(parts.values()) if a == "ALL" else by_appr[a]
        for x in J["insts"]:
            oba.append(group_row(a, x, members, J))
    for a in approaches:
        for x in J["insts"]:
            paired = [p for p in by_appr[a] if outcome(p, x, J) is not None]
            for k, w in enumerate(J["waves"], start=1):
                v = [p.scores[x["key"]][w] for p in paired if w in p.scores[x["key"]]]
                if not v:
                    continue
                m, s = mean_sd(v)
                lo = hi = None
                if s is not None:
                    h = t_quantile(0.975, len(v) - 1) * s / math.sqrt(len(v))
                    lo, hi = m - h, m + h
                traj.append(dict(approach=a, instrument=x["key"], k=k, wave=w, n=len(v), mean=m, sd=s, ci_low=lo,
                                 ci_high=hi))
    for p in parts.values():
        for x in J["insts"]:
            o = outcome(p, x, J)
            if o is None:
                continue
            epi.append(dict(client_id=p.cid, approach=p.approach, clinician_id=p.clinician, instrument=x["key"],
                            baseline=o["baseline"], final=o["final"], change=o["change"], n_scores=o["n_scores"],
                            reliable_improvement=o["ri"], reliable_deterioration=o["rd"],
                            case_at_baseline=o["case"], recovered=o["rec"], reliable_recovery=o["rrec"],
                            response=o["response"], category=o["category"], baseline_wave=o["baseline_wave"],
                            final_wave=o["final_wave"]))
    return dict(name=name, counts=counts, recs=recs, approaches=approaches, warnings=warnings, oba=oba, epi=epi,
                traj=traj, parts=parts)


# ---------------------------------------------------------------- comparing
def agrees(col, exp, act, tol):
    if exp is None:
        return act == ""
    if isinstance(exp, bool) or col in BOOL_COLS:
        return act == ("true" if exp else "false")
    if col in TEXT_COLS:
        return act == exp
    if col in COUNT_COLS:
        return re.fullmatch(r"-?[0-9]+", act) is not None and int(act) == exp
    try:
        a = float(act)
    except ValueError:
        return False
    return math.isfinite(a) and abs(a - exp) <= tol * max(1.0, abs(exp))


def read_csv(path):
    recs = read_records(path)
    if not recs:
        return [], []
    return recs[0][1], [r for _, r in recs[1:]]


def compare_table(name, path, columns, exp_rows, keycols, tol, diffs, notes, exact_header, check_order):
    if not os.path.exists(path):
        diffs.append((name, "-", "file", "(present)", "(missing)"))
        return
    hdr, rows = read_csv(path)
    ci = {c: j for j, c in enumerate(hdr)}
    if exact_header and hdr != columns:
        diffs.append((name, "header", "columns", ",".join(columns), ",".join(hdr)))
    for c in columns:
        if c not in ci:
            diffs.append((name, "header", c, "(column)", "(missing)"))
    extra = [c for c in hdr if c not in columns]
    if extra:
        notes.append(f"{name}: columns not compared: {','.join(extra)}")
    if any(c not in ci for c in keycols):
        return
    key = lambda r: ",".join(str(r[c]) for c in keycols)  # noqa: E731
    exp = collections.OrderedDict((key(r), r) for r in exp_rows)
    act_keys = [",".join(r[ci[c]] if ci[c] < len(r) else "" for c in keycols) for r in rows]
    act_set = set(act_keys)
    for k in exp:
        if k not in act_set:
            diffs.append((name, k, "row", "(expected)", "(missing)"))
    for k, cnt in collections.Counter(act_keys).items():
        if k not in exp:
            diffs.append((name, k, "row", "(not expected)", "(present)"))
        elif cnt > 1:
            diffs.append((name, k, "row", "1 row", f"{cnt} rows"))
    if check_order:
        ce = [k for k in exp if k in act_set]
        ca = [k for k in act_keys if k in exp]
        if ce != ca:
            i = next((j for j, (a, b) in enumerate(zip(ce, ca)) if a != b), min(len(ce), len(ca)))
            diffs.append((name, f"position {i + 1} of the common rows", "row order",
                          ce[i] if i < len(ce) else "", ca[i] if i < len(ca) else ""))
    ncells = nrows = 0
    for r, k in zip(rows, act_keys):
        e = exp.get(k)
        if e is None:
            continue
        nrows += 1
        for c in columns:
            if c not in ci or c in keycols:
                continue
            a = r[ci[c]] if ci[c] < len(r) else ""
            ncells += 1
            if not agrees(c, e[c], a, tol):
                diffs.append((name, k, c, fmt(e[c]), a))
    notes.append(f"{name}: {nrows} rows compared (expected {len(exp_rows)}, in the report {len(rows)}), "
                 f"{ncells} cells")


def compare_rejects(X, report, diffs, notes):
    path = os.path.join(report, "rejects.csv")
    if not os.path.exists(path):
        diffs.append(("rejects.csv", "-", "file", "(present)", "(missing)"))
        return
    hdr, rows = read_csv(path)
    if hdr[:4] != ["file", "line", "column", "reason"]:
        diffs.append(("rejects.csv", "header", "columns", "file,line,column,reason", ",".join(hdr)))
        return
    act = collections.Counter()
    for r in rows:
        if os.path.basename(r[0]) != X["name"]:
            diffs.append(("rejects.csv", f"{r[0]}:{r[1]}", "file", X["name"], r[0]))
            continue
        act[(int(r[1]), r[2], r[3])] += 1
    skipped_listed = any(k[2] == "skipped wave" for k in act)
    exp = collections.Counter((ln, c, why) for ln, c, why, kind in X["recs"] if kind != "skipped" or skipped_listed)
    if not skipped_listed and X["counts"]["skipped"]:
        notes.append("rejects.csv lists no `skipped wave` rows: skipped rows compared by count only (reading R7)")
    for k in sorted(set(exp) | set(act)):
        if exp[k] != act[k]:
            diffs.append(("rejects.csv", f"line {k[0]}", k[1] or "(no column)",
                          f"{exp[k]} x {k[2]}", f"{act[k]} x {k[2]}"))
    kind_of = {ln: kind for ln, c, why, kind in X["recs"] if kind != "cell"}
    e_per, a_per = collections.Counter(), collections.Counter()
    for (ln, c, why), m in exp.items():
        e_per[(kind_of.get(ln, "cell"), why)] += m
    for (ln, c, why), m in act.items():
        a_per[(kind_of.get(ln, "cell"), why)] += m
    for k in sorted(set(e_per) | set(a_per)):
        if e_per[k] != a_per[k]:
            diffs.append(("rejects.csv", f"{k[0]} rejects", k[1], e_per[k], a_per[k]))
    notes.append(f"rejects.csv: {sum(act.values())} records in the report, {sum(exp.values())} expected")


def compare_counts(X, report, diffs, notes):
    path = os.path.join(report, "run.json")
    if not os.path.exists(path):
        notes.append("no run.json: the export's counts not compared")
        return None
    with open(path, encoding="utf-8") as f:
        run = json.load(f)
    inputs = run.get("inputs") or []
    ent = next((i for i in inputs if os.path.basename(str(i.get("file", ""))) == X["name"]), None)
    if ent is None and len(inputs) == 1:
        ent = inputs[0]
    if ent is None:
        diffs.append(("run.json", "inputs", X["name"], "(an entry)", "(none)"))
        return run
    c = X["counts"]
    got = {}
    for mine, theirs in (("read", "rows_read"), ("accepted", "rows_accepted"), ("rejected", "rows_rejected"),
                         ("duplicates", "rows_duplicate"), ("skipped", "rows_skipped")):
        alt = [k for k in ent if k.startswith("rows_") and mine[:4] in k]
        k = theirs if theirs in ent else (alt[0] if alt else None)
        if k is None:
            continue
        got[mine] = ent[k]
        if ent[k] != c[mine]:
            diffs.append(("run.json", X["name"], k, c[mine], ent[k]))
    if "skipped" not in got and all(m in got for m in ("read", "accepted", "rejected", "duplicates")):
        sk = got["read"] - got["accepted"] - got["rejected"] - got["duplicates"]
        notes.append(f"run.json has no skipped count; read - accepted - rejected - duplicates = {sk}")
        if sk != c["skipped"]:
            diffs.append(("run.json", X["name"], "skipped (derived)", c["skipped"], sk))
    ncell = sum(1 for r in X["recs"] if r[3] == "cell")
    for k, v in ent.items():
        if "cell" in k and isinstance(v, int) and v != ncell:
            diffs.append(("run.json", X["name"], k, ncell, v))
    return run


def summary_lines(X, J):
    c = X["counts"]
    out = [f"export {X['name']} ({J['layout']}): read {c['read']}, accepted {c['accepted']}, rejected "
           f"{c['rejected']}, duplicates {c['duplicates']}, skipped {c['skipped']}; participants "
           f"{len(X['parts'])}; cell rejects {sum(r[3] == 'cell' for r in X['recs'])}"]
    for kind in ("row", "cell", "skipped"):
        cnt = collections.Counter((why, col) for ln, col, why, k in X["recs"] if k == kind)
        for (why, col), m in sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"  {kind}: {m} {why} ({col or '-'})")
    out.append(f"approaches {','.join(X['approaches'])}; primary instrument {J['primary']}; waves "
               f"{','.join(J['waves'])}; baseline.wave {J['baseline_wave'] or '-'}; final.wave {J['final_wave'] or '-'}")
    for x in J["insts"]:
        rows = [r for r in X["oba"] if r["instrument"] == x["key"]]
        out.append(f"  {x['key']}{' (primary)' if x['key'] == J['primary'] else ''}: n_closed / n_paired " +
                   ", ".join(f"{r['approach']} {r['n_closed']}/{r['n_paired']}" for r in rows))
    return out


def write_expected(X, outdir):
    os.makedirs(os.path.join(outdir, "csv"), exist_ok=True)

    def cell(v):
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        return repr(v) if isinstance(v, float) else str(v)

    import csv as _csv
    for fname, cols, rows in (("outcomes_by_approach.csv", OBA_COLUMNS, X["oba"]),
                              ("episode_outcomes.csv", EPI_COLUMNS, X["epi"]),
                              ("trajectories.csv", TRAJ_COLUMNS, X["traj"])):
        with open(os.path.join(outdir, "csv", fname), "w", newline="", encoding="utf-8") as f:
            w = _csv.writer(f, lineterminator="\n")
            w.writerow(cols)
            for r in rows:
                w.writerow([cell(r[c]) for c in cols])
    with open(os.path.join(outdir, "rejects.csv"), "w", newline="", encoding="utf-8") as f:
        w = _csv.writer(f, lineterminator="\n")
        w.writerow(["file", "line", "column", "reason"])
        for ln, col, why, kind in sorted(X["recs"], key=lambda r: r[0]):
            if kind != "skipped":
                w.writerow([X["name"], ln, col, why])
    c = X["counts"]
    with open(os.path.join(outdir, "run.json"), "w", encoding="utf-8") as f:
        json.dump({"inputs": [{"file": X["name"], "rows_read": c["read"], "rows_accepted": c["accepted"],
                               "rows_rejected": c["rejected"], "rows_duplicate": c["duplicates"],
                               "rows_skipped": c["skipped"]}]}, f, indent=2)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--job", required=True)
    ap.add_argument("--report")
    ap.add_argument("--tolerance", type=float, default=1e-6)
    ap.add_argument("--summary", action="store_true", help="print the expected numbers only")
    ap.add_argument("--write-expected", metavar="DIR")
    ap.add_argument("--readings", action="store_true", help="print this checker's readings of the contract")
    try:
        args = ap.parse_args(argv[1:])
    except SystemExit:
        return 2
    if args.readings:
        print(READINGS)
    if not (args.report or args.summary or args.write_expected):
        print("error: give --report=DIR (or --summary / --write-expected=DIR)", file=sys.stderr)
        return 2
    try:
        J = read_job(args.job)
        X = expected(J)
    except Refused as ex:
        print(f"refused: {ex}", file=sys.stderr)
        return 2
    except OSError as ex:
        print(f"error: {ex}", file=sys.stderr)
        return 2
    if args.summary or args.write_expected:
        for s in summary_lines(X, J):
            print(s)
        if args.write_expected:
            write_expected(X, args.write_expected)
            print(f"expected files written to {args.write_expected}")
        if not args.report:
            return 0
    diffs, notes = [], []
    run = compare_counts(X, args.report, diffs, notes)
    supp = J["suppression"]
    if run is not None:
        ps = str((run.get("parameters") or {}).get("suppression", "")).lower()
        if ps in ("true", "false"):
            supp = ps == "true"
        ra = run.get("approaches")
        if ra and list(ra) != list(X["approaches"]):
            diffs.append(("run.json", "approaches", "approaches", ",".join(X["approaches"]), ",".join(ra)))
        rp = run.get("primary_instrument")
        if rp and rp != J["primary"]:
            diffs.append(("run.json", "primary_instrument", "primary_instrument", J["primary"], rp))
    if supp:
        print("refused: suppression is on for this report; an exact comparison needs suppression=false",
              file=sys.stderr)
        return 2
    compare_rejects(X, args.report, diffs, notes)
    csvdir = os.path.join(args.report, "csv")
    compare_table("outcomes_by_approach.csv", os.path.join(csvdir, "outcomes_by_approach.csv"), OBA_COLUMNS,
                  X["oba"], ["approach", "instrument"], args.tolerance, diffs, notes, True, True)
    compare_table("episode_outcomes.csv", os.path.join(csvdir, "episode_outcomes.csv"), EPI_COLUMNS, X["epi"],
                  ["client_id", "instrument"], args.tolerance, diffs, notes, False, False)
    compare_table("trajectories.csv", os.path.join(csvdir, "trajectories.csv"), TRAJ_COLUMNS, X["traj"],
                  ["approach", "instrument", "k"], args.tolerance, diffs, notes, False, True)
    for s in summary_lines(X, J):
        print(s)
    return print_verdict(notes, diffs)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
