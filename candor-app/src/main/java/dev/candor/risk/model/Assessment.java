package dev.candor.risk.model;

import java.util.List;

/** What a policy makes of a request's features: the outcome, the score behind it and why. */
public record Assessment(Outcome outcome, int score, List<Reason> reasons, List<EvidenceDemand> demands) {

    public Assessment {
        reasons = List.copyOf(reasons);
        demands = List.copyOf(demands);
    }
}
