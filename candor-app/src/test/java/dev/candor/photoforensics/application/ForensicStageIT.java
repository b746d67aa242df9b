package dev.candor.photoforensics.application;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.candor.CandorApplication;
import dev.candor.photoforensics.CasePhotoScans.ScanCompleted;
import dev.candor.photoforensics.CasePhotoScans.ScanUnavailable;
import dev.candor.photoforensics.CasePhotoScans.Signal;
import dev.candor.photoforensics.StagePhotos;
import dev.candor.photoforensics.infrastructure.ForensicStageProperties;
import dev.candor.photoforensics.infrastructure.ScanJobs;
import dev.candor.shared.Sha256;
import dev.candor.shared.SqlTime;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.TestApi;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The forensic stage end to end: photos uploaded through the API queue a job in the upload's transaction, and
 * the test runs the workers ({@link RunForensicStage#runDue()}, {@link RunForensicStage#reportOverdue()}) as
 * a node's poll would, moving the clock instead of waiting. Other test classes leave jobs in the shared
 * database, so every test first runs whatever is due and then looks only at its own case's events.
 */
class ForensicStageIT extends IntegrationTest {

    /** Each test starts later than any earlier one, past every other test class's clock. */
    private static final AtomicLong TESTS = new AtomicLong();
    private static final Instant LATER = Instant.parse("2031-01-01T00:00:00Z");

    @Autowired
    RunForensicStage stage;
    @Autowired
    ScanJobs jobs;
    @Autowired
    ForensicStageProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Value("${candor.storage.dir}")
    Path storage;

    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload) {
            published.add(payload.getPayload());
        }
    };

    record FiledCase(UUID caseId, String storeId, String listingId, TestApi buyer) {
    }

    @BeforeEach
    void startLaterAndRecord() {
        clock.set(LATER.plus(Duration.ofDays(30 * TESTS.incrementAndGet())));
        ((ConfigurableApplicationContext) context).addApplicationListener(recorder);
        stage.runDue();
    }

    @AfterEach
    void stopRecording() {
        ((ConfigurableApplicationContext) context).removeApplicationListener(recorder);
    }

    @Test
    void aPaintedListingPhotoIsGradedStrongAndACleanPhotoIsNotAndARescanScansOnlyTheNewPhoto() {
        long seed = 7_000 + TESTS.get();
        FiledCase c = fileCase();
        Instant firstRun = clock.instant();
        UUID painted = upload(c, StagePhotos.listingWithPaintedCrack());
        UUID clean = upload(c, StagePhotos.unrelated(seed));
        assertThat(job(c.caseId())).containsEntry("status", "PENDING").containsEntry("generation", 2L);

        assertThat(stage.runDue()).contains(RunForensicStage.Outcome.COMPLETED);

        List<ScanCompleted> completed = events(ScanCompleted.class, c.caseId());
        assertThat(completed).hasSize(1);
        List<Signal> signals = completed.getFirst().signals();
        Signal derived = signals.stream().filter(s -> s.evidenceId().equals(painted) && s.code().equals("DERIVED_FROM_LISTING_EDITED"))
                .findFirst().orElseThrow(() -> new AssertionError("no DERIVED_FROM_LISTING_EDITED in " + signals));
        assertThat(derived.grade()).isEqualTo("STRONG");
        assertThat(derived.summaryEn()).contains(c.listingId() + "/main");
        assertThat(derived.summaryZh()).contains(c.listingId() + "/main").contains("修改");
        assertThat(signals).filteredOn(s -> s.evidenceId().equals(clean))
                .noneMatch(s -> s.grade().equals("STRONG") || s.grade().equals("CONCLUSIVE"));
        assertThat(signals).allMatch(s -> s.evidenceId().equals(painted) || s.evidenceId().equals(clean));
        assertThat(job(c.caseId())).containsEntry("status", "DONE");
        assertThat(storedReports(c.caseId())).hasSize(2);

        var answered = as(merchantToken(c.storeId())).get("/api/v1/cases/" + c.caseId() + "/forensics");
        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        Map<String, String> verdicts = new HashMap<>();
        answered.json().path("images").forEach(image -> verdicts.put(image.path("file").asString(), image.path("verdict").asString()));
        assertThat(verdicts).containsEntry(painted.toString(), "DERIVED_FROM_LISTING_EDITED").containsOnlyKeys(painted.toString(), clean.toString());
        assertThat(storedReports(c.caseId())).hasSize(2);

        clock.advance(Duration.ofMinutes(5));
        UUID third = upload(c, StagePhotos.unrelated(seed + 1));
        stage.runDue();

        completed = events(ScanCompleted.class, c.caseId());
        assertThat(completed).hasSize(2);
        assertThat(completed.get(1).signals()).anyMatch(s -> s.evidenceId().equals(painted) && s.code().equals("DERIVED_FROM_LISTING_EDITED"));
        Map<UUID, Instant> scannedAt = storedReports(c.caseId());
        assertThat(scannedAt).containsOnlyKeys(painted, clean, third);
        assertThat(scannedAt.get(painted)).isEqualTo(firstRun);
        assertThat(scannedAt.get(clean)).isEqualTo(firstRun);
        assertThat(scannedAt.get(third)).isEqualTo(firstRun.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aPhotoAddedWhileTheScanRunsSendsTheJobRoundAgainAndTheNextScanIncludesIt() {
        long seed = 7_100 + TESTS.get();
        FiledCase c = fileCase();
        upload(c, StagePhotos.unrelated(seed));
        ScanJobs.Claim running = jobs.claimNext(clock.instant(), properties.lease(), properties.maxAttempts()).orElseThrow();
        assertThat(running.caseId()).isEqualTo(c.caseId());

        UUID painted = upload(c, StagePhotos.listingWithPaintedCrack());
        assertThat(stage.run(running)).isEqualTo(RunForensicStage.Outcome.RUN_AGAIN);
        assertThat(events(ScanCompleted.class, c.caseId())).isEmpty();

        stage.runDue();
        List<ScanCompleted> completed = events(ScanCompleted.class, c.caseId());
        assertThat(completed).hasSize(1);
        assertThat(completed.getFirst().signals())
                .anyMatch(s -> s.evidenceId().equals(painted) && s.code().equals("DERIVED_FROM_LISTING_EDITED"));
    }

    @Test
    void aJobWhoseNodeDiedIsRunByAnotherOnceTheLeaseEndsAndTheDeadRunChangesNothing() {
        FiledCase c = fileCase();
        upload(c, StagePhotos.listingWithPaintedCrack());
        ScanJobs.Claim died = jobs.claimNext(clock.instant(), properties.lease(), properties.maxAttempts()).orElseThrow();
        assertThat(died.caseId()).isEqualTo(c.caseId());

        stage.runDue();
        assertThat(events(ScanCompleted.class, c.caseId())).isEmpty();
        assertThat(job(c.caseId())).containsEntry("status", "PENDING").containsEntry("attempts", 1);

        clock.advance(properties.lease().plusSeconds(1));
        stage.runDue();
        assertThat(events(ScanCompleted.class, c.caseId())).hasSize(1);
        assertThat(job(c.caseId())).containsEntry("status", "DONE");

        assertThat(stage.run(died)).isEqualTo(RunForensicStage.Outcome.LEASE_LOST);
        assertThat(events(ScanCompleted.class, c.caseId())).hasSize(1);
        assertThat(job(c.caseId())).containsEntry("status", "DONE");
    }

    @Test
    void aScanFailingOnEveryAttemptIsRetriedWithBackOffThenReportedFailedOnce() {
        long seed = 7_300 + TESTS.get();
        FiledCase c = fileCase();
        byte[] photo = StagePhotos.unrelated(seed);
        upload(c, photo);
        String sha = Sha256.hex(photo);
        assertThat(storage.resolve("evidence-originals").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha).toFile().delete())
                .as("the original is in the blob store").isTrue();

        List<Duration> expectedDelays = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(properties.maxAttempts()).isEqualTo(expectedDelays.size() + 1);
        for (int attempt = 1; attempt <= expectedDelays.size(); attempt++) {
            Instant ranAt = clock.instant();
            stage.runDue();
            assertThat(job(c.caseId())).containsEntry("status", "PENDING").containsEntry("attempts", attempt)
                    .containsEntry("nextAttemptAt", ranAt.plus(expectedDelays.get(attempt - 1)));
            assertThat((String) job(c.caseId()).get("lastError")).contains("missing from the blob store");
            clock.advance(expectedDelays.get(attempt - 1).minusMillis(1));
            stage.runDue();
            assertThat(job(c.caseId())).containsEntry("attempts", attempt);
            clock.advance(Duration.ofMillis(1));
        }
        stage.runDue();
        assertThat(job(c.caseId())).containsEntry("status", "FAILED").containsEntry("attempts", expectedDelays.size() + 1);
        assertThat(events(ScanUnavailable.class, c.caseId())).extracting(ScanUnavailable::reason).containsExactly("FAILED");

        clock.advance(Duration.ofHours(1));
        stage.runDue();
        stage.reportOverdue();
        assertThat(events(ScanUnavailable.class, c.caseId())).extracting(ScanUnavailable::reason).containsExactly("FAILED");
        assertThat(events(ScanCompleted.class, c.caseId())).isEmpty();
    }

    @Test
    void aScanNotFinishedWithinTheStageDeadlineIsReportedLateOncePerWait() {
        long seed = 7_400 + TESTS.get();
        FiledCase c = fileCase();
        upload(c, StagePhotos.unrelated(seed));
        Duration deadline = properties.stageDeadline();
        assertThat(deadline).isEqualTo(Duration.ofSeconds(30));

        clock.advance(deadline.minusMillis(1));
        stage.reportOverdue();
        assertThat(events(ScanUnavailable.class, c.caseId())).isEmpty();
        clock.advance(Duration.ofMillis(1));
        stage.reportOverdue();
        clock.advance(Duration.ofSeconds(5));
        stage.reportOverdue();
        assertThat(events(ScanUnavailable.class, c.caseId())).extracting(ScanUnavailable::reason).containsExactly("LATE");

        stage.runDue();
        assertThat(events(ScanCompleted.class, c.caseId())).hasSize(1);

        upload(c, StagePhotos.unrelated(seed + 1));
        clock.advance(deadline);
        stage.reportOverdue();
        stage.reportOverdue();
        assertThat(events(ScanUnavailable.class, c.caseId())).extracting(ScanUnavailable::reason).containsExactly("LATE", "LATE");
    }

    @Test
    void aJobQueuedBeforeARestartIsRunByAFreshNodeOnTheSameDatabase() {
        FiledCase c = fileCase();
        UUID painted = upload(c, StagePhotos.listingWithPaintedCrack());
        assertThat(job(c.caseId())).containsEntry("status", "PENDING");

        List<Object> seenByNode2 = new CopyOnWriteArrayList<>();
        HikariDataSource database = (HikariDataSource) dataSource;
        SecondNodeClock.clock = clock;
        try (ConfigurableApplicationContext node2 = new SpringApplicationBuilder(CandorApplication.class, SecondNodeClock.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .properties("spring.datasource.url=" + database.getJdbcUrl(), "spring.datasource.username=" + database.getUsername(),
                        "logging.level.root=warn")
                .listeners((ApplicationListener<ApplicationEvent>) event -> {
                    if (event instanceof PayloadApplicationEvent<?> payload) {
                        seenByNode2.add(payload.getPayload());
                    }
                })
                .run()) {
            node2.getBean(RunForensicStage.class).runDue();
        }

        List<ScanCompleted> completed = seenByNode2.stream().filter(ScanCompleted.class::isInstance).map(ScanCompleted.class::cast)
                .filter(e -> e.caseId().equals(c.caseId())).toList();
        assertThat(completed).hasSize(1);
        assertThat(completed.getFirst().signals())
                .anyMatch(s -> s.evidenceId().equals(painted) && s.code().equals("DERIVED_FROM_LISTING_EDITED"));
        assertThat(job(c.caseId())).containsEntry("status", "DONE");
        assertThat(events(ScanCompleted.class, c.caseId())).isEmpty();
    }

    private FiledCase fileCase() {
        TestApi orderSystem = as(integrationToken());
        Orders.PlacedOrder order = new Orders(orderSystem).place(unique("store"), unique("buyer"), "apparel", 10_000,
                clock.instant().minus(Duration.ofDays(1)));
        assertThat(orderSystem.put("/api/v1/listings/" + order.listingId(), body("storeId", order.storeId(), "title", "Wool coat",
                "category", "apparel", "priceCents", 10_000, "currency", "CNY", "photos", List.of(body("photoId", "main"))))
                .status()).isEqualTo(200);
        assertThat(orderSystem.putBytes("/api/v1/listings/" + order.listingId() + "/photos/main", StagePhotos.listing(), "image/jpeg")
                .status()).isBetween(200, 201);
        TestApi buyer = as(buyerToken(order.buyerId()));
        var opened = buyer.post("/api/v1/cases", body("orderId", order.orderId(), "type", "REFUND_ONLY",
                "reason", "QUALITY_PROBLEM", "requestedCents", 10_000));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return new FiledCase(UUID.fromString(opened.text("id")), order.storeId(), order.listingId(), buyer);
    }

    private UUID upload(FiledCase c, byte[] jpeg) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(jpeg) {
            @Override
            public String getFilename() {
                return "IMG_2041.jpg";
            }
        });
        var uploaded = c.buyer().postMultipart("/api/v1/cases/" + c.caseId() + "/evidence", parts, Map.of());
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        return UUID.fromString(uploaded.text("id"));
    }

    private <T> List<T> events(Class<T> type, UUID caseId) {
        return published.stream().filter(type::isInstance).map(type::cast)
                .filter(e -> switch (e) {
                    case ScanCompleted s -> s.caseId().equals(caseId);
                    case ScanUnavailable u -> u.caseId().equals(caseId);
                    default -> false;
                })
                .toList();
    }

    private Map<String, Object> job(UUID caseId) {
        return jdbc.sql("select status, generation, attempts, next_attempt_at, last_error from forensic_scan_jobs where case_id = ?")
                .param(caseId)
                .query((rs, n) -> {
                    var row = new HashMap<String, Object>();
                    row.put("status", rs.getString("status"));
                    row.put("generation", rs.getLong("generation"));
                    row.put("attempts", rs.getInt("attempts"));
                    row.put("nextAttemptAt", SqlTime.instant(rs, "next_attempt_at"));
                    row.put("lastError", rs.getString("last_error"));
                    return row;
                })
                .single();
    }

    private Map<UUID, Instant> storedReports(UUID caseId) {
        var rows = new HashMap<UUID, Instant>();
        jdbc.sql("select evidence_id, scanned_at from forensic_photo_reports where case_id = ?").param(caseId)
                .query(rs -> {
                    rows.put(rs.getObject("evidence_id", UUID.class), SqlTime.instant(rs, "scanned_at"));
                });
        return rows;
    }
}
