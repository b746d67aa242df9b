package dev.candor.loadgen;

import java.util.ArrayList;
import java.util.List;

/**
 * The entries the generator records before the measurement: buyer {@code i} of store {@code i % stores} gets
 * {@code i % 4} findings, so a quarter of the buyers are clean, a quarter have points below every threshold, and
 * half are restricted (one restriction, or three with their explanations) — the standing answers vary like real ones.
 */
record SeedPlan(String runId, int buyers, int stores) {

    record Finding(String buyerId, String storeId, String type, String findingKey) {

        String json() {
            return """
                    {"subjectType":"BUYER","subjectId":"%s","storeId":"%s","type":"%s","rule":"loadgen seed","reasoning":"seeded by candor-loadgen","findingKey":"%s"}"""
                    .formatted(buyerId, storeId, type, findingKey);
        }
    }

    SeedPlan {
        if (buyers < 1 || stores < 1) {
            throw new IllegalArgumentException("buyers and stores must be at least 1");
        }
    }

    String buyerId(int i) {
        return "lg-" + runId + "-buyer-" + i;
    }

    String storeId(int i) {
        return "lg-" + runId + "-store-" + (i % stores);
    }

    List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            List<String> types = switch (i % 4) {
                case 0 -> List.of();
                case 1 -> List.of("ABNORMAL_REFUND_ONLY");
                case 2 -> List.of("RETURN_SWAP");
                default -> List.of("RETURN_SWAP", "EDITED_IMAGE");
            };
            for (int j = 0; j < types.size(); j++) {
                findings.add(new Finding(buyerId(i), storeId(i), types.get(j), "loadgen-" + runId + "-" + i + "-" + j));
            }
        }
        return findings;
    }
}
