#!/usr/bin/env python3
"""Sorts the -runbundles of runtime/*.bndrun by bundle symbolic name, the order the bnd resolver writes.

The resolver (failOnChanges) compares the committed list with a fresh resolution; when it appends a new bundle at the
end instead, run: mvn -pl runtime -am install -DskipTests -Dbnd.resolve.failOnChanges=false ; python3 runtime/scripts/sort-runbundles.py
"""
import glob
import os

here = os.path.dirname(os.path.abspath(__file__))
for path in glob.glob(os.path.join(here, '..', '*.bndrun')):
    text = open(path).read()
    marker = '-runbundles: \\\n'
    if marker not in text:
        continue
    head, body = text.split(marker, 1)
    items = {line.strip().rstrip('\\').rstrip(',') for line in body.strip().split('\n') if line.strip()}
    ordered = sorted(items, key=lambda item: item.split(';')[0])
    open(path, 'w').write(head + marker + ',\\\n'.join('\t' + item for item in ordered))
