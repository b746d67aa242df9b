package dev.candor.photoforensics.application;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.commerce.Commerce;
import dev.candor.commerce.ListingPhoto;
import dev.candor.commerce.OrderSnapshot;
import dev.candor.evidence.EvidencePhotos;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Forensics;
import dev.candor.forensics.Listing;
import dev.candor.forensics.ScanConfig;
import dev.candor.forensics.ScanContext;
import dev.candor.forensics.Scanner;
import dev.candor.photoforensics.CasePhotoScans;
import dev.candor.photoforensics.infrastructure.ForensicStageProperties;
import dev.candor.photoforensics.infrastructure.PhotoReports;
import dev.candor.reports.ForensicFindings;
import dev.candor.shared.Sha256;
import dev.candor.shared.security.Actor;
import dev.candor.shared.storage.BlobStore;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Service;

/**
 * Scans a case's evidence photos with the forensics library: each photo against every photo of the order's
 * listings (listed or since removed, since a buyer may pass either off as their own) and the order's delivery
 * time, several photos at once on {@code candor.forensics.scan-threads} threads. A photo's report is stored
 * under the listing photos and delivery time it was judged against, so that a photo is scanned again only
 * when those change. Also supplies the findings attached to abuse reports.
 */
@Service
class ScanCasePhotos implements CasePhotoScans, ForensicFindings {

    private static final int RECENT_LISTINGS = 64;

    private final Scanner scanner = Forensics.scanner(ScanConfig.defaults());
    private final AfterSalesCases cases;
    private final Commerce commerce;
    private final EvidencePhotos evidence;
    private final BlobStore blobs;
    private final PhotoReports reports;
    private final Clock clock;
    private final ExecutorService photoScans;
    /**
     * The listing photos this node prepared last, least recently used dropped first: every run of a case needs its
     * listing photos, and preparing one takes 100-500 ms of a core. Each holds a working copy of at most
     * 768 x 768 pixels (about 2 MB).
     */
    private final Map<String, Listing> recentListings = new LinkedHashMap<>(RECENT_LISTINGS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Listing> eldest) {
            return size() > RECENT_LISTINGS;
        }
    };

    ScanCasePhotos(AfterSalesCases cases, Commerce commerce, EvidencePhotos evidence, BlobStore blobs, PhotoReports reports,
                   ForensicStageProperties properties, Clock clock) {
        this.cases = cases;
        this.commerce = commerce;
        this.evidence = evidence;
        this.blobs = blobs;
        this.reports = reports;
        this.clock = clock;
        this.photoScans = Executors.newFixedThreadPool(properties.photoParallelism(),
                Thread.ofPlatform().name("forensic-photo-", 1).daemon(true).factory());
    }

    /**
     * The reports of the case's photos in upload order, and the photos that could not be scanned because their
     * original is missing from the blob store.
     */
    record CaseScan(List<PhotoScan> scans, List<UUID> missingOriginals) {
    }

    @Override
    public List<PhotoScan> scanCase(UUID caseId) {
        return scan(caseId).scans();
    }

    @PreDestroy
    void stop() {
        photoScans.shutdownNow();
    }

    CaseScan scan(UUID caseId) {
        List<EvidencePhotos.Photo> photos = evidence.photosOf(caseId);
        if (photos.isEmpty()) {
            return new CaseScan(List.of(), List.of());
        }
        var parties = cases.partiesVisibleTo(caseId, Actor.system());
        Optional<OrderSnapshot> order = commerce.findOrder(parties.orderId());
        List<ListingPhoto> listingPhotos = order.stream().flatMap(o -> o.lines().stream())
                .map(OrderSnapshot.OrderLine::listingId).distinct()
                .flatMap(listingId -> commerce.listingPhotos(listingId).stream())
                .toList();
        Instant deliveredAt = order.map(OrderSnapshot::deliveredAt).orElse(null);
        String contextKey = contextKey(listingPhotos, deliveredAt);
        Map<UUID, ForensicReport> stored = reports.find(photos.stream().map(EvidencePhotos.Photo::evidenceId).toList(), contextKey);
        List<EvidencePhotos.Photo> unscanned = photos.stream().filter(p -> !stored.containsKey(p.evidenceId())).toList();
        Map<UUID, ForensicReport> scanned = new HashMap<>();
        if (!unscanned.isEmpty()) {
            ScanContext context = new ScanContext(inParallel(listingPhotos.stream()
                    .<Callable<Optional<Listing>>>map(photo -> () -> prepared(photo))
                    .toList()).stream().flatMap(Optional::stream).toList(), deliveredAt);
            List<Optional<ForensicReport>> fresh = inParallel(unscanned.stream()
                    .<Callable<Optional<ForensicReport>>>map(photo -> () -> scanAndStore(caseId, photo, contextKey, context))
                    .toList());
            for (int i = 0; i < unscanned.size(); i++) {
                UUID evidenceId = unscanned.get(i).evidenceId();
                fresh.get(i).ifPresent(report -> scanned.put(evidenceId, report));
            }
        }
        List<PhotoScan> scans = new ArrayList<>();
        List<UUID> missing = new ArrayList<>();
        for (EvidencePhotos.Photo photo : photos) {
            ForensicReport report = stored.getOrDefault(photo.evidenceId(), scanned.get(photo.evidenceId()));
            if (report == null) {
                missing.add(photo.evidenceId());
            } else {
                scans.add(new PhotoScan(photo.evidenceId(), report, photo.uploaderKind().speaksForBuyer()));
            }
        }
        return new CaseScan(scans, missing);
    }

    @Override
    public List<Finding> ofCase(UUID caseId) {
        List<Finding> findings = new ArrayList<>();
        for (PhotoScan scan : scanCase(caseId)) {
            ForensicReport report = scan.report();
            report.findings().forEach(f -> findings.add(new Finding(scan.evidenceId(), f.check(), f.strength().name(), f.summary())));
        }
        return findings;
    }

    /** The listing photo decoded and hashed, from this node's recent ones or read now; empty when it is not stored. */
    private Optional<Listing> prepared(ListingPhoto photo) {
        String key = name(photo) + " " + photo.sha256();
        synchronized (recentListings) {
            Listing recent = recentListings.get(key);
            if (recent != null) {
                return Optional.of(recent);
            }
        }
        Optional<Listing> listing = read(ListingPhoto.AREA, photo.sha256()).map(bytes -> scanner.listing(name(photo), bytes));
        listing.ifPresent(l -> {
            synchronized (recentListings) {
                recentListings.put(key, l);
            }
        });
        return listing;
    }

    /** Scans one photo and stores its report; empty when its original is missing from the blob store. */
    private Optional<ForensicReport> scanAndStore(UUID caseId, EvidencePhotos.Photo photo, String contextKey, ScanContext context) {
        return read(EvidencePhotos.ORIGINALS_AREA, photo.sha256()).map(bytes -> {
            ForensicReport report = scanner.scan(photo.evidenceId().toString(), bytes, context);
            reports.save(photo.evidenceId(), contextKey, caseId, report, clock.instant());
            return report;
        });
    }

    /** Runs the tasks on the photo-scan threads and returns their results in order. */
    private <T> List<T> inParallel(List<Callable<T>> tasks) {
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : photoScans.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning photos", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a photo scan failed", e.getCause());
        }
    }

    /** What a photo is judged against: the listing photos (by name and content) and the delivery time. */
    static String contextKey(List<ListingPhoto> listingPhotos, Instant deliveredAt) {
        StringBuilder text = new StringBuilder("deliveredAt=").append(deliveredAt).append('\n');
        listingPhotos.stream().map(p -> name(p) + " " + p.sha256()).sorted().forEach(line -> text.append(line).append('\n'));
        return Sha256.hex(text.toString());
    }

    private static String name(ListingPhoto photo) {
        return photo.listingId() + "/" + photo.photoId();
    }

    private Optional<byte[]> read(String area, String sha256) {
        try {
            Optional<InputStream> stream = blobs.open(area, sha256);
            if (stream.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream in = stream.get()) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + area + "/" + sha256, e);
        }
    }
}
