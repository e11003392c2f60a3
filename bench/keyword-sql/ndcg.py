import json,sys,math,collections
qrels=json.load(open(sys.argv[2]))
runs=collections.defaultdict(list)
for l in open(sys.argv[1]):
    p=l.rstrip('\n').split('|')
    if len(p)<3: continue
    runs[p[0]].append((float(p[2]),p[1]))
nd=0;mrr=0;r100=0
for q,rel in qrels.items():
    ranked=[d for s,d in sorted(runs.get(q,[]),key=lambda x:-x[0])]
    dcg=sum(rel.get(d,0)/math.log2(i+2) for i,d in enumerate(ranked[:10]))
    idcg=sum(1/math.log2(i+2) for i in range(min(10,len(rel))))
    nd+=dcg/idcg
    for i,d in enumerate(ranked[:10]):
        if d in rel: mrr+=1/(i+1); break
    r100+=len([d for d in ranked[:100] if d in rel])/len(rel)
n=len(qrels); print(f"nDCG@10 {nd/n:.4f}  MRR@10 {mrr/n:.4f}  R@100 {r100/n:.4f}")
