package dev.candor.integrity.application;

import dev.candor.integrity.IntegrityLedger;
import dev.candor.integrity.infrastructure.Entries;
import dev.candor.integrity.infrastructure.Restrictions;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        return restrictions.inForceAt(buyerId, storeId, clock.instant()).stream()
                .map(r -> new ActiveRestriction(r.id(), r.kind().name(), r.storeId(), r.startsAt(), r.endsAt(), r.entryIds(),
                        r.kind().english(), r.kind().chinese()))
                .toList();
    }

    @Override
    public Set<String> ordersJudgedAbusive(String storeId) {
        return new LinkedHashSet<>(entries.ordersJudgedAbusive(storeId, 0, Integer.MAX_VALUE));
    }
}
