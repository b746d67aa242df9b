package dev.candor.loadgen;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seeds buyers with integrity entries through the API of a running Candor, then sends standing queries at a
 * fixed rate and prints throughput and latency percentiles (see {@link FixedRate}). The {@code decisions}
 * subcommand benchmarks case opening instead. Talks to loopback addresses only.
 */
@Command(name = "candor-loadgen", mixinStandardHelpOptions = true, version = "candor-loadgen 0.1.0",
        subcommands = DecisionsBenchmark.class,
        description = {"Benchmark the standing query (GET /api/v1/integrity/standing) of a running Candor on this machine.",
                "With the subcommand 'decisions': benchmark opening cases (POST /api/v1/cases) and their risk decisions."})
public final class LoadGenerator implements Callable<Integer> {

    @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8080", description = "Candor's address (loopback only; default ${DEFAULT-VALUE})")
    URI baseUrl;

    @Option(names = "--token", description = "an ADMIN or REVIEWER API key (records the seed entries, reads every standing); required")
    String token;

    @Option(names = "--rate", defaultValue = "500", description = "standing requests per second to send (default ${DEFAULT-VALUE}; 0: as fast as --concurrency allows)")
    int rate;

    @Option(names = "--duration", defaultValue = "30s", converter = Durations.class, description = "measured run (default ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "10s", converter = Durations.class, description = "unmeasured run before it, for the JIT and the pools (default ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--concurrency", defaultValue = "32", description = "requests in flight at most (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--buyers", defaultValue = "1000", description = "buyers to seed (default ${DEFAULT-VALUE})")
    int buyers;

    @Option(names = "--stores", defaultValue = "20", description = "stores they buy at (default ${DEFAULT-VALUE})")
    int stores;

    @Spec
    CommandSpec spec;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        requireLoopback(baseUrl);
        if (token == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--token'");
        }
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpClient client = httpClient(virtualThreads);
            FixedRate load = new FixedRate(client, rate, concurrency);
            SeedPlan plan = new SeedPlan(UUID.randomUUID().toString().substring(0, 8), buyers, stores);
            if (!seed(client, plan)) {
                return 1;
            }
            out.printf("warming up for %ss ...%n", warmup.toSeconds());
            load.run(warmup, () -> standing(plan), (status, body) -> { }, null);
            Recorder recorder = new Recorder(3);
            FixedRate.Result result = load.run(duration, () -> standing(plan), (status, body) -> { }, recorder);
            out.printf("standing: %d requests in %.1f s = %.0f req/s (target %s, concurrency %d), errors %d, statuses %s%n",
                    result.sent(), result.seconds(), result.sent() / result.seconds(), rate == 0 ? "unbounded" : rate + "/s",
                    concurrency, result.errors(), result.statuses());
            out.println(percentiles(recorder.getIntervalHistogram()));
            return result.errors() == 0 ? 0 : 1;
        }
    }

    static HttpClient httpClient(ExecutorService executor) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
    }

    /** Refuses anything but a loopback address: this tool generates load, and load belongs on this machine. */
    static void requireLoopback(URI uri) {
        try {
            InetAddress address = InetAddress.getByName(uri.getHost());
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException(uri + " is not a loopback address; candor-loadgen only loads this machine");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + uri, e);
        }
    }

    static String percentiles(Histogram latencies) {
        return "latency ms (from intended send time): p50 %.2f  p95 %.2f  p99 %.2f  p99.9 %.2f  max %.2f".formatted(
                ms(latencies, 50), ms(latencies, 95), ms(latencies, 99), ms(latencies, 99.9), latencies.getMaxValue() / 1000.0);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private HttpRequest standing(SeedPlan plan) {
        int i = ThreadLocalRandom.current().nextInt(buyers);
        URI uri = baseUrl.resolve("/api/v1/integrity/standing?buyerId=" + plan.buyerId(i) + "&storeId=" + plan.storeId(i));
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private boolean seed(HttpClient client, SeedPlan plan) throws InterruptedException {
        List<SeedPlan.Finding> findings = plan.findings();
        out.printf("seeding %d buyers at %d stores with %d entries (run %s) ...%n", buyers, stores, findings.size(), plan.runId());
        long started = System.nanoTime();
        List<HttpRequest> requests = findings.stream().map(f -> entry(baseUrl, token, f)).toList();
        Map<Integer, LongAdder> statuses = FixedRate.sendAll(client, concurrency, requests);
        out.printf("seeded in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, statuses);
        boolean ok = FixedRate.allSucceeded(statuses);
        if (!ok) {
            out.println("seeding failed (status -1: no response); is the token an ADMIN or REVIEWER key?");
        }
        return ok;
    }

    static HttpRequest entry(URI baseUrl, String token, SeedPlan.Finding finding) {
        return HttpRequest.newBuilder(baseUrl.resolve("/api/v1/integrity/entries"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(finding.json())).build();
    }
}
