package dev.candor.forensics.c2pa;

/** A C2PA store that cannot be read, with the c2pa-rs validation code that names the problem. */
public final class C2paException extends Exception {

    private final String code;

    public C2paException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
