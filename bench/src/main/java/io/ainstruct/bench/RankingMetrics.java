package io.ainstruct.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * nDCG@10 (linear gain, as trec_eval and BEIR compute it), Recall@100 and MRR@10, averaged over the judged queries;
 * a query without a ranking scores 0. A ranking lists document ids, best first, each at most once.
 */
record RankingMetrics(double ndcgAt10, double recallAt100, double mrrAt10, int queries) {

    static RankingMetrics of(Map<String, List<String>> rankings, Map<String, Map<String, Integer>> judgements,
                             Set<String> judgedQueries) {
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        for (String query : judgedQueries) {
            Map<String, Integer> grades = judgements.get(query);
            List<String> ranking = rankings.getOrDefault(query, List.of());
            ndcg += ndcg(ranking, grades, 10);
            recall += recall(ranking, grades, 100);
            mrr += reciprocalRank(ranking, grades, 10);
        }
        int n = judgedQueries.size();
        return new RankingMetrics(ndcg / n, recall / n, mrr / n, n);
    }

    private static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += Math.max(0, grades.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static double recall(List<String> ranking, Map<String, Integer> grades, int k) {
        Set<String> relevant = new HashSet<>();
        grades.forEach((doc, grade) -> {
            if (grade > 0) {
                relevant.add(doc);
            }
        });
        long found = ranking.stream().limit(k).filter(relevant::contains).count();
        return relevant.isEmpty() ? 0 : (double) found / relevant.size();
    }

    private static double reciprocalRank(List<String> ranking, Map<String, Integer> grades, int k) {
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (grades.getOrDefault(ranking.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
