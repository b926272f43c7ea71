#!/usr/bin/env python3
"""Score `abgleich check -f json` against a gold of cross-outlet figure pairs.

usage: gold_eval.py GOLD.tsv CHECK.json CORPUS_DIR

GOLD.tsv (tab-separated, a header line): relation (agree, updated,
disagree), doc_a, figure_a, occ_a, doc_b, figure_b, occ_b, type, what.
figure_x is a substring of the file's body (after its front matter), occ_x
its occurrence there (1 = first). A figure is found when a claim of the
document covers it (same line, the claim's span overlapping it).

Prints, per relation: pairs, pairs whose figures are both claims, pairs in
one group and that group's verdict; for agree pairs the share in one agree
group; for updated pairs how many are in a conflict whose cause is not time.
"""
import collections, json, os, sys

def body_start(text):
    if text.startswith('---\n'):
        end = text.find('\n---\n', 4)
        if end >= 0:
            return end + 5
    return 0

def locate(path, fig, occ):
    """(line, col) 1-based of the occ-th figure in the body, col in characters."""
    text = open(path, encoding='utf-8').read()
    pos = body_start(text) - 1
    for _ in range(occ):
        pos = text.find(fig, pos + 1)
        if pos < 0:
            return None
    line = text.count('\n', 0, pos) + 1
    col = pos - (text.rfind('\n', 0, pos) + 1) + 1
    return line, col

def main():
    gold, check, corpus = sys.argv[1:4]
    rows = [l.rstrip('\n').split('\t') for l in open(gold, encoding='utf-8')][1:]
    groups = json.load(open(check, encoding='utf-8'))['groups']
    where = collections.defaultdict(list)  # doc basename -> [(line, col, len, group)]
    for g in groups:
        for c in g['claims']:
            where[os.path.basename(c['doc'])].append((c['line'], c['col'], len(c['text']), g))
    def find(doc, fig, occ):
        loc = locate(os.path.join(corpus, doc), fig, int(occ))
        if not loc:
            return None
        line, col = loc
        for l, c, n, g in where.get(doc, []):
            if l == line and c < col + len(fig) and col < c + n:
                return g
        return None
    stats = collections.defaultdict(collections.Counter)
    for r in rows:
        rel, da, fa, oa, db, fb, ob = r[:7]
        ga, gb = find(da, fa, oa), find(db, fb, ob)
        s = stats[rel]
        s['pairs'] += 1
        s['both claims'] += bool(ga and gb)
        if ga is not None and ga is gb:
            s['one group'] += 1
            s['one group, ' + ga['verdict'] + ('' if not ga['cause'] else ' (' + ga['cause'] + ')')] += 1
    for rel in sorted(stats):
        s = stats[rel]
        print(rel + ':', ', '.join('%s %d' % (k, v) for k, v in sorted(s.items())))
    a = stats['agree']
    if a['pairs']:
        print('agree pairs in one agree group: %d of %d (%.0f %%)' %
              (a['one group, agree'], a['pairs'], 100.0 * a['one group, agree'] / a['pairs']))
    u = stats['updated']
    bad = sum(v for k, v in u.items() if k.startswith('one group, conflict') and '(time)' not in k)
    print('updated pairs in a conflict without cause time: %d of %d' % (bad, u['pairs']))

main()
