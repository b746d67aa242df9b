package dev.candor.shared.web;

import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every error to one RFC 9457 problem detail: a stable {@code code}, a localized {@code title}
 * (English or Simplified Chinese by {@code Accept-Language}) and a specific {@code detail}.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    private final MessageSource messages;

    ProblemDetailsHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(CandorException.class)
    ResponseEntity<ProblemDetail> candor(CandorException e) {
        return Problems.response(messages, e.code(), e.getMessage(), e.properties());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.response(messages, ErrorCode.INVALID_REQUEST,
                "parameter '" + e.getName() + "' has an invalid value", Map.of("parameter", e.getName()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return Problems.response(messages, ErrorCode.INTERNAL, "an unexpected error occurred; nothing was changed", Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ErrorCode code = codeFor(ex, status);
        String detail = detailFor(ex, code);
        Map<String, Object> properties = ex instanceof MethodArgumentNotValidException invalid
                ? Map.of("errors", invalid.getBindingResult().getFieldErrors().stream()
                        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                        .toList())
                : Map.of();
        ProblemDetail problem = Problems.of(messages, code, detail, properties);
        return ResponseEntity.status(code.status()).headers(headers).body(problem);
    }

    private static ErrorCode codeFor(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case HttpMessageNotReadableException ignored -> ErrorCode.MALFORMED_REQUEST;
            case MethodArgumentNotValidException ignored -> ErrorCode.INVALID_REQUEST;
            case HandlerMethodValidationException ignored -> ErrorCode.INVALID_REQUEST;
            case HttpMediaTypeNotSupportedException ignored -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case HttpRequestMethodNotSupportedException ignored -> ErrorCode.METHOD_NOT_ALLOWED;
            case MaxUploadSizeExceededException ignored -> ErrorCode.PAYLOAD_TOO_LARGE;
            case NoResourceFoundException ignored -> ErrorCode.NOT_FOUND;
            default -> status.is4xxClientError() ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL;
        };
    }

    private static String detailFor(Exception ex, ErrorCode code) {
        return switch (code) {
            case MALFORMED_REQUEST -> "the request body is not valid JSON of the expected shape";
            case INVALID_REQUEST -> ex instanceof MethodArgumentNotValidException
                    ? "some fields are invalid; see errors" : String.valueOf(ex.getMessage());
            case NOT_FOUND -> "no such resource";
            case INTERNAL -> "an unexpected error occurred; nothing was changed";
            default -> String.valueOf(ex.getMessage());
        };
    }
}
