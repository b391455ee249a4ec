#!/usr/bin/env python3
"""The analyzer's accuracy on a corpus, with the figures that tell whether it transfers (`npm run eval`).

Runs the committed CLI over every case exactly as the corpus's own score.py does (its functions are used, so
the figures are its figures) and prints:
  1. score.py's table: all cases and per source;
  2. per group (repository or job family): cases, hit@10, hit@5k, rec@5k, type;
  3. the no-specific-rule stratum: cases whose ground-truth lines no toolchain-specific rule matches (only
     words, the runner or the system recognise them), against the rest — the best single sign of rules that fit
     the corpus rather than the tools;
  4. each rule's matches on the passing logs of the cases that have one (`passLog`): a rule that fires on passing
     output is a source of false positives.
Line scores come from the compiled sources (build/, `tsc -p tsconfig.build.json`) through scripts/line-rules.mjs.

usage: eval.py [CORPUS_DIR] [--cmd 'COMMAND'] [--json FILE] [--groups N]
"""
import argparse, collections, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_score(corpus):
    """score.py's functions, without running its main()."""
    path = os.path.join(corpus, 'score.py')
    src = open(path).read()
    tail = src.rstrip().rsplit('\n', 1)
    if tail[-1].strip() == 'main()':
        src = tail[0]
    ns = {'__name__': 'score', '__file__': path}
    exec(compile(src, path, 'exec'), ns)
    return ns


def line_rules(requests):
    """scripts/line-rules.mjs over the requests: {file: {line: {score, rule, specific}}}."""
    node = os.path.join(ROOT, 'node_modules/.bin/node')
    p = subprocess.run([node if os.path.exists(node) else 'node', os.path.join(HERE, 'line-rules.mjs')],
                       input=''.join(json.dumps(r) + '\n' for r in requests), capture_output=True, text=True,
                       cwd=ROOT)
    if p.returncode != 0:
        sys.exit('line-rules.mjs failed (run `tsc -p tsconfig.build.json` first):\n' + p.stderr[-3000:])
    out = {}
    for row in p.stdout.splitlines():
        o = json.loads(row)
        out[o['file']] = {int(k): v for k, v in o['lines'].items()}
    return out


def pct(a, n):
    return round(100 * a / n, 1) if n else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('corpus', nargs='?', default=os.path.join(ROOT, '../shared/corpus'))
    ap.add_argument('--cmd', default='node dist/cli.js analyze --json')
    ap.add_argument('--json', default=None, help='also write every figure, and each case\'s, to this file')
    ap.add_argument('--groups', type=int, default=1000, help='print at most this many groups (worst first)')
    a = ap.parse_args()
    S = load_score(a.corpus)
    cases = [json.loads(l) for l in open(os.path.join(a.corpus, 'cases.jsonl'))]
    results = S['run_cmd'](a.cmd, a.corpus, cases)

    per_case = []
    truths = {}
    for c in cases:
        path = os.path.join(a.corpus, c['log'])
        lines = S['read_lines'](path)
        o = results.get(os.path.realpath(path))
        ranges = [[e['startLine'], e['endLine']] for e in (o or {}).get('excerpts', [])]
        truth = set()
        for s, e in c['errorLines']:
            truth.update(range(s, e + 1))
        truth = {t for t in truth if t <= len(lines) and S['clean'](lines[t - 1]).strip()}
        specific = {t for t in truth if not S['GENERIC'].search(S['clean'](lines[t - 1]))}
        truth = specific or truth
        if not truth:
            continue
        s10 = set(S['shown'](lines, ranges, count=10))
        s5k = set(S['shown'](lines, ranges, chars=5000))
        cap = min(len(truth), 40)
        truths[path] = truth
        per_case.append(dict(
            id=c['id'], source=c['source'], group=c.get('group', c['source']), path=path,
            missing=o is None, hit10=bool(truth & s10), hit5k=bool(truth & s5k),
            recall5k=min(len(truth & s5k), cap) / cap,
            typed='failureTypes' in c,
            type_ok=(o or {}).get('failureType') in c.get('failureTypes', []),
            failureType=(o or {}).get('failureType'), key=(o or {}).get('excerpts', [{}])[0].get('rule') if (o or {}).get('excerpts') else None,
            passLog=os.path.join(a.corpus, c['passLog']) if c.get('passLog') else None))

    # Which ground-truth lines a toolchain-specific rule matches, and how the passing logs score.
    reqs = [{'file': r['path'], 'lines': sorted(truths[r['path']])} for r in per_case]
    reqs += [{'file': r['passLog'], 'lines': 'all'} for r in per_case if r['passLog']]
    lr = line_rules(reqs)
    for r in per_case:
        got = lr.get(r['path'], {})
        r['specific'] = sorted({rid for n in truths[r['path']] for rid in got.get(n, {}).get('specific', [])})

    def row(rs):
        n = len(rs)
        t = [r for r in rs if r['typed']]
        return dict(cases=n, hit10=pct(sum(r['hit10'] for r in rs), n), hit5k=pct(sum(r['hit5k'] for r in rs), n),
                    recall5k=pct(sum(r['recall5k'] for r in rs), n),
                    type=pct(sum(r['type_ok'] for r in t), len(t)), missing=sum(r['missing'] for r in rs))

    def table(title, keyname, rows):
        print(f"\n{title}")
        print(f"{keyname:<44} {'cases':>5} {'hit@10':>7} {'hit@5k':>7} {'rec@5k':>7} {'type':>6}")
        for k, v in rows:
            print(f"{k[:44]:<44} {v['cases']:>5} {str(v['hit10']):>7} {str(v['hit5k']):>7} {str(v['recall5k']):>7} {str(v['type']):>6}")

    by_source = collections.defaultdict(list)
    by_group = collections.defaultdict(list)
    for r in per_case:
        by_source[r['source']].append(r)
        by_group[r['group']].append(r)
    sources = [(k, row(v)) for k, v in sorted(by_source.items())] + [('all', row(per_case))]
    table('By source (score.py)', 'source', sources)
    groups = sorted(((k, row(v)) for k, v in by_group.items()), key=lambda kv: (kv[1]['hit10'], kv[0]))
    table(f'By group, worst hit@10 first ({len(groups)} groups)', 'group', groups[:a.groups])

    none = [r for r in per_case if not r['specific']]
    some = [r for r in per_case if r['specific']]
    strata = [('no toolchain-specific rule matches the truth', row(none)),
              ('a toolchain-specific rule matches the truth', row(some))]
    table('Strata', 'stratum', strata)
    gap = (strata[1][1]['hit10'] or 0) - (strata[0][1]['hit10'] or 0)
    print(f"hit@10 gap (specific − none): {round(gap, 1)} points")

    fires = collections.defaultdict(lambda: [0, set()])
    for r in per_case:
        if not r['passLog']:
            continue
        for n, v in lr.get(r['passLog'], {}).items():
            if v.get('rule'):
                fires[v['rule']][0] += 1
                fires[v['rule']][1].add(r['passLog'])
    npass = len({r['passLog'] for r in per_case if r['passLog']})
    print(f"\nRule matches on the {npass} passing logs (lines that score, by the rule they score by)")
    print(f"{'rule':<36} {'lines':>7} {'logs':>5}")
    for rid, (lines, logs) in sorted(fires.items(), key=lambda kv: -kv[1][0]):
        print(f"{rid:<36} {lines:>7} {len(logs):>5}")

    if a.json:
        json.dump(dict(sources=dict(sources), groups=dict(groups), strata=dict(strata), gap=gap,
                       passLog={k: dict(lines=v[0], logs=len(v[1])) for k, v in fires.items()},
                       cases=[{k: v for k, v in r.items() if k not in ('path', 'passLog')} for r in per_case]),
                  open(a.json, 'w'), indent=1)


main()
