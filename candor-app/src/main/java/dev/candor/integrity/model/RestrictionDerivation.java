package dev.candor.integrity.model;

import dev.candor.integrity.SubjectType;
import dev.candor.integrity.model.PenaltyPolicy.Threshold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns the points that count into restrictions, and a subject's restrictions in force into the changes
 * that bring them in line. A restriction runs from the latest entry that keeps the points at or over its
 * threshold, for the threshold's duration, but never past the moment decay takes the points below the
 * threshold; revoking an entry lifts it at once. Restrictions in force keep the policy version, threshold
 * and end they were started with: a new policy version only shapes restrictions started after it.
 */
public final class RestrictionDerivation {

    private RestrictionDerivation() {
    }

    /** A restriction the points call for now. {@code storeId} is null for a platform-wide one. */
    public record Derived(RestrictionKind kind, String storeId, Instant startsAt, Instant endsAt, int points, int threshold,
                          List<UUID> entryIds) {
        public Derived {
            entryIds = List.copyOf(entryIds);
        }
    }

    /** A materialized restriction not yet lifted. */
    public record InForce(UUID id, RestrictionKind kind, String storeId, Instant endsAt, int threshold, List<UUID> entryIds) {
        public InForce {
            entryIds = List.copyOf(entryIds);
        }
    }

    public enum LiftReason {
        /** Its duration ran out, or decay took the points behind it below the threshold. */
        ENDED,
        /** Entries behind it were revoked (or expired): the points no longer reach the threshold. */
        POINTS_BELOW_THRESHOLD,
        /** A new entry started a longer restriction of the same kind, or a higher ladder step. */
        SUPERSEDED
    }

    public record Lift(UUID restrictionId, LiftReason reason) {
    }

    /** What to change: lift these, start those. Empty when the restrictions in force are right. */
    public record Plan(List<Lift> lifts, List<Derived> starts) {
        public Plan {
            lifts = List.copyOf(lifts);
            starts = List.copyOf(starts);
        }

        public boolean isEmpty() {
            return lifts.isEmpty() && starts.isEmpty();
        }
    }

    /** The restrictions {@code policy} calls for at {@code now}, from the subject's counting entries. */
    public static List<Derived> derive(SubjectType subject, PenaltyPolicy policy, List<CountingEntry> entries, Instant now) {
        List<CountingEntry> active = entries.stream().filter(e -> e.activeAt(now)).toList();
        List<Derived> derived = new ArrayList<>();
        if (subject == SubjectType.BUYER) {
            for (Threshold threshold : policy.buyerRestrictions()) {
                if (threshold.kind().scope() == RestrictionKind.Scope.PLATFORM) {
                    evaluate(threshold, null, active, now).ifPresent(derived::add);
                } else {
                    Map<String, List<CountingEntry>> byStore = new TreeMap<>();
                    active.forEach(e -> byStore.computeIfAbsent(e.storeId(), s -> new ArrayList<>()).add(e));
                    byStore.forEach((store, inStore) -> evaluate(threshold, store, inStore, now).ifPresent(derived::add));
                }
            }
        } else {
            List<Threshold> ladder = policy.merchantLadder();
            for (int i = ladder.size() - 1; i >= 0; i--) {
                Optional<Derived> step = evaluate(ladder.get(i), null, active, now);
                if (step.isPresent()) {
                    derived.add(step.get());
                    break;
                }
            }
        }
        return derived;
    }

    /** The highest ladder step the points reach under {@code policy}, served or not. */
    public static Optional<RestrictionKind> ladderStep(PenaltyPolicy policy, int points) {
        return policy.merchantLadder().stream().filter(t -> t.points() <= points)
                .max(Comparator.comparingInt(Threshold::points)).map(Threshold::kind);
    }

    /** The sum of the points that count at {@code now}. */
    public static int activePoints(List<CountingEntry> entries, Instant now) {
        return entries.stream().filter(e -> e.activeAt(now)).mapToInt(CountingEntry::points).sum();
    }

    private static Optional<Derived> evaluate(Threshold threshold, String storeId, List<CountingEntry> active, Instant now) {
        int sum = active.stream().mapToInt(CountingEntry::points).sum();
        if (sum < threshold.points() || active.isEmpty()) {
            return Optional.empty();
        }
        List<CountingEntry> byEffective = active.stream()
                .sorted(Comparator.comparing(CountingEntry::effectiveAt).thenComparing(CountingEntry::id)).toList();
        Instant start = byEffective.getLast().effectiveAt();
        Instant decayEnd = null;
        int remaining = sum;
        for (CountingEntry e : active.stream().sorted(Comparator.comparing(CountingEntry::expiresAt)).toList()) {
            remaining -= e.points();
            if (remaining < threshold.points()) {
                decayEnd = e.expiresAt();
                break;
            }
        }
        Instant end = Objects.requireNonNull(decayEnd);
        if (threshold.duration() != null && start.plus(threshold.duration()).isBefore(end)) {
            end = start.plus(threshold.duration());
        }
        if (!end.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Derived(threshold.kind(), storeId, start, end, sum, threshold.points(),
                byEffective.stream().map(CountingEntry::id).toList()));
    }

    /** The lifts and starts that bring {@code inForce} in line with {@code desired}. */
    public static Plan reconcile(List<InForce> inForce, List<Derived> desired, List<CountingEntry> entries, Instant now) {
        List<Lift> lifts = new ArrayList<>();
        List<InForce> kept = new ArrayList<>();
        for (InForce restriction : inForce) {
            Optional<Derived> successor = desired.stream().filter(d -> sameSlot(restriction, d)).findFirst();
            var own = new HashSet<>(restriction.entryIds());
            int ownPoints = entries.stream().filter(e -> own.contains(e.id()) && e.activeAt(now)).mapToInt(CountingEntry::points).sum();
            if (!restriction.endsAt().isAfter(now)) {
                lifts.add(new Lift(restriction.id(), LiftReason.ENDED));
            } else if (ownPoints < restriction.threshold()) {
                lifts.add(new Lift(restriction.id(), LiftReason.POINTS_BELOW_THRESHOLD));
            } else if (successor.isPresent() && !own.containsAll(successor.get().entryIds())
                    && (successor.get().kind() != restriction.kind() || successor.get().endsAt().isAfter(restriction.endsAt()))) {
                lifts.add(new Lift(restriction.id(), LiftReason.SUPERSEDED));
            } else {
                kept.add(restriction);
            }
        }
        List<Derived> starts = desired.stream().filter(d -> kept.stream().noneMatch(k -> sameSlot(k, d))).toList();
        return new Plan(lifts, starts);
    }

    private static boolean sameSlot(InForce restriction, Derived derived) {
        return restriction.kind().group().equals(derived.kind().group()) && Objects.equals(restriction.storeId(), derived.storeId());
    }
}
