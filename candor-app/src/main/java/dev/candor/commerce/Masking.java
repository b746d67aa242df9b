package dev.candor.commerce;

/**
 * Masking rules for buyer details shown to merchants: a name keeps its first character, a phone number
 * its first three and last four digits (the common Chinese practice, 138****5678), an address its first
 * six characters (province and city).
 */
final class Masking {

    private static final int ADDRESS_VISIBLE = 6;

    private Masking() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    static String address(String address) {
        if (address == null) {
            return null;
        }
        int visible = Math.min(ADDRESS_VISIBLE, address.codePointCount(0, address.length()) / 2);
        return address.substring(0, address.offsetByCodePoints(0, visible)) + "****";
    }
}
