package dev.candor.commerce.model;

import java.util.Map;

/** A record as the order system pushed it, comparable field by field with what Candor already holds. */
public interface Pushed {

    /** Every pushed field by name, in a stable order; values are strings, numbers, lists or maps. */
    Map<String, Object> state();

    /** The same fields as the audit log may keep them: personal data masked. Defaults to {@link #state()}. */
    default Map<String, Object> auditedState() {
        return state();
    }
}
