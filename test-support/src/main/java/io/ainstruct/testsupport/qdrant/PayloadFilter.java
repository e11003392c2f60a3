package io.ainstruct.testsupport.qdrant;

import io.grpc.Status;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.JsonWithInt.Value;

import java.util.List;
import java.util.Map;

/**
 * Qdrant's filter semantics for the filters the adapter sends: every {@code must} condition holds; a field matches a
 * keyword (or any of several) when its value, or any element of its array value, equals it. Any other clause or
 * condition is refused, so a new kind of filter in the adapter fails here instead of being silently misread.
 */
final class PayloadFilter {

    private PayloadFilter() {
    }

    static boolean accepts(Filter filter, Map<String, Value> payload) {
        if (filter.getShouldCount() > 0 || filter.getMustNotCount() > 0 || filter.hasMinShould()) {
            throw unsupported("filter clauses other than must");
        }
        return filter.getMustList().stream().allMatch(c -> holds(c, payload));
    }

    private static boolean holds(Condition condition, Map<String, Value> payload) {
        if (condition.getConditionOneOfCase() != Condition.ConditionOneOfCase.FIELD) {
            throw unsupported("condition " + condition.getConditionOneOfCase());
        }
        return matches(condition.getField(), payload);
    }

    private static boolean matches(FieldCondition field, Map<String, Value> payload) {
        if (!field.hasMatch()) {
            throw unsupported("field condition without match on " + field.getKey());
        }
        List<String> values = keywords(payload.get(field.getKey()));
        Match match = field.getMatch();
        return switch (match.getMatchValueCase()) {
            case KEYWORD -> values.contains(match.getKeyword());
            case KEYWORDS -> match.getKeywords().getStringsList().stream().anyMatch(values::contains);
            default -> throw unsupported("match " + match.getMatchValueCase());
        };
    }

    private static List<String> keywords(Value value) {
        if (value == null) {
            return List.of();
        }
        return switch (value.getKindCase()) {
            case STRING_VALUE -> List.of(value.getStringValue());
            case LIST_VALUE -> value.getListValue().getValuesList().stream()
                    .filter(element -> element.getKindCase() == Value.KindCase.STRING_VALUE)
                    .map(Value::getStringValue).toList();
            default -> List.of();
        };
    }

    private static RuntimeException unsupported(String what) {
        return Status.UNIMPLEMENTED.withDescription("The Qdrant emulator does not support " + what).asRuntimeException();
    }
}
