import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU cost per text of the two local models: the same texts (a BEIR corpus's first 300 abstracts and their first
 * sentences), the same JVM, the models alternating over three rounds so that a noisy machine weighs on both alike;
 * batches of 8, as the server's batcher sends them under load.
 */
public class EmbedCost {
    public static void main(String[] a) throws Exception {
        List<String> abstracts = new ArrayList<>(), sentences = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a[0]))) {
            if (abstracts.size() == 300) break;
            String text = line.replaceAll(".*\"text\": \"", "").replaceAll("\", \"metadata.*", "");
            abstracts.add(text);
            sentences.add(text.split("\\. ")[0]);
        }
        Map<String, EmbeddingModel> models = new LinkedHashMap<>();
        models.put("all-minilm-l6-v2-q", new AllMiniLmL6V2QuantizedEmbeddingModel());
        models.put("bge-small-en-v15-q", new BgeSmallEnV15QuantizedEmbeddingModel());
        for (var m : models.values()) m.embed("warm up");
        Map<String, long[]> nanos = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            for (var e : models.entrySet()) {
                for (var set : List.of(abstracts, sentences)) {
                    long t = System.nanoTime();
                    for (int i = 0; i < set.size(); i += 8) {
                        e.getValue().embedAll(set.subList(i, Math.min(set.size(), i + 8)).stream().map(TextSegment::from).toList());
                    }
                    nanos.computeIfAbsent(e.getKey() + (set == abstracts ? " abstracts" : " first sentences"), k -> new long[1])[0] += System.nanoTime() - t;
                }
            }
        }
        nanos.forEach((k, v) -> System.out.printf("%s: %.1f texts/s%n", k, 3 * 300 / (v[0] / 1e9)));
    }
}
