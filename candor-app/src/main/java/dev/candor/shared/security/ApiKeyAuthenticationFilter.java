package dev.candor.shared.security;

import dev.candor.shared.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} (or {@code X-Api-Key: <token>}). A request with a
 * token that does not authenticate is refused at once with {@code auth.unauthenticated}; a request without
 * one goes on anonymous and is refused later if the endpoint needs a principal.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys apiKeys;
    private final ProblemResponses problems;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, ProblemResponses problems) {
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = token(request);
        if (token.isPresent()) {
            Optional<Actor> actor = apiKeys.authenticate(token.get());
            if (actor.isEmpty()) {
                problems.write(request, response, ErrorCode.UNAUTHENTICATED, "the API key is unknown, revoked or malformed");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor.get()));
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> token(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.ofNullable(request.getHeader("X-Api-Key")).map(String::trim);
    }

    /** The authenticated actor as a Spring Security authentication with one {@code ROLE_<kind>} authority. */
    static final class ActorAuthentication extends AbstractAuthenticationToken {

        private final Actor actor;

        ActorAuthentication(Actor actor) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.kind().name())));
            this.actor = actor;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Actor getPrincipal() {
            return actor;
        }
    }
}
