import json, sys, math, collections
pre = sys.argv[1]; data = sys.argv[2]
qrels = collections.defaultdict(dict)
for l in list(open(data + '/qrels.tsv'))[1:]:
    q, d, s = l.split('\t'); qrels[q][d] = int(s)
sem = json.load(open(pre + '.semantic.json')); kw = json.load(open(pre + '.keyword.json'))
def ndcg(runs):
    nd = 0; r100 = 0
    for q, rel in qrels.items():
        ranked = runs.get(q, [])
        dcg = sum(rel.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
        idcg = sum(1 / math.log2(i + 2) for i in range(min(10, len(rel))))
        nd += dcg / idcg; r100 += len([d for d in ranked[:100] if d in rel]) / len(rel)
    return nd / len(qrels), r100 / len(qrels)
def only(run, depth=100): return {q: [d for d, s in v[:depth]] for q, v in run.items()}
def rrf(k, wv=1, wk=1, depth=50):
    out = {}
    for q in qrels:
        sc = collections.defaultdict(float)
        for i, (d, s) in enumerate(sem.get(q, [])[:depth]): sc[d] += wv / (k + i + 1)
        for i, (d, s) in enumerate(kw.get(q, [])[:depth]): sc[d] += wk / (k + i + 1)
        out[q] = sorted(sc, key=lambda d: -sc[d])
    return out
def norm(lst, how):
    if not lst: return {}
    ss = [s for d, s in lst]
    if how == 'minmax':
        lo, hi = min(ss), max(ss); return {d: (s - lo) / (hi - lo) if hi > lo else 1.0 for d, s in lst}
    if how == 'max':
        hi = max(ss); return {d: s / hi for d, s in lst}
    if how == 'z':
        m = sum(ss) / len(ss); sd = (sum((s - m) ** 2 for s in ss) / len(ss)) ** .5 or 1; return {d: (s - m) / sd for d, s in lst}
def convex(alpha, how='minmax', depth=50):
    out = {}
    for q in qrels:
        a = norm(sem.get(q, [])[:depth], how); b = norm(kw.get(q, [])[:depth], how)
        fill = 0 if how != 'z' else -3
        sc = {d: alpha * a.get(d, fill if how=='z' else 0) + (1 - alpha) * b.get(d, fill if how=='z' else 0) for d in set(a) | set(b)}
        out[q] = sorted(sc, key=lambda d: -sc[d])
    return out
print('semantic', ndcg(only(sem))); print('keyword', ndcg(only(kw)))
if len(sys.argv) > 3: print('server hybrid', ndcg(only(json.load(open(pre + '.hybrid.json')))))
for k in (10, 20, 40, 60, 100): print('rrf k', k, ndcg(rrf(k)))
for wk in (1.5, 2): print('rrf k60 wk', wk, ndcg(rrf(60, 1, wk)))
for how in ('minmax', 'max', 'z'):
    for a in (0.3, 0.4, 0.5, 0.6, 0.7): print('convex', how, a, ndcg(convex(a, how)))
