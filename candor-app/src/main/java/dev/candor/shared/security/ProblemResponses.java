package dev.candor.shared.security;

import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem details from the security filters, which run before Spring MVC's error mapping. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        write(request, response, ErrorCode.UNAUTHENTICATED, "this endpoint needs an API key: Authorization: Bearer <token>");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, ErrorCode.FORBIDDEN, "your principal may not use this endpoint");
    }

    void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        LocaleContextHolder.setLocale(request.getLocale());
        try {
            var problem = Problems.of(messages, code, detail, Map.of());
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            response.setStatus(code.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(problem));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
