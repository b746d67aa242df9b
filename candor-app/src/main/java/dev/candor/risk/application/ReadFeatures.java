package dev.candor.risk.application;

import dev.candor.integrity.IntegrityLedger;
import dev.candor.risk.infrastructure.RiskFacts;
import dev.candor.risk.model.Features;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the precomputed features of a request inside a savepoint, so that a failed read is rolled back on
 * its own and the decision still gets made (as {@code SEND_TO_REVIEW}) in the caller's transaction.
 */
@Component
class ReadFeatures {

    /** The feature groups, in the order they are read. */
    static final List<String> GROUPS = List.of("standing", "history", "store");

    /** A group could not be read; the groups after it were not read either. */
    static final class Unavailable extends RuntimeException {
        final String group;

        Unavailable(String group, RuntimeException cause) {
            super(group, cause);
            this.group = group;
        }
    }

    /** What the request decision reads besides the request itself. */
    record Read(List<Features.RestrictionFact> restrictions, Features.History history, Features.Links links,
                Features.StoreRecord store) {
    }

    private record CachedStore(Features.StoreRecord record, Instant readAt) {
    }

    private final IntegrityLedger ledger;
    private final RiskFacts facts;
    private final RiskProperties properties;
    private final Clock clock;
    private final Map<String, CachedStore> stores = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers;

    ReadFeatures(IntegrityLedger ledger, RiskFacts facts, RiskProperties properties, Clock clock, MeterRegistry meters) {
        this.ledger = ledger;
        this.facts = facts;
        this.properties = properties;
        this.clock = clock;
        this.timers = GROUPS.stream().collect(Collectors.toUnmodifiableMap(g -> g, g -> Timer.builder("candor.risk.features")
                .description("Reading one group of a request's risk features on the decision path").tag("group", g)
                .publishPercentiles(0.5, 0.99, 0.999).register(meters)));
    }

    @Transactional(propagation = Propagation.NESTED)
    public Read read(String buyerId, String storeId, Instant now) {
        List<Features.RestrictionFact> restrictions = group("standing", () -> ledger.restrictionsOf(buyerId, storeId).stream()
                .map(r -> new Features.RestrictionFact(r.id(), r.kind(), r.storeId(), r.endsAt(), r.entryIds())).toList());
        RiskFacts.BuyerFacts buyer = group("history", () -> facts.buyer(buyerId, now));
        Features.StoreRecord store = group("store", () -> storeRecord(storeId, now));
        return new Read(restrictions, buyer.history(), buyer.links(), store);
    }

    private Features.StoreRecord storeRecord(String storeId, Instant now) {
        Instant fresh = clock.instant().minus(properties.storeRecordTtl());
        CachedStore cached = stores.get(storeId);
        if (cached != null && cached.readAt().isAfter(fresh)) {
            return cached.record();
        }
        Features.StoreRecord record = facts.store(storeId, now);
        stores.put(storeId, new CachedStore(record, clock.instant()));
        return record;
    }

    private <T> T group(String name, Supplier<T> read) {
        long started = System.nanoTime();
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new Unavailable(name, e);
        } finally {
            timers.get(name).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
