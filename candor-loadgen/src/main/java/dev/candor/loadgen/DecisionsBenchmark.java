package dev.candor.loadgen;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.Recorder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seeds stores, buyers and delivered orders through the order-system API, then files one after-sales request per
 * fresh order ({@code POST /api/v1/cases}, each with its own Idempotency-Key) at a fixed rate and prints
 * throughput, latency percentiles from the intended send time, errors by status and the decisions the answers
 * carry.
 */
@Command(name = "decisions", mixinStandardHelpOptions = true,
        description = "Benchmark opening after-sales requests (POST /api/v1/cases) and the synchronous risk decision they carry.")
final class DecisionsBenchmark implements Callable<Integer> {

    @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8080", description = "Candor's address (loopback only; default ${DEFAULT-VALUE})")
    URI baseUrl;

    @Option(names = "--token", required = true, description = "the order system's (INTEGRATION) API key: pushes the seed data and files the requests")
    String token;

    @Option(names = "--admin-token", description = "an ADMIN key; when given, three buyers in eight get confirmed integrity findings first (one in eight below every threshold, two restricted)")
    String adminToken;

    @Option(names = "--rate", defaultValue = "2000", description = "requests to file per second (default ${DEFAULT-VALUE}; 0: as fast as --concurrency allows)")
    int rate;

    @Option(names = "--duration", defaultValue = "30s", converter = Durations.class, description = "measured run (default ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "10s", converter = Durations.class, description = "unmeasured run before it, on orders of its own (default ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--concurrency", defaultValue = "64", description = "requests in flight at most (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--batch", defaultValue = "1", description = "requests per call: 1 files each with POST /api/v1/cases, more files them together with POST /api/v1/cases/batch (at most 100; default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--stores", defaultValue = "50", description = "stores to seed (default ${DEFAULT-VALUE})")
    int stores;

    @Option(names = "--buyers", defaultValue = "5000", description = "buyers to seed (default ${DEFAULT-VALUE})")
    int buyers;

    @Option(names = "--orders", description = "delivered orders to seed, one request each (default: enough for --rate over warm-up and run, plus 10%%)")
    Integer orders;

    @Spec
    CommandSpec spec;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        LoadGenerator.requireLoopback(baseUrl);
        if (batch < 1 || batch > 100) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be 1 to 100");
        }
        if (rate == 0 && orders == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate 0 (unbounded) needs --orders");
        }
        int orderCount = orders != null ? orders
                : (int) Math.ceil(rate * (warmup.toMillis() + duration.toMillis()) / 1000.0 * 1.1);
        DecisionPlan plan = new DecisionPlan(UUID.randomUUID().toString().substring(0, 8), stores, buyers, orderCount);
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpClient client = LoadGenerator.httpClient(virtualThreads);
            if (!seed(client, plan)) {
                return 1;
            }
            FixedRate load = new FixedRate(client, rate == 0 ? 0 : Math.max(1, rate / batch), concurrency);
            AtomicInteger cursor = new AtomicInteger();
            FixedRate.Requests opens = () -> {
                int first = cursor.getAndAdd(batch);
                return first + batch <= plan.orders() ? open(plan, first) : null;
            };
            out.printf("warming up for %ss ...%n", warmup.toSeconds());
            // The warm-up reads its answers as the run does, so the run does not start with this process's own
            // parsing code still cold (it shared the cores with the service and stalled the run's first second).
            load.run(warmup, opens, tally(new ConcurrentHashMap<>()), null);
            Recorder recorder = new Recorder(3);
            Map<String, LongAdder> decisions = new ConcurrentHashMap<>();
            FixedRate.Result result = load.run(duration, opens, tally(decisions), recorder);
            long decided = decisions.entrySet().stream().filter(e -> Decisions.OUTCOMES.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().sum()).sum();
            out.printf("decisions: %d requests in %.1f s = %.0f req/s (target %s, %s, concurrency %d), errors %d, statuses %s%s%n",
                    result.sent() * batch, result.seconds(), result.sent() * batch / result.seconds(),
                    rate == 0 ? "unbounded" : rate + "/s", batch == 1 ? "one per call" : batch + " per call, " + result.sent() + " calls",
                    concurrency, result.errors(), new TreeMap<>(result.statuses()),
                    result.ranOut() ? " (ran out of seeded orders: raise --orders)" : "");
            out.println((batch == 1 ? "" : "per call, ") + LoadGenerator.percentiles(recorder.getIntervalHistogram()));
            out.printf("decision outcomes: %s (%.0f decisions/s)%n", new TreeMap<>(decisions), decided / result.seconds());
            boolean allDecided = decided == result.sent() * batch;
            return result.errors() == 0 && allDecided && !result.ranOut() ? 0 : 1;
        }
    }

    /** Counts the decisions in each answer by outcome. */
    private FixedRate.Answers tally(Map<String, LongAdder> decisions) {
        return (status, body) -> {
            if (status == 201) {
                decisions.computeIfAbsent(Decisions.of(body), d -> new LongAdder()).increment();
            } else if (status == 200 && batch > 1) {
                Decisions.ofBatch(body).forEach(d -> decisions.computeIfAbsent(d, k -> new LongAdder()).increment());
            }
        };
    }

    private boolean seed(HttpClient client, DecisionPlan plan) throws InterruptedException {
        out.printf("seeding %d stores, %d buyers and %d delivered orders (run %s) ...%n", stores, buyers, plan.orders(), plan.runId());
        Instant seededAt = Instant.now();
        boolean ok = phase(client, "stores", stores, s -> put("/api/v1/stores/" + plan.storeId(s), plan.storeJson(s)))
                && phase(client, "buyers", buyers, b -> put("/api/v1/buyers/" + plan.buyerId(b), plan.buyerJson(b)))
                && phase(client, "orders", plan.orders(), o -> put("/api/v1/orders/" + plan.orderId(o), plan.orderJson(o, seededAt)));
        if (ok && adminToken != null) {
            List<SeedPlan.Finding> findings = new SeedPlan(plan.runId(), buyers, stores).findings().stream()
                    .filter(f -> Integer.parseInt(f.buyerId().substring(f.buyerId().lastIndexOf('-') + 1)) % 8 < 4)
                    .toList();
            ok = phase(client, "integrity findings", findings.size(), i -> LoadGenerator.entry(baseUrl, adminToken, findings.get(i)));
        }
        if (!ok) {
            out.println("seeding failed (status -1: no response); is --token the order system's key (and --admin-token an ADMIN key)?");
        }
        return ok;
    }

    private boolean phase(HttpClient client, String what, int count, IntFunction<HttpRequest> request) throws InterruptedException {
        long started = System.nanoTime();
        Map<Integer, LongAdder> statuses = FixedRate.sendAll(client, concurrency, IntStream.range(0, count).mapToObj(request).toList());
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("  %d %s in %.1f s (%.0f/s): %s%n", count, what, seconds, count / seconds, new TreeMap<>(statuses));
        return FixedRate.allSucceeded(statuses);
    }

    private HttpRequest put(String path, String json) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Files {@code batch} requests from order {@code first} on: one per call, or together through the batch endpoint. */
    private HttpRequest open(DecisionPlan plan, int first) {
        boolean single = batch == 1;
        String body = single ? plan.caseJson(first) : IntStream.range(first, first + batch).mapToObj(plan::caseJson)
                .collect(Collectors.joining(",", "{\"requests\":[", "]}"));
        return HttpRequest.newBuilder(baseUrl.resolve(single ? "/api/v1/cases" : "/api/v1/cases/batch"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", plan.idempotencyKey(first) + (single ? "" : "-" + batch))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
