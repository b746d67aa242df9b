package dev.candor.forensics.bench;

import dev.candor.forensics.PdqIndex;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recall of multi-index hashing against the linear scan on the benchmark's workload, with the index's build time
 * and heap; then the distribution of one search's thread CPU time and wall time over 5,000 query sets. CPU time
 * leaves out the time the thread waited for a core, which on a shared machine is most of a wall-clock p99.
 * Arguments: the number of stored hashes (default 10^7) and of query sets compared with the scan (default 200).
 */
public final class ReuseIndexRecall {

    private ReuseIndexRecall() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        ReuseHashes hashes = new ReuseHashes();
        long start = System.nanoTime();
        PdqIndex index = hashes.build(n);
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long heapMb = (runtime.totalMemory() - runtime.freeMemory() - heapBefore) >> 20;
        List<List<String>> queries = hashes.queries(count);
        long expected = 0;
        long found = 0;
        long extra = 0;
        int identical = 0;
        for (List<String> query : queries) {
            Set<PdqIndex.Match> scan = new HashSet<>(index.scan(query, 31));
            Set<PdqIndex.Match> mih = new HashSet<>(index.search(query, 31));
            expected += scan.size();
            found += mih.stream().filter(scan::contains).count();
            extra += mih.stream().filter(m -> !scan.contains(m)).count();
            identical += scan.equals(mih) ? 1 : 0;
        }
        System.out.printf("| hashes | query sets | matches by linear scan | found by MIH | MIH extra | identical answers | recall | build | heap |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf("| %,d | %d | %d | %d | %d | %d / %d | %.4f | %,d ms | %,d MB |%n", n, count, expected, found, extra,
                identical, count, expected == 0 ? 1.0 : (double) found / expected, buildMillis, heapMb);
        latencies(index, hashes.queries(6_000));
    }

    private static void latencies(PdqIndex index, List<List<String>> queries) {
        ThreadCpu threads = new ThreadCpu();
        int warmup = 1_000;
        long[] cpu = new long[queries.size() - warmup];
        long[] wall = new long[cpu.length];
        for (int i = 0; i < queries.size(); i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            index.search(queries.get(i), 31);
            if (i >= warmup) {
                wall[i - warmup] = System.nanoTime() - wallStart;
                cpu[i - warmup] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        System.out.printf("%n| MIH search, %d query sets | p50 | p90 | p99 | max |%n|---|---|---|---|---|%n", cpu.length);
        System.out.println(row("thread CPU time", cpu));
        System.out.println(row("wall time", wall));
    }

    /**
     * {@code ThreadMXBean.getCurrentThreadCpuTime()}, called reflectively: the tests are compiled into the forensics
     * module, which does not read {@code java.management}; benchmarks run on the class path, where it is readable.
     */
    private static final class ThreadCpu {
        private final Object bean;
        private final Method cpuTime;

        ThreadCpu() {
            try {
                bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
                cpuTime = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        long getCurrentThreadCpuTime() {
            try {
                return (long) cpuTime.invoke(bean);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String row(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms |".formatted(name, at(sorted, 0.50), at(sorted, 0.90),
                at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}
