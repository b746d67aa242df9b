package dev.candor.evidence.model;

import dev.candor.evidence.model.Rejection.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recognizes a file's type from its bytes alone (magic numbers, ISO BMFF brands, strict UTF-8), never
 * from its name or declared type.
 */
public final class FileSignatures {

    /** ISO BMFF brands of MP4 video (ISO/IEC 14496-12 and -14, MP4 registration authority). */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8",
            "iso9", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "MSNV", "dash", "XAVC");
    private static final String QUICKTIME_BRAND = "qt  ";
    /** Still-image brands of HEIF (ISO/IEC 23008-12) and AVIF. */
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs",
            "mif1", "mif2", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final int WEBP_ANIMATION_FLAG = 0x02;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FileSignatures() {
    }

    /** What the leading bytes say: an allowed binary type, a refused one, or no signature (maybe text). */
    public static Sniffed sniff(byte[] b) {
        if (Bytes.startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return new Sniffed.Recognized(FileType.JPEG);
        }
        if (Bytes.startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return new Sniffed.Recognized(FileType.PNG);
        }
        if (Bytes.ascii(b, 0, "RIFF") && Bytes.ascii(b, 8, "WEBP")) {
            return webp(b);
        }
        if (IsoMedia.majorBrand(b).isPresent()) {
            return isoMedia(b);
        }
        if (Bytes.ascii(b, 0, "%PDF-")) {
            return new Sniffed.Recognized(FileType.PDF);
        }
        if (Bytes.ascii(b, 0, "GIF87a") || Bytes.ascii(b, 0, "GIF89a")) {
            return notAllowed("GIF", "GIF images are not accepted as evidence: upload photos as JPEG, PNG or WebP");
        }
        return new Sniffed.NoSignature();
    }

    /**
     * A file without a binary signature is acceptable only as strict UTF-8 text without control
     * characters (a byte-order mark is allowed); it is JSON when it is one JSON object or array.
     */
    public static Sniffed text(byte[] b) {
        if (Bytes.startsWith(b, 0xFE, 0xFF) || Bytes.startsWith(b, 0xFF, 0xFE)) {
            return notAllowed("UTF-16 text", "text in UTF-16 is not accepted: export the chat as UTF-8");
        }
        int start = Bytes.startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, start, b.length - start)).toString();
        } catch (CharacterCodingException e) {
            return unknown();
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) {
            return unknown();
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return Rejection.of(Reason.UNREADABLE, "the file is empty");
        }
        boolean json = (stripped.startsWith("{") || stripped.startsWith("[")) && isOneJsonValue(b, start);
        return new Sniffed.Recognized(json ? FileType.JSON : FileType.TEXT);
    }

    private static boolean isOneJsonValue(byte[] b, int start) {
        try (JsonParser parser = JSON.createParser(b, start, b.length - start)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static Sniffed webp(byte[] b) {
        if (Bytes.ascii(b, 12, "VP8X") && b.length > 20 && (b[20] & WEBP_ANIMATION_FLAG) != 0) {
            return notAllowed("animated WebP", "animated WebP images are not accepted: upload a still photo or a video");
        }
        return new Sniffed.Recognized(FileType.WEBP);
    }

    private static Sniffed isoMedia(byte[] b) {
        String major = IsoMedia.majorBrand(b).orElseThrow();
        if (major.equals(QUICKTIME_BRAND)) {
            return new Sniffed.Recognized(FileType.MOV);
        }
        if (MP4_BRANDS.contains(major)) {
            return new Sniffed.Recognized(FileType.MP4);
        }
        List<String> brands = IsoMedia.brands(b);
        if (brands.stream().anyMatch(AVIF_BRANDS::contains)) {
            return notAllowed("AVIF", "AVIF images are not accepted: upload the photo as JPEG");
        }
        if (brands.stream().anyMatch(HEIF_BRANDS::contains)) {
            return new Rejection(Reason.HEIC_NOT_ALLOWED,
                    "HEIC/HEIF photos are not accepted: upload the photo as JPEG (on an iPhone: Settings > Camera > "
                            + "Formats > Most Compatible, or share the photo as JPEG)", Map.of("detectedType", "HEIC"));
        }
        return notAllowed("ISO media brand '" + major.strip() + "'",
                "this ISO media file (brand '" + major.strip() + "') is not accepted: upload videos as MP4 or MOV");
    }

    private static Rejection notAllowed(String detected, String detail) {
        return new Rejection(Reason.TYPE_NOT_ALLOWED, detail, Map.of("detectedType", detected));
    }

    private static Rejection unknown() {
        return Rejection.of(Reason.TYPE_NOT_ALLOWED,
                "the file is not an accepted type: photos as JPEG, PNG or WebP; videos as MP4 or MOV; "
                        + "chat exports as PDF, UTF-8 text or JSON");
    }
}
