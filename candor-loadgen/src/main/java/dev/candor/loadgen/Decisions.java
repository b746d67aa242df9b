package dev.candor.loadgen;

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
