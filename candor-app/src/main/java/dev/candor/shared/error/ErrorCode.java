package dev.candor.shared.error;

import org.springframework.http.HttpStatus;

/**
 * Every error Candor reports, with its stable machine-readable code and HTTP status. Codes never change
 * meaning once published; the human text lives in {@code messages*.properties} under {@code error.<code>}.
 */
public enum ErrorCode {
    MALFORMED_REQUEST("request.malformed", HttpStatus.BAD_REQUEST),
    INVALID_REQUEST("request.invalid", HttpStatus.BAD_REQUEST),
    UNSUPPORTED_MEDIA_TYPE("request.unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    METHOD_NOT_ALLOWED("request.method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    PAYLOAD_TOO_LARGE("request.payload-too-large", HttpStatus.CONTENT_TOO_LARGE),
    UNAUTHENTICATED("auth.unauthenticated", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("auth.forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("resource.not-found", HttpStatus.NOT_FOUND),
    IDEMPOTENCY_KEY_REUSED("idempotency.key-reused", HttpStatus.UNPROCESSABLE_CONTENT),
    IDEMPOTENCY_IN_PROGRESS("idempotency.in-progress", HttpStatus.CONFLICT),
    IDEMPOTENCY_KEY_INVALID("idempotency.key-invalid", HttpStatus.BAD_REQUEST),
    CONFLICT("resource.conflict", HttpStatus.CONFLICT),
    ILLEGAL_TRANSITION("case.illegal-transition", HttpStatus.CONFLICT),
    DEADLINE_PASSED("case.deadline-passed", HttpStatus.CONFLICT),
    COMPLAINT_WINDOW_CLOSED("case.complaint-window-closed", HttpStatus.UNPROCESSABLE_CONTENT),
    CASE_ALREADY_OPEN("case.already-open", HttpStatus.CONFLICT),
    EVIDENCE_TOO_LARGE("evidence.too-large", HttpStatus.CONTENT_TOO_LARGE),
    EVIDENCE_TYPE_NOT_ALLOWED("evidence.type-not-allowed", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    EVIDENCE_TYPE_MISMATCH("evidence.type-mismatch", HttpStatus.UNPROCESSABLE_CONTENT),
    EVIDENCE_UNREADABLE("evidence.unreadable", HttpStatus.UNPROCESSABLE_CONTENT),
    EVIDENCE_HEIC_NOT_ALLOWED("evidence.heic-not-allowed", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    EVIDENCE_TOO_MANY_PIXELS("evidence.too-many-pixels", HttpStatus.UNPROCESSABLE_CONTENT),
    EVIDENCE_CASE_CLOSED("evidence.case-closed", HttpStatus.CONFLICT),
    UNKNOWN_REFERENCE("commerce.unknown-reference", HttpStatus.UNPROCESSABLE_CONTENT),
    PHOTO_TYPE_MISMATCH("commerce.photo-type-mismatch", HttpStatus.UNPROCESSABLE_CONTENT),
    APPEAL_WINDOW_CLOSED("integrity.appeal-window-closed", HttpStatus.UNPROCESSABLE_CONTENT),
    NOT_APPEALABLE("integrity.not-appealable", HttpStatus.CONFLICT),
    APPEAL_ALREADY_DECIDED("integrity.appeal-already-decided", HttpStatus.CONFLICT),
    INTERNAL("server.internal", HttpStatus.INTERNAL_SERVER_ERROR);

    private final String code;
    private final HttpStatus status;

    ErrorCode(String code, HttpStatus status) {
        this.code = code;
        this.status = status;
    }

    /** The stable code clients match on, for example {@code case.illegal-transition}. */
    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
