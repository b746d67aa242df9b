package dev.candor.cli;

import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Forensics;
import dev.candor.forensics.Listing;
import dev.candor.forensics.ReportJson;
import dev.candor.forensics.ScanConfig;
import dev.candor.forensics.ScanContext;
import dev.candor.forensics.Scanner;
import dev.candor.forensics.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code candor scan}: scans evidence photos and prints one JSON document with an {@code images} array. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan evidence photos for declared AI origin, broken provenance and derivation from listing photos.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was read", "1:some files could not be read (see the message and the JSON errors)",
                "2:invalid arguments", "3:the output could not be written"})
final class ScanCommand implements Callable<Integer> {

    static final int UNREADABLE = 1;
    static final int USAGE = 2;
    static final int OUTPUT_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--listing", paramLabel = "FILE_OR_DIR", description = "A seller's listing photo, or a directory of them. Repeatable.")
    List<Path> listings = new ArrayList<>();

    @Option(names = "--delivered-at", paramLabel = "ISO-8601", description = "When the order was delivered, e.g. 2026-03-01T10:00:00Z.")
    String deliveredAt;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Where to write the JSON report; '-' (default) is standard output.")
    String json = "-";

    @Option(names = "--html", paramLabel = "DIR", description = "Also write one self-contained HTML report per photo into DIR.")
    Path htmlDir;

    @Option(names = "--trust-anchors", paramLabel = "PEM", description = "Root certificates (PEM bundle) C2PA signers must chain to; "
            + "without it a valid signature is reported as signingCredential.untrusted.")
    Path trustAnchors;

    @Option(names = "--threads", description = "Photos scanned in parallel (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "Evidence photos or directories of them.")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Instant delivered;
        try {
            delivered = parseInstant(deliveredAt);
        } catch (DateTimeParseException e) {
            err.println("candor scan: --delivered-at is not an ISO-8601 instant: " + deliveredAt);
            return USAGE;
        }
        List<Path> evidence;
        List<Path> listingFiles;
        try {
            evidence = ImageFiles.expand(inputs);
            listingFiles = ImageFiles.expand(listings);
        } catch (IOException e) {
            err.println("candor scan: " + e.getMessage());
            return USAGE;
        }
        if (evidence.isEmpty()) {
            err.println("candor scan: no image files found in " + inputs);
            return USAGE;
        }
        ScanConfig config = ScanConfig.defaults();
        if (trustAnchors != null) {
            try {
                config = config.withTrustAnchors(TrustAnchors.read(trustAnchors));
            } catch (IOException | CertificateException e) {
                err.println("candor scan: cannot read trust anchors from " + trustAnchors + ": " + e.getMessage());
                return USAGE;
            }
        }
        Scanner scanner = Forensics.scanner(config);
        int total = listingFiles.size() + evidence.size();
        Progress progress = new Progress(err, total, total > 1 && System.console() != null && System.console().isTerminal());
        List<ForensicReport> reports;
        List<String> unreadableListings = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
            List<Listing> prepared = runAll(pool, listingFiles, p -> scanner.listing(p), progress);
            for (Listing l : prepared) {
                if (!l.usable()) {
                    unreadableListings.add(l.name());
                }
            }
            ScanContext context = new ScanContext(prepared, delivered);
            reports = runAll(pool, evidence, p -> scanner.scan(p, context), progress);
        }
        progress.done();
        if (htmlDir != null) {
            try {
                HtmlReports.write(reports, htmlDir, listingFiles);
            } catch (IOException e) {
                err.println("candor scan: cannot write HTML reports to " + htmlDir + ": " + e.getMessage());
                return OUTPUT_FAILED;
            }
        }
        try {
            writeJson(reports);
        } catch (IOException e) {
            err.println("candor scan: cannot write " + json + ": " + e.getMessage());
            return OUTPUT_FAILED;
        }
        List<ForensicReport> unreadable = reports.stream().filter(r -> r.verdict() == Verdict.UNREADABLE).toList();
        for (ForensicReport r : unreadable) {
            err.println("candor scan: could not read " + r.file() + ": " + String.join("; ", r.errors()));
        }
        for (String l : unreadableListings) {
            err.println("candor scan: could not use listing photo " + l);
        }
        return unreadable.isEmpty() && unreadableListings.isEmpty() ? 0 : UNREADABLE;
    }

    private void writeJson(List<ForensicReport> reports) throws IOException {
        if (json.equals("-")) {
            ReportJson.write(reports, System.out);
            System.out.println();
            System.out.flush();
            return;
        }
        try (OutputStream out = Files.newOutputStream(Path.of(json))) {
            ReportJson.write(reports, out);
        }
    }

    static Instant parseInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    interface Task<T> {
        T run(Path path) throws IOException;
    }

    private static <T> List<T> runAll(ExecutorService pool, List<Path> paths, Task<T> task, Progress progress)
            throws IOException {
        List<Future<T>> futures = new ArrayList<>();
        for (Path p : paths) {
            futures.add(pool.submit(() -> {
                try {
                    return task.run(p);
                } finally {
                    progress.step();
                }
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return results;
    }
}
