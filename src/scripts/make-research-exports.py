#!/usr/bin/env python3
"""Writes the synthetic researcher's exports of src/test/resources/research-exports/ (RESEARCH.md
layouts long and wide), each with its job file and instrument file, for an end-to-end comparison
of the research job with src/scripts/check-research.py.

Usage: PYTHONDONTWRITEBYTECODE=1 python3 src/scripts/make-research-exports.py [OUT_DIR]
Deterministic (fixed seeds, no clock); standard library only. The data are synthetic: ids like
P001, clinician codes like T01, no names, dates, e-mail addresses or phone-like strings.
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "test", "resources", "research-exports")
INSTR_HEADER = "key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,rc_reliability\n"
PCL5 = "pcl5,PCL-5,0,80,false,true,33,10,,\n"
PHQ9 = "phq9,PHQ-9,0,27,false,true,10,6,,\n"
GAD7 = "gad7,GAD-7,0,21,false,true,8,4,,\n"
QOL = "qol,Quality of life (0-10 scale),0,10,true,false,4,,1.8,0.8\n"


def clip(x, lo, hi):
    return max(lo, min(hi, x))


def trajectory(rng, base, slope, n, lo, hi, noise, integer=True):
    """Scores at n waves: base, then a drift of slope per wave with noise, clipped to [lo, hi]."""
    out = []
    for k in range(n):
        v = clip(base + slope * k + rng.gauss(0, noise), lo, hi)
        out.append(int(round(v)) if integer else round(v * 2) / 2)
    return out


def write(path, text, encoding="utf-8", newline="\n"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text.replace("\n", newline))


def csv_line(cells, delim=","):
    out = []
    for c in cells:
        c = str(c)
        if any(ch in c for ch in (delim, '"', "\n", "\r")):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return delim.join(out)


# ---------------------------------------------------------------- (1) long, renamed and coded
def long_coded(out):
    rng = random.Random(1501)
    d = os.path.join(out, "long-coded")
    rows = []
    arms = {"1": -6, "2": -5, "3": -3}
    for i in range(1, 106):
        pid = "P%03d" % i
        arm = "4" if i in (40, 77) else rng.choice(["1", "2", "3"])
        ther = "T%02d" % rng.randint(1, 6)
        pcl = trajectory(rng, rng.gauss(50, 10), arms.get(arm, -4), 4, 0, 80, 6)
        phq = trajectory(rng, rng.gauss(16, 4), arms.get(arm, -4) / 3, 4, 0, 27, 2.5)
        last = 3 if rng.random() < 0.7 else rng.choice([0, 1, 2])
        site = rng.choice(["north", "south", "east"])
        for w in range(last + 1):
            if w > 0 and rng.random() < 0.1:
                continue  # a missed wave
            p, q = str(pcl[w]), str(phq[w])
            r = rng.random()
            if r < 0.05:
                p = "NaN"
            elif r < 0.10:
                q = "-99"
            elif r < 0.15:
                p = p + ".0"  # as statistics packages write whole numbers
            elif r < 0.18:
                q = ""
            wl = str(w)
            if w == 2 and rng.random() < 0.15:
                wl = "2.0"
            t = ther if not (w > 0 and rng.random() < 0.1) else ""  # an empty later value never conflicts
            rows.append([pid, arm, t, wl, p, q, site])
        if rng.random() < 0.12:
            rows.append([pid, arm, ther, rng.choice(["99", "screen"]), str(pcl[0]), str(phq[0]), site])
    # the planted cases
    def find(pid, wave):
        return next(j for j, r in enumerate(rows) if r[0] == pid and r[3] == wave)
    j = find("P005", "0")
    rows[j][4] = "4O"          # a bad score cell (letter O) beside a good PHQ-9 cell: cell reject
    j = find("P011", "0")
    rows[j][5] = "12.5"        # PHQ-9 not an integer, PCL-5 good
    j = find("P013", "0")
    rows[j][4] = "85"          # PCL-5 out of range
    j = find("P021", "0")
    rows[j][4] = "-99"         # the export's missing code on the primary instrument
    j = find("P030", "0")
    conflict = list(rows[j])
    conflict[1] = "3" if conflict[1] != "3" else "1"
    conflict[3] = "1"
    rows = [r for r in rows if not (r[0] == "P030" and r[3] in ("1", "2", "2.0", "3"))]
    rows.append(conflict)      # a later row with another arm: conflicting participant value
    j = find("P042", "0")
    rows.insert(j + 1, list(rows[j]))   # an exact duplicate
    j = find("P050", "0")
    cd = list(rows[j])
    cd[4] = str(int(cd[4]) + 3) if cd[4].isdigit() else "40"
    rows.insert(j + 1, cd)              # a conflicting duplicate
    j = find("P060", "0")
    rows.insert(j + 1, ["P060", rows[j][1], rows[j][2], "", "30", "10", rows[j][6]])  # empty wave: missing value
    rows.insert(5, ["P#17", "1", "T01", "0", "40", "12", "north"])                   # bad id
    rows.insert(9, ["P103", "1", "T01", "7", "40", "12", "north"])                   # skipped wave
    j = find("P070", "0")
    rows.insert(j + 1, ["P070", "1", "T02", "1", "40"])  # wrong number of fields
    header = ["PID", "Arm", "Therapist", "Timepoint", "PCL_total", "PHQ_total", "Site"]
    write(os.path.join(d, "export.csv"), "\n".join(csv_line(r) for r in [header] + rows) + "\n")
    write(os.path.join(d, "instruments.csv"), INSTR_HEADER + PCL5 + PHQ9)
    write(os.path.join(d, "long-coded.properties"), """\
# (1) long export with renamed columns and coded arms (1 = DBT, 2 = CPT, 3 = ACT; 4 is not coded
# and not configured: unknown approach). Timepoints 99 and screen are not listed: skipped.
layout=long
file=export.csv
instruments=instruments.csv
approaches=DBT,CPT,ACT
primary-instrument=pcl5
suppression=false
column.client_id=PID
column.approach=Arm
column.clinician_id=Therapist
column.wave=Timepoint
column.pcl5=PCL_total
column.phq9=PHQ_total
code.approach.1=DBT
code.approach.2=CPT
code.approach.3=ACT
waves=0,1,2,3
missing=-99
""")


# ---------------------------------------------------------------- (2) wide, ; and windows-1252
def wide_1252(out):
    rng = random.Random(1502)
    d = os.path.join(out, "wide-1252")
    waves = ["T0", "T1", "T2"]
    header = ["Code", "Gruppe", "clin", "PHQ_T0", "PHQ_T1", "PHQ_T2", "QOL_T0", "QOL_T1", "QOL_T2", "phq9",
              "Bemerkung"]
    notes = ["", "", "prévu", "reçu", "à revoir", "déjà vu", "naïve Frage", "Größe ok"]
    rows = []
    for i in range(1, 86):
        pid = "P%03d" % i
        g = "CBT" if i == 1 else rng.choice(["CBT", "cbt", "Treatment as usual", " treatment AS usual "])
        slope = -3.5 if g.strip().lower() == "cbt" else -1.5
        phq = trajectory(rng, rng.gauss(15, 4), slope, 3, 0, 27, 2.5)
        qol = trajectory(rng, rng.gauss(4, 1.5), -slope / 3, 3, 0, 10, 1.0, integer=False)
        cells_phq = [str(v) for v in phq]
        cells_qol = [("%g" % v) for v in qol]
        for k in range(3):
            r = rng.random()
            if r < 0.08:
                cells_phq[k] = ""
            elif r < 0.12:
                cells_qol[k] = "NA"
            elif r < 0.16:
                cells_phq[k] = "N/A"
        if rng.random() < 0.2:
            cells_phq[2] = cells_qol[2] = ""   # lost to follow-up
        stray = rng.choice(["", "x", "99", str(phq[0])])  # column phq9 has no wave. key: never read
        rows.append([pid, g, "K%d" % rng.randint(1, 4), *cells_phq, *cells_qol, stray, rng.choice(notes)])
    rows[6][7] = "7,5"         # a decimal comma: not a number (cell)
    rows[9][8] = "10.5"        # out of range (cell)
    rows[12][4] = "3.0"        # integer written with .0
    rows[14][5] = "4.5"        # PHQ-9 must be an integer (cell)
    rows[15][1] = ""           # missing approach (row)
    rows[17][2] = "K 2"        # bad clinician id (row)
    dup = list(rows[20])
    dup[3] = "20"
    rows.insert(30, dup)       # the same participant on a second row: duplicate client_id
    text = "\n".join(csv_line(r, ";") for r in [header] + rows) + "\n"
    write(os.path.join(d, "export.csv"), text, encoding="cp1252", newline="\r\n")
    write(os.path.join(d, "instruments.csv"), INSTR_HEADER + PHQ9 + QOL)
    keys = "\n".join(f"wave.{w}.{inst}={col}_{w}" for inst, col in (("phq9", "PHQ"), ("qol", "QOL")) for w in waves)
    write(os.path.join(d, "wide-1252.properties"), """\
# (2) wide export, semicolon-separated, windows-1252 (non-ASCII text in the unmapped column
# Bemerkung), two instruments: PHQ-9 (integer) and a 0-10 quality-of-life scale (decimals allowed,
# higher is better). No approaches key: the approaches are the arm values in order of first
# appearance (CBT, TAU). The column phq9 has no wave. key and is not read.
layout=wide
file=export.csv
delimiter=;
encoding=windows-1252
instruments=instruments.csv
suppression=false
column.client_id=Code
column.approach=Gruppe
column.clinician_id=clin
code.approach.Treatment\\ as\\ usual=TAU
code.approach.cbt=CBT
waves=T0,T1,T2
""" + keys + "\n")


# ---------------------------------------------------------------- (3) long, completers, one approach
def long_completers(out):
    rng = random.Random(1503)
    d = os.path.join(out, "long-completers")
    header = ["ParticipantID", "visit", "pcl5", "phq9", "age_band", "prior_trauma", "gender"]
    bands = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
    rows = []
    for i in range(1, 71):
        pid = "P%03d" % i
        band = rng.choice(bands)
        pt = rng.choice(["Y", "N", ""])
        gender = rng.choice(["f", "m", "nb", ""])
        pcl = trajectory(rng, rng.gauss(52, 9), -5, 4, 0, 80, 6)
        phq = trajectory(rng, rng.gauss(17, 4), -1.5, 4, 0, 27, 2.5)
        visits = [0, 1, 2, 3]
        if rng.random() < 0.2:
            visits = visits[:rng.choice([1, 2, 3])]   # not a completer
        if rng.random() < 0.1 and len(visits) == 4:
            visits = [1, 2, 3]                        # no baseline visit: no paired scores
        if i in (4, 8, 12, 16, 20, 24):
            visits = [0, 1, 2, 3]                     # the planted cases below need every visit
        for v in visits:
            ptv = {"Y": rng.choice(["Y", "yes", "1"]), "N": rng.choice(["N", "no", "0"]), "": ""}[pt]
            q = str(phq[v]) if not (v == 3 and rng.random() < 0.15) else ""
            first = v == visits[0] or (i in (4, 8) and v == 1)   # intake on the first row (P004, P008: their
            rows.append([pid, str(v), str(pcl[v]), q,         # first rows are rejected, the next one counts)
                         band if first or rng.random() < 0.5 else "", ptv, gender if first else ""])
        if rng.random() < 0.15:
            rows.append([pid, "fu6", str(pcl[3]), str(phq[3]), band, "", ""])   # not listed: skipped
    def find(pid, v):
        return next(j for j, r in enumerate(rows) if r[0] == pid and r[1] == v)
    j = find("P004", "0")
    rows[j][5] = "maybe"          # bad flag: the first row is rejected, the next one is the first
    j = find("P008", "0")
    rows[j][4] = "30-39"          # bad code
    j = find("P012", "0")
    k = next(jj for jj in range(j + 1, len(rows)) if rows[jj][0] == "P012")
    rows[k][4] = next(b for b in bands if b != rows[j][4])   # conflicting participant value (age_band)
    j = find("P024", "0")
    rows[j][6] = ""               # first row without gender, a later one with it: a conflict (reading R5)
    k = next(jj for jj in range(j + 1, len(rows)) if rows[jj][0] == "P024")
    rows[k][6] = "f"
    j = find("P016", "0")
    rows[j][3] = "21.0"           # integer written with .0
    j = find("P020", "0")
    rows[j][2] = "81"             # out of range (cell)
    write(os.path.join(d, "export.csv"), "\n".join(csv_line(r) for r in [header] + rows) + "\n")
    write(os.path.join(d, "long-completers.properties"), """\
# (3) long export of one approach (approach= key, no arm column), no clinician column (all
# unknown), the default instruments (only pcl5 and phq9 are in the export), and a completers'
# analysis: the baseline is the score at visit 0, the final the score at visit 3.
layout=long
file=export.csv
approach=PE
suppression=false
column.client_id=ParticipantID
column.wave=visit
waves=0,1,2,3
baseline.wave=0
final.wave=3
""")


# ---------------------------------------------------------------- (4) wide, pre / post
def wide_prepost(out):
    rng = random.Random(1504)
    d = os.path.join(out, "wide-prepost")
    header = ["client_id", "approach", "clinician_id", "pcl5_pre", "pcl5_post", "gad7_pre", "gad7_post", "comment"]
    rows = []
    for i in range(1, 63):
        pid = "P%03d" % i
        a = rng.choice(["CPT", "PE", "pe", "Prolonged Exposure", "cpt"])
        slope = -14 if a.lower() == "cpt" else -11
        pcl = trajectory(rng, rng.gauss(50, 10), slope, 2, 0, 80, 9)
        gad = trajectory(rng, rng.gauss(13, 4), slope / 4, 2, 0, 21, 3)
        c = [str(pcl[0]), str(pcl[1]), str(gad[0]), str(gad[1])]
        if rng.random() < 0.15:
            c[1] = c[3] = ""        # no post assessment
        if rng.random() < 0.05:
            c = ["", "", "", ""]    # no scores at all: closed, not paired
        clin = "" if rng.random() < 0.25 else "C%d" % rng.randint(1, 5)
        comment = rng.choice(["", "", "ok", "seen twice, then moved", 'said "fine"', "two\nlines"])
        rows.append([pid, a, clin, *c, comment])
    rows[3][1] = "DBT"              # not configured: unknown approach
    rows[7][4] = "81"               # out of range (cell)
    rows[10][2] = "C 3"             # bad id (row)
    rows[13][5] = "12.0"            # integer with .0
    rows[16][6] = "seven"           # not an integer (cell)
    dup = list(rows[25])
    dup[4] = "10"
    rows.insert(40, dup)            # duplicate client_id
    text = "\ufeff" + "\n".join(csv_line(r) for r in [header] + rows) + "\n"
    write(os.path.join(d, "export.csv"), text, newline="\r\n")
    write(os.path.join(d, "instruments.csv"), INSTR_HEADER + PCL5 + GAD7)
    write(os.path.join(d, "wide-prepost.properties"), """\
# (4) wide pre/post export, UTF-8 with a byte-order mark and CRLF line ends, the pipeline's own
# column names for client, approach and clinician (empty clinician cells are unknown), quoted
# comments (one with a line break, so later records start one line further down).
layout=wide
file=export.csv
instruments=instruments.csv
approaches=CPT,PE
primary-instrument=pcl5
suppression=false
waves=pre,post
wave.pre.pcl5=pcl5_pre
wave.post.pcl5=pcl5_post
wave.pre.gad7=gad7_pre
wave.post.gad7=gad7_post
""")


def main(argv):
    out = os.path.abspath(argv[1] if len(argv) > 1 else DEFAULT_OUT)
    for make in (long_coded, wide_1252, long_completers, wide_prepost):
        make(out)
    print(f"exports written under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
