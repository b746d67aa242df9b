package dev.candor.risk.application;

import dev.candor.integrity.IntegrityLedger;
import dev.candor.risk.infrastructure.RiskFacts;
import dev.candor.risk.model.Features;
import dev.candor.shared.BatchedInserts;
import dev.candor.shared.TransactionMemo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the precomputed features of a request inside a savepoint, so that a failed read is rolled back on
 * its own and the decision still gets made (as {@code SEND_TO_REVIEW}) in the caller's transaction. A batch of
 * requests has its buyers' standing and history read at once, as of the batch's start ({@link #prefetch}); a
 * buyer's facts are read again after one of its requests is recorded ({@link #forget}).
 *
 * <p>A store's 90-day record is kept for {@code candor.risk.store-record-ttl}. Once half of that has passed, the
 * request that finds it starts reading it again in the background and does not wait for that read, so a store that
 * keeps receiving requests never has its record read on the decision path: when every store's record expired at
 * once, the next requests each took the per-request read path, a burst that stalled calls under load.
 */
@Component
class ReadFeatures {

    private static final Logger log = LoggerFactory.getLogger(ReadFeatures.class);

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

    /** A buyer's facts read ahead for a batch: its restrictions wherever they apply, its history and links. */
    private record Prefetched(List<IntegrityLedger.ActiveRestriction> restrictions, RiskFacts.BuyerFacts facts) {
    }

    private final IntegrityLedger ledger;
    private final RiskFacts facts;
    private final BatchedInserts inserts;
    private final RiskProperties properties;
    private final Clock clock;
    private final Map<String, CachedStore> stores = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Timer> timers;
    private final TransactionTemplate savepoint;
    private final TransactionMemo<Map<String, Prefetched>> prefetched = new TransactionMemo<>(HashMap::new);

    ReadFeatures(IntegrityLedger ledger, RiskFacts facts, BatchedInserts inserts, RiskProperties properties, Clock clock,
                 MeterRegistry meters, TransactionTemplate transactions) {
        this.ledger = ledger;
        this.facts = facts;
        this.inserts = inserts;
        this.properties = properties;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.timers = GROUPS.stream().collect(Collectors.toUnmodifiableMap(g -> g, g -> Timer.builder("candor.risk.features")
                .description("Reading one group of a request's risk features on the decision path").tag("group", g)
                .publishPercentiles(0.5, 0.99, 0.999).register(meters)));
    }

    /**
     * Runs in the caller's transaction; what it reads from the database it reads in a savepoint, so that a failure
     * (thrown as {@link Unavailable}) leaves the caller's transaction usable. Not {@code @Transactional}: a failure
     * passing through a transactional proxy would mark the caller's transaction for rollback.
     */
    public Read read(String buyerId, String storeId, Instant now) {
        Prefetched ahead = prefetched.get().get(buyerId);
        CachedStore store = freshStoreRecord(storeId);
        if (ahead != null && store != null) {
            return new Read(ahead.restrictions().stream().filter(r -> r.appliesAt(storeId)).map(ReadFeatures::fact).toList(),
                    ahead.facts().history(), ahead.facts().links(), store.record());
        }
        // The history counts claims this transaction recorded; they must be written before the savepoint, which a
        // failed read rolls back.
        inserts.flush();
        return savepoint.execute(status -> {
            List<Features.RestrictionFact> restrictions = group("standing", () -> ledger.restrictionsOf(buyerId, storeId).stream()
                    .map(ReadFeatures::fact).toList());
            RiskFacts.BuyerFacts buyer = group("history", () -> facts.buyer(buyerId, now));
            Features.StoreRecord record = group("store", () -> store != null ? store.record() : readStoreRecord(storeId, now));
            return new Read(restrictions, buyer.history(), buyer.links(), record);
        });
    }

    /**
     * Reads the standing and history of a batch's buyers at once, as of {@code now}, for the rest of the caller's
     * transaction. When that fails (in its own savepoint), each request reads its own as usual.
     */
    public void prefetch(Collection<String> buyerIds, Instant now) {
        try {
            savepoint.executeWithoutResult(status -> {
                Map<String, List<IntegrityLedger.ActiveRestriction>> restrictions = group("standing", () -> ledger.restrictionsOf(buyerIds));
                Map<String, RiskFacts.BuyerFacts> buyers = group("history", () -> facts.buyers(buyerIds, now));
                Map<String, Prefetched> held = prefetched.get();
                buyerIds.forEach(b -> held.put(b, new Prefetched(restrictions.getOrDefault(b, List.of()), buyers.get(b))));
            });
        } catch (Unavailable e) {
            log.warn("Could not read the features of a batch's buyers at once ({}); each request reads its own", e.group, e);
        }
    }

    /** The buyer's history changed in this transaction (a request was recorded): read it again next time. */
    public void forget(String buyerId) {
        prefetched.get().remove(buyerId);
    }

    private static Features.RestrictionFact fact(IntegrityLedger.ActiveRestriction r) {
        return new Features.RestrictionFact(r.id(), r.kind(), r.storeId(), r.endsAt(), r.entryIds());
    }

    /** The kept record while it is younger than the TTL; past half of it, a background read is started too. */
    private CachedStore freshStoreRecord(String storeId) {
        CachedStore cached = stores.get(storeId);
        if (cached == null) {
            return null;
        }
        Duration age = Duration.between(cached.readAt(), clock.instant());
        Duration ttl = properties.storeRecordTtl();
        if (age.compareTo(ttl) >= 0) {
            return null;
        }
        if (age.compareTo(ttl.dividedBy(2)) >= 0) {
            refreshInBackground(storeId);
        }
        return cached;
    }

    /** Reads the store's record again outside the caller's transaction; one read per store at a time. */
    private void refreshInBackground(String storeId) {
        if (!refreshing.add(storeId)) {
            return;
        }
        refresher.execute(() -> {
            try {
                Instant now = clock.instant();
                stores.put(storeId, new CachedStore(facts.store(storeId, now), now));
            } catch (RuntimeException e) {
                log.warn("Could not read the record of store {} in the background; a request reads it once it expires", storeId, e);
            } finally {
                refreshing.remove(storeId);
            }
        });
    }

    @PreDestroy
    void stopRefreshing() {
        refresher.close();
    }

    /** Reads the store's record on the decision path, when no kept one is fresh, and keeps it. */
    private Features.StoreRecord readStoreRecord(String storeId, Instant now) {
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
