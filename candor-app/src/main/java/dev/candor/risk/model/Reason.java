package dev.candor.risk.model;

import java.util.Arrays;
import java.util.List;

/**
 * One reason of a decision: its code and the facts that fill its text, stored as given so the text can
 * be shown in either language later.
 *
 * @param weight what it added to the risk score (0 for reasons that explain without scoring)
 */
public record Reason(ReasonCode code, int weight, List<String> facts) {

    public Reason {
        facts = List.copyOf(facts);
    }

    public static Reason of(ReasonCode code, int weight, Object... facts) {
        return new Reason(code, weight, Arrays.stream(facts).map(String::valueOf).toList());
    }

    public String english() {
        return code.english(facts.toArray());
    }

    public String chinese() {
        return code.chinese(facts.toArray());
    }
}
