package dev.candor.commerce;

/**
 * Masking rules for buyer details shown to merchants: a name keeps its first character, a phone number
 * its first three and last four digits (the common Chinese practice, 138****5678), an address its first
 * six characters (province and city), an email its first character and its domain. A phone number
 * pushed with China's country code (+86 or 0086) is masked as the national number. {@code null} stays
 * {@code null}.
 */
public final class Masking {

    private static final int ADDRESS_VISIBLE = 6;

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (phone.strip().startsWith("+86")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    public static String address(String address) {
        if (address == null) {
            return null;
        }
        int visible = Math.min(ADDRESS_VISIBLE, address.codePointCount(0, address.length()) / 2);
        return address.substring(0, address.offsetByCodePoints(0, visible)) + "****";
    }

    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "****";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
    }
}
