package dev.candor.commerce.model;

/** The outcome of an upsert: the record as Candor now holds it, and whether the push created or changed it. */
public record Upserted<T>(T value, Outcome outcome) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public boolean changed() {
        return outcome != Outcome.UNCHANGED;
    }
}
