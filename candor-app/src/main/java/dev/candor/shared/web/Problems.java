package dev.candor.shared.web;

import dev.candor.shared.error.ErrorCode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem details with Candor's stable {@code code} member and a localized title. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(MessageSource messages, ErrorCode code, String detail, Map<String, Object> properties) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create("https://candor.dev/problems/" + code.code()));
        problem.setTitle(messages.getMessage("error." + code.code(), null, code.code(), locale));
        problem.setProperty("code", code.code());
        properties.forEach(problem::setProperty);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(
            MessageSource messages, ErrorCode code, String detail, Map<String, Object> properties) {
        return ResponseEntity.status(code.status()).body(of(messages, code, detail, properties));
    }
}
