package dev.candor.evidence.model;

import dev.candor.evidence.model.Rejection.Reason;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every uploaded file passes before it is stored, in order: the type recognized from the
 * bytes must be allowed; a declared type must agree with it; the size must fit the kind's limit; a
 * photo's header must state dimensions within the pixel limit (before anything decodes it); a movie's
 * box structure must be whole; a PDF must end with its end-of-file marker. Decoding photos is the
 * caller's last step.
 */
public final class EvidenceCheck {

    private static final int PDF_TAIL = 1024;

    private final EvidenceLimits limits;

    public EvidenceCheck(EvidenceLimits limits) {
        this.limits = limits;
    }

    /**
     * @param declaredType the Content-Type the client sent for the file; {@code null} when none
     */
    public Inspection inspect(byte[] bytes, String declaredType) {
        if (bytes.length == 0) {
            return Rejection.of(Reason.UNREADABLE, "the file is empty");
        }
        Sniffed sniffed = FileSignatures.sniff(bytes);
        if (sniffed instanceof Sniffed.NoSignature) {
            if (bytes.length > limits.maxChatExportBytes()) {
                return tooLarge(EvidenceKind.CHAT_EXPORT, bytes.length);
            }
            sniffed = FileSignatures.text(bytes);
        }
        return switch (sniffed) {
            case Rejection rejection -> rejection;
            case Sniffed.NoSignature ignored -> throw new IllegalStateException("text was classified above");
            case Sniffed.Recognized(FileType type) -> inspect(type, bytes, declaredType);
        };
    }

    private Inspection inspect(FileType type, byte[] bytes, String declaredType) {
        if (!type.accepts(declaredType)) {
            return new Rejection(Reason.TYPE_MISMATCH,
                    "the file was declared as " + declaredType + " but its content is " + type.mediaType(),
                    Map.of("declaredType", declaredType, "detectedType", type.mediaType()));
        }
        if (bytes.length > limits.maxBytes(type.kind())) {
            return tooLarge(type.kind(), bytes.length);
        }
        return switch (type.kind()) {
            case PHOTO -> photo(type, bytes);
            case VIDEO -> IsoMedia.problem(bytes)
                    .<Inspection>map(problem -> Rejection.of(Reason.UNREADABLE, "the video cannot be read: " + problem))
                    .orElse(new Inspection.Accepted(type, null));
            case CHAT_EXPORT -> type == FileType.PDF && !endsWithEofMarker(bytes)
                    ? Rejection.of(Reason.UNREADABLE, "the PDF is truncated: it has no %%EOF marker at its end")
                    : new Inspection.Accepted(type, null);
        };
    }

    private Inspection photo(FileType type, byte[] bytes) {
        Optional<ImageSize> size = ImageSize.read(type, bytes);
        if (size.isEmpty()) {
            return Rejection.of(Reason.UNREADABLE, "the " + type.mediaType() + " header states no valid dimensions");
        }
        ImageSize s = size.get();
        if (s.pixels() > limits.maxPhotoPixels()) {
            return new Rejection(Reason.TOO_MANY_PIXELS,
                    "the photo claims " + s.width() + " x " + s.height() + " pixels; at most " + limits.maxPhotoPixels()
                            + " pixels are accepted",
                    Map.of("width", s.width(), "height", s.height(), "maxPixels", limits.maxPhotoPixels()));
        }
        return new Inspection.Accepted(type, s);
    }

    private Rejection tooLarge(EvidenceKind kind, long size) {
        long limit = limits.maxBytes(kind);
        return new Rejection(Reason.TOO_LARGE,
                "the file has " + size + " bytes; a " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " may have at most " + limit + " bytes",
                Map.of("kind", kind.name(), "sizeBytes", size, "limitBytes", limit));
    }

    private static boolean endsWithEofMarker(byte[] bytes) {
        int from = Math.max(0, bytes.length - PDF_TAIL);
        for (int i = bytes.length - 5; i >= from; i--) {
            if (Bytes.ascii(bytes, i, "%%EOF")) {
                return true;
            }
        }
        return false;
    }
}
