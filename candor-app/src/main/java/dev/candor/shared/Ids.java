package dev.candor.shared;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Ids for rows written at high rates (cases, decisions). A time-ordered UUID (RFC 9562 version 7: milliseconds
 * since the epoch, then random bits) lands where the last ones did in every index it leads, so inserts touch a
 * few hot pages at the right edge instead of a random page of a large index each (which PostgreSQL must read
 * back and log in full after each checkpoint). The id shows when it was made, as the row itself does.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator TIME_ORDERED = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static UUID timeOrdered() {
        return TIME_ORDERED.generate();
    }
}
