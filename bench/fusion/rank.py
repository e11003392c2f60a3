# Ingest a BEIR set into a running server, dump per-query rankings (chunk hits folded to docs) for each mode.
import json, sys, urllib.request, concurrent.futures as cf, os
base = sys.argv[1]; data = sys.argv[2]; out = sys.argv[3]; modes = sys.argv[4].split(',')
def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                 headers={'Content-Type': 'application/json', **({'Authorization': 'Bearer ' + token} if token else {})})
    try:
        with urllib.request.urlopen(req, timeout=300) as r: return r.status, json.loads(r.read() or b'{}')
    except urllib.error.HTTPError as e: return e.code, json.loads(e.read() or b'{}')
tokf = out + '.token'
if os.path.exists(tokf):
    token, coll = open(tokf).read().split()
else:
    call('POST', '/api/v1/auth/register', {'username': 'exp', 'email': 'exp@x.org', 'password': 'experiment-pass-1'})
    token = call('POST', '/api/v1/auth/login', {'username': 'exp', 'password': 'experiment-pass-1'})[1]['access_token']
    coll = call('POST', '/api/v1/collections', {'name': 'beir'}, token)[1]['id']
    docs = [json.loads(l) for l in open(data + '/corpus.jsonl')]
    def store(d):
        s, b = call('POST', '/api/v1/documents', {'collection_id': coll, 'title': d.get('title') or d['_id'], 'content': d['text'] or '.', 'metadata': {'beir_id': d['_id']}}, token)
        return s, b.get('id'), d['_id']
    with cf.ThreadPoolExecutor(4) as ex: stored = list(ex.map(store, docs))
    print('stored', sum(1 for s in stored if s[0] == 201), 'of', len(docs), file=sys.stderr)
    json.dump({i: b for s, i, b in stored if i}, open(out + '.ids.json', 'w'))
    open(tokf, 'w').write(token + ' ' + coll)
    import time
    while True:
        s, b = call('GET', '/health/ready')
        f = b.get('vector_index', {}).get('figures', {})
        if f.get('backlog', 1) == 0: break
        time.sleep(2)
beir = json.load(open(out + '.ids.json'))
judged = {l.split('\t')[0] for l in list(open(data + '/qrels.tsv'))[1:]}
queries = [json.loads(l) for l in open(data + '/queries.jsonl')]
queries = [q for q in queries if q['_id'] in judged]
for mode in modes:
    def ask(q):
        s, b = call('POST', '/api/v1/documents/search', {'query': q['text'], 'max_results': 100, 'max_tokens': 100000, 'search_mode': mode}, token)
        ranked = []
        for h in b.get('results', []):
            bid = beir.get(h['document_id'])
            if bid not in [x[0] for x in ranked]: ranked.append((bid, h.get('score')))
        return q['_id'], ranked
    with cf.ThreadPoolExecutor(2) as ex: res = dict(ex.map(ask, queries))
    json.dump(res, open(f'{out}.{mode}.json', 'w'))
    print('mode', mode, 'done', file=sys.stderr)
