package io.ainstruct.testsupport.qdrant;

import io.grpc.Status;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.WithPayloadSelector;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Qdrant collection with cosine distance: vectors are normalised when stored, as Qdrant does, so a score is a
 * dot product. Exact search, which is what Qdrant answers for collections this small.
 */
final class EmulatedCollection {
    private final int dimension;
    private final Map<PointId, StoredPoint> points = new LinkedHashMap<>();
    private final Set<String> indexedFields = new HashSet<>();

    private record StoredPoint(PointId id, float[] unitVector, Map<String, Value> payload) {
    }

    EmulatedCollection(int dimension) {
        this.dimension = dimension;
    }

    int dimension() {
        return dimension;
    }

    synchronized long count(Filter filter) {
        return points.values().stream().filter(p -> PayloadFilter.accepts(filter, p.payload())).count();
    }

    synchronized void indexField(String field) {
        indexedFields.add(field);
    }

    synchronized Set<String> indexedFields() {
        return Set.copyOf(indexedFields);
    }

    synchronized void upsert(List<PointStruct> batch) {
        // Checked whole before anything is stored: Qdrant refuses a batch with one bad vector entirely.
        List<float[]> vectors = batch.stream().map(this::unitVectorOf).toList();
        for (int i = 0; i < batch.size(); i++) {
            PointStruct point = batch.get(i);
            points.put(point.getId(), new StoredPoint(point.getId(), vectors.get(i), Map.copyOf(point.getPayloadMap())));
        }
    }

    private float[] unitVectorOf(PointStruct point) {
        if (!point.getVectors().hasVector()) {
            throw invalid("Only one unnamed dense vector per point is supported");
        }
        List<Float> values = point.getVectors().getVector().hasDense()
                ? point.getVectors().getVector().getDense().getDataList()
                : point.getVectors().getVector().getDataList();
        requireDimension(values);
        return unit(values);
    }

    private void requireDimension(List<Float> vector) {
        if (vector.size() != dimension) {
            throw invalid("Wrong input: Vector dimension error: expected dim: " + dimension + ", got " + vector.size());
        }
    }

    synchronized long delete(Filter filter) {
        List<PointId> doomed = points.values().stream().filter(p -> PayloadFilter.accepts(filter, p.payload()))
                .map(StoredPoint::id).toList();
        doomed.forEach(points::remove);
        return doomed.size();
    }

    synchronized List<ScoredPoint> search(List<Float> query, Filter filter, int limit, Float threshold,
                                          WithPayloadSelector withPayload) {
        requireDimension(query);
        float[] unitQuery = unit(query);
        return points.values().stream()
                .filter(p -> PayloadFilter.accepts(filter, p.payload()))
                .map(p -> ScoredPoint.newBuilder().setId(p.id()).setScore(dot(unitQuery, p.unitVector()))
                        .putAllPayload(selected(p.payload(), withPayload)).build())
                .filter(p -> threshold == null || p.getScore() >= threshold)
                .sorted(Comparator.comparingDouble(ScoredPoint::getScore).reversed())
                .limit(limit)
                .toList();
    }

    private static Map<String, Value> selected(Map<String, Value> payload, WithPayloadSelector selector) {
        if (selector.getSelectorOptionsCase() != WithPayloadSelector.SelectorOptionsCase.INCLUDE) {
            throw Status.UNIMPLEMENTED.withDescription("The Qdrant emulator returns included payload fields only")
                    .asRuntimeException();
        }
        Map<String, Value> kept = new LinkedHashMap<>(payload);
        kept.keySet().retainAll(selector.getInclude().getFieldsList());
        return kept;
    }

    private static float[] unit(List<Float> values) {
        double norm = Math.sqrt(values.stream().mapToDouble(v -> v * v).sum());
        float[] unit = new float[values.size()];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (values.get(i) / norm);
        }
        return unit;
    }

    private static float dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return (float) sum;
    }

    private static RuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
