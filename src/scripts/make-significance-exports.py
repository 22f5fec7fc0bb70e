#!/usr/bin/env python3
"""Writes the synthetic exports of src/test/resources/significance-exports/ (RESEARCH.md layouts long
and wide), each with its job file and instrument file carrying SIGNIFICANCE.md's optional columns,
for an end-to-end comparison of the research job's clinical-significance results with
src/scripts/check-significance.py.

Usage: PYTHONDONTWRITEBYTECODE=1 python3 src/scripts/make-significance-exports.py [OUT_DIR]
Deterministic (fixed seeds, no clock); standard library only. The data are synthetic: ids like
S001, no names, dates, e-mail addresses or phone-like strings.
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "test", "resources", "significance-exports")
INSTR_HEADER = ("key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,rc_reliability,reliability,"
                "reliability_post,functional_mean,functional_sd,cutoff_type,mid_improvement,mid_deterioration,"
                "pct_improvement,pct_deterioration\n")


def clip(x, lo, hi):
    return max(lo, min(hi, x))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def series(rng, base, slope, times, lo, hi, noise, integer=True):
    out = []
    for t in times:
        v = clip(base + slope * t + rng.gauss(0, noise), lo, hi)
        out.append(int(round(v)) if integer else round(v * 2) / 2)
    return out


# ---------------------------------------------------------------- (1) long, numeric waves 0,3,6,12
def long_months(out):
    rng = random.Random(2611)
    d = os.path.join(out, "long-months")
    times = [0, 3, 6, 12]
    arms = {"TAU": (-0.25, 0.3), "CBT": (-0.8, 0.8), "IPT": (-0.55, 0.6)}
    rows = []
    forced = {  # phq9 baseline -> final (wave 12): the thresholds' ties
        1: (14, 7),    # -50 %: improved (inclusive); change -7
        2: (20, 10),   # -50 %
        3: (12, 15),   # +25 % = pct_deterioration, +3 = mid_deterioration: deteriorated twice
        4: (16, 11),   # change -5 = mid_improvement: improved; -31.25 %: unchanged
        5: (10, 13),   # +3, +30 %
        6: (8, 10),    # +25 % exactly, +2 (anchor unchanged)
        7: (18, 18),   # no change
    }
    who_forced = {  # who5 (higher is better) baseline -> final
        11: (0, 6), 12: (0, 0), 13: (0, 3), 14: (0, 12), 15: (0, 1),  # pre 0: by the sign; 0 -> 0 unchanged
        16: (10, 13),  # +30 % = pct_improvement; +3
        17: (10, 8),   # -20 % = pct_deterioration; -2
        18: (9, 13),   # +4 = mid: improved
        19: (14, 10),  # -4 = mid: deteriorated
    }
    for i in range(1, 97):
        sid = "S%03d" % i
        arm = ["TAU", "CBT", "IPT"][i % 3]
        mean_slope, sd_slope = arms[arm]
        phq = series(rng, rng.gauss(17, 4), rng.gauss(mean_slope, sd_slope), times, 0, 27, 1.8)
        wsas = series(rng, rng.gauss(24, 6), rng.gauss(mean_slope * 1.2, 0.6), times, 0, 40, 2.5)
        who = series(rng, rng.gauss(8, 3.5), rng.gauss(-mean_slope * 0.9, 0.5), times, 0, 25, 2)
        if i in forced:
            phq[0], phq[3] = forced[i]
        if i in who_forced:
            who[0], who[3] = who_forced[i]
        present = [0, 1, 2, 3]
        u = rng.random()
        if i not in forced and i not in who_forced:
            if u < 0.12:
                present = [0, 3]        # two scores: paired, not in the HLM sample
            elif u < 0.20:
                present = [0, 2]        # final at month 6, two scores
            elif u < 0.26:
                present = [0, 1, 2]     # three scores, final at month 6
            elif u < 0.30:
                present = [1, 2, 3]     # no month-0 score: baseline at month 3
            elif u < 0.33:
                present = [0]           # never paired
        for k in present:
            p, w, q = str(phq[k]), str(wsas[k]), str(who[k])
            r = rng.random()
            if i in forced or i in who_forced:
                pass  # the ties keep every cell
            elif r < 0.04:
                w = "NA"
            elif r < 0.06:
                q = ""
            rows.append([sid, arm, str(times[k]), p, w, q])
    rng.shuffle(rows)  # rows in no particular order: time order comes from waves
    text = "id,arm,visit,phq9,wsas,who5\n" + "".join(",".join(r) + "\n" for r in rows)
    write(os.path.join(d, "export.csv"), text)
    write(os.path.join(d, "instruments.csv"), INSTR_HEADER +
          # r from rc_reliability (no reliability column value); cut-off a; 50 % / 25 %; MID 5 / 3
          "phq9,PHQ-9,0,27,false,true,10,,4.5,0.85,,,,,a,5,3,0.5,0.25\n"
          # reliability_post for NK; cut-off b with the functional SD; no percentage, no anchor
          "wsas,WSAS,0,40,false,true,20,8,,,0.8,0.7,8,5,b,,,,\n"
          # higher is better, pre 0 cases; cut-off c; 30 % / 20 %; MID 4 (both)
          "who5,WHO-5 raw,0,25,true,true,13,5,,,0.84,,17,4,c,4,,0.3,0.2\n")
    write(os.path.join(d, "long-months.properties"), """\
# (1) long export, one row per participant and visit in shuffled order; numeric wave labels 0, 3, 6,
# 12 (months: HLM's time is the label), three approaches in a configured order that is not the
# data's, missed visits (episodes with 2 scores are paired but not in the HLM sample), NA and empty
# score cells. phq9: r from rc_reliability, cut-off a, percentage 50 % / 25 % and MID 5 / 3 with
# exact ties (14 -> 7, 20 -> 10, 12 -> 15, 16 -> 11, 10 -> 13, 8 -> 10); wsas: reliability_post,
# cut-off b with the functional mean and SD, no percentage or anchor parameters (left out); who5:
# higher is better, pre scores 0, cut-off c, 30 % / 20 %, MID 4 with ties. The methods are listed
# out of the contract's order.
layout=long
file=export.csv
instruments=instruments.csv
column.client_id=id
column.approach=arm
column.wave=visit
waves=0,3,6,12
approaches=IPT,TAU,CBT
primary-instrument=phq9
significance=anchor,HLM,JT,percentage,HA,NK,GLN
suppression=false
""")


# ---------------------------------------------------------------- (2) wide, text waves
def wide_text(out):
    rng = random.Random(3918)
    d = os.path.join(out, "wide-text")
    waves = ["intake", "mid", "end"]
    header = ["client_id", "approach"]
    for inst, col in (("gad7", "GAD"), ("scr", "SCR"), ("mood", "Mood"), ("pss", "PSS")):
        header += ["%s_%s" % (col, w) for w in waves]
    rows = []
    for i in range(1, 73):
        sid = "W%03d" % i
        arm = "ACT" if i % 2 else "Behavioural Activation"
        gain = 1.0 if arm == "ACT" else 1.4
        gad = series(rng, rng.gauss(13, 3.5), -gain * rng.gauss(2.2, 1.2), [0, 1, 2], 0, 21, 1.5)
        scr = series(rng, 12, -gain * rng.gauss(1.8, 1.5), [0, 1, 2], 0, 30, 2)
        scr[0] = 12  # every intake score 12: SD_pre = 0
        mood = series(rng, rng.gauss(-1, 3), gain * rng.gauss(1.5, 0.9), [0, 1, 2], -10, 10, 1.2, integer=False)
        pss = series(rng, rng.gauss(24, 5), -gain * rng.gauss(3, 1.5), [0, 1, 2], 0, 40, 2)
        cells = [sid, arm]
        drop = rng.random()
        for inst, vals in (("gad7", gad), ("scr", scr), ("mood", mood), ("pss", pss)):
            v = [str(x) for x in vals]
            if drop < 0.15:
                v[1] = ""            # two scores: paired, not in the HLM sample
            elif drop < 0.22:
                v[2] = ""            # final = mid
            elif drop < 0.25 and inst != "scr":
                v[0] = ""            # baseline = mid (not scr: its baselines stay 12)
            cells += v
        rows.append(cells)
    write(os.path.join(d, "export.csv"), ",".join(header) + "\n" + "".join(",".join(r) + "\n" for r in rows))
    write(os.path.join(d, "instruments.csv"), INSTR_HEADER +
          # reliability 1: JT, GLN, HLL, EN, HA undefined; NK with reliability_post 0.8 defined;
          # cut-off c without the functional mean and SD: three-way counts only
          "gad7,GAD-7,0,21,false,true,8,4,,,1,0.8,,,c,4,,0.5,\n"
          # every intake score 12: SD_pre = 0 (RCI methods undefined), percentage and anchor defined
          "scr,Screener,0,30,false,true,,6,,,0.8,,,,a,3,,0.4,\n"
          # pre scores below 0: percentage undefined; cut-off b with a functional SD below SE: HA's
          # r_func <= 0 (undefined), JT & Co. with b; MID 2 / 1.5
          "mood,Mood rating,-10,10,true,false,,3,,,0.75,,3,0.5,b,2,1.5,0.5,\n"
          # no reliability, percentage or MID: only HLM (which needs none)
          "pss,PSS-10,0,40,false,true,,8,,,,,,,a,,,,\n")
    write(os.path.join(d, "wide-text.properties"), """\
# (2) wide export, text wave labels intake, mid, end (HLM's time is the position 1, 2, 3), two
# approaches (one by its long name), every method. gad7: reliability 1 (JT, GLN, HLL, EN and HA
# undefined, NK with reliability_post defined), cut-off c without functional parameters; scr: every
# intake score the same (SD_pre = 0); mood: higher is better, decimals, pre scores below 0
# (percentage undefined), cut-off b whose functional SD makes HA's r_func negative; pss: none of the
# optional parameters.
layout=wide
file=export.csv
instruments=instruments.csv
approaches=ACT,Behavioural Activation
primary-instrument=gad7
waves=intake,mid,end
wave.intake.gad7=GAD_intake
wave.mid.gad7=GAD_mid
wave.end.gad7=GAD_end
wave.intake.scr=SCR_intake
wave.mid.scr=SCR_mid
wave.end.scr=SCR_end
wave.intake.mood=Mood_intake
wave.mid.mood=Mood_mid
wave.end.mood=Mood_end
wave.intake.pss=PSS_intake
wave.mid.pss=PSS_mid
wave.end.pss=PSS_end
significance=JT,GLN,HLL,EN,NK,HA,HLM,percentage,anchor
suppression=false
""")


# ---------------------------------------------------------------- (3) long, text waves, completers
def long_completers(out):
    rng = random.Random(4423)
    d = os.path.join(out, "long-screen-followup")
    waves = ["screen", "pre", "post", "fu"]
    rows = []
    for i in range(1, 49):
        sid = "F%03d" % i
        base = rng.gauss(45, 9)
        slope = rng.gauss(5, 3)
        qol = series(rng, base, slope, [0, 1, 2, 3], 0, 100, 3)
        present = [0, 1, 2, 3]
        u = rng.random()
        if u < 0.15:
            present = [1, 2]       # pre and post only: two scores
        elif u < 0.25:
            present = [0, 1, 2]    # no follow-up
        elif u < 0.32:
            present = [0, 1, 3]    # no post: not paired (final.wave=post)
        for k in present:
            rows.append([sid, waves[k], str(qol[k])])
    write(os.path.join(d, "export.csv"), "participant,timepoint,qol\n" + "".join(",".join(r) + "\n" for r in rows))
    write(os.path.join(d, "instruments.csv"), INSTR_HEADER +
          "qol,Quality of life,0,100,true,true,60,12,,,0.88,0.9,70,12,c,10,8,0.25,0.15\n")
    write(os.path.join(d, "long-screen-followup.properties"), """\
# (3) long export, one approach for all (approach=), text waves screen, pre, post, fu with
# baseline.wave=pre and final.wave=post (completers: no post, not paired); HLM over every score
# of the paired episodes (screening and follow-up too), time the position 1..4. qol: higher is
# better, cut-off c, MID 10 / 8, percentage 25 % / 15 %.
layout=long
file=export.csv
instruments=instruments.csv
column.client_id=participant
column.wave=timepoint
approach=Group programme
waves=screen,pre,post,fu
baseline.wave=pre
final.wave=post
primary-instrument=qol
significance=JT,HLL,HA,HLM,percentage,anchor
suppression=false
""")


def main(argv):
    out = argv[1] if len(argv) > 1 else DEFAULT_OUT
    long_months(out)
    wide_text(out)
    long_completers(out)
    print(f"written to {out}")


if __name__ == "__main__":
    main(sys.argv)
