package dev.candor.forensics.bench;

import dev.candor.forensics.PdqIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One reuse search (a photo's eight dihedral hashes, distance 31) over {@code n} stored hashes: multi-index hashing
 * against the linear scan. Sample time, so that JMH reports the latency distribution (p50, p99, ...).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ReuseIndexBenchmark {

    @Param("10000000")
    int n;

    PdqIndex index;
    List<List<String>> queries;
    int next;

    @Setup
    public void setUp() {
        ReuseHashes hashes = new ReuseHashes();
        index = hashes.build(n);
        queries = hashes.queries(4096);
    }

    private List<String> nextQuery() {
        next = (next + 1) & 4095;
        return queries.get(next);
    }

    @Benchmark
    public List<PdqIndex.Match> multiIndexHashing() {
        return index.search(nextQuery(), 31);
    }

    @Benchmark
    public List<PdqIndex.Match> linearScan() {
        return index.scan(nextQuery(), 31);
    }
}
