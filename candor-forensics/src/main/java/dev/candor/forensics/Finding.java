package dev.candor.forensics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One observation about an evidence photo.
 *
 * @param check    stable identifier of the check that produced it, e.g. {@code c2pa.signature}
 * @param strength how much it proves on its own
 * @param summary  one sentence in plain words a merchant or reviewer can cite
 * @param data     the facts behind it (never {@code null}; keys are stable per check)
 */
public record Finding(String check, Strength strength, String summary, Map<String, String> data) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(summary, "summary");
        data = Collections.unmodifiableMap(new TreeMap<>(data));
    }

    public static Finding of(String check, Strength strength, String summary) {
        return new Finding(check, strength, summary, Map.of());
    }
}
