package dev.candor.commerce.web;

import dev.candor.commerce.application.UploadListingPhoto;
import dev.candor.commerce.application.UpsertListing;
import dev.candor.commerce.application.ViewCommerceRecords;
import dev.candor.commerce.model.Listing;
import dev.candor.commerce.model.PhotoType;
import dev.candor.commerce.web.CommerceViews.ListingView;
import dev.candor.commerce.web.CommerceViews.PhotoView;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/listings")
@Tag(name = "Commerce intake")
class ListingsController {

    private final UpsertListing upsertListing;
    private final UploadListingPhoto uploadPhoto;
    private final ViewCommerceRecords records;
    private final long maxPhotoBytes;

    ListingsController(UpsertListing upsertListing, UploadListingPhoto uploadPhoto, ViewCommerceRecords records,
                       @Value("${candor.commerce.listing-photo-max-size}") DataSize maxPhotoSize) {
        this.upsertListing = upsertListing;
        this.uploadPhoto = uploadPhoto;
        this.records = records;
        this.maxPhotoBytes = maxPhotoSize.toBytes();
    }

    record PhotoRequest(@OrderSystemId String photoId, @Size(max = 2000) String url) {
    }

    record ListingRequest(@OrderSystemId String storeId, @NotBlank @Size(max = 500) String title,
                          @NotBlank @Size(max = 100) String category, @NotNull @PositiveOrZero Long priceCents,
                          @NotNull @IsoCurrency String currency, @NotNull @Size(max = 50) List<@NotNull @Valid PhotoRequest> photos) {
    }

    @PutMapping("/{listingId}")
    @Operation(summary = "Create or update a listing of a known store, naming its photos in display order (order system)",
            description = "Photos the listing stops naming are kept for forensics but no longer shown.")
    ResponseEntity<PushAnswer<ListingView>> put(Actor actor, @PathVariable String listingId,
                                                @Valid @RequestBody ListingRequest request) {
        PathIds.check("listingId", listingId);
        if (new HashSet<>(request.photos().stream().map(PhotoRequest::photoId).toList()).size() != request.photos().size()) {
            throw CandorException.invalid("photos name the same photoId twice");
        }
        Listing listing = new Listing(listingId, request.storeId(), request.title(), request.category(), request.priceCents(),
                request.currency(), request.photos().stream().map(p -> new Listing.PhotoRef(p.photoId(), p.url())).toList());
        return PushAnswer.of(upsertListing.upsert(actor, listing), ListingView::pushed, "/api/v1/listings/{id}", listingId);
    }

    @PutMapping(path = "/{listingId}/photos/{photoId}",
            consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE, "image/webp"})
    @Operation(summary = "Upload the bytes of a photo the listing names (order system)",
            description = "The body is the image itself (JPEG, PNG or WebP, checked against its first bytes; at most "
                    + "candor.commerce.listing-photo-max-size). The same bytes again change nothing.")
    ResponseEntity<PushAnswer<PhotoView>> putPhoto(Actor actor, @PathVariable String listingId,
                                                   @PathVariable String photoId, HttpServletRequest request)
            throws IOException {
        PathIds.check("listingId", listingId);
        PathIds.check("photoId", photoId);
        MediaType declared = MediaType.parseMediaType(request.getContentType());
        PhotoType type = PhotoType.ofMediaType(declared.getType() + "/" + declared.getSubtype()).orElseThrow();
        if (request.getContentLengthLong() > maxPhotoBytes) {
            throw tooLarge();
        }
        byte[] bytes = request.getInputStream().readNBytes(Math.toIntExact(maxPhotoBytes + 1));
        if (bytes.length > maxPhotoBytes) {
            throw tooLarge();
        }
        return PushAnswer.of(uploadPhoto.upload(actor, listingId, photoId, type, bytes), PhotoView::of,
                "/api/v1/listings/{id}", listingId);
    }

    @GetMapping("/{listingId}")
    @Operation(summary = "Read a listing with the photos it shows")
    ListingView get(Actor actor, @PathVariable String listingId) {
        return ListingView.of(records.listing(actor, listingId));
    }

    private CandorException tooLarge() {
        return new CandorException(ErrorCode.PAYLOAD_TOO_LARGE, "a listing photo may be at most " + maxPhotoBytes + " bytes",
                Map.of("maxBytes", maxPhotoBytes));
    }
}
