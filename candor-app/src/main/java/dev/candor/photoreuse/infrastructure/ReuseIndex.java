package dev.candor.photoreuse.infrastructure;

import dev.candor.forensics.PdqIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's in-memory index over {@code photo_hashes}, keyed by row id: loaded in full before the service
 * takes requests, then kept current by {@link #add} (rows this node committed) and {@link #refresh} (rows any
 * node committed). Ids are handed out in insert order but become visible in commit order, so a refresh re-reads
 * every row above {@code highest id seen - reread window} and skips the ids it already holds. A hash held twice
 * would only cost memory: matches are resolved by id in PostgreSQL, which also drops ids whose rows are gone.
 */
@Component
public class ReuseIndex implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ReuseIndex.class);
    private static final int PAGE = 50_000;

    private final PhotoHashes hashes;
    private final long rereadWindow;
    private final Set<Long> recent = new HashSet<>();
    /** Set by {@link #load}, which runs before the service takes requests. */
    private volatile PdqIndex index;
    private long highest;

    public ReuseIndex(PhotoHashes hashes, @Value("${candor.photoreuse.reread-window:10000}") long rereadWindow) {
        this.hashes = hashes;
        this.rereadWindow = rereadWindow;
    }

    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    /** Builds the index from every stored row. */
    public synchronized void load() {
        long started = System.nanoTime();
        long expected = hashes.count();
        PdqIndex.Builder builder = PdqIndex.builder((int) Math.min(Integer.MAX_VALUE - 8, expected + expected / 4 + 1024));
        recent.clear();
        highest = 0;
        List<PhotoHashes.IndexRow> page;
        do {
            page = hashes.after(highest, PAGE);
            for (PhotoHashes.IndexRow row : page) {
                builder.add(row.id(), row.pdq());
                recent.add(row.id());
                highest = row.id();
            }
            forgetBelow(highest - 2 * rereadWindow);
        } while (page.size() == PAGE);
        index = builder.build();
        log.info("Loaded {} photo hashes into the reuse index in {} ms", index.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Adds a row this node has committed. */
    public synchronized void add(long id, byte[] pdq) {
        if (recent.add(id)) {
            index.add(id, pdq);
            highest = Math.max(highest, id);
        }
    }

    /** Adds the rows other nodes committed since the last refresh; returns how many were new. */
    public synchronized int refresh() {
        int added = 0;
        List<PhotoHashes.IndexRow> page;
        long after = Math.max(0, highest - rereadWindow);
        do {
            page = hashes.after(after, PAGE);
            for (PhotoHashes.IndexRow row : page) {
                if (recent.add(row.id())) {
                    index.add(row.id(), row.pdq());
                    added++;
                }
                after = row.id();
            }
        } while (page.size() == PAGE);
        highest = Math.max(highest, after);
        forgetBelow(highest - 2 * rereadWindow);
        return added;
    }

    /** Ids this far below the highest are never re-read, so they need not be remembered. */
    private void forgetBelow(long id) {
        recent.removeIf(seen -> seen < id);
    }

    /** Row ids of hashes within {@code maxDistance} of any of the hashes, closest first. */
    public List<PdqIndex.Match> search(List<String> pdqHex, int maxDistance) {
        return index.search(pdqHex, maxDistance);
    }

    public int size() {
        return index.size();
    }
}
