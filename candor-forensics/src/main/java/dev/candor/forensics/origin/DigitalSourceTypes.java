package dev.candor.forensics.origin;

import java.util.Locale;

/** IPTC NewsCodes "Digital Source Type" (cv.iptc.org/newscodes/digitalsourcetype) mapped to a declaration. */
public final class DigitalSourceTypes {

    private DigitalSourceTypes() {
    }

    /** Accepts the full URI or the bare code (C2PA allows both). */
    public static Declaration declaration(String uri) {
        if (uri == null) {
            return Declaration.NONE;
        }
        String code = uri.substring(uri.lastIndexOf('/') + 1).strip().toLowerCase(Locale.ROOT);
        return switch (code) {
            case "trainedalgorithmicmedia", "algorithmicmedia" -> Declaration.AI_GENERATED;
            case "compositewithtrainedalgorithmicmedia", "compositesynthetic" -> Declaration.AI_EDITED;
            default -> Declaration.NONE;
        };
    }

    public static String code(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1).strip();
    }
}
