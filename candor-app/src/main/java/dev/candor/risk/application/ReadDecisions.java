package dev.candor.risk.application;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.aftersales.CaseDecisions;
import dev.candor.risk.infrastructure.Decisions;
import dev.candor.risk.model.Features;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads decisions: the latest with the case view, and a case's whole history for its parties. Buyers see
 * outcomes, reasons and the evidence asked for; the features behind them are for the store, platform
 * staff and the order system.
 */
@Service
public class ReadDecisions implements CaseDecisions {

    private final Decisions decisions;
    private final AfterSalesCases cases;

    ReadDecisions(Decisions decisions, AfterSalesCases cases) {
        this.decisions = decisions;
        this.cases = cases;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> latest(UUID caseId) {
        return decisions.latestHeadline(caseId).map(DecisionTexts::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Summary> latest(Collection<UUID> caseIds) {
        return decisions.latestHeadlines(caseIds).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> DecisionTexts.summary(e.getValue())));
    }

    /** One decision as its viewer may see it; {@code features} and {@code score} are null for buyers. */
    public record Viewed(Summary decision, String previousOutcome, Integer score, Features features) {
    }

    @Transactional(readOnly = true)
    public List<Viewed> history(UUID caseId, Actor actor) {
        cases.partiesVisibleTo(caseId, actor);
        boolean buyer = actor.kind() == ActorKind.BUYER;
        List<Decisions.Decision> all = decisions.of(caseId);
        return IntStream.range(0, all.size()).mapToObj(i -> {
            Decisions.Decision d = all.get(i);
            String previous = i == 0 ? null : all.get(i - 1).outcome().name();
            return new Viewed(DecisionTexts.summary(d.headline()), previous, buyer ? null : d.score(), buyer ? null : d.features());
        }).toList();
    }
}
