package dev.candor.testing;

import dev.candor.shared.security.ActorKind;
import dev.candor.shared.security.ApiKeys;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the integration tests: the whole service on a random port over a real embedded PostgreSQL,
 * with a clock the test moves. The Spring context (and so the database) is shared by every test class,
 * so tests create their own stores, buyers and orders with fresh ids ({@link #unique(String)}) and set
 * the clock they need.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public abstract class IntegrationTest {

    public static final Instant EPOCH = Instant.parse("2026-06-01T08:00:00Z");

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected ApiKeys apiKeys;

    /** A client for the API with the given token. */
    protected TestApi as(String token) {
        return new TestApi("http://localhost:" + port, token);
    }

    /** A client without credentials. */
    protected TestApi anonymous() {
        return new TestApi("http://localhost:" + port, null);
    }

    protected String adminToken() {
        return apiKeys.createPrincipal(ActorKind.ADMIN, "Test admin", Set.of(), null, "test").token();
    }

    protected String reviewerToken() {
        return apiKeys.createPrincipal(ActorKind.REVIEWER, "Test reviewer", Set.of(), null, "test").token();
    }

    protected String integrationToken() {
        return apiKeys.createPrincipal(ActorKind.INTEGRATION, "Test order system", Set.of(), null, "test").token();
    }

    protected String merchantToken(String... storeIds) {
        return apiKeys.createPrincipal(ActorKind.MERCHANT, "Test merchant", Set.of(storeIds), null, "test").token();
    }

    protected String buyerToken(String buyerId) {
        return apiKeys.createPrincipal(ActorKind.BUYER, "Test buyer", Set.of(), buyerId, "test").token();
    }

    /** A fresh id with a readable prefix, so tests sharing the database never collide. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
