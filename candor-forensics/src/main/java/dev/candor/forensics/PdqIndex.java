package dev.candor.forensics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An in-memory index of PDQ hashes that finds every stored hash within a Hamming distance of a query,
 * exactly, by multi-index hashing (Norouzi, Punjani and Fleet, "Fast search in Hamming space with multi-index
 * hashing", CVPR 2012). Each stored hash carries a {@code long} key (a database row id, say).
 *
 * <p>The 256 bits are cut into 12 chunks (four of 22 bits, eight of 21). A search for distance {@code D} gives chunk
 * {@code i} a radius {@code r_i} with {@code sum(r_i + 1) = D + 1}; a hash within {@code D} of the query must then lie
 * within {@code r_i} of it on some chunk {@code i} (pigeonhole), so probing every chunk value within its radius and
 * checking the full distance of what is found misses nothing. For {@code D = 31}: eight chunks with radius 2, four
 * with radius 1. Each chunk's table is in CSR form (an offsets array over all chunk values and one int array of
 * entry numbers), about 100 bytes per hash in all: 10^7 hashes take about 1 GB.
 *
 * <p>Added hashes go to a small delta with hashed chains and are merged into the CSR tables when the delta exceeds
 * 1/32 of the index, so adds cost amortised O(chunks). Searches may run in parallel with each other; adds and the
 * merge take a write lock. {@link #scan} is the brute-force linear scan the index is measured against.
 */
public final class PdqIndex {

    /** The largest distance a search accepts; beyond it the probes cost more than a linear scan. */
    public static final int MAX_DISTANCE = 63;

    private static final int[] CHUNK_BITS = {22, 22, 22, 22, 21, 21, 21, 21, 21, 21, 21, 21};
    private static final int CHUNKS = CHUNK_BITS.length;
    private static final int[] CHUNK_START = new int[CHUNKS];
    private static final int MIN_DELTA = 4096;

    static {
        for (int c = 1; c < CHUNKS; c++) {
            CHUNK_START[c] = CHUNK_START[c - 1] + CHUNK_BITS[c - 1];
        }
    }

    /** A stored hash within the searched distance: its key and its smallest distance to any query variant. */
    public record Match(long key, int distance) {
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long[] words;
    private long[] keys;
    private int size;
    /** Entries {@code [0, base)} are in the CSR tables, entries {@code [base, size)} in the delta. */
    private int base;
    private final int[][] offsets = new int[CHUNKS][];
    private final int[][] postings = new int[CHUNKS][];
    private int[][] deltaHead;
    private int[][] deltaNext;
    private int deltaMask;
    private int deltaMax;

    /** An empty index with room for {@code expected} hashes before it grows. */
    public PdqIndex(int expected) {
        this(expected, true);
    }

    private PdqIndex(int expected, boolean buildTables) {
        int capacity = Math.max(16, expected);
        words = new long[4 * capacity];
        keys = new long[capacity];
        if (buildTables) {
            merge();
        }
    }

    /** Builds an index of many hashes at once, merging once at the end instead of as they come. */
    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    /** Adds a hash given as 32 bytes in the order of its hex form. */
    public void add(long key, byte[] pdq) {
        long[] w = words(pdq);
        lock.writeLock().lock();
        try {
            append(key, w);
            if (size - base > deltaMax) {
                merge();
            } else {
                indexDelta(size - 1);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds a hash given as 64 hex digits. */
    public void add(long key, String pdqHex) {
        add(key, HexFormat.of().parseHex(pdqHex));
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every stored hash within {@code maxDistance} of any of the query hashes (typically a photo's eight dihedral
     * hashes), each once with its smallest distance, closest first.
     */
    public List<Match> search(List<String> queryHex, int maxDistance) {
        long[][] queries = queries(queryHex, maxDistance);
        Probes probes = new Probes(radii(maxDistance));
        lock.readLock().lock();
        try {
            Hits hits = new Hits();
            for (long[] q : queries) {
                probes.enumerate(q);
                searchTables(q, probes, maxDistance, hits);
                searchDelta(q, probes, maxDistance, hits);
            }
            return hits.matches(keys);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The same answer as {@link #search}, by comparing the queries with every stored hash. */
    public List<Match> scan(List<String> queryHex, int maxDistance) {
        long[][] queries = queries(queryHex, maxDistance);
        lock.readLock().lock();
        try {
            Hits hits = new Hits();
            for (int e = 0; e < size; e++) {
                for (long[] q : queries) {
                    int d = distance(q, e);
                    if (d <= maxDistance) {
                        hits.add(e, d);
                    }
                }
            }
            return hits.matches(keys);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Looks the probes up in the CSR tables in passes (bucket bounds of every probe, then the entries of every
     * bucket, then their distances), so that the memory reads of one pass do not wait on each other: done probe by
     * probe, each probe is a chain of three cache misses. A candidate's first two words decide almost every
     * rejection (a random hash differs from the query in about 64 of those 128 bits); they share one cache line
     * wherever the array starts, while the whole hash may span two.
     */
    private void searchTables(long[] q, Probes probes, int maxDistance, Hits hits) {
        int n = probes.count;
        int[] from = probes.from;
        int[] to = probes.to;
        int candidates = 0;
        for (int p = 0; p < n; p++) {
            int[] off = offsets[probes.chunk[p]];
            int value = probes.value[p];
            from[p] = off[value];
            to[p] = off[value + 1];
            candidates += to[p] - from[p];
        }
        int[] entries = probes.entries(candidates);
        int k = 0;
        for (int p = 0; p < n; p++) {
            int length = to[p] - from[p];
            System.arraycopy(postings[probes.chunk[p]], from[p], entries, k, length);
            k += length;
        }
        for (int i = 0; i < candidates; i++) {
            int e = entries[i];
            int at = 4 * e;
            int half = Long.bitCount(q[0] ^ words[at]) + Long.bitCount(q[1] ^ words[at + 1]);
            if (half <= maxDistance) {
                int d = half + Long.bitCount(q[2] ^ words[at + 2]) + Long.bitCount(q[3] ^ words[at + 3]);
                if (d <= maxDistance) {
                    hits.add(e, d);
                }
            }
        }
    }

    private void searchDelta(long[] q, Probes probes, int maxDistance, Hits hits) {
        if (size == base) {
            return;
        }
        int n = probes.count;
        int[] heads = probes.from;
        for (int p = 0; p < n; p++) {
            heads[p] = deltaHead[probes.chunk[p]][probes.value[p] & deltaMask];
        }
        for (int p = 0; p < n; p++) {
            int c = probes.chunk[p];
            int[] next = deltaNext[c];
            for (int slot = heads[p]; slot != 0; slot = next[slot - 1]) {
                int e = base + slot - 1;
                if (chunk(words, 4 * e, c) == probes.value[p]) {
                    int d = distance(q, e);
                    if (d <= maxDistance) {
                        hits.add(e, d);
                    }
                }
            }
        }
    }

    /** Chunk radii with {@code sum(r + 1) = maxDistance + 1}, the larger ones on the wider chunks (listed first). */
    static int[] radii(int maxDistance) {
        int quotient = (maxDistance + 1) / CHUNKS;
        int remainder = (maxDistance + 1) % CHUNKS;
        int[] radii = new int[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            radii[c] = quotient - 1 + (c < remainder ? 1 : 0);
        }
        return radii;
    }

    private static long[][] queries(List<String> queryHex, int maxDistance) {
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
            throw new IllegalArgumentException("maxDistance must be 0.." + MAX_DISTANCE + ", got " + maxDistance);
        }
        long[][] queries = new long[queryHex.size()][];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = words(HexFormat.of().parseHex(queryHex.get(i)));
        }
        return queries;
    }

    /** The hash's four 64-bit words; byte {@code i} holds bits {@code 8 * (31 - i)} and up, as in the hex form. */
    private static long[] words(byte[] pdq) {
        if (pdq.length != 32) {
            throw new IllegalArgumentException("a PDQ hash has 32 bytes, got " + pdq.length);
        }
        long[] w = new long[4];
        for (int i = 0; i < 32; i++) {
            int bit = (31 - i) * 8;
            w[bit >>> 6] |= (pdq[i] & 0xFFL) << (bit & 63);
        }
        return w;
    }

    private static int chunk(long[] w, int at, int c) {
        int start = CHUNK_START[c];
        int word = start >>> 6;
        int shift = start & 63;
        long v = w[at + word] >>> shift;
        if (shift + CHUNK_BITS[c] > 64) {
            v |= w[at + word + 1] << (64 - shift);
        }
        return (int) (v & ((1L << CHUNK_BITS[c]) - 1));
    }

    private int distance(long[] q, int e) {
        int at = 4 * e;
        return Long.bitCount(q[0] ^ words[at]) + Long.bitCount(q[1] ^ words[at + 1])
                + Long.bitCount(q[2] ^ words[at + 2]) + Long.bitCount(q[3] ^ words[at + 3]);
    }

    private void append(long key, long[] w) {
        if (size == keys.length) {
            int capacity = keys.length + (keys.length >> 1);
            keys = Arrays.copyOf(keys, capacity);
            words = Arrays.copyOf(words, 4 * capacity);
        }
        System.arraycopy(w, 0, words, 4 * size, 4);
        keys[size] = key;
        size++;
    }

    private void indexDelta(int e) {
        int slot = e - base + 1;
        for (int c = 0; c < CHUNKS; c++) {
            int bucket = chunk(words, 4 * e, c) & deltaMask;
            deltaNext[c][slot - 1] = deltaHead[c][bucket];
            deltaHead[c][bucket] = slot;
        }
    }

    /** Rebuilds the CSR tables over every entry (a counting sort per chunk) and empties the delta. */
    private void merge() {
        for (int c = 0; c < CHUNKS; c++) {
            int[] off = new int[(1 << CHUNK_BITS[c]) + 1];
            for (int e = 0; e < size; e++) {
                off[chunk(words, 4 * e, c) + 1]++;
            }
            for (int v = 1; v < off.length; v++) {
                off[v] += off[v - 1];
            }
            offsets[c] = null;
            postings[c] = null;
            int[] post = new int[size];
            int[] fill = Arrays.copyOf(off, off.length - 1);
            for (int e = 0; e < size; e++) {
                post[fill[chunk(words, 4 * e, c)]++] = e;
            }
            offsets[c] = off;
            postings[c] = post;
        }
        base = size;
        deltaMax = Math.max(MIN_DELTA, size / 32);
        int buckets = Integer.highestOneBit(deltaMax - 1) << 2;
        deltaMask = buckets - 1;
        deltaHead = new int[CHUNKS][buckets];
        deltaNext = new int[CHUNKS][deltaMax];
    }

    /** The chunk values within each chunk's radius of one query hash, and scratch space to look them up. */
    private static final class Probes {
        private final int[] radii;
        final int[] chunk;
        final int[] value;
        final int[] from;
        final int[] to;
        int count;
        private int[] entries = new int[0];

        Probes(int[] radii) {
            this.radii = radii;
            int total = 0;
            for (int c = 0; c < CHUNKS; c++) {
                total += ballSize(CHUNK_BITS[c], radii[c]);
            }
            chunk = new int[total];
            value = new int[total];
            from = new int[total];
            to = new int[total];
        }

        /** How many values lie within {@code radius} bits of a {@code bits}-bit value. */
        private static int ballSize(int bits, int radius) {
            int size = 0;
            long binomial = 1;
            for (int r = 0; r <= radius; r++) {
                size += (int) binomial;
                binomial = binomial * (bits - r) / (r + 1);
            }
            return size;
        }

        void enumerate(long[] q) {
            count = 0;
            for (int c = 0; c < CHUNKS; c++) {
                if (radii[c] >= 0) {
                    flip(c, chunk(q, 0, c), 0, radii[c]);
                }
            }
        }

        /** Every value within {@code remaining} bits of {@code v}, flipping bits from {@code fromBit} up. */
        private void flip(int c, int v, int fromBit, int remaining) {
            chunk[count] = c;
            value[count] = v;
            count++;
            if (remaining > 0) {
                for (int b = fromBit; b < CHUNK_BITS[c]; b++) {
                    flip(c, v ^ (1 << b), b + 1, remaining - 1);
                }
            }
        }

        int[] entries(int needed) {
            if (entries.length < needed) {
                entries = new int[Math.max(needed, 2 * entries.length)];
            }
            return entries;
        }
    }

    /** Entry numbers with their smallest distance, in an open-addressing table (a cluster may be large). */
    private static final class Hits {
        private int[] entries = new int[16];
        private int[] distances = new int[16];
        private int count;

        Hits() {
            Arrays.fill(entries, -1);
        }

        void add(int e, int d) {
            int mask = entries.length - 1;
            int i = ((e * 0x9E3779B9) >>> 12) & mask;
            while (entries[i] != -1 && entries[i] != e) {
                i = (i + 1) & mask;
            }
            if (entries[i] == e) {
                distances[i] = Math.min(distances[i], d);
                return;
            }
            entries[i] = e;
            distances[i] = d;
            if (++count * 2 > entries.length) {
                grow();
            }
        }

        private void grow() {
            int[] oldEntries = entries;
            int[] oldDistances = distances;
            entries = new int[2 * oldEntries.length];
            distances = new int[2 * oldEntries.length];
            Arrays.fill(entries, -1);
            count = 0;
            for (int i = 0; i < oldEntries.length; i++) {
                if (oldEntries[i] != -1) {
                    add(oldEntries[i], oldDistances[i]);
                }
            }
        }

        List<Match> matches(long[] keys) {
            List<Match> matches = new ArrayList<>(count);
            for (int i = 0; i < entries.length; i++) {
                if (entries[i] != -1) {
                    matches.add(new Match(keys[entries[i]], distances[i]));
                }
            }
            matches.sort(Comparator.comparingInt(Match::distance).thenComparingLong(Match::key));
            return matches;
        }
    }

    /** Collects hashes without indexing them, then builds the index once. Not thread-safe. */
    public static final class Builder {
        private final PdqIndex index;

        private Builder(int expected) {
            index = new PdqIndex(expected, false);
        }

        public Builder add(long key, byte[] pdq) {
            index.append(key, words(pdq));
            return this;
        }

        public Builder add(long key, String pdqHex) {
            return add(key, HexFormat.of().parseHex(pdqHex));
        }

        public PdqIndex build() {
            index.merge();
            return index;
        }
    }
}
