package dev.candor.forensics;

/**
 * How much a finding proves on its own, strongest first.
 * <ul>
 * <li>{@code CONCLUSIVE}: a signed or standardised declaration (a valid C2PA manifest, a GB 45438 label)
 * or a cryptographic failure; enough for a judgment by itself.</li>
 * <li>{@code STRONG}: near-certain in combination with the case facts (derived from a listing with a located
 * edit, generator metadata).</li>
 * <li>{@code MODERATE}: worth a reviewer's attention (capture before delivery, editing software).</li>
 * <li>{@code HINT}: weak statistical signals (error level analysis, re-save traces).</li>
 * </ul>
 */
public enum Strength {
    CONCLUSIVE, STRONG, MODERATE, HINT
}
