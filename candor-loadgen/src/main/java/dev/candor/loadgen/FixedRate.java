package dev.candor.loadgen;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Sends requests at a fixed rate (or as fast as the concurrency allows) and records each one's latency from
 * its intended send time, so a stalled server shows in the percentiles instead of slowing the generator down
 * (no coordinated omission).
 */
final class FixedRate {

    /** The next request to send, or null when there is none left (the run then ends early). */
    interface Requests {
        HttpRequest next();
    }

    /** Sees every answer (status -1: no answer). */
    interface Answers {
        void accept(int status, byte[] body);
    }

    record Result(long sent, long errors, double seconds, Map<Integer, LongAdder> statuses, boolean ranOut) {
    }

    private final HttpClient client;
    private final int rate;
    private final int concurrency;

    /** @param rate requests per second; 0: as fast as {@code concurrency} requests in flight allow */
    FixedRate(HttpClient client, int rate, int concurrency) {
        if (concurrency < 1 || rate < 0) {
            throw new IllegalArgumentException("concurrency must be at least 1 and rate at least 0");
        }
        this.client = client;
        this.rate = rate;
        this.concurrency = concurrency;
    }

    /**
     * Sends for {@code length}; records latencies in microseconds into {@code recorder} unless it is null. An
     * answer outside 2xx, or none, counts as an error.
     */
    Result run(Duration length, Requests requests, Answers answers, Recorder recorder) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        long sent = 0;
        boolean ranOut = false;
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
                HttpRequest request = requests.next();
                if (request == null) {
                    slots.release();
                    ranOut = true;
                    break;
                }
                senders.submit(() -> {
                    int status = -1;
                    byte[] body = new byte[0];
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        status = response.statusCode();
                        body = response.body();
                    } catch (Exception e) {
                        // no answer: the status stays -1
                    } finally {
                        if (recorder != null) {
                            recorder.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - scheduled));
                        }
                        slots.release();
                    }
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    if (status < 200 || status > 299) {
                        errors.incrementAndGet();
                    }
                    answers.accept(status, body);
                });
                sent++;
            }
        }
        return new Result(sent, errors.get(), (System.nanoTime() - start) / 1e9, statuses, ranOut);
    }

    /** Sends every request with at most {@code concurrency} in flight; answers the count of each status (-1: none). */
    static Map<Integer, LongAdder> sendAll(HttpClient client, int concurrency, List<HttpRequest> requests) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (HttpRequest request : requests) {
                slots.acquire();
                senders.submit(() -> {
                    int status = -1;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        // no answer: the status stays -1
                    } finally {
                        slots.release();
                    }
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                });
            }
        }
        return statuses;
    }

    static boolean allSucceeded(Map<Integer, LongAdder> statuses) {
        return statuses.keySet().stream().allMatch(s -> s >= 200 && s <= 299);
    }
}
