package dev.candor.forensics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Multi-index hashing must find exactly what the linear scan finds. */
class PdqIndexTest {

    private static final long PLANTED = 1_000_000;

    private final SplittableRandom random = new SplittableRandom(5);

    private byte[] randomHash() {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return hash;
    }

    /** A copy of {@code hash} with exactly {@code d} distinct bits flipped. */
    private byte[] flip(byte[] hash, int d) {
        byte[] copy = hash.clone();
        random.ints(0, 256).distinct().limit(d).forEach(bit -> copy[bit >>> 3] ^= (byte) (1 << (bit & 7)));
        return copy;
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** 20,000 random hashes built at once, then 5,000 added one by one: one merge and a non-empty delta. */
    private PdqIndex randomIndex(List<byte[]> stored) {
        PdqIndex.Builder builder = PdqIndex.builder(1000);
        for (int i = 0; i < 20_000; i++) {
            byte[] h = randomHash();
            stored.add(h);
            builder.add(i, h);
        }
        PdqIndex index = builder.build();
        for (int i = 20_000; i < 25_000; i++) {
            byte[] h = randomHash();
            stored.add(h);
            index.add(i, h);
        }
        return index;
    }

    @Test
    void plantedNearMatchesAreFoundUpTo31AndNotBeyond() {
        List<byte[]> stored = new ArrayList<>();
        PdqIndex index = randomIndex(stored);
        byte[] query = randomHash();
        for (int d = 0; d <= 40; d++) {
            index.add(PLANTED + d, flip(query, d));
        }
        byte[] base = stored.get(12_345);
        for (int d = 0; d <= 40; d++) {
            index.add(2 * PLANTED + d, flip(base, d));
        }

        List<PdqIndex.Match> found = index.search(List.of(hex(query)), 31);

        assertThat(found).containsExactlyElementsOf(IntStream.rangeClosed(0, 31)
                .mapToObj(d -> new PdqIndex.Match(PLANTED + d, d)).toList());
        assertThat(found).isEqualTo(index.scan(List.of(hex(query)), 31));
        List<PdqIndex.Match> aroundStored = index.search(List.of(hex(base)), 31);
        assertThat(aroundStored).hasSize(33).first().isEqualTo(new PdqIndex.Match(12_345, 0));
        assertThat(aroundStored).isEqualTo(index.scan(List.of(hex(base)), 31));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 11, 12, 23, 31, 32, 40, 47, 63})
    void findsExactlyWhatTheLinearScanFindsAtEveryDistance(int maxDistance) {
        List<byte[]> stored = new ArrayList<>();
        PdqIndex index = randomIndex(stored);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] near = stored.get(random.nextInt(stored.size()));
            queries.add(hex(flip(near, random.nextInt(0, maxDistance + 8))));
        }
        for (int i = 0; i < queries.size(); i++) {
            index.add(4 * PLANTED + i, queries.get(i));
        }
        for (int i = 0; i < 30; i++) {
            index.add(3 * PLANTED + i, flip(HexFormat.of().parseHex(queries.get(i % 8)), random.nextInt(0, 48)));
        }

        List<PdqIndex.Match> found = index.search(queries, maxDistance);

        assertThat(found).isEqualTo(index.scan(queries, maxDistance));
        assertThat(found).isNotEmpty();
    }

    @Test
    void theChunkRadiiAddUpSoThatThePigeonholeHolds() {
        for (int d = 0; d <= PdqIndex.MAX_DISTANCE; d++) {
            assertThat(IntStream.of(PdqIndex.radii(d)).map(r -> r + 1).sum()).isEqualTo(d + 1);
        }
        assertThat(PdqIndex.radii(31)).containsExactly(2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1);
    }

    @Test
    void rotatedAndMirroredCopiesAreFoundThroughTheDihedralQuery() {
        Scanner scanner = Forensics.scanner(ScanConfig.defaults());
        PdqIndex index = new PdqIndex(16);
        index.add(1, scanner.scan("o", Fixtures.bytes("threatexchange-pdq/dih/bridge-1-original.jpg"), ScanContext.none())
                .pdq().hash());
        index.add(2, scanner.scan("w", Fixtures.bytes("threatexchange-pdq/misc/wee.jpg"), ScanContext.none()).pdq().hash());
        index.add(3, scanner.scan("a", Fixtures.bytes("c2pa-rs/earth_apollo17.jpg"), ScanContext.none()).pdq().hash());

        for (String copy : List.of("bridge-2-rotate-90", "bridge-3-rotate-180", "bridge-4-rotate-270", "bridge-5-flipx",
                "bridge-6-flipy", "bridge-7-flip-plus-1", "bridge-8-flip-minus-1")) {
            ForensicReport.Pdq pdq = scanner.scan(copy, Fixtures.bytes("threatexchange-pdq/dih/" + copy + ".jpg"),
                    ScanContext.none()).pdq();

            assertThat(index.search(pdq.dihedrals(), 31)).as(copy).extracting(PdqIndex.Match::key).containsExactly(1L);
            assertThat(index.search(List.of(pdq.hash()), 31)).as(copy).isEmpty();
        }
    }

    @Test
    void refusesADistanceItCannotSearchAndAMalformedHash() {
        PdqIndex index = new PdqIndex(16);

        assertThatThrownBy(() -> index.search(List.of(hex(randomHash())), 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.add(1, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
