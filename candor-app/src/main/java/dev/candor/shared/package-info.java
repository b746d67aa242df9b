/**
 * The shared kernel every module stands on: the error family and its problem-detail mapping, the
 * authenticated {@link dev.candor.shared.security.Actor}, the hash-chained audit log, idempotent creates,
 * the clock and the database wiring. It holds no business rules of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.candor.shared;
