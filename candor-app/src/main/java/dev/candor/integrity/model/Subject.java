package dev.candor.integrity.model;

import dev.candor.integrity.SubjectType;

/** Whose record: a buyer id or a store id. */
public record Subject(SubjectType type, String id) {

    /** The key of the subject's transaction-scoped advisory lock. */
    public String lockKey() {
        return "integrity:" + type + ":" + id;
    }
}
