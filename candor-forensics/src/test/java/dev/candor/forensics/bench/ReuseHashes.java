package dev.candor.forensics.bench;

import dev.candor.forensics.PdqIndex;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reuse-index workload: {@code n} stored hashes, of which one in a hundred sits in a cluster of ten near
 * duplicates (distance 1-31 from the cluster's first hash) and the rest are uniformly random; and query sets of
 * eight hashes, as a photo's eight dihedral hashes are. Half the query sets hold, at a random position, a hash
 * 0-40 bits from a cluster's first hash (a reused photo, sometimes just out of reach); the others are random.
 */
final class ReuseHashes {

    private static final int CLUSTER = 10;

    private final SplittableRandom random = new SplittableRandom(42);
    private final List<byte[]> centers = new ArrayList<>();

    PdqIndex build(int n) {
        PdqIndex.Builder builder = PdqIndex.builder(n);
        int clustered = n / 100;
        for (long key = 0; key < n; key++) {
            if (key < clustered && key % CLUSTER == 0) {
                byte[] center = randomHash();
                centers.add(center);
                builder.add(key, center);
            } else if (key < clustered) {
                builder.add(key, flip(centers.getLast(), random.nextInt(1, 32)));
            } else {
                builder.add(key, randomHash());
            }
        }
        return builder.build();
    }

    List<List<String>> queries(int count) {
        List<List<String>> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<String> variants = new ArrayList<>(8);
            for (int v = 0; v < 8; v++) {
                variants.add(HexFormat.of().formatHex(randomHash()));
            }
            if (i % 2 == 0) {
                byte[] center = centers.get(random.nextInt(centers.size()));
                variants.set(random.nextInt(8), HexFormat.of().formatHex(flip(center, random.nextInt(0, 41))));
            }
            queries.add(List.copyOf(variants));
        }
        return queries;
    }

    private byte[] randomHash() {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return hash;
    }

    private byte[] flip(byte[] hash, int d) {
        byte[] copy = hash.clone();
        random.ints(0, 256).distinct().limit(d).forEach(bit -> copy[bit >>> 3] ^= (byte) (1 << (bit & 7)));
        return copy;
    }
}
