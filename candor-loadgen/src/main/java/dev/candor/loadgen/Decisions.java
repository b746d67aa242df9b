package dev.candor.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the decision from an opened case's answer: its {@code decision} member, either the outcome itself or an
 * object holding it somewhere (for example {@code {"outcome": "APPROVE_NOW", ...}}).
 */
final class Decisions {

    static final Set<String> OUTCOMES = Set.of("APPROVE_NOW", "REQUEST_EVIDENCE", "SEND_TO_REVIEW", "REJECT");
    static final String ABSENT = "(no decision in the answer)";
    static final String UNREADABLE = "(unreadable decision)";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Decisions() {
    }

    static String of(byte[] body) {
        JsonNode decision;
        try {
            decision = JSON.readTree(body).get("decision");
        } catch (RuntimeException notJson) {
            return UNREADABLE;
        }
        if (decision == null || decision.isNull()) {
            return ABSENT;
        }
        String outcome = find(decision);
        return outcome == null ? UNREADABLE : outcome;
    }

    /**
     * The outcome of each request of a batch's answer ({@code results[].decision}), or for a request that was not
     * filed its problem's {@code code}; {@link #UNREADABLE} once when the answer is not a batch answer.
     */
    static List<String> ofBatch(byte[] body) {
        JsonNode results;
        try {
            results = JSON.readTree(body).get("results");
        } catch (RuntimeException notJson) {
            return List.of(UNREADABLE);
        }
        if (results == null || !results.isArray()) {
            return List.of(UNREADABLE);
        }
        List<String> outcomes = new ArrayList<>();
        for (JsonNode result : results) {
            JsonNode problem = result.get("problem");
            if (problem != null && !problem.isNull()) {
                outcomes.add(problem.path("code").asString(UNREADABLE));
            } else {
                JsonNode decision = result.get("decision");
                String outcome = decision == null || decision.isNull() ? ABSENT : find(decision);
                outcomes.add(outcome == null ? UNREADABLE : outcome);
            }
        }
        return outcomes;
    }

    private static String find(JsonNode node) {
        if (node.isString()) {
            return OUTCOMES.contains(node.asString()) ? node.asString() : null;
        }
        for (JsonNode child : node.values()) {
            String outcome = find(child);
            if (outcome != null) {
                return outcome;
            }
        }
        return null;
    }
}
