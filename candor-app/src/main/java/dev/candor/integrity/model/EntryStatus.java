package dev.candor.integrity.model;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where an entry stands. Its points count while it is ACTIVE, UNDER_APPEAL or UPHELD and not yet past expiry. */
public enum EntryStatus {
    ACTIVE,
    UNDER_APPEAL,
    UPHELD,
    REVOKED,
    EXPIRED;

    public static final Set<EntryStatus> COUNTING = EnumSet.of(ACTIVE, UNDER_APPEAL, UPHELD);

    private static final Map<EntryStatus, Set<EntryStatus>> NEXT = Map.of(
            ACTIVE, EnumSet.of(UNDER_APPEAL, EXPIRED),
            UNDER_APPEAL, EnumSet.of(UPHELD, REVOKED),
            UPHELD, EnumSet.of(EXPIRED),
            REVOKED, EnumSet.noneOf(EntryStatus.class),
            EXPIRED, EnumSet.noneOf(EntryStatus.class));

    public boolean counts() {
        return COUNTING.contains(this);
    }

    public boolean mayBecome(EntryStatus next) {
        return NEXT.get(this).contains(next);
    }
}
