package dev.candor.photoreuse.application;

import dev.candor.forensics.PdqIndex;
import dev.candor.photoreuse.PhotoReuse;
import dev.candor.photoreuse.ReuseMatch;
import dev.candor.photoreuse.ReuseMatch.Source;
import dev.candor.photoreuse.infrastructure.PhotoHashes;
import dev.candor.photoreuse.infrastructure.PhotoHashes.StoredHash;
import dev.candor.photoreuse.infrastructure.ReuseIndex;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records claim photos and searches the index: the in-memory index proposes row ids, PostgreSQL says what they
 * are, and the rules for a claim (other buyer, other case, recorded before it) are applied to those rows.
 */
@Service
class MatchPhotos implements PhotoReuse {

    private static final Comparator<ReuseMatch> CLOSEST_FIRST = Comparator.comparingInt(ReuseMatch::distance)
            .thenComparing(ReuseMatch::source).thenComparing(ReuseMatch::ref).thenComparing(ReuseMatch::storeId);

    private final PhotoHashes hashes;
    private final ReuseIndex index;
    private final IndexAfterCommit indexAfterCommit;
    private final Clock clock;

    MatchPhotos(PhotoHashes hashes, ReuseIndex index, IndexAfterCommit indexAfterCommit, Clock clock) {
        this.hashes = hashes;
        this.index = index;
        this.indexAfterCommit = indexAfterCommit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<ReuseMatch> indexClaimPhoto(UUID caseId, UUID evidenceId, String buyerId, String storeId,
                                            List<String> dihedralPdqHex) {
        checkHashes(dihedralPdqHex);
        byte[] pdq = HexFormat.of().parseHex(dihedralPdqHex.getFirst());
        StoredHash own = hashes.insert(Source.CLAIM, evidenceId.toString(), storeId, buyerId, caseId, pdq, clock.instant());
        indexAfterCommit.add(own.id(), pdq);
        return resolve(index.search(dihedralPdqHex, MATCH_DISTANCE), row -> row.source() == Source.LISTING
                || row.id() != own.id() && !buyerId.equals(row.buyerId()) && !caseId.equals(row.caseId())
                && recordedBefore(row, own));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReuseMatch> matches(List<String> dihedralPdqHex, int maxDistance) {
        checkHashes(dihedralPdqHex);
        return resolve(index.search(dihedralPdqHex, maxDistance), row -> true);
    }

    private static boolean recordedBefore(StoredHash row, StoredHash own) {
        int order = row.createdAt().compareTo(own.createdAt());
        return order < 0 || order == 0 && row.id() < own.id();
    }

    private List<ReuseMatch> resolve(List<PdqIndex.Match> found, Predicate<StoredHash> keep) {
        Map<Long, Integer> distances = found.stream()
                .collect(Collectors.toMap(PdqIndex.Match::key, PdqIndex.Match::distance, Math::min));
        Map<Long, StoredHash> rows = hashes.find(distances.keySet()).stream()
                .collect(Collectors.toMap(StoredHash::id, Function.identity()));
        List<ReuseMatch> matches = new ArrayList<>();
        for (StoredHash row : rows.values()) {
            if (keep.test(row)) {
                matches.add(new ReuseMatch(row.source(), row.ref(), row.caseId(), row.buyerId(), row.storeId(),
                        distances.get(row.id())));
            }
        }
        matches.sort(CLOSEST_FIRST);
        return matches;
    }

    private static void checkHashes(List<String> dihedralPdqHex) {
        if (dihedralPdqHex.isEmpty() || dihedralPdqHex.size() > 8
                || !dihedralPdqHex.stream().allMatch(h -> h.length() == 64 && h.chars().allMatch(HexFormat::isHexDigit))) {
            throw new IllegalArgumentException("expected 1-8 PDQ hashes of 64 hex digits, original first");
        }
    }
}
