package dev.candor.forensics;

import dev.candor.forensics.c2pa.C2paCheck;
import dev.candor.forensics.container.Container;
import dev.candor.forensics.container.Containers;
import dev.candor.forensics.image.DecodeLimits;
import dev.candor.forensics.image.Decoded;
import dev.candor.forensics.image.Hashing;
import dev.candor.forensics.image.Pixels;
import dev.candor.forensics.image.SafeDecoder;
import dev.candor.forensics.listing.ListingMatcher;
import dev.candor.forensics.listing.PreparedListing;
import dev.candor.forensics.origin.Declaration;
import dev.candor.forensics.origin.ExifFacts;
import dev.candor.forensics.origin.OriginChecks;
import dev.candor.forensics.origin.Xmp;
import dev.candor.forensics.pdq.PdqResult;
import dev.candor.forensics.trace.ErrorLevels;
import dev.candor.forensics.trace.TraceChecks;
import dev.candor.forensics.image.ImageFormat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

final class DefaultScanner implements Scanner {

    /**
     * Photos above this size are decoded reduced (JPEG at 1/8 scale from their DC coefficients): the checks work on at most
     * {@link ListingMatcher#WORKING_SIDE} pixels anyway, and PDQ moves by a few bits at most (docs/forensics-benchmarks.md).
     * Smaller photos are decoded in full, so that their PDQ equals Meta's Java reference bit for bit.
     */
    static final long REDUCED_DECODE_PIXELS = 4_000_000L;

    private final ScanConfig config;
    private final SafeDecoder decoder;
    private final C2paCheck c2paCheck;

    DefaultScanner(ScanConfig config) {
        this.config = config;
        this.decoder = new SafeDecoder(new DecodeLimits(config.maxPixels(), config.maxBytes(), config.maxJpegScans(),
                config.decodeTimeout()));
        this.c2paCheck = new C2paCheck(config.trustAnchors());
    }

    @Override
    public ForensicReport scan(Path file, ScanContext context) throws IOException {
        String name = file.toString();
        long size = Files.size(file);
        if (size > config.maxBytes()) {
            return new ForensicReport(name, null, "UNKNOWN", 0, 0, null, noProvenance(), List.of(), List.of(),
                    Verdict.UNREADABLE, List.of("file has %d bytes, the limit is %d".formatted(size, config.maxBytes())));
        }
        return scan(name, Files.readAllBytes(file), context);
    }

    @Override
    public ForensicReport scan(String name, byte[] bytes, ScanContext context) {
        Scan scan = new Scan(name, bytes, context);
        scan.run();
        return scan.report();
    }

    @Override
    public Listing listing(Path file) throws IOException {
        long size = Files.size(file);
        if (size > config.maxBytes()) {
            return new PreparedListing(file.toString(), null, null, "file too large");
        }
        return listing(file.toString(), Files.readAllBytes(file));
    }

    @Override
    public Listing listing(String name, byte[] bytes) {
        Container container = walk(bytes);
        Decoded decoded = decode(bytes, container);
        if (decoded instanceof Decoded.Image(BufferedImage image, int _)) {
            return new PreparedListing(name, Pixels.fit(image, ListingMatcher.WORKING_SIDE), Hashing.pdq(image), null);
        }
        return new PreparedListing(name, null, null, ((Decoded.Refused) decoded).message());
    }

    /** The walkers are written not to throw; should one still do, the photo is reported, not the scan aborted. */
    private static Container walk(byte[] bytes) {
        try {
            return Containers.read(bytes);
        } catch (RuntimeException e) {
            return Containers.empty(ImageFormat.sniff(bytes), "the file structure could not be walked: " + e);
        }
    }

    /**
     * Large JPEGs go through the DC decoder; large PNG and WebP photos are read keeping every n-th pixel, so that
     * no photo costs more than about {@link #REDUCED_DECODE_PIXELS} pixels of memory after decoding.
     */
    private Decoded decode(byte[] bytes, Container container) {
        long pixels = (long) container.width() * container.height();
        if (pixels <= REDUCED_DECODE_PIXELS) {
            return decoder.decode(bytes, container, 1);
        }
        if (container.format() == ImageFormat.JPEG) {
            return decoder.decodeReduced(bytes, container);
        }
        return decoder.decode(bytes, container, (int) Math.ceil(Math.sqrt((double) pixels / REDUCED_DECODE_PIXELS)));
    }

    private static ForensicReport.Provenance noProvenance() {
        return new ForensicReport.Provenance(ForensicReport.C2pa.absent(), null, null);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The state of one photo's scan. */
    private final class Scan {
        private final String name;
        private final byte[] bytes;
        private final ScanContext context;
        private final List<Finding> findings = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private final List<ForensicReport.ListingMatch> matches = new ArrayList<>();
        private Container container;
        private Xmp xmp;
        private ExifFacts exif;
        private BufferedImage image;
        private int subsampling = 1;
        private PdqResult pdq;
        private ForensicReport.Provenance provenance = noProvenance();
        private Declaration declaration = Declaration.NONE;
        private boolean provenanceTampered;

        Scan(String name, byte[] bytes, ScanContext context) {
            this.name = name;
            this.bytes = bytes;
            this.context = context;
        }

        void run() {
            container = walk(bytes);
            container.warnings().forEach(w -> errors.add("container: " + w));
            List<String> problems = new ArrayList<>();
            xmp = Xmp.parse(container.xmp(), problems);
            exif = ExifFacts.read(container.exif(), problems);
            problems.forEach(p -> errors.add("metadata: " + p));
            guarded("origin", () -> {
                OriginChecks.Result origin = OriginChecks.inspect(container, xmp, exif);
                findings.addAll(origin.findings());
                declaration = declaration.max(origin.declaration());
                provenance = new ForensicReport.Provenance(provenance.c2pa(),
                        origin.aigcLabel() == null ? null : origin.aigcLabel().toReport(), origin.iptcDigitalSourceType());
            });
            guarded("c2pa", () -> {
                C2paCheck.Result c2pa = c2paCheck.inspect(container, xmp, bytes);
                findings.addAll(c2pa.findings());
                declaration = declaration.max(c2pa.declaration());
                provenanceTampered = c2pa.tampered();
                provenance = new ForensicReport.Provenance(c2pa.report(), provenance.aigcLabel(), provenance.iptcDigitalSourceType());
            });
            Decoded decoded = decode(bytes, container);
            switch (decoded) {
                case Decoded.Image(BufferedImage img, int factor) -> {
                    image = img;
                    subsampling = factor;
                }
                case Decoded.Refused(var _, String message) -> errors.add("decode: " + message);
            }
            if (image != null) {
                guarded("pdq", () -> pdq = Hashing.pdq(image));
            }
            BufferedImage working = image == null ? null : Pixels.fit(image, ListingMatcher.WORKING_SIDE);
            if (working != null && pdq != null) {
                guarded("listing", () -> matches.addAll(ListingMatcher.match(working, container.width(), container.height(),
                        pdq, context.listings(), findings)));
            }
            guarded("traces", () -> findings.addAll(TraceChecks.inspect(container, exif, xmp, working,
                    container.width(), container.height(), context.deliveredAt(), decoder)));
            if (image != null && subsampling == 1 && container.format() == ImageFormat.JPEG) {
                guarded("ela", () -> ErrorLevels.inspect(image).ifPresent(findings::add));
            }
            Evidence evidence = new Evidence(name, bytes, container.format().name(), Optional.ofNullable(image),
                    Optional.ofNullable(context.deliveredAt()));
            for (ForensicCheck check : config.extraChecks()) {
                guarded(check.getClass().getSimpleName(), () -> findings.addAll(check.inspect(evidence)));
            }
        }

        private void guarded(String step, Runnable action) {
            try {
                action.run();
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(step + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }

        ForensicReport report() {
            List<Finding> sorted = findings.stream().sorted(Comparator.comparing(Finding::strength)).toList();
            ForensicReport.Pdq pdqJson = pdq == null ? null : PreparedListing.report(pdq);
            return new ForensicReport(name, sha256(bytes), container.format().name(), container.width(), container.height(),
                    pdqJson, provenance, matches, sorted, Verdicts.decide(image != null, declaration, provenanceTampered, matches), errors);
        }
    }
}
