#!/usr/bin/python3
"""Write the two-outlet news corpus: one UTF-8 .txt file per item of the
public archive Brelage/zeitgeist (data/archive.jsonl: items of the front
pages of tagesschau.de and zeit.de, gathered daily since August 2025).

Each file has front matter (title, source, published = the day the item was
gathered) and the title and text as its body. An item gathered twice with
the same address and the same text is written once; an item whose text
changed between days (a live blog, an updated report) is written once per
version, because an update is what a cross-check has to cope with.

usage: zeitgeist.py GITDIR OUTDIR
GITDIR is any directory `git -C` accepts (a clone or a bare mirror).
The texts belong to their publishers: keep them out of the repository.
"""
import json
import os
import shutil
import subprocess
import sys

OUTLETS = {
    "https://www.tagesschau.de/api2u/homepage/": ("tagesschau", "tagesschau.de"),
    "https://www.zeit.de/index": ("zeit", "ZEIT ONLINE"),
}


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    gitdir, out = sys.argv[1], sys.argv[2]
    raw = subprocess.run(["git", "-C", gitdir, "show", "HEAD:data/archive.jsonl"],
                         check=True, capture_output=True).stdout.decode("utf-8")
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    seen = set()
    count = {}
    skipped = 0
    for line in raw.splitlines():
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            skipped += 1
            continue
        outlet = OUTLETS.get(item.get("source"))
        text = (item.get("content") or "").strip()
        day = item.get("gathered_date") or ""
        if not outlet or not text or len(day) != 10:
            skipped += 1
            continue
        key = (item.get("url"), text)
        if key in seen:
            continue
        seen.add(key)
        prefix, name = outlet
        n = count[prefix] = count.get(prefix, 0) + 1
        title = " ".join((item.get("title") or "").split())
        path = os.path.join(out, "%s-%s-%04d.txt" % (day, prefix, n))
        with open(path, "w", encoding="utf-8") as f:
            f.write("---\ntitle: %s\nsource: %s\npublished: %s\n---\n" % (title, name, day))
            if title:
                f.write(title + "\n\n")
            f.write(text + "\n")
    for prefix in sorted(count):
        print("%-12s %5d items" % (prefix, count[prefix]))
    print("%-12s %5d items (no text, outlet or day)" % ("skipped", skipped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
