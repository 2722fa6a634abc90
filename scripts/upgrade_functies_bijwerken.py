#!/usr/bin/env python3
# Copies the current text of every function that an upgrade fragment in
# src/sql/upgrade/*/ replaces (CREATE OR REPLACE FUNCTION verzuim.x(...)) from
# its fragment in src/sql/ (same name and parameter list), so that the two
# copies cannot drift apart.  Run from the repository root after changing such
# a function; prints what it changed.  test/suites/52_vakantie_geleverd.sh
# compares every function of a database upgraded from 0.1 with a fresh install.
import glob
import re



def einde(s, i):
    """The end of the CREATE statement at i (after its dollar-quoted body), or
    None for a function without one (LANGUAGE C)."""
    volgende = s.find("\nCREATE ", i + 1)
    m = re.compile(r"\$(\w*)\$").search(s, i, volgende if volgende >= 0 else len(s))
    if not m:
        return None
    q = s.index(m.group(0), m.end())
    return s.index(";", q) + 1


def parameters(s, i):
    """The parameter list of the function whose CREATE starts at i."""
    j = s.index("(", i)
    diepte = 0
    for k in range(j, len(s)):
        diepte += {"(": 1, ")": -1}.get(s[k], 0)
        if diepte == 0:
            return " ".join(s[j:k + 1].split())
    raise ValueError("unbalanced parameter list")


bronnen = {}
for f in sorted(glob.glob("src/sql/*.sql")):
    s = open(f).read()
    for m in re.finditer(r"^CREATE FUNCTION verzuim\.(\w+)\(", s, re.M):
        e = einde(s, m.start())
        if e is not None:
            bronnen[(m.group(1), parameters(s, m.start()))] = s[m.start():e]

for u in sorted(glob.glob("src/sql/upgrade/*/*.sql")):
    t = open(u).read()
    pos, gewijzigd = 0, False
    while True:
        m = re.compile(r"^CREATE OR REPLACE FUNCTION verzuim\.(\w+)\(", re.M).search(t, pos)
        if not m:
            break
        e = einde(t, m.start())
        nieuw = bronnen.get((m.group(1), parameters(t, m.start())))
        if nieuw is None or e is None:
            pos = m.end()
            continue
        nieuw = nieuw.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
        if t[m.start():e] != nieuw:
            t = t[:m.start()] + nieuw + t[e:]
            gewijzigd = True
            print("bijgewerkt: %s in %s" % (m.group(1), u))
        pos = m.start() + len(nieuw)
    if gewijzigd:
        open(u, "w").write(t)
