package dev.candor.commerce.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The difference between what Candor holds and what the order system pushed, for the audit log. */
public final class Changes {

    private Changes() {
    }

    /**
     * The changed fields as {@code {"before": {...}, "after": {...}}} with audited (masked) values, or empty
     * when nothing changed.
     */
    public static Optional<Map<String, Object>> between(Pushed current, Pushed incoming) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Map<String, Object> currentAudited = current.auditedState();
        Map<String, Object> incomingAudited = incoming.auditedState();
        incoming.state().forEach((field, value) -> {
            if (!Objects.equals(current.state().get(field), value)) {
                before.put(field, currentAudited.get(field));
                after.put(field, incomingAudited.get(field));
            }
        });
        if (after.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", before);
        detail.put("after", after);
        return Optional.of(detail);
    }

    /** The audit detail of a first push: every field as it was created. */
    public static Map<String, Object> created(Pushed incoming) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("after", incoming.auditedState());
        return detail;
    }
}
