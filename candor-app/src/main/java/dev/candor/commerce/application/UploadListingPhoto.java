package dev.candor.commerce.application;

import dev.candor.commerce.ListingPhoto;
import dev.candor.commerce.ListingPhotoStored;
import dev.candor.commerce.infrastructure.Listings;
import dev.candor.commerce.model.Changes;
import dev.candor.commerce.model.PhotoContent;
import dev.candor.commerce.model.PhotoType;
import dev.candor.commerce.model.StoredPhoto;
import dev.candor.commerce.model.Upserted;
import dev.candor.commerce.model.Upserted.Outcome;
import dev.candor.shared.Sha256;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import dev.candor.shared.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order system uploads the bytes of a photo its listing names. The bytes must be the image type
 * they are declared as; they are kept in the blob store, where forensics matches evidence photos
 * against them. The same bytes again change nothing.
 */
@Service
public class UploadListingPhoto {

    private final Listings listings;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UploadListingPhoto(Listings listings, BlobStore blobs, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.listings = listings;
        this.blobs = blobs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Upserted<StoredPhoto> upload(Actor actor, String listingId, String photoId, PhotoType declared, byte[] bytes) {
        actor.require(ActorKind.INTEGRATION, ActorKind.ADMIN);
        if (!declared.matches(bytes)) {
            throw new CandorException(ErrorCode.PHOTO_TYPE_MISMATCH,
                    "the bytes are not a " + declared.mediaType() + " image", Map.of("declared", declared.mediaType()));
        }
        StoredPhoto photo = listings.lockPhoto(listingId, photoId).orElseThrow(() -> listings.find(listingId).isEmpty()
                ? PushRefusals.unknownReference("listing", listingId)
                : PushRefusals.unknownReference("listing photo", listingId + "/" + photoId));
        PhotoContent content = new PhotoContent(Sha256.hex(bytes), declared, bytes.length);
        if (content.equals(photo.content())) {
            return new Upserted<>(photo, Outcome.UNCHANGED);
        }
        try {
            blobs.put(ListingPhoto.AREA, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store listing photo " + photoId, e);
        }
        listings.storePhotoContent(listingId, photoId, content, clock.instant());
        events.publishEvent(new ListingPhotoStored(listings.find(listingId).orElseThrow().storeId(), listingId, photoId,
                content.sha256()));
        String subject = listingId + "/" + photoId;
        StoredPhoto stored = new StoredPhoto(listingId, photoId, photo.url(), photo.shown(), content);
        if (photo.content() == null) {
            audit.append(actor, "listing-photo.uploaded", "listing-photo", subject, Changes.created(content));
            return new Upserted<>(stored, Outcome.CREATED);
        }
        audit.append(actor, "listing-photo.replaced", "listing-photo", subject,
                Changes.between(photo.content(), content).orElseThrow());
        return new Upserted<>(stored, Outcome.UPDATED);
    }
}
