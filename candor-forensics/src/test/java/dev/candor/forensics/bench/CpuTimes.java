package dev.candor.forensics.bench;

import dev.candor.forensics.image.DcJpegDecoder;
import dev.candor.forensics.image.Hashing;
import dev.candor.forensics.pdq.PdqHasher;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * The target is CPU time, which JMH's wall-clock modes overstate on a shared machine: this prints the
 * process CPU time (all threads, so GC and JIT included) per decode + PDQ of {@link BenchmarkPhotos#photo12mp()}
 * for both paths, and per full scan of it against the five listings of {@link ScanBenchmark}, after a warm-up.
 */
public final class CpuTimes {

    private static final int WARMUP = 20;
    private static final int RUNS = 30;

    private CpuTimes() {
    }

    interface Work {
        void run() throws IOException;
    }

    public static void main(String[] args) throws IOException {
        byte[] jpeg = BenchmarkPhotos.photo12mp();
        report("reduced decode + PDQ", () -> Hashing.pdq(DcJpegDecoder.decode(jpeg)), RUNS);
        report("ImageIO full decode + full-size PDQ", () -> PdqHasher.hash(ImageIO.read(new ByteArrayInputStream(jpeg))), RUNS / 5);
        ScanBenchmark scan = new ScanBenchmark();
        scan.setUp();
        report("full scan against five listings", scan::scanAgainstFiveListings, RUNS);
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
    }

    private static void report(String name, Work work, int runs) throws IOException {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        long cpu = cpuNanos();
        long wall = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            work.run();
        }
        System.out.printf("%s: %.1f ms CPU, %.1f ms wall per operation (%d runs)%n", name,
                (cpuNanos() - cpu) / 1e6 / runs, (System.nanoTime() - wall) / 1e6 / runs, runs);
    }
}
