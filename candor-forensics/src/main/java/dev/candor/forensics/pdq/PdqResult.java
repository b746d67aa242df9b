package dev.candor.forensics.pdq;

import java.util.EnumMap;
import java.util.Map;

/** The PDQ hashes of one image (all eight dihedral variants) and its quality score (0-100). */
public record PdqResult(Map<Dihedral, PdqHash> hashes, int quality) {

    public PdqResult {
        hashes = new EnumMap<>(hashes);
    }

    public PdqHash hash() {
        return hashes.get(Dihedral.ORIGINAL);
    }

    /** The smallest distance from {@code other}'s original hash to any of this image's dihedral hashes. */
    public DihedralMatch closestTo(PdqHash other) {
        Dihedral best = Dihedral.ORIGINAL;
        int bestDistance = Integer.MAX_VALUE;
        for (var e : hashes.entrySet()) {
            int d = e.getValue().distance(other);
            if (d < bestDistance) {
                bestDistance = d;
                best = e.getKey();
            }
        }
        return new DihedralMatch(best, bestDistance);
    }

    public record DihedralMatch(Dihedral transform, int distance) {
    }
}
