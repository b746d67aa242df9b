package dev.candor.commerce.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** A store of the order system. */
public record Store(String id, String name) implements Pushed {

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        return state;
    }
}
