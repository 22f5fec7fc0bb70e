#!/usr/bin/env python3
"""Independent check of a research report's clinical-significance results (SIGNIFICANCE.md).

Usage: PYTHONDONTWRITEBYTECODE=1 python3 check-significance.py --job=FILE --report=DIR
           [--instruments=FILE] [--significance=LIST] [--no-hlm] [--summary]
--instruments and --significance override the job file's keys as the jar's flags of the same names
do; --summary prints the expected table only (DIR not needed). Standard library only; written from
SIGNIFICANCE.md (sections 0-7, 9, 11), not from the Java code. Exit 0 when everything agrees, 1 on
a difference, 2 on bad usage, a refused job file / export / instrument file, or a report written
with suppression on (the exact comparison needs `suppression=false`).

What it computes. The job file, the export and the paired episodes (baseline / final per
instrument and participant, RESEARCH.md) are read by check-research.py's functions (imported as a
module, unchanged). Per instrument (instrument-file order), for every method of `significance`
(JT, GLN, HLL, EN, NK, HA, HLM, percentage, anchor; default JT), in the contract's order:
- the statistics of section 0 over ALL paired episodes of the instrument, pooled over the
  approaches (pre = baseline, post = final): M_pre, M_post, SD_pre, SD_post (n - 1), r12;
- the RCI methods of section 2 (crit z2; HA z1, with r_dd), the undefined cases of 2.7;
- HLM (section 3): a REML fit of y = b0 + b1 t + u0 + u1 t + e over every score of the paired
  episodes with >= 3 scores (time = the wave label when every label of `waves` is a number, else
  the wave's position from 1), the profiled criterion minimised by Nelder-Mead from several starts
  (then restarted until it no longer improves), RCI = u_hat1 / sqrt(C[2,2]);
- percentage change (section 4, inclusive, pct = (post - pre) / pre, pre = 0 by the sign, pre < 0
  undefined) and the anchor (5.1, inclusive, change != 0);
- the combined approach (section 7) of every method but percentage: Jacobson & Truax's cut-off of
  `cutoff_type` (6.1, a/b/c; b with SD_func) on observed scores with 6.2's strict flags; for HA the
  true-score cut-off of 6.3 and the CS_indiv flags (harmed needs clinical_post); for HLM the
  cut-off from the HLM sample's first scores, pre / post = each kept episode's first / last score;
- three-way counts per approach (configured order) and ALL; five-way n_recovered,
  n_improved_not_recovered, n_harmed; `cutoff`; `critical_value` (z2, z1, empty);
- each paired episode's `category_<method>` (five-way where the combined approach has a cut-off,
  else three-way; empty where the method is not computed or, HLM, fewer than 3 scores).
It compares them with DIR/csv/clinical_significance.csv (header, rows and their order, every cell:
counts exactly, cutoff and critical_value within 1e-9 relative), the category_* columns of
DIR/csv/episode_outcomes.csv (the last columns of its header, exact labels) and, as a set, the
method list DIR/run.json records (parameters.significance).

Readings taken where the contract leaves a choice (printed with --readings):
S1  Parameters: r = `reliability`, else `rc_reliability`; r_post = `reliability_post`, else r;
    cutoff_type defaults to a; p_det / MID_det default to p_imp / MID_imp. An RCI method (JT, GLN,
    HLL, EN, NK, HA) without r is left out (no rows); percentage without pct_improvement and
    anchor without mid_improvement too. HLM needs no r (its RCI is the model's).
S2  Undefined (rows with every cell after `approach` empty, episode categories empty), section
    11's "2.7, 4, 8": 2.7's cases (n < 2, SD_pre = 0, r = 1 except NK, NK's denominator 0, HA's
    SD_post = 0 or r_dd <= 0); percentage with a pre < 0;
    percentage / anchor with no pair (n = 0); HLM without an episode of 3 or more scores, or
    with fewer than 3 such episodes, or a singular fit.
S3  Cut-off b / c without functional_mean / functional_sd: the three-way counts and critical value
    are written, the five-way cells and cutoff empty, episode categories three-way. The same when
    the cut-off itself cannot be computed (n < 2 for a; c with SD_clin + SD_func = 0), and for HA
    when 6.3's true-score cut-off is undefined (r_post <= 0; b / c with r_func <= 0): section 11
    names only 2.7, 4 and 8 as emptying a method's cells, the HA RCI of 2.6 needs no cut-off, and
    the five-way cells are "empty where the instrument has no cut-off for the combined approach".
S4  Sample means are left-to-right sums / n, SDs sqrt(sum of squared deviations / (n - 1)).
S5  category_<method> columns come in the contract's method order, whatever the order of the
    `significance` list (duplicates ignored).
"""
import argparse
import csv
import importlib.util
import math
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from outcome_inputs import fmt, print_verdict, read_instrument_file, read_records  # noqa: E402

_spec = importlib.util.spec_from_file_location("check_research", os.path.join(HERE, "check-research.py"))
cr = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cr)

Z2 = 1.959963984540054
Z1 = 1.6448536269514722
METHODS = ["JT", "GLN", "HLL", "EN", "NK", "HA", "HLM", "percentage", "anchor"]
RCI_METHODS = ["JT", "GLN", "HLL", "EN", "NK", "HA"]
CS_COLUMNS = ("instrument,method,approach,n,n_improved,n_unchanged,n_deteriorated,n_recovered,"
              "n_improved_not_recovered,n_harmed,cutoff,critical_value").split(",")
COUNTS = ["n", "n_improved", "n_unchanged", "n_deteriorated", "n_recovered", "n_improved_not_recovered",
          "n_harmed"]
NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
TOL = 1e-9

READINGS = __doc__[__doc__.index("S1  "):]


class Refused(Exception):
    pass


class Undefined(Exception):
    """The method is undefined on this instrument's data (section 2.7, 4, 6.3, 8)."""


# ---------------------------------------------------------------- parameters (section 11)
def read_parameters(path, insts):
    """The optional columns of the instrument file, per key: r, r_post, m_f, sd_f, type, p_imp,
    p_det, mid_imp, mid_det (None when not given). Refused on a malformed value."""
    out = {}
    recs = read_records(path)
    header = [h.strip() for h in recs[0][1]]
    for line, rec in recs[1:]:
        row = {h: (rec[j].strip() if j < len(rec) else "") for j, h in enumerate(header)}
        key = row.get("key", "")

        def number(col, lo=None, hi=None):
            v = row.get(col, "")
            if v == "":
                return None
            if not NUMBER.fullmatch(v):
                raise Refused(f"{path} line {line}, column {col}: {v!r} is not a number")
            x = float(v)
            if not math.isfinite(x) or (lo is not None and x < lo) or (hi is not None and x > hi):
                raise Refused(f"{path} line {line}, column {col}: {v} out of range")
            return x

        r = number("reliability", 0, 1)
        if r is None:
            r = number("rc_reliability")
            if r is not None and not 0 <= r <= 1:
                raise Refused(f"{path} line {line}: rc_reliability {r} out of [0, 1]")
        r_post = number("reliability_post", 0, 1)
        ctype = row.get("cutoff_type", "").lower() or "a"
        if ctype not in ("a", "b", "c"):
            raise Refused(f"{path} line {line}, column cutoff_type: {row.get('cutoff_type')!r}")
        p_imp, p_det = number("pct_improvement", 0, 1), number("pct_deterioration", 0, 1)
        mid_imp, mid_det = number("mid_improvement", 0), number("mid_deterioration", 0)
        sd_f = number("functional_sd", 0)
        out[key] = dict(r=r, r_post=r_post if r_post is not None else r, m_f=number("functional_mean"), sd_f=sd_f,
                        type=ctype, p_imp=p_imp, p_det=p_det if p_det is not None else p_imp, mid_imp=mid_imp,
                        mid_det=mid_det if mid_det is not None else mid_imp)
    missing = [x["key"] for x in insts if x["key"] not in out]
    if missing:
        raise Refused(f"{path}: no parameters for {missing}")
    return out


def method_list(text):
    if text is None or text.strip() == "":
        return ["JT"]
    asked = set()
    for m in text.split(","):
        m = m.strip()
        if m not in METHODS:
            raise Refused(f"significance: unknown method {m!r}")
        asked.add(m)
    return [m for m in METHODS if m in asked]


# ---------------------------------------------------------------- statistics (section 0)
def mean(xs):
    s = 0.0
    for x in xs:
        s += x
    return s / len(xs)


def sd(xs, m):
    s = 0.0
    for x in xs:
        s += (x - m) * (x - m)
    return math.sqrt(s / (len(xs) - 1))


def stats(pre, post):
    n = len(pre)
    S = dict(n=n)
    if n >= 1:
        S["m_pre"], S["m_post"] = mean(pre), mean(post)
    if n >= 2:
        S["sd_pre"], S["sd_post"] = sd(pre, S["m_pre"]), sd(post, S["m_post"])
        sxy = sxx = syy = 0.0
        for x, y in zip(pre, post):
            sxy += (x - S["m_pre"]) * (y - S["m_post"])
            sxx += (x - S["m_pre"]) ** 2
            syy += (y - S["m_post"]) ** 2
        S["r12"] = sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else None
    return S


def three_way(d, x, crit):
    if d * x > crit:
        return "improved"
    if d * x < -crit:
        return "deteriorated"
    return "unchanged"


# ---------------------------------------------------------------- RCI methods (section 2)
def rci_categories(method, pre, post, S, P, d):
    n = S["n"]
    if n < 2 or S["sd_pre"] == 0:
        raise Undefined("n < 2 or SD_pre = 0")
    r, sdp, mp, mq = P["r"], S["sd_pre"], S["m_pre"], S["m_post"]
    if r == 1 and method != "NK":
        raise Undefined("r = 1")
    se = sdp * math.sqrt(1 - r)
    out = []
    if method == "JT":
        s_diff = math.sqrt(2 * se ** 2)
        vals = [(b - a) / s_diff for a, b in zip(pre, post)]
    elif method in ("GLN", "HLL"):
        se_pred = sdp * math.sqrt(1 - r ** 2)
        centre = mp if method == "GLN" else mq
        vals = [((b - centre) - r * (a - mp)) / se_pred for a, b in zip(pre, post)]
    elif method == "EN":
        vals = [(b - (r * (a - mp) + mp)) / se for a, b in zip(pre, post)]
    elif method == "NK":
        rp = P["r_post"]
        den = math.sqrt(r ** 2 * sdp ** 2 * (1 - r) + sdp ** 2 * (1 - rp))
        if den == 0:
            raise Undefined("NK denominator 0")
        vals = [(b - (r * (a - mp) + mp)) / den for a, b in zip(pre, post)]
    elif method == "HA":
        sdq = S["sd_post"]
        if sdq == 0:
            raise Undefined("SD_post = 0")
        r_xx1 = (sdp ** 2 - se ** 2) / sdp ** 2
        r_xx2 = (sdq ** 2 - se ** 2) / sdq ** 2
        r12 = S["r12"]
        num = sdp ** 2 * r_xx1 + sdq ** 2 * r_xx2 - 2 * sdp * sdq * r12
        r_dd = num / (sdp ** 2 + sdq ** 2 - 2 * sdp * sdq * r12)
        if not r_dd > 0:
            raise Undefined("r_dd <= 0")
        vals = [((b - a) * r_dd + (mq - mp) * (1 - r_dd)) / (math.sqrt(r_dd) * math.sqrt(2 * se ** 2))
                for a, b in zip(pre, post)]
    crit = Z1 if method == "HA" else Z2
    out = [three_way(d, v, crit) for v in vals]
    margin = min((abs(abs(v) - crit) for v in vals), default=None)
    return out, crit, margin


# ---------------------------------------------------------------- percentage and anchor (4, 5.1)
def pct_categories(pre, post, P, d):
    if not pre:
        raise Undefined("no pair")
    if any(a < 0 for a in pre):
        raise Undefined("pre < 0")
    out = []
    for a, b in zip(pre, post):
        if a == 0:
            ch = d * (b - a)
            out.append("improved" if ch > 0 else "deteriorated" if ch < 0 else "unchanged")
            continue
        pct = (b - a) / a
        if b != a and d * pct >= P["p_imp"]:
            out.append("improved")
        elif b != a and d * pct <= -P["p_det"]:
            out.append("deteriorated")
        else:
            out.append("unchanged")
    return out


def anchor_categories(pre, post, P, d):
    if not pre:
        raise Undefined("no pair")
    out = []
    for a, b in zip(pre, post):
        ch = b - a
        if ch != 0 and d * ch >= P["mid_imp"]:
            out.append("improved")
        elif ch != 0 and d * ch <= -P["mid_det"]:
            out.append("deteriorated")
        else:
            out.append("unchanged")
    return out


# ---------------------------------------------------------------- cut-offs (6.1, 6.2, 6.3) and section 7
def jt_cutoff(S, P, d):
    """Jacobson & Truax's cut-off of P's type on the pre scores; None when it cannot be computed."""
    if S["n"] < 2:
        return None
    mc, sc = S["m_pre"], S["sd_pre"]
    t = P["type"]
    if t == "a":
        return mc + d * 2 * sc
    if P["m_f"] is None or P["sd_f"] is None:
        return None
    mf, sf = P["m_f"], P["sd_f"]
    if t == "b":
        return mf - d * 2 * sf
    if sc + sf == 0:
        return None
    return (sc * mf + sf * mc) / (sc + sf)


def combine(change, pre, post, cutoff, d):
    """Five-way categories of section 7 with a Jacobson & Truax cut-off on observed scores."""
    out = []
    for ch, a, b in zip(change, pre, post):
        clinical_pre = d * a < d * cutoff
        functional_post = d * b > d * cutoff
        if ch == "improved":
            out.append("recovered" if clinical_pre and functional_post else "improved")
        elif ch == "deteriorated":
            out.append("harmed" if not clinical_pre and not functional_post else "deteriorated")
        else:
            out.append("unchanged")
    return out


def ha_cutoff(S, P, d):
    """(cut-off, r_post, SE) of 6.3; None when b / c lack the functional parameters or the cut-off
    is undefined (r_post <= 0; b / c with r_func <= 0): no combined approach (reading S3)."""
    mc, sc, r = S["m_pre"], S["sd_pre"], P["r"]
    se = sc * math.sqrt(1 - r)
    if se == 0:
        raise Undefined("SE = 0")
    sq = S["sd_post"]
    r_clin = (sc ** 2 - se ** 2) / sc ** 2
    r_post = (sq ** 2 - se ** 2) / sq ** 2
    if not r_post > 0:
        return None  # reading S3: 6.3's cut-off undefined, the HA RCI (2.6) is not
    s1 = sc * math.sqrt(r_clin)
    t = P["type"]
    if t == "a":
        return mc + d * 2 * s1, r_post, se
    if P["m_f"] is None or P["sd_f"] is None:
        return None
    mf, sf = P["m_f"], P["sd_f"]
    r_func = (sf ** 2 - se ** 2) / sf ** 2 if sf > 0 else -math.inf
    if not r_func > 0:
        return None  # reading S3
    s0 = sf * math.sqrt(r_func)
    if t == "b":
        return mf - d * 2 * s0, r_post, se
    return (s1 * mf + s0 * mc) / (s1 + s0), r_post, se


def ha_combine(change, pre, post, cutoff, r_post, se, S, d):
    out = []
    mq = S["m_post"]
    for ch, a, b in zip(change, pre, post):
        cs = (mq + (b - mq) * r_post - cutoff) / (math.sqrt(r_post) * se)
        clinical_pre = d * a < d * cutoff
        functional_post = clinical_pre and d * cs > Z1
        clinical_post = not clinical_pre and d * cs < -Z1
        if ch == "improved":
            out.append("recovered" if clinical_pre and functional_post else "improved")
        elif ch == "deteriorated":
            out.append("harmed" if not clinical_pre and clinical_post else "deteriorated")
        else:
            out.append("unchanged")
    return out


# ---------------------------------------------------------------- HLM (section 3)
def _inv2(a):
    det = a[0][0] * a[1][1] - a[0][1] * a[1][0]
    return [[a[1][1] / det, -a[0][1] / det], [-a[1][0] / det, a[0][0] / det]], det


def _mm(a, b):
    return [[a[i][0] * b[0][j] + a[i][1] * b[1][j] for j in range(2)] for i in range(2)]


def _mv(a, v):
    return [a[0][0] * v[0] + a[0][1] * v[1], a[1][0] * v[0] + a[1][1] * v[1]]


def _t(a):
    return [[a[0][0], a[1][0]], [a[0][1], a[1][1]]]


class HLM:
    """lmer(y ~ t + (t | id), REML = TRUE) by the profiled criterion of section 3.2. With X_i = Z_i,
    each V*_i^-1 is taken through Woodbury: V*^-1 = I - Z L M^-1 L' Z', M = I + L' Z'Z L, and
    |V*_i| = |M|; only 2x2 matrices per id."""

    def __init__(self, groups):
        self.groups = []  # (ZtZ, Zty, yty)
        self.N = 0
        for ts, ys in groups:
            ztz = [[len(ts), sum(ts)], [sum(ts), sum(t * t for t in ts)]]
            zty = [sum(ys), sum(t * y for t, y in zip(ts, ys))]
            self.groups.append((ztz, zty, sum(y * y for y in ys)))
            self.N += len(ts)
        self.p = 2

    def _parts(self, theta):
        L = [[theta[0], 0.0], [theta[1], theta[2]]]
        Lt = _t(L)
        logdet = 0.0
        XVX = [[0.0, 0.0], [0.0, 0.0]]
        XVy = [0.0, 0.0]
        yVy = 0.0
        per = []
        for ztz, zty, yty in self.groups:
            M = _mm(_mm(Lt, ztz), L)
            M[0][0] += 1
            M[1][1] += 1
            Mi, det = _inv2(M)
            logdet += math.log(det)
            K = _mm(_mm(_mm(ztz, L), Mi), Lt)  # Z'Z L M^-1 L'
            A = [[ztz[i][j] - _mm(K, ztz)[i][j] for j in range(2)] for i in range(2)]  # Z' V*^-1 Z
            Kzy = _mv(K, zty)
            b = [zty[0] - Kzy[0], zty[1] - Kzy[1]]  # Z' V*^-1 y
            LMiL = _mm(_mm(L, Mi), Lt)
            c = yty - sum(zty[i] * _mv(LMiL, zty)[i] for i in range(2))  # y' V*^-1 y
            for i in range(2):
                XVy[i] += b[i]
                for j in range(2):
                    XVX[i][j] += A[i][j]
            yVy += c
            per.append((A, b, K, ztz, zty))
        XVXi, detx = _inv2(XVX)
        beta = _mv(XVXi, XVy)
        rss = yVy - 2 * (beta[0] * XVy[0] + beta[1] * XVy[1]) + sum(
            beta[i] * XVX[i][j] * beta[j] for i in range(2) for j in range(2))
        return L, logdet, detx, beta, rss, per

    def criterion(self, theta):
        try:
            L, logdet, detx, beta, rss, per = self._parts(theta)
        except (ZeroDivisionError, ValueError):
            return math.inf
        if detx <= 0 or rss <= 0:
            return math.inf
        np_ = self.N - self.p
        return logdet + math.log(detx) + np_ * (1 + math.log(2 * math.pi * rss / np_))

    def fit(self):
        rng = random.Random(20240611)
        starts = [(1.0, 0.0, 1.0), (0.5, 0.0, 0.2), (2.0, 0.5, 0.5), (1.0, -0.5, 0.1), (0.2, 0.1, 1.0),
                  (3.0, -1.0, 1.0), (0.1, 0.0, 0.1)]
        starts += [(rng.uniform(0, 3), rng.uniform(-1.5, 1.5), rng.uniform(0, 2)) for _ in range(8)]
        best = None
        for s in starts:
            x, f = nelder_mead(self.criterion, list(s), 0.5)
            if best is None or f < best[1]:
                best = (x, f)
        x, f = best
        for _ in range(50):  # polish: restart with a shrinking simplex until no gain
            x2, f2 = nelder_mead(self.criterion, x, 0.05)
            if f - f2 < 1e-10:
                if f2 < f:
                    x, f = x2, f2
                break
            x, f = x2, f2
        self.theta, self.value = x, f
        return x, f

    def rci(self):
        """Per group: (RCI = u_hat1 / sqrt(C[2,2])) at the fitted theta; also sigma, beta."""
        L, logdet, detx, beta, rss, per = self._parts(self.theta)
        sigma2 = rss / (self.N - self.p)
        self.sigma2, self.beta = sigma2, beta
        LLt = _mm(L, _t(L))
        out = []
        for A, b, K, ztz, zty in per:
            # Z' V*^-1 (y - X beta) = Z'V*^-1 y - Z'V*^-1 Z beta
            zr = [b[0] - _mv(A, beta)[0], b[1] - _mv(A, beta)[1]]
            u = _mv(LLt, zr)  # G Z' V^-1 r = sigma^2 LL' Z' (sigma^2 V*)^-1 r
            C = [[sigma2 * (LLt[i][j] - _mm(_mm(LLt, A), LLt)[i][j]) for j in range(2)] for i in range(2)]
            if not C[1][1] > 0:
                raise Undefined("HLM: conditional variance of the slope <= 0")
            out.append(u[1] / math.sqrt(C[1][1]))
        return out


def nelder_mead(f, x0, step, tol=1e-13, max_iter=20000):
    n = len(x0)
    pts = [list(x0)]
    for i in range(n):
        p = list(x0)
        p[i] += step if p[i] == 0 else step * max(1.0, abs(p[i]))
        pts.append(p)
    vals = [f(p) for p in pts]
    for _ in range(max_iter):
        order = sorted(range(n + 1), key=lambda i: vals[i])
        pts = [pts[i] for i in order]
        vals = [vals[i] for i in order]
        if abs(vals[-1] - vals[0]) <= tol * (1 + abs(vals[0])) and \
                max(abs(pts[-1][k] - pts[0][k]) for k in range(n)) < 1e-9:
            break
        cen = [sum(p[k] for p in pts[:-1]) / n for k in range(n)]
        xr = [cen[k] + (cen[k] - pts[-1][k]) for k in range(n)]
        fr = f(xr)
        if fr < vals[0]:
            xe = [cen[k] + 2 * (cen[k] - pts[-1][k]) for k in range(n)]
            fe = f(xe)
            if fe < fr:
                pts[-1], vals[-1] = xe, fe
            else:
                pts[-1], vals[-1] = xr, fr
        elif fr < vals[-2]:
            pts[-1], vals[-1] = xr, fr
        else:
            if fr < vals[-1]:
                xc = [cen[k] + 0.5 * (xr[k] - cen[k]) for k in range(n)]
            else:
                xc = [cen[k] + 0.5 * (pts[-1][k] - cen[k]) for k in range(n)]
            fc = f(xc)
            if fc < min(fr, vals[-1]):
                pts[-1], vals[-1] = xc, fc
            else:
                for i in range(1, n + 1):
                    pts[i] = [pts[0][k] + 0.5 * (pts[i][k] - pts[0][k]) for k in range(n)]
                    vals[i] = f(pts[i])
    i = min(range(n + 1), key=lambda j: vals[j])
    return pts[i], vals[i]


def hlm_time(J):
    waves = J["waves"]
    if all(cr.DEC_RE.fullmatch(w.strip()) for w in waves):
        return {w: float(w) for w in waves}
    return {w: float(k) for k, w in enumerate(waves, start=1)}


# ---------------------------------------------------------------- expected results
def expected(J, methods, params, no_hlm, notes):
    parts, _, _, approaches, _, _ = cr.read_export(J)
    tmap = hlm_time(J)
    rows, cats, unchecked = [], {}, set()
    for x in J["insts"]:
        key, d, P = x["key"], (1 if x["hib"] else -1), params[x["key"]]
        pairs = []
        for p in parts.values():
            o = cr.outcome(p, x, J)
            if o is not None:
                pairs.append((p, o))
        ids = [p.cid for p, o in pairs]
        appr = [p.approach for p, o in pairs]
        pre = [o["baseline"] for p, o in pairs]
        post = [o["final"] for p, o in pairs]
        S = stats(pre, post)
        for m in methods:
            if m in RCI_METHODS and P["r"] is None:
                continue
            if m == "percentage" and P["p_imp"] is None:
                continue
            if m == "anchor" and P["mid_imp"] is None:
                continue
            sel_ids, sel_appr = ids, appr
            crit = cutoff = five = None
            try:
                if m in RCI_METHODS:
                    three, crit, margin = rci_categories(m, pre, post, S, P, d)
                    if margin is not None and margin < 1e-6:
                        notes.append(f"{key} {m}: an RCI within {margin:.1e} of the critical value")
                    if m == "HA":
                        h = ha_cutoff(S, P, d)
                        if h is not None:
                            cutoff, r_post, se = h
                            five = ha_combine(three, pre, post, cutoff, r_post, se, S, d)
                    else:
                        cutoff = jt_cutoff(S, P, d)
                        if cutoff is not None:
                            five = combine(three, pre, post, cutoff, d)
                elif m == "percentage":
                    three = pct_categories(pre, post, P, d)
                elif m == "anchor":
                    three = anchor_categories(pre, post, P, d)
                    cutoff = jt_cutoff(S, P, d)
                    if cutoff is not None:
                        five = combine(three, pre, post, cutoff, d)
                else:  # HLM
                    keep = [(p, o) for p, o in pairs if len(p.scores[key]) >= 3]
                    if no_hlm:
                        unchecked.add(key)
                        continue
                    if len(keep) < 3:
                        raise Undefined("HLM: fewer than 3 episodes with 3 or more scores")
                    groups, first, last = [], [], []
                    for p, o in keep:
                        ws = [w for w in J["waves"] if w in p.scores[key]]
                        groups.append(([tmap[w] for w in ws], [p.scores[key][w] for w in ws]))
                        first.append(p.scores[key][ws[0]])
                        last.append(p.scores[key][ws[-1]])
                    model = HLM(groups)
                    model.fit()
                    vals = model.rci()
                    crit = Z2
                    three = [three_way(d, v, crit) for v in vals]
                    margin = min(abs(abs(v) - crit) for v in vals)
                    notes.append(f"{key} HLM: REML criterion {model.value:.6f} over {len(keep)} episodes "
                                 f"({model.N} scores); theta {', '.join('%.6g' % t for t in model.theta)}; "
                                 f"fixed effects {model.beta[0]:.4f}, {model.beta[1]:.4f}; residual SD "
                                 f"{math.sqrt(model.sigma2):.4f}; smallest | |RCI| - z2 | {margin:.4f}")
                    if margin < 1e-3:
                        notes.append(f"{key} HLM: an RCI within {margin:.1e} of z2 (the fit's tolerance matters)")
                    sel_ids = [p.cid for p, o in keep]
                    sel_appr = [p.approach for p, o in keep]
                    SH = stats(first, last)
                    cutoff = jt_cutoff(SH, P, d)
                    if cutoff is not None:
                        five = combine(three, first, last, cutoff, d)
            except Undefined as ex:
                notes.append(f"{key} {m}: undefined ({ex})")
                for a in list(approaches) + ["ALL"]:
                    rows.append(dict({c: None for c in CS_COLUMNS}, instrument=key, method=m, approach=a))
                for cid in ids:
                    cats[(cid, key, m)] = None
                continue
            labels = five if five is not None else three
            for cid, lab in zip(sel_ids, labels):
                cats[(cid, key, m)] = lab
            for a in list(approaches) + ["ALL"]:
                idx = [i for i in range(len(sel_ids)) if a == "ALL" or sel_appr[i] == a]
                r = dict(instrument=key, method=m, approach=a, n=len(idx),
                         n_improved=sum(three[i] == "improved" for i in idx),
                         n_unchanged=sum(three[i] == "unchanged" for i in idx),
                         n_deteriorated=sum(three[i] == "deteriorated" for i in idx),
                         n_recovered=None, n_improved_not_recovered=None, n_harmed=None,
                         cutoff=cutoff if five is not None else None, critical_value=crit)
                if five is not None:
                    r["n_recovered"] = sum(five[i] == "recovered" for i in idx)
                    r["n_improved_not_recovered"] = sum(five[i] == "improved" for i in idx)
                    r["n_harmed"] = sum(five[i] == "harmed" for i in idx)
                rows.append(r)
    episodes = [(p.cid, x["key"]) for x in J["insts"] for p in parts.values() if cr.outcome(p, x, J) is not None]
    return rows, cats, episodes, unchecked


# ---------------------------------------------------------------- comparing
def agrees(col, exp, act):
    if exp is None:
        return act == ""
    if col in COUNTS:
        return re.fullmatch(r"[0-9]+", act) is not None and int(act) == exp
    if col in ("instrument", "method", "approach"):
        return act == exp
    try:
        a = float(act)
    except ValueError:
        return False
    return math.isfinite(a) and abs(a - exp) <= TOL * max(abs(exp), 1e-300)


def compare_table(report, rows, unchecked, diffs, notes):
    path = os.path.join(report, "csv", "clinical_significance.csv")
    if not os.path.exists(path):
        diffs.append(("clinical_significance.csv", "-", "file", "(present)", "(missing)"))
        return
    recs = read_records(path)
    hdr = recs[0][1] if recs else []
    if hdr != CS_COLUMNS:
        diffs.append(("clinical_significance.csv", "header", "columns", ",".join(CS_COLUMNS), ",".join(hdr)))
        return
    act = [dict(zip(hdr, r)) for _, r in recs[1:]]
    key = lambda r: f"{r['instrument']} {r['method']} {r['approach']}"  # noqa: E731
    skip = lambda r: r["method"] == "HLM" and r["instrument"] in unchecked  # noqa: E731
    ek = [key(r) for r in rows]
    ak = [key(r) for r in act if not skip(r)]
    if ek != ak:
        for k in ek:
            if k not in ak:
                diffs.append(("clinical_significance.csv", k, "row", "(expected)", "(missing)"))
        for k in ak:
            if k not in ek:
                diffs.append(("clinical_significance.csv", k, "row", "(not expected)", "(present)"))
        common_e = [k for k in ek if k in ak]
        common_a = [k for k in ak if k in ek]
        if common_e != common_a:
            diffs.append(("clinical_significance.csv", "-", "row order", " | ".join(common_e), " | ".join(common_a)))
    by = {key(r): r for r in act}
    cells = 0
    for e in rows:
        a = by.get(key(e))
        if a is None:
            continue
        for c in CS_COLUMNS[3:]:
            cells += 1
            if not agrees(c, e[c], a.get(c, "")):
                diffs.append(("clinical_significance.csv", key(e), c, fmt(e[c]), a.get(c, "")))
    n_hlm = sum(1 for r in act if skip(r))
    notes.append(f"clinical_significance.csv: {len(rows)} rows expected, {len(act)} in the report, {cells} cells "
                 f"compared" + (f"; {n_hlm} HLM rows not checked" if n_hlm else ""))


def compare_categories(report, methods, cats, episodes, unchecked, diffs, notes):
    path = os.path.join(report, "csv", "episode_outcomes.csv")
    if not os.path.exists(path):
        diffs.append(("episode_outcomes.csv", "-", "file", "(present)", "(missing)"))
        return
    recs = read_records(path)
    hdr = recs[0][1]
    want = ["category_" + m for m in methods]
    tail = hdr[len(hdr) - len(want):] if want else []
    if tail != want or any(h.startswith("category_") for h in hdr[:len(hdr) - len(want)]):
        diffs.append(("episode_outcomes.csv", "header", "last columns", ",".join(want),
                      ",".join(h for h in hdr if h.startswith("category_"))))
    ci = {h: j for j, h in enumerate(hdr)}
    if "client_id" not in ci or "instrument" not in ci:
        diffs.append(("episode_outcomes.csv", "header", "client_id / instrument", "(columns)", "(missing)"))
        return
    seen = set()
    cells = 0
    for _, r in recs[1:]:
        k = (r[ci["client_id"]], r[ci["instrument"]])
        if k in seen:
            diffs.append(("episode_outcomes.csv", "%s %s" % k, "row", "1 row", "2 or more rows"))
        seen.add(k)
        for m in methods:
            c = "category_" + m
            if c not in ci or (m == "HLM" and k[1] in unchecked):
                continue
            exp = cats.get((k[0], k[1], m))
            act = r[ci[c]] if ci[c] < len(r) else ""
            cells += 1
            if (exp or "") != act:
                diffs.append(("episode_outcomes.csv", "%s %s" % k, c, exp or "", act))
    for k in episodes:
        if k not in seen:
            diffs.append(("episode_outcomes.csv", "%s %s" % k, "row", "(expected)", "(missing)"))
    notes.append(f"episode_outcomes.csv: {len(recs) - 1} rows, {cells} category cells compared")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--job", required=True)
    ap.add_argument("--report")
    ap.add_argument("--instruments")
    ap.add_argument("--significance")
    ap.add_argument("--no-hlm", action="store_true", help="leave HLM out (its rows and column are not checked)")
    ap.add_argument("--summary", action="store_true", help="print the expected table only")
    ap.add_argument("--readings", action="store_true")
    try:
        args = ap.parse_args(argv[1:])
    except SystemExit:
        return 2
    if args.readings:
        print(READINGS)
    if not (args.report or args.summary):
        print("error: give --report=DIR (or --summary)", file=sys.stderr)
        return 2
    try:
        J = cr.read_job(args.job)
        job_sig = next((v for k, v, _ in cr.read_properties(args.job) if k == "significance"), None)
        ipath = None
        if args.instruments:
            ipath = args.instruments
            J["insts"] = read_instrument_file(ipath)
        else:
            ipath = next((v.strip() for k, v, _ in cr.read_properties(args.job) if k == "instruments"), None)
            ipath = (os.path.join(os.path.dirname(os.path.abspath(args.job)), ipath) if ipath
                     else cr.BUNDLED_INSTRUMENTS)
        params = read_parameters(ipath, J["insts"])
        methods = method_list(args.significance if args.significance is not None else job_sig)
        notes = []
        rows, cats, episodes, unchecked = expected(J, methods, params, args.no_hlm, notes)
    except (Refused, cr.Refused) as ex:
        print(f"refused: {ex}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as ex:
        print(f"error: {ex}", file=sys.stderr)
        return 2
    diffs = []
    print(f"methods {','.join(methods)}; instruments {','.join(x['key'] for x in J['insts'])}")
    if args.summary or not args.report:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(CS_COLUMNS)
        for r in rows:
            w.writerow([fmt(r[c]) if not isinstance(r[c], int) else str(r[c]) for c in CS_COLUMNS])
        for s in notes:
            print("note: " + s)
        if not args.report:
            return 0
    supp = J["suppression"]
    run_json = os.path.join(args.report, "run.json")
    if os.path.exists(run_json):
        import json
        with open(run_json, encoding="utf-8") as f:
            run = json.load(f)
        ps = str((run.get("parameters") or {}).get("suppression", "")).lower()
        if ps in ("true", "false"):
            supp = ps == "true"
        rs = (run.get("parameters") or {}).get("significance")
        if isinstance(rs, str) and {m.strip() for m in rs.split(",") if m.strip()} != set(methods):
            diffs.append(("run.json", "parameters", "significance", ",".join(methods), rs))
    if supp:
        print("refused: suppression is on for this report; the exact comparison needs suppression=false",
              file=sys.stderr)
        return 2
    compare_table(args.report, rows, unchecked, diffs, notes)
    compare_categories(args.report, methods, cats, episodes, unchecked, diffs, notes)
    if unchecked:
        notes.append(f"HLM not checked for {', '.join(sorted(unchecked))} (--no-hlm)")
    return print_verdict(notes, diffs)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
