package dev.candor.forensics;

import java.util.List;

/**
 * An extension point: a check run on every scanned photo after the built-in checks.
 * Implementations must be thread-safe (photos are scanned in parallel) and must not throw for bad input;
 * an exception is recorded in the report's {@code errors} and the scan goes on.
 */
@FunctionalInterface
public interface ForensicCheck {

    /** Returns the findings about {@code evidence}, empty when there is nothing to say; never {@code null}. */
    List<Finding> inspect(Evidence evidence);
}
