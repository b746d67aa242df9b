package dev.candor.risk.model;

/**
 * A forensic finding cited for a merchant's flag.
 *
 * @param check the forensics library's check id, e.g. {@code c2pa.digitalSourceType}
 * @param grade CONCLUSIVE, STRONG, MODERATE or HINT
 * @param en what was found, in English (the library's own sentence)
 * @param zh the same in Simplified Chinese
 */
public record FlagFinding(String check, String grade, String en, String zh) {
}
