package dev.candor.loadgen;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Seeds buyers with integrity entries through the API of a running Candor, then sends standing queries at a
 * fixed rate and prints throughput and latency percentiles. Latency is measured from each request's intended
 * send time, so a stalled server shows in the percentiles instead of slowing the generator down (no
 * coordinated omission). Talks to loopback addresses only.
 */
@Command(name = "candor-loadgen", mixinStandardHelpOptions = true, version = "candor-loadgen 0.1.0",
        description = "Benchmark the standing query (GET /api/v1/integrity/standing) of a running Candor on this machine.")
public final class LoadGenerator implements Callable<Integer> {

    @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8080", description = "Candor's address (loopback only; default ${DEFAULT-VALUE})")
    URI baseUrl;

    @Option(names = "--token", required = true, description = "an ADMIN or REVIEWER API key (records the seed entries, reads every standing)")
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

    private final PrintStream out = System.out;
    private HttpClient client;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        requireLoopback(baseUrl);
        if (concurrency < 1 || rate < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--concurrency must be at least 1 and --rate at least 0");
        }
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .executor(virtualThreads).build();
            SeedPlan plan = new SeedPlan(UUID.randomUUID().toString().substring(0, 8), buyers, stores);
            if (!seed(plan)) {
                return 1;
            }
            out.printf("warming up for %ss ...%n", warmup.toSeconds());
            hammer(plan, warmup, null);
            Recorder recorder = new Recorder(3);
            Result result = hammer(plan, duration, recorder);
            report(result, recorder.getIntervalHistogram());
            return result.errors() == 0 ? 0 : 1;
        }
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

    private boolean seed(SeedPlan plan) throws InterruptedException {
        List<SeedPlan.Finding> findings = plan.findings();
        out.printf("seeding %d buyers at %d stores with %d entries (run %s) ...%n", buyers, stores, findings.size(), plan.runId());
        long started = System.nanoTime();
        Semaphore slots = new Semaphore(concurrency);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        try (ExecutorService seeders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SeedPlan.Finding finding : findings) {
                slots.acquire();
                seeders.submit(() -> {
                    try {
                        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/api/v1/integrity/entries"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(finding.json())).build();
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    } catch (Exception e) {
                        statuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("seeded in %.1f s: %s%n", seconds, statuses);
        boolean ok = statuses.keySet().stream().allMatch(s -> s == 200 || s == 201);
        if (!ok) {
            out.println("seeding failed (status -1: no response); is the token an ADMIN or REVIEWER key?");
        }
        return ok;
    }

    record Result(long sent, long errors, double seconds, Map<Integer, LongAdder> statuses) {
    }

    /** Sends standing queries for {@code length}; records latencies into {@code recorder} unless it is null. */
    private Result hammer(SeedPlan plan, Duration length, Recorder recorder) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        long sent = 0;
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                long intended = rate == 0 ? System.nanoTime() : start + sent * interval;
                if (intended >= end) {
                    break;
                }
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                slots.acquire();
                long scheduled = rate == 0 ? System.nanoTime() : intended;
                int i = ThreadLocalRandom.current().nextInt(buyers);
                URI uri = baseUrl.resolve("/api/v1/integrity/standing?buyerId=" + plan.buyerId(i) + "&storeId=" + plan.storeId(i));
                senders.submit(() -> {
                    try {
                        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(10)).GET().build();
                        int status = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        statuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
                    } finally {
                        if (recorder != null) {
                            recorder.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - scheduled));
                        }
                        slots.release();
                    }
                });
                sent++;
            }
        }
        return new Result(sent, errors.get(), (System.nanoTime() - start) / 1e9, statuses);
    }

    private void report(Result result, Histogram latencies) {
        out.printf("standing: %d requests in %.1f s = %.0f req/s (target %s, concurrency %d), errors %d, statuses %s%n",
                result.sent(), result.seconds(), result.sent() / result.seconds(), rate == 0 ? "unbounded" : rate + "/s",
                concurrency, result.errors(), result.statuses());
        out.printf("latency ms (from intended send time): p50 %.2f  p95 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                ms(latencies, 50), ms(latencies, 95), ms(latencies, 99), ms(latencies, 99.9), latencies.getMaxValue() / 1000.0);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
