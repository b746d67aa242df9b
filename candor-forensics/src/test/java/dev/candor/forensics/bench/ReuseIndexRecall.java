package dev.candor.forensics.bench;

import dev.candor.forensics.PdqIndex;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recall of multi-index hashing against the linear scan on the benchmark's workload, with the index's build time
 * and heap. Arguments: the number of stored hashes (default 10^7) and of query sets (default 200).
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
    }
}
