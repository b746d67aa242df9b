package dev.candor.forensics.bench;

import dev.candor.forensics.Fixtures;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Forensics;
import dev.candor.forensics.Listing;
import dev.candor.forensics.ScanConfig;
import dev.candor.forensics.ScanContext;
import dev.candor.forensics.Scanner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A full scan (metadata, C2PA, decode, PDQ, listing match with alignment and edit location, traces) of one
 * 12-megapixel photo against five prepared listing photos, one of which it was made from.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScanBenchmark {

    Scanner scanner;
    byte[] evidence;
    ScanContext context;

    @Setup
    public void setUp() {
        scanner = Forensics.scanner(ScanConfig.defaults());
        evidence = BenchmarkPhotos.photo12mp();
        List<Listing> listings = List.of(
                scanner.listing("bridge", Fixtures.bytes("threatexchange-pdq/dih/bridge-1-original.jpg")),
                scanner.listing("wee", Fixtures.bytes("threatexchange-pdq/misc/wee.jpg")),
                scanner.listing("earth", Fixtures.bytes("c2pa-rs/earth_apollo17.jpg")),
                scanner.listing("panasonic", Fixtures.bytes("c2pa-rs/P1000827.jpg")),
                scanner.listing("grok", Fixtures.bytes("ai-provenance-samples/grok-1.jpg")));
        context = new ScanContext(listings, null);
        ForensicReport check = scanner.scan("evidence.jpg", evidence, context);
        if (check.listingMatches().isEmpty() || check.listingMatches().getFirst().editedRegions().isEmpty()) {
            throw new IllegalStateException("the benchmark photo must be found derived and edited: " + check);
        }
    }

    @Benchmark
    public ForensicReport scanAgainstFiveListings() {
        return scanner.scan("evidence.jpg", evidence, context);
    }
}
