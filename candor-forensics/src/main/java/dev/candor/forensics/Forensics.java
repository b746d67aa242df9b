package dev.candor.forensics;

/** The entry point: {@code Forensics.scanner(ScanConfig.defaults()).scan(path, ScanContext.none())}. */
public final class Forensics {

    private Forensics() {
    }

    public static Scanner scanner(ScanConfig config) {
        return new DefaultScanner(config);
    }
}
