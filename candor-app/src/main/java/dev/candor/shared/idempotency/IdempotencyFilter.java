package dev.candor.shared.idempotency;

import dev.candor.shared.Sha256;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import dev.candor.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours {@code Idempotency-Key} on every create ({@code POST} under {@code /api/}): the same key with
 * the same request replays the first response (with {@code Idempotent-Replayed: true}); the same key
 * with another request is refused with {@code idempotency.key-reused}; a request still running under the
 * key gets {@code idempotency.in-progress}. Server errors release the key so the client can retry.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final MessageSource messages;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyStore store, MessageSource messages, JsonMapper json) {
        this.store = store;
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Optional<UUID> principal = principalId();
        if (principal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problem(response, ErrorCode.IDEMPOTENCY_KEY_INVALID, "Idempotency-Key must be 1 to 255 visible ASCII characters");
            return;
        }
        HttpServletRequest readable = request;
        MessageDigest digest = Sha256.newDigest();
        digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        if (isMultipart(request)) {
            Collection<Part> parts;
            try {
                parts = request.getParts();
            } catch (IllegalStateException overLimit) {
                // The servlet container reports multipart size limits this way (spring.servlet.multipart.*).
                problem(response, ErrorCode.PAYLOAD_TOO_LARGE, "the upload is larger than the server accepts");
                return;
            }
            for (Part part : parts) {
                digest.update((part.getName() + "\0" + part.getSubmittedFileName() + "\0" + part.getContentType() + "\0")
                        .getBytes(StandardCharsets.UTF_8));
                try (InputStream in = part.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
        } else {
            byte[] body = request.getInputStream().readAllBytes();
            digest.update(body);
            readable = new CachedBodyRequest(request, body);
        }
        String requestHash = HexFormat.of().formatHex(digest.digest());

        Optional<IdempotencyStore.Entry> existing = store.claim(principal.get(), key, requestHash);
        if (existing.isPresent()) {
            replayOrRefuse(existing.get(), requestHash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(readable, recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            store.release(principal.get(), key);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            store.release(principal.get(), key);
        } else {
            store.complete(principal.get(), key, recorded.getStatus(), recorded.getContentType(), recorded.getContentAsByteArray());
        }
        recorded.copyBodyToResponse();
    }

    private void replayOrRefuse(IdempotencyStore.Entry entry, String requestHash, HttpServletResponse response) throws IOException {
        if (!entry.requestHash().equals(requestHash)) {
            problem(response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with a different request; use a new key for a new request");
        } else if (!entry.completed()) {
            problem(response, ErrorCode.IDEMPOTENCY_IN_PROGRESS, "a request with this Idempotency-Key is still being processed");
        } else {
            response.setStatus(entry.status());
            if (entry.contentType() != null) {
                response.setContentType(entry.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(entry.body() == null ? new byte[0] : entry.body());
        }
    }

    private void problem(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(Problems.of(messages, code, detail, Map.of())));
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    private static Optional<UUID> principalId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            try {
                return Optional.of(UUID.fromString(actor.id()));
            } catch (IllegalArgumentException e) {
                throw new CandorException(ErrorCode.INTERNAL, "actor id is not a UUID");
            }
        }
        return Optional.empty();
    }

    /** A request whose body was read once for its fingerprint and is served again from memory. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
