package dev.candor.commerce.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bytes of a listing photo as stored: their SHA-256, checked media type and size. */
public record PhotoContent(String sha256, PhotoType type, long sizeBytes) implements Pushed {

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("sha256", sha256);
        state.put("mediaType", type.mediaType());
        state.put("sizeBytes", sizeBytes);
        return state;
    }
}
