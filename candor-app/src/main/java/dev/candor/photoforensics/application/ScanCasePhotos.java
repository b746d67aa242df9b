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
import dev.candor.reports.ForensicFindings;
import dev.candor.shared.security.Actor;
import dev.candor.shared.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Scans a case's evidence photos with the forensics library: each photo against every photo of the
 * order's listings (listed or since removed, since a buyer may pass either off as their own) and the
 * order's delivery time. Also supplies the findings attached to abuse reports.
 */
@Service
class ScanCasePhotos implements CasePhotoScans, ForensicFindings {

    private final Scanner scanner = Forensics.scanner(ScanConfig.defaults());
    private final AfterSalesCases cases;
    private final Commerce commerce;
    private final EvidencePhotos evidence;
    private final BlobStore blobs;

    ScanCasePhotos(AfterSalesCases cases, Commerce commerce, EvidencePhotos evidence, BlobStore blobs) {
        this.cases = cases;
        this.commerce = commerce;
        this.evidence = evidence;
        this.blobs = blobs;
    }

    @Override
    public List<PhotoScan> scanCase(UUID caseId) {
        List<EvidencePhotos.Photo> photos = evidence.photosOf(caseId);
        if (photos.isEmpty()) {
            return List.of();
        }
        var parties = cases.partiesVisibleTo(caseId, Actor.system());
        Optional<OrderSnapshot> order = commerce.findOrder(parties.orderId());
        List<Listing> listings = new ArrayList<>();
        order.ifPresent(o -> o.lines().stream().map(OrderSnapshot.OrderLine::listingId).distinct()
                .flatMap(listingId -> commerce.listingPhotos(listingId).stream())
                .forEach(photo -> read(ListingPhoto.AREA, photo.sha256())
                        .ifPresent(bytes -> listings.add(scanner.listing(photo.listingId() + "/" + photo.photoId(), bytes)))));
        ScanContext context = new ScanContext(listings, order.map(OrderSnapshot::deliveredAt).orElse(null));
        List<PhotoScan> scans = new ArrayList<>();
        for (EvidencePhotos.Photo photo : photos) {
            read(EvidencePhotos.ORIGINALS_AREA, photo.sha256()).ifPresent(bytes ->
                    scans.add(new PhotoScan(photo.evidenceId(), scanner.scan(photo.evidenceId().toString(), bytes, context))));
        }
        return scans;
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
