"""Reading the input files as the independent checkers need them: the records of a CSV with their
physical line numbers, the lines rejects.csv lists, and the cell values (NA, NULL and blanks are
no value). Shared by check-monthly-series.py and check-clinicians.py; standard library only.
"""
import csv
import os

NO_VALUE = {"", "na", "n/a", "nan", "null"}


def read_records(path):
    """RFC 4180 records with the physical line on which each starts; blank lines skipped."""
    out = []
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
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
