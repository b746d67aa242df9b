package dev.candor.evidence;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.aftersales.EvidenceCatalog;
import dev.candor.evidence.application.AddEvidence;
import dev.candor.shared.Sha256;
import dev.candor.shared.storage.BlobStore;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.Orders.PlacedOrder;
import dev.candor.testing.TestApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Evidence files on a case over HTTP: upload checks, de-duplication, who gets which bytes, the timeline. */
class EvidenceIT extends IntegrationTest {

    @Autowired
    BlobStore blobs;

    @Autowired
    EvidenceCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    String buyerToken;
    TestApi buyer;
    TestApi merchant;
    TestApi reviewer;
    TestApi orderSystem;
    PlacedOrder order;
    String caseId;

    @BeforeEach
    void openACase() {
        clock.set(EPOCH);
        String store = unique("store");
        String buyerId = unique("buyer");
        buyerToken = buyerToken(buyerId);
        buyer = as(buyerToken);
        merchant = as(merchantToken(store));
        reviewer = as(reviewerToken());
        orderSystem = as(integrationToken());
        order = new Orders(orderSystem).place(store, buyerId, "apparel", 30_000, EPOCH.minus(Duration.ofDays(1)));
        caseId = openCase(buyer, order.orderId());
    }

    private static String openCase(TestApi buyer, String orderId) {
        var opened = buyer.post("/api/v1/cases", body("orderId", orderId, "type", "REFUND_ONLY", "reason", "QUALITY_PROBLEM",
                "description", "the seam is torn", "requestedCents", 30_000));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return opened.text("id");
    }

    private TestApi.Response upload(TestApi who, String caseId, byte[] bytes, String fileName, String contentType) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(contentType));
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, partHeaders));
        parts.add("description", "photo of the torn seam");
        return who.postMultipart("/api/v1/cases/" + caseId + "/evidence", parts, Map.of());
    }

    private JsonNode uploaded(TestApi who, byte[] bytes, String fileName, String contentType) {
        var response = upload(who, caseId, bytes, fileName, contentType);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json();
    }

    /** A download: status, headers and the exact bytes. */
    record Download(int status, HttpHeaders headers, byte[] bytes) {
    }

    private Download download(String token, String evidenceId) {
        return RestClient.create("http://localhost:" + port).get().uri("/api/v1/evidence/" + evidenceId + "/content")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange((request, response) -> new Download(response.getStatusCode().value(), response.getHeaders(),
                        response.getBody().readAllBytes()), true);
    }

    private long evidenceCount(String caseId) {
        return jdbc.sql("select count(*) from evidence where case_id = ?::uuid").param(caseId).query(Long.class).single();
    }

    private boolean stored(byte[] bytes) throws IOException {
        var opened = blobs.open(AddEvidence.ORIGINALS, Sha256.hex(bytes));
        if (opened.isPresent()) {
            opened.get().close();
        }
        return opened.isPresent();
    }

    private long audited(String action, String evidenceId) {
        return jdbc.sql("select count(*) from audit_log where action = ? and subject_id = ?").params(action, evidenceId)
                .query(Long.class).single();
    }

    @Test
    void merchantsGetAPhotoWithoutGpsWhileStaffAndTheBuyerGetTheOriginalBytes() throws IOException {
        byte[] photo = EvidenceFixtures.jpegWithGps(80, 60, 1);
        JsonNode added = uploaded(buyer, photo, "IMG_0001.jpg", "image/jpeg");
        String id = added.path("id").asString();
        assertThat(added.path("kind").asString()).isEqualTo("PHOTO");
        assertThat(added.path("mediaType").asString()).isEqualTo("image/jpeg");
        assertThat(added.path("sha256").asString()).isEqualTo(Sha256.hex(photo));
        assertThat(added.path("sizeBytes").asLong()).isEqualTo(photo.length);
        assertThat(added.path("width").asInt()).isEqualTo(80);
        assertThat(added.path("height").asInt()).isEqualTo(60);
        assertThat(added.path("originalFileName").asString()).isEqualTo("IMG_0001.jpg");
        assertThat(added.path("description").asString()).isEqualTo("photo of the torn seam");
        assertThat(added.path("uploadedBy").path("kind").asString()).isEqualTo("BUYER");
        assertThat(added.path("duplicate").asBoolean()).isFalse();
        assertThat(stored(photo)).isTrue();

        String reviewerToken = reviewerToken();
        Download original = download(reviewerToken, id);
        assertThat(original.status()).isEqualTo(200);
        assertThat(Sha256.hex(original.bytes())).isEqualTo(Sha256.hex(photo));
        assertThat(original.headers().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(original.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(original.headers().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(original.headers().getContentDisposition().getFilename()).isEqualTo("IMG_0001.jpg");
        assertThat(original.headers().getFirst("X-Candor-Evidence-Copy")).isEqualTo("original");
        assertThat(audited("evidence.original-downloaded", id)).isEqualTo(1);

        assertThat(download(buyerToken, id).bytes()).isEqualTo(photo);
        assertThat(audited("evidence.original-downloaded", id)).isEqualTo(1);

        String merchantToken = merchantToken(order.storeId());
        Download copy = download(merchantToken, id);
        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.headers().getFirst("X-Candor-Evidence-Copy")).isEqualTo("metadata-free");
        assertThat(copy.headers().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(copy.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(Sha256.hex(copy.bytes())).isNotEqualTo(Sha256.hex(photo));
        ImageMetadata metadata = Imaging.getMetadata(copy.bytes());
        assertThat(metadata == null || ((JpegImageMetadata) metadata).getExif() == null).isTrue();
        assertThat(EvidenceFixtures.contains(copy.bytes(), "Exif")).isFalse();
        assertThat(Imaging.getImageInfo(copy.bytes()).getWidth()).isEqualTo(80);
    }

    @Test
    void theTimelineCitesTheEvidenceAndTheSameBytesAreStoredOnce() {
        byte[] photo = EvidenceFixtures.png(30, 30);
        String id = uploaded(buyer, photo, "seam.png", "image/png").path("id").asString();

        var again = upload(orderSystem, caseId, photo, "seam-again.png", "image/png");
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(id);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertThat(again.text("originalFileName")).isEqualTo("seam.png");

        JsonNode list = buyer.get("/api/v1/cases/" + caseId + "/evidence").json();
        assertThat(list.path("total").asLong()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("id").asString()).isEqualTo(id);

        JsonNode view = buyer.get("/api/v1/cases/" + caseId).json();
        List<JsonNode> added = view.path("timeline").valueStream()
                .filter(e -> e.path("action").asString().equals("EVIDENCE_ADDED")).toList();
        assertThat(added).hasSize(1);
        assertThat(added.getFirst().path("evidenceIds").get(0).asString()).isEqualTo(id);
        assertThat(added.getFirst().path("actorKind").asString()).isEqualTo("BUYER");
        assertThat(merchant.get("/api/v1/evidence/" + id).text("sha256")).isEqualTo(Sha256.hex(photo));
    }

    @Test
    void twoNodesReceivingTheSameBytesAtOnceRecordThemOnce() {
        byte[] photo = EvidenceFixtures.jpeg(48, 48);
        var first = CompletableFuture.supplyAsync(() -> upload(buyer, caseId, photo, "a.jpg", "image/jpeg"));
        var second = CompletableFuture.supplyAsync(() -> upload(merchant, caseId, photo, "b.jpg", "image/jpeg"));
        List<TestApi.Response> responses = List.of(first.join(), second.join());

        assertThat(responses).extracting(TestApi.Response::status).containsExactlyInAnyOrder(201, 200);
        assertThat(responses).extracting(r -> r.text("id")).containsOnly(responses.getFirst().text("id"));
        assertThat(evidenceCount(caseId)).isEqualTo(1);
        assertThat(buyer.get("/api/v1/cases/" + caseId).json().path("timeline").valueStream()
                .filter(e -> e.path("action").asString().equals("EVIDENCE_ADDED")).count()).isEqualTo(1);
    }

    @Test
    void theCatalogTellsTheCasesOwnEvidenceFromAnotherCases() {
        String own = uploaded(merchant, EvidenceFixtures.png(12, 12), "label.png", "image/png").path("id").asString();
        String otherBuyerId = unique("buyer");
        TestApi otherBuyer = as(buyerToken(otherBuyerId));
        PlacedOrder otherOrder = new Orders(orderSystem).place(order.storeId(), otherBuyerId, "apparel", 30_000,
                EPOCH.minus(Duration.ofDays(1)));
        String otherCase = openCase(otherBuyer, otherOrder.orderId());
        var foreign = upload(otherBuyer, otherCase, EvidenceFixtures.png(13, 13), "other.png", "image/png");
        String foreignId = foreign.text("id");

        assertThat(catalog.allAttachedTo(UUID.fromString(caseId), List.of(UUID.fromString(own)))).isTrue();
        assertThat(catalog.allAttachedTo(UUID.fromString(caseId), List.of(UUID.fromString(own), UUID.fromString(foreignId))))
                .isFalse();
        assertThat(catalog.allAttachedTo(UUID.fromString(otherCase), List.of(UUID.fromString(foreignId)))).isTrue();

        var citingForeign = merchant.post("/api/v1/cases/" + caseId + "/refuse", body("reason", "the seam was torn by the buyer",
                "evidenceIds", List.of(foreignId)));
        assertThat(citingForeign.status()).isEqualTo(400);
        var citingOwn = merchant.post("/api/v1/cases/" + caseId + "/refuse", body("reason", "the seam was torn by the buyer",
                "evidenceIds", List.of(own)));
        assertThat(citingOwn.status()).as(citingOwn.raw()).isEqualTo(200);
        JsonNode refusal = citingOwn.json().path("timeline").valueStream()
                .filter(e -> e.path("action").asString().equals("REFUSE")).findFirst().orElseThrow();
        assertThat(refusal.path("evidenceIds").get(0).asString()).isEqualTo(own);
    }

    @Test
    void filesAreJudgedByTheirBytesAndRefusalsStoreNothing() throws IOException {
        byte[] bomb = EvidenceFixtures.pngClaiming(100_000, 100_000);
        var pixels = upload(buyer, caseId, bomb, "bomb.png", "image/png");
        assertThat(pixels.status()).isEqualTo(422);
        assertThat(pixels.code()).isEqualTo("evidence.too-many-pixels");
        assertThat(pixels.json().path("width").asInt()).isEqualTo(100_000);

        byte[] png = EvidenceFixtures.png(20, 20);
        var renamed = upload(buyer, caseId, png, "photo.jpg", "image/jpeg");
        assertThat(renamed.status()).isEqualTo(422);
        assertThat(renamed.code()).isEqualTo("evidence.type-mismatch");
        assertThat(renamed.text("detectedType")).isEqualTo("image/png");

        var heic = upload(buyer, caseId, EvidenceFixtures.heic(), "IMG_0002.HEIC", "image/heic");
        assertThat(heic.status()).isEqualTo(415);
        assertThat(heic.code()).isEqualTo("evidence.heic-not-allowed");
        assertThat(heic.text("detail")).contains("JPEG");

        var gif = upload(buyer, caseId, "GIF89a\1\0\1\0".getBytes(StandardCharsets.ISO_8859_1), "a.png", "image/png");
        assertThat(gif.status()).isEqualTo(415);
        assertThat(gif.code()).isEqualTo("evidence.type-not-allowed");

        byte[] chat = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(chat, (byte) 'a');
        var tooLarge = upload(buyer, caseId, chat, "chat.txt", "text/plain");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("evidence.too-large");
        assertThat(tooLarge.json().path("limitBytes").asLong()).isEqualTo(10 * 1024 * 1024);

        assertThat(evidenceCount(caseId)).isZero();
        assertThat(stored(bomb)).isFalse();
        assertThat(stored(png)).isFalse();
    }

    @Test
    void anUploadOverTheMultipartLimitIsACleanProblem() throws IOException {
        for (String extraHeader : List.of("", "Idempotency-Key: " + UUID.randomUUID() + "\r\n")) {
            assertThat(oversizedUpload(extraHeader)).startsWith("HTTP/1.1 413")
                    .contains("application/problem+json").contains("\"code\":\"request.payload-too-large\"");
        }
        assertThat(evidenceCount(caseId)).isZero();
    }

    private String oversizedUpload(String extraHeader) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /api/v1/cases/" + caseId + "/evidence HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + buyerToken + "\r\nAccept: application/json\r\n" + extraHeader
                    + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + 200L * 1024 * 1024 + "\r\n\r\n"
                    + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"long.mp4\"\r\n"
                    + "Content-Type: video/mp4\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** Reads one HTTP response with a Content-Length or chunked body, without waiting for the connection to close. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            seen.write(b);
        }
        String head = seen.toString(StandardCharsets.ISO_8859_1);
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("transfer-encoding: chunked")) {
            while (true) {
                String sizeLine = readLine(in);
                int size = Integer.parseInt(sizeLine.strip(), 16);
                if (size == 0) {
                    break;
                }
                seen.write(in.readNBytes(size));
                readLine(in);
            }
        } else {
            int at = lower.indexOf("content-length:");
            int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).strip());
            seen.write(in.readNBytes(length));
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    @Test
    void onlyTheCasesPartiesMayUploadAndOnlyWhileItIsOpen() throws IOException {
        byte[] photo = EvidenceFixtures.jpeg(16, 16);
        var unknownCase = upload(buyer, UUID.randomUUID().toString(), photo, "a.jpg", "image/jpeg");
        assertThat(unknownCase.status()).isEqualTo(404);
        assertThat(unknownCase.code()).isEqualTo("resource.not-found");

        TestApi otherMerchant = as(merchantToken(unique("store")));
        assertThat(upload(otherMerchant, caseId, photo, "a.jpg", "image/jpeg").status()).isEqualTo(404);
        TestApi otherBuyer = as(buyerToken(unique("buyer")));
        assertThat(upload(otherBuyer, caseId, photo, "a.jpg", "image/jpeg").status()).isEqualTo(404);
        assertThat(evidenceCount(caseId)).isZero();
        assertThat(stored(photo)).isFalse();

        String id = uploaded(reviewer, photo, "a.jpg", "image/jpeg").path("id").asString();
        assertThat(otherMerchant.get("/api/v1/evidence/" + id).status()).isEqualTo(404);
        assertThat(download(merchantToken(unique("store")), id).status()).isEqualTo(404);
        assertThat(otherBuyer.get("/api/v1/cases/" + caseId + "/evidence").status()).isEqualTo(404);

        assertThat(buyer.post("/api/v1/cases/" + caseId + "/cancel", body()).status()).isEqualTo(200);
        var closed = upload(buyer, caseId, EvidenceFixtures.jpeg(17, 17), "b.jpg", "image/jpeg");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.code()).isEqualTo("evidence.case-closed");
        assertThat(evidenceCount(caseId)).isEqualTo(1);
    }

    @Test
    void theOrderSystemUploadsAVideoAndMerchantsGetItWithoutItsLocation() {
        byte[] movie = EvidenceFixtures.movie("qt  ");
        JsonNode added = uploaded(orderSystem, movie, "IMG_0003.MOV", "video/quicktime");
        assertThat(added.path("kind").asString()).isEqualTo("VIDEO");
        assertThat(added.path("mediaType").asString()).isEqualTo("video/quicktime");
        assertThat(added.path("uploadedBy").path("kind").asString()).isEqualTo("INTEGRATION");
        String id = added.path("id").asString();

        Download copy = download(merchantToken(order.storeId()), id);
        assertThat(copy.headers().getContentType()).isEqualTo(MediaType.parseMediaType("video/quicktime"));
        assertThat(copy.bytes()).hasSameSizeAs(movie);
        assertThat(EvidenceFixtures.contains(copy.bytes(), EvidenceFixtures.MOVIE_LOCATION)).isFalse();
        assertThat(EvidenceFixtures.contains(copy.bytes(), EvidenceFixtures.MEDIA_PAYLOAD)).isTrue();
        assertThat(download(buyerToken, id).bytes()).isEqualTo(movie);

        byte[] chat = "[10:15] 买家: 缝线开了\n".getBytes(StandardCharsets.UTF_8);
        String chatId = uploaded(merchant, chat, "chat.txt", "text/plain").path("id").asString();
        Download chatCopy = download(merchantToken(order.storeId()), chatId);
        assertThat(chatCopy.bytes()).isEqualTo(chat);
        assertThat(chatCopy.headers().getContentType()).isEqualTo(MediaType.parseMediaType("text/plain;charset=UTF-8"));
    }
}
