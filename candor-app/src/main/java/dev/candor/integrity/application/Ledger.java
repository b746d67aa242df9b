package dev.candor.integrity.application;

import dev.candor.integrity.IntegrityLedger;
import dev.candor.integrity.infrastructure.Entries;
import dev.candor.integrity.infrastructure.Restrictions;
import dev.candor.integrity.model.Restriction;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The ledger as other modules see it. */
@Component
class Ledger implements IntegrityLedger {

    private final RecordEntry recordEntry;
    private final Restrictions restrictions;
    private final Entries entries;
    private final Clock clock;

    Ledger(RecordEntry recordEntry, Restrictions restrictions, Entries entries, Clock clock) {
        this.recordEntry = recordEntry;
        this.restrictions = restrictions;
        this.entries = entries;
        this.clock = clock;
    }

    @Override
    public EntryRecorded record(EntryDraft draft, Actor confirmedBy) {
        return recordEntry.record(draft, confirmedBy);
    }

    @Override
    public List<ActiveRestriction> restrictionsOf(String buyerId, String storeId) {
        return restrictions.inForceAt(buyerId, storeId, clock.instant()).stream().map(Ledger::active).toList();
    }

    @Override
    public Map<String, List<ActiveRestriction>> restrictionsOf(Collection<String> buyerIds) {
        return restrictions.ofBuyersInForceAt(buyerIds, clock.instant()).stream()
                .collect(Collectors.groupingBy(Restriction::subjectId, Collectors.mapping(Ledger::active, Collectors.toList())));
    }

    private static ActiveRestriction active(Restriction r) {
        return new ActiveRestriction(r.id(), r.kind().name(), r.storeId(), r.startsAt(), r.endsAt(), r.entryIds(),
                r.kind().english(), r.kind().chinese());
    }

    @Override
    public Set<String> ordersJudgedAbusive(String storeId) {
        return new LinkedHashSet<>(entries.ordersJudgedAbusive(storeId, 0, Integer.MAX_VALUE));
    }
}
