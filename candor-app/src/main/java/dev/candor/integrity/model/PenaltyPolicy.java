package dev.candor.integrity.model;

import dev.candor.integrity.SubjectType;
import dev.candor.integrity.ViolationType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of the penalty policy: points per violation type, how long points count, the appeal window
 * and review limit, the buyer restrictions with their thresholds and durations, and the merchant ladder.
 * Every value carries its {@code basis}: the PRODUCT.md rule it follows, or "Candor default".
 */
public record PenaltyPolicy(List<TypePoints> points, Setting decay, Setting appealWindow, Setting reviewLimit,
                            List<Threshold> buyerRestrictions, List<Threshold> merchantLadder) {

    public PenaltyPolicy {
        points = points == null ? List.of() : List.copyOf(points);
        buyerRestrictions = buyerRestrictions == null ? List.of() : List.copyOf(buyerRestrictions);
        merchantLadder = merchantLadder == null ? List.of() : List.copyOf(merchantLadder);
    }

    public record TypePoints(ViolationType type, int points, String basis) {
    }

    public record Setting(Duration duration, String basis) {
    }

    /** A restriction switched on at {@code points}; {@code duration} null: while the points stand. */
    public record Threshold(RestrictionKind kind, int points, Duration duration, String basis) {
    }

    /** The points an entry of this type costs under this policy. */
    public int pointsFor(ViolationType type) {
        return points.stream().filter(p -> p.type() == type).mapToInt(TypePoints::points).findFirst()
                .orElseThrow(() -> new IllegalStateException("policy has no points for " + type));
    }

    public List<Threshold> thresholdsFor(SubjectType subject) {
        return subject == SubjectType.BUYER ? buyerRestrictions : merchantLadder;
    }

    /** What is wrong with this document; empty when it may be published. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<ViolationType> typed = EnumSet.noneOf(ViolationType.class);
        for (TypePoints p : points) {
            if (p == null || p.type() == null) {
                problems.add("points: every item needs a type");
                continue;
            }
            if (!typed.add(p.type())) {
                problems.add("points: " + p.type() + " appears twice");
            }
            if (p.points() < 0 || p.points() > 1000) {
                problems.add("points: " + p.type() + " must be between 0 and 1000");
            }
            requireBasis(problems, "points." + p.type(), p.basis());
        }
        Set<ViolationType> missing = EnumSet.allOf(ViolationType.class);
        missing.removeAll(typed);
        if (!missing.isEmpty()) {
            problems.add("points: missing " + missing);
        }
        checkSetting(problems, "decay", decay);
        checkSetting(problems, "appealWindow", appealWindow);
        checkSetting(problems, "reviewLimit", reviewLimit);
        checkThresholds(problems, "buyerRestrictions", buyerRestrictions, SubjectType.BUYER, true);
        checkThresholds(problems, "merchantLadder", merchantLadder, SubjectType.MERCHANT, false);
        if (problems.isEmpty()) {
            for (int i = 1; i < merchantLadder.size(); i++) {
                if (merchantLadder.get(i).points() <= merchantLadder.get(i - 1).points()) {
                    problems.add("merchantLadder: thresholds must rise step by step in the order "
                            + ladderOrder());
                    break;
                }
            }
        }
        return problems;
    }

    private static void checkSetting(List<String> problems, String name, Setting setting) {
        if (setting == null || setting.duration() == null) {
            problems.add(name + ": a duration is required");
            return;
        }
        if (setting.duration().isNegative() || setting.duration().isZero()) {
            problems.add(name + ": the duration must be positive");
        }
        requireBasis(problems, name, setting.basis());
    }

    private static void checkThresholds(List<String> problems, String name, List<Threshold> thresholds, SubjectType subject,
                                        boolean durationRequired) {
        List<RestrictionKind> expected = Arrays.stream(RestrictionKind.values()).filter(k -> k.subject() == subject).toList();
        List<RestrictionKind> given = new ArrayList<>();
        for (Threshold t : thresholds) {
            if (t == null || t.kind() == null) {
                problems.add(name + ": every item needs a kind");
                continue;
            }
            given.add(t.kind());
            if (t.kind().subject() != subject) {
                problems.add(name + ": " + t.kind() + " is not a " + subject + " restriction");
            }
            if (t.points() < 1) {
                problems.add(name + ": " + t.kind() + " needs a threshold of at least 1 point");
            }
            if (t.duration() != null && (t.duration().isNegative() || t.duration().isZero())) {
                problems.add(name + ": " + t.kind() + " needs a positive duration");
            }
            if (durationRequired && t.duration() == null) {
                problems.add(name + ": " + t.kind() + " needs a duration");
            }
            requireBasis(problems, name + "." + t.kind(), t.basis());
        }
        if (subject == SubjectType.MERCHANT ? !given.equals(expected)
                : !(given.size() == expected.size() && given.containsAll(expected))) {
            problems.add(name + ": must list each of " + expected.stream().map(Enum::name).collect(Collectors.joining(", "))
                    + " exactly once" + (subject == SubjectType.MERCHANT ? ", in this order" : ""));
        }
    }

    private static void requireBasis(List<String> problems, String name, String basis) {
        if (basis == null || basis.isBlank() || basis.length() > 500) {
            problems.add(name + ": a basis (the rule it follows, or \"Candor default\") of at most 500 characters is required");
        }
    }

    private static String ladderOrder() {
        return Arrays.stream(RestrictionKind.values()).filter(k -> k.subject() == SubjectType.MERCHANT)
                .map(Enum::name).collect(Collectors.joining(" < "));
    }
}
