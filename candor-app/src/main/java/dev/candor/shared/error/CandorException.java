package dev.candor.shared.error;

import java.util.Map;

/**
 * An error with a stable {@link ErrorCode}: the one exception family Candor throws for not found,
 * forbidden, conflict and invalid input. It is mapped once, to an RFC 9457 problem detail.
 */
public class CandorException extends RuntimeException {

    private final ErrorCode code;
    private final transient Map<String, Object> properties;

    public CandorException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    /** @param properties extra members for the problem detail; values must serialize to JSON */
    public CandorException(ErrorCode code, String detail, Map<String, Object> properties) {
        super(detail);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static CandorException notFound(String what, Object id) {
        return new CandorException(ErrorCode.NOT_FOUND, what + " " + id + " was not found",
                Map.of("resource", what, "id", String.valueOf(id)));
    }

    public static CandorException forbidden(String detail) {
        return new CandorException(ErrorCode.FORBIDDEN, detail);
    }

    public static CandorException invalid(String detail) {
        return new CandorException(ErrorCode.INVALID_REQUEST, detail);
    }

    public static CandorException conflict(String detail) {
        return new CandorException(ErrorCode.CONFLICT, detail);
    }
}
