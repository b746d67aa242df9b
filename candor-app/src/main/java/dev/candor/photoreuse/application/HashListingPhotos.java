package dev.candor.photoreuse.application;

import dev.candor.commerce.ListingPhoto;
import dev.candor.commerce.ListingPhotoStored;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Forensics;
import dev.candor.forensics.ScanConfig;
import dev.candor.forensics.Scanner;
import dev.candor.photoreuse.ReuseMatch.Source;
import dev.candor.photoreuse.infrastructure.ListingPhotosToHash;
import dev.candor.photoreuse.infrastructure.ListingPhotosToHash.Waiting;
import dev.candor.photoreuse.infrastructure.PhotoHashes;
import dev.candor.shared.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts every stored listing photo into the reuse index. Decoding and hashing a photo costs tens of
 * milliseconds, so the upload only queues it (in its own transaction, so nothing is lost to a crash) and
 * this job hashes the queue on any node, claiming rows with {@code SKIP LOCKED}. Photos whose PDQ quality is
 * below 50 (flat or tiny images) are left out: their hashes would match unrelated photos.
 */
@Service
public class HashListingPhotos {

    private static final Logger log = LoggerFactory.getLogger(HashListingPhotos.class);
    private static final int BATCH = 20;
    private static final int QUALITY_FLOOR = 50;

    private final Scanner scanner = Forensics.scanner(ScanConfig.defaults());
    private final ListingPhotosToHash queue;
    private final PhotoHashes hashes;
    private final IndexAfterCommit indexAfterCommit;
    private final BlobStore blobs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HashListingPhotos(ListingPhotosToHash queue, PhotoHashes hashes, IndexAfterCommit indexAfterCommit, BlobStore blobs,
                      TransactionTemplate transactions, Clock clock) {
        this.queue = queue;
        this.hashes = hashes;
        this.indexAfterCommit = indexAfterCommit;
        this.blobs = blobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener
    void on(ListingPhotoStored stored) {
        queue.add(stored.sha256(), stored.storeId(), stored.listingId() + "/" + stored.photoId(), clock.instant());
    }

    @Scheduled(fixedDelayString = "${candor.photoreuse.hash-interval:2s}", initialDelayString = "${candor.photoreuse.hash-interval:2s}")
    void onSchedule() {
        hashQueued();
    }

    /** Hashes every queued listing photo; returns how many were taken off the queue. */
    public int hashQueued() {
        int total = 0;
        int batch;
        do {
            Integer done = transactions.execute(status -> hashBatch());
            batch = done == null ? 0 : done;
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int hashBatch() {
        List<Waiting> claimed = queue.claim(BATCH);
        for (Waiting photo : claimed) {
            Optional<byte[]> bytes = read(photo.sha256());
            ForensicReport.Pdq pdq = bytes.map(b -> scanner.listing(photo.photo(), b).pdq()).orElse(null);
            if (pdq != null && pdq.quality() >= QUALITY_FLOOR) {
                byte[] hash = HexFormat.of().parseHex(pdq.hash());
                long id = hashes.insert(Source.LISTING, photo.sha256(), photo.storeId(), null, null, hash, clock.instant()).id();
                indexAfterCommit.add(id, hash);
            } else {
                log.info("Listing photo {} ({}) is not indexed for reuse: {}", photo.photo(), photo.sha256(),
                        bytes.isEmpty() ? "its bytes are missing" : pdq == null ? "it cannot be decoded" : "PDQ quality " + pdq.quality());
            }
            queue.remove(photo);
        }
        return claimed.size();
    }

    private Optional<byte[]> read(String sha256) {
        try {
            Optional<InputStream> stream = blobs.open(ListingPhoto.AREA, sha256);
            if (stream.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream in = stream.get()) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read listing photo " + sha256, e);
        }
    }
}
