package dev.candor.commerce.web;

import dev.candor.shared.error.CandorException;

/** Ids taken from the path, where a malformed one is invalid input rather than an unknown resource. */
final class PathIds {

    private PathIds() {
    }

    static String check(String name, String id) {
        if (!id.matches(OrderSystemId.PATTERN)) {
            throw CandorException.invalid(name + " must be " + OrderSystemId.RULE);
        }
        return id;
    }
}
