#!/bin/sh
# The HTML report in a real browser: `abgleich check -f html` over the
# corpus and over tests/html/feindlich (articles with markup in their
# sentences), rendered by headless chromium. The DOM chromium built
# (--dump-dom) must hold every conflict of the corpus answer key with its
# figures in <mark>, no script element at all, and the hostile article
# text as text; a screenshot of the corpus report is kept as an artifact.
# The same DOM checks run first on the page as libxml2's HTML parser
# reads it, so that a broken page fails even where no browser runs; then
# the test exits 77 (skipped) when chromium is missing or cannot start.
# Usage: check_html.sh ABGLEICH CHECK_HTML_DOM ARTIFACT_DIR
#        (run from the repository root; CHROMIUM=... picks the browser)
set -eu
bin=$1
dom_check=$2
art=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

report() { # OUT PATH...: check exits 1 here (conflicts found)
    out=$1
    shift
    rc=0
    "$bin" check -f html -o "$out" "$@" || rc=$?
    if [ "$rc" -ne 1 ]; then
        echo "check_html: check -f html $* exited with $rc, expected 1" >&2
        exit 1
    fi
}

corpus_checks() { # DOM: the conflicts of the answer key (corpus/README.md, 3.)
    nbsp=$(printf '\302\240') # boersenbrief writes 27 % with a no-break space
    "$dom_check" "$1" --conflicts 4 \
        --group conflict percent Microsoft - "Widerspruch" \
            "etwa 27 Prozent" "27${nbsp}%" "rund 27 Prozent" "32,5 Prozent" --end \
        --group conflict money Microsoft currency "Währung" \
            "135 Milliarden US-Dollar" "134,8 Milliarden Dollar" "rund 116 Milliarden Euro" \
            --end \
        --group conflict money OpenAI scale "Größenordnung" \
            "250 Milliarden US-Dollar" "250 Billionen US-Dollar" --end \
        --group conflict date Microsoft - "Widerspruch" "bis 2030" "bis 2032" --end \
        --group agree money Microsoft - "Übereinstimmung" \
            "über 13 Milliarden US-Dollar" "13,5 Milliarden Dollar" --end \
        --quoted "Vor der jüngsten Kapitalrunde hatte Microsoft noch einen Anteil von 32,5" \
        --quoted "Microsoft hält 32,5 Prozent an OpenAI"
}

hostile_checks() { # DOM: the markup in the articles stays text
    "$dom_check" "$1" --conflicts 1 \
        --group conflict percent Zylonix - "Widerspruch" "40 Prozent" "45 Prozent" --end \
        --quoted "GmbH <script>alert(1)</script> nach" \
        --quoted "GmbH \"><img src=x onerror=alert(1)> und ]]> bleibt."
}

report "$tmp/bericht.html" corpus/
mkdir "$tmp/feindlich"
cp tests/html/feindlich/*.txt "$tmp/feindlich/"
# a source name (the file name) with markup in it, too
cp tests/html/feindlich/morgenpost.txt "$tmp/feindlich/<b onclick=alert(2)>Quelle&amp;.txt"
report "$tmp/feindlich.html" "$tmp/feindlich"
mkdir -p "$art"
rm -f "$art/bericht.png" "$art/bericht.dom.html" "$art/feindlich.dom.html"
cp "$tmp/bericht.html" "$tmp/feindlich.html" "$art/"

# ---- without a browser: the page as libxml2's HTML parser reads it ----
fails=0
corpus_checks "$tmp/bericht.html" || fails=$((fails + 1))
hostile_checks "$tmp/feindlich.html" || fails=$((fails + 1))
if [ "$fails" -ne 0 ]; then
    echo "check_html: the report fails before any browser sees it ($art)" >&2
    exit 1
fi

# ---- in chromium ----
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for b in chromium chromium-browser; do
        if command -v "$b" >/dev/null 2>&1; then
            browser=$b
            break
        fi
    done
fi
if [ -z "$browser" ]; then
    echo "check_html: SKIPPED: no chromium found (scripts/install-deps --test installs it);" \
        "only the checks without a browser ran" >&2
    exit 77
fi
limit=""
command -v timeout >/dev/null 2>&1 && limit="timeout 120"

# chromium with a profile of its own, so that runs in parallel never meet
run_browser() {
    # shellcheck disable=SC2086
    HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
        $limit "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-extensions --user-data-dir="$tmp/profile" "$@" 2>> "$tmp/browser.log"
}

# Can chromium run here at all? A page of our own, not the report.
printf '<!DOCTYPE html><html><body><p id="x">Probe</p></body></html>\n' > "$tmp/probe.html"
if ! run_browser --dump-dom "file://$tmp/probe.html" > "$tmp/probe.dom" ||
    ! grep -q '<p id="x">Probe</p>' "$tmp/probe.dom"; then
    echo "check_html: SKIPPED: $browser cannot render a page here;" \
        "only the checks without a browser ran:" >&2
    tail -5 "$tmp/browser.log" >&2
    exit 77
fi

# the corpus
run_browser --dump-dom "file://$tmp/bericht.html" > "$tmp/bericht.dom"
run_browser --screenshot="$art/bericht.png" --window-size=1400,2000 \
    "file://$tmp/bericht.html" > /dev/null
cp "$tmp/bericht.dom" "$art/bericht.dom.html"
# the serialised DOM: markup of elements only, never of article text
if grep -qi '<script' "$tmp/bericht.dom"; then
    echo "check_html: a <script> element in the corpus report" >&2
    fails=$((fails + 1))
fi
corpus_checks "$tmp/bericht.dom" || fails=$((fails + 1))

# the screenshot: a PNG of the window's size
if ! [ -s "$art/bericht.png" ]; then
    echo "check_html: no screenshot written" >&2
    fails=$((fails + 1))
else
    sig=$(od -An -tx1 -N8 "$art/bericht.png" | tr -d ' \n')
    size=$(od -An -tu1 -j16 -N8 "$art/bericht.png" | tr -s ' ' | sed 's/^ //; s/ $//')
    if [ "$sig" != "89504e470d0a1a0a" ] || [ "$size" != "0 0 5 120 0 0 7 208" ]; then
        echo "check_html: the screenshot is not a 1400x2000 PNG ($sig; $size)" >&2
        fails=$((fails + 1))
    fi
fi

# hostile article text: shown as text, never as markup
run_browser --dump-dom "file://$tmp/feindlich.html" > "$tmp/feindlich.dom"
cp "$tmp/feindlich.dom" "$art/feindlich.dom.html"
if grep -qi '<script\|<img\|<b ' "$tmp/feindlich.dom"; then
    echo "check_html: article text became markup:" >&2
    grep -io '<script[^>]*>\|<img[^>]*>\|<b [^>]*>' "$tmp/feindlich.dom" | head -5 >&2
    fails=$((fails + 1))
fi
hostile_checks "$tmp/feindlich.dom" || fails=$((fails + 1))
# the source name (the file name) as text, in its column's heading
grep -q '<h4>&lt;b onclick=alert(2)&gt;Quelle&amp;amp;</h4>' "$tmp/feindlich.dom" || {
    echo "check_html: the hostile source name is not shown as text" >&2
    fails=$((fails + 1))
}

if [ "$fails" -ne 0 ]; then
    echo "check_html: $fails check(s) failed in $browser; the pages are in $art" >&2
    exit 1
fi
echo "check_html: corpus and hostile reports pass in" \
    "$("$browser" --version 2>/dev/null || echo "$browser"); screenshot: $art/bericht.png"
