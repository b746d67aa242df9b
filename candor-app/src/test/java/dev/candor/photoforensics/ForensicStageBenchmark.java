package dev.candor.photoforensics;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.photoforensics.CasePhotoScans.ScanCompleted;
import dev.candor.shared.security.ActorKind;
import dev.candor.shared.security.ApiKeys;
import dev.candor.testing.Orders;
import dev.candor.testing.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Measures the forensic stage as it runs in production (issue #5: "forensic revision within 2 s p95 for a
 * request with five photos"): scheduling on, the real clock, workers woken by each upload's commit. For each
 * case a client uploads five photos back to back (four of the buyer's own, one painted listing photo) through
 * the API; the latency is from the fifth upload's response to the publication of the case's last
 * {@link ScanCompleted}, which is the first to include all five photos. Not a test (no assertion on speed, and
 * not matched by Failsafe's includes); run it with the command in docs/forensic-stage.md.
 * {@code -Dbenchmark.cases} (default 40) cases after 5 warm-up cases, {@code -Dbenchmark.clients} (default 1)
 * clients filing cases at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "candor.scheduling.enabled=true")
@ActiveProfiles("test")
class ForensicStageBenchmark {

    private static final int PHOTOS = 5;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private final Map<UUID, Long> lastCompletedNanos = new ConcurrentHashMap<>();

    @Test
    void fromTheLastOfFivePhotosToTheirScan() throws Exception {
        int cases = Integer.getInteger("benchmark.cases", 40);
        int clients = Integer.getInteger("benchmark.clients", 1);
        ((ConfigurableApplicationContext) context).addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof ScanCompleted completed) {
                lastCompletedNanos.put(completed.caseId(), System.nanoTime());
            }
        });
        TestApi orderSystem = api(apiKeys.createPrincipal(ActorKind.INTEGRATION, "Benchmark", Set.of(), null, "benchmark").token());

        for (int i = 0; i < 5; i++) {
            fileAndMeasure(orderSystem, 1_000 + i);
        }
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                runs.add(pool.submit(() -> {
                    for (int i = client; i < cases; i += clients) {
                        millis.add(fileAndMeasure(orderSystem, 2_000 + i));
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Double> sorted = millis.stream().sorted().toList();
        String result = "forensic stage, %d case(s) x %d photos, %d client(s), %d processor(s): last upload -> ScanCompleted "
                .formatted(sorted.size(), PHOTOS, clients, Runtime.getRuntime().availableProcessors())
                + "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms; %.1f cases/s%n".formatted(
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.getLast(), sorted.size() / seconds);
        System.out.print(result);
        Files.writeString(Path.of("target", "forensic-stage-benchmark.txt"), result, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(sorted).hasSize(cases);
    }

    /** Files a case with five photos and returns the milliseconds from the fifth upload's response to its scan. */
    private double fileAndMeasure(TestApi orderSystem, long seed) throws InterruptedException {
        String store = "bench-store-" + UUID.randomUUID().toString().substring(0, 8);
        Orders.PlacedOrder order = new Orders(orderSystem).place(store, "bench-buyer-" + seed + "-" + store, "apparel", 10_000,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1)));
        orderSystem.put("/api/v1/listings/" + order.listingId(), body("storeId", store, "title", "Wool coat", "category", "apparel",
                "priceCents", 10_000, "currency", "CNY", "photos", List.of(body("photoId", "main"))));
        orderSystem.putBytes("/api/v1/listings/" + order.listingId() + "/photos/main", StagePhotos.listing(), "image/jpeg");
        TestApi buyer = api(apiKeys.createPrincipal(ActorKind.BUYER, "Bench buyer", Set.of(), order.buyerId(), "benchmark").token());
        UUID caseId = UUID.fromString(buyer.post("/api/v1/cases", body("orderId", order.orderId(), "type", "REFUND_ONLY",
                "reason", "QUALITY_PROBLEM", "requestedCents", 10_000)).text("id"));
        long lastUpload = 0;
        for (int p = 0; p < PHOTOS; p++) {
            byte[] photo = p == PHOTOS - 1 ? StagePhotos.listingWithPaintedCrack() : StagePhotos.unrelated(seed * 10 + p);
            var parts = new LinkedMultiValueMap<String, Object>();
            parts.add("file", new ByteArrayResource(photo) {
                @Override
                public String getFilename() {
                    return "IMG.jpg";
                }
            });
            var uploaded = buyer.postMultipart("/api/v1/cases/" + caseId + "/evidence", parts, Map.of());
            lastUpload = System.nanoTime();
            assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        }
        String status;
        while (!(status = jdbc.sql("select status from forensic_scan_jobs where case_id = ?").param(caseId).query(String.class).single())
                .equals("DONE")) {
            assertThat(status).as("the scan of case %s", caseId).isEqualTo("PENDING");
            Thread.sleep(5);
        }
        return (lastCompletedNanos.get(caseId) - lastUpload) / 1e6;
    }

    private TestApi api(String token) {
        return new TestApi("http://localhost:" + port, token);
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
