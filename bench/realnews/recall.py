#!/usr/bin/env python3
"""recall.py: recall of a figure-pair gold file against `abgleich facts`.

usage: recall.py ABGLEICH GOLD.tsv TEXTDIR [--misses] [--typed]

GOLD.tsv (tab-separated, header line): relation, doc_a, figure_a, occ_a,
doc_b, figure_b, occ_b, type, what. figure_x is an exact substring of
TEXTDIR/doc_x, occ_x its occurrence (1 = first) in the body after the front
matter. A figure counts as found when the span (offset, length; bytes of
the file for .txt) of some fact covers it. Prints found/total per type,
over every figure string of the file and over the distinct ones
(doc, figure, occ); --typed counts a figure only when the covering fact has
the gold type; --misses lists what was not found.
"""
import collections
import json
import subprocess
import sys


def body_start(data):
    if data.startswith(b"---\n"):
        end = data.find(b"\n---\n", 3)
        if end >= 0:
            return end + 5
    return 0


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show_misses = "--misses" in sys.argv
    typed = "--typed" in sys.argv
    exe, gold, textdir = args
    rows = []
    with open(gold, encoding="utf-8") as fp:
        next(fp)
        for line in fp:
            f = line.rstrip("\n").split("\t")
            if len(f) < 9:
                continue
            rows.append(f)
    docs = sorted({r[1] for r in rows} | {r[4] for r in rows})
    out = subprocess.run([exe, "facts", "-f", "jsonl", "-j", "4", "-q"] +
                         [textdir + "/" + d for d in docs],
                         capture_output=True, check=False).stdout
    facts = collections.defaultdict(list)
    for line in out.splitlines():
        j = json.loads(line)
        name = j["doc"].rsplit("/", 1)[-1]
        facts[name].append((j["offset"], j["offset"] + j["length"], j["type"], j["text"]))
    cache = {}
    per = collections.defaultdict(lambda: [0, 0])
    uniq = collections.defaultdict(dict)
    misses = []
    for r in rows:
        typ = r[7]
        for doc, fig, occ in ((r[1], r[2], r[3]), (r[4], r[5], r[6])):
            if doc not in cache:
                with open(textdir + "/" + doc, "rb") as fp:
                    cache[doc] = fp.read()
            data = cache[doc]
            needle = fig.encode("utf-8")
            pos = body_start(data) - 1
            for _ in range(int(occ)):
                pos = data.find(needle, pos + 1)
                if pos < 0:
                    break
            if pos < 0:
                print("not in the text: %s %r %s" % (doc, fig, occ), file=sys.stderr)
                continue
            end = pos + len(needle)
            hit = any(a <= pos and b >= end and (not typed or t == typ)
                      for a, b, t, _ in facts[doc])
            per[typ][0] += hit
            per[typ][1] += 1
            uniq[typ][(doc, fig, occ)] = hit
            if not hit:
                near = [x for a, b, t, x in facts[doc] if a < end and b > pos]
                misses.append((typ, doc, fig, near))
    tot = [0, 0]
    utot = [0, 0]
    print("%-9s %14s %14s" % ("type", "figures", "distinct"))
    for typ in sorted(per):
        f, n = per[typ]
        uf = sum(uniq[typ].values())
        un = len(uniq[typ])
        tot[0] += f; tot[1] += n; utot[0] += uf; utot[1] += un
        print("%-9s %4d/%-4d %.3f %4d/%-4d %.3f" % (typ, f, n, f / n, uf, un, uf / un))
    print("%-9s %4d/%-4d %.3f %4d/%-4d %.3f" % ("all", tot[0], tot[1], tot[0] / tot[1],
                                               utot[0], utot[1], utot[0] / utot[1]))
    if show_misses:
        for typ, doc, fig, near in misses:
            print("miss %-8s %-34s %-30s %s" % (typ, doc, fig, near))


if __name__ == "__main__":
    main()
