package dev.candor.photoreuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.forensics.Forensics;
import dev.candor.forensics.ScanConfig;
import dev.candor.forensics.ScanContext;
import dev.candor.forensics.Scanner;
import dev.candor.forensics.PdqIndex;
import dev.candor.photoreuse.ReuseMatch.Source;
import dev.candor.photoreuse.application.HashListingPhotos;
import dev.candor.photoreuse.infrastructure.PhotoHashes;
import dev.candor.photoreuse.infrastructure.ReuseIndex;
import dev.candor.shared.Sha256;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.TestApi;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reuse index through its API on the real database: another buyer's reused and mirrored photo, a listing
 * photo of another store, and a fresh index (a restart, another node) loaded from the table.
 */
class PhotoReuseIT extends IntegrationTest {

    private final Scanner scanner = Forensics.scanner(ScanConfig.defaults());

    @Autowired
    PhotoReuse reuse;
    @Autowired
    ReuseIndex index;
    @Autowired
    PhotoHashes photoHashes;
    @Autowired
    HashListingPhotos hashListingPhotos;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setClock() {
        clock.set(EPOCH);
    }

    /** A photo no other test has: random shapes from a random seed. */
    private static BufferedImage photo() {
        Random random = new Random();
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
        g.fillRect(0, 0, 640, 480);
        for (int i = 0; i < 300; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.setStroke(new BasicStroke(1 + random.nextInt(6)));
            int x = random.nextInt(640);
            int y = random.nextInt(480);
            if (i % 2 == 0) {
                g.fillOval(x, y, 10 + random.nextInt(80), 10 + random.nextInt(80));
            } else {
                g.drawLine(x, y, x + random.nextInt(200) - 100, y + random.nextInt(200) - 100);
            }
        }
        g.dispose();
        return image;
    }

    private static BufferedImage mirrored(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, image.getWidth(), 0, -image.getWidth(), image.getHeight(), null);
        g.dispose();
        return copy;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        try {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            ImageWriter writer = writers.next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> dihedrals(byte[] photo) {
        var pdq = scanner.scan("photo.jpg", photo, ScanContext.none()).pdq();
        assertThat(pdq.quality()).isGreaterThanOrEqualTo(50);
        return pdq.dihedrals();
    }

    private long rowId(UUID evidenceId) {
        return jdbc.sql("select id from photo_hashes where source = 'CLAIM' and ref = ?").param(evidenceId.toString())
                .query(Long.class).single();
    }

    @Test
    void anotherBuyersReusedAndMirroredPhotoIsMatchedButTheSameBuyersIsNot() {
        BufferedImage original = photo();
        List<String> photo = dihedrals(jpeg(original, 0.9f));
        List<String> mirror = dihedrals(jpeg(mirrored(original), 0.8f));
        String store = unique("store");
        String buyerA = unique("buyer");
        String buyerB = unique("buyer");
        UUID caseA = UUID.randomUUID();
        UUID evidenceA = UUID.randomUUID();

        assertThat(reuse.indexClaimPhoto(caseA, evidenceA, buyerA, store, photo)).isEmpty();

        UUID caseB = UUID.randomUUID();
        UUID evidenceB = UUID.randomUUID();
        clock.advance(java.time.Duration.ofMinutes(1));
        List<ReuseMatch> reused = reuse.indexClaimPhoto(caseB, evidenceB, buyerB, store, photo);
        assertThat(reused).containsExactly(new ReuseMatch(Source.CLAIM, evidenceA.toString(), caseA, buyerA, store, 0));
        assertThat(reuse.indexClaimPhoto(caseB, evidenceB, buyerB, store, photo)).as("idempotent").isEqualTo(reused);
        assertThat(jdbc.sql("select count(*) from photo_hashes where ref = ?").param(evidenceB.toString())
                .query(Long.class).single()).isEqualTo(1);

        UUID evidenceMirror = UUID.randomUUID();
        List<ReuseMatch> mirroredMatches = reuse.indexClaimPhoto(UUID.randomUUID(), evidenceMirror, buyerB,
                unique("store"), mirror);
        assertThat(mirroredMatches).extracting(ReuseMatch::ref).containsExactly(evidenceA.toString());
        assertThat(mirroredMatches.getFirst().distance()).isLessThanOrEqualTo(PhotoReuse.MATCH_DISTANCE);
        assertThat(reuse.matches(List.of(mirror.getFirst()), PhotoReuse.MATCH_DISTANCE)).as("without the dihedrals")
                .extracting(ReuseMatch::ref).containsExactly(evidenceMirror.toString());

        UUID laterA = UUID.randomUUID();
        assertThat(reuse.indexClaimPhoto(UUID.randomUUID(), laterA, buyerA, store, photo)).extracting(ReuseMatch::ref)
                .as("buyer A's own earlier photo is not reuse; buyer B's earlier ones are")
                .containsExactlyInAnyOrder(evidenceB.toString(), evidenceMirror.toString());
        assertThat(reuse.indexClaimPhoto(caseA, evidenceA, buyerA, store, photo)).as("only earlier claims count").isEmpty();
        assertThat(reuse.indexClaimPhoto(caseB, UUID.randomUUID(), buyerB, store, photo)).as("not within the same case")
                .extracting(ReuseMatch::ref).containsExactlyInAnyOrder(evidenceA.toString(), laterA.toString());
        assertThat(reuse.matches(photo, 0)).extracting(ReuseMatch::ref).contains(evidenceA.toString(),
                evidenceB.toString(), laterA.toString());
    }

    @Test
    void aListingPhotoOfAnotherStoreIsMatchedAsListing() {
        TestApi orderSystem = as(integrationToken());
        var seller = new Orders(orderSystem).place(unique("store"), unique("buyer"), "apparel", 10_000, EPOCH);
        orderSystem.put("/api/v1/listings/" + seller.listingId(), Map.of("storeId", seller.storeId(), "title", "Wool coat",
                "category", "apparel", "priceCents", 10_000, "currency", "CNY",
                "photos", List.of(Map.of("photoId", "main", "url", "https://shop.example/main.jpg"))));
        BufferedImage listing = photo();
        byte[] listingBytes = jpeg(listing, 0.92f);
        assertThat(orderSystem.putBytes("/api/v1/listings/" + seller.listingId() + "/photos/main", listingBytes, "image/jpeg")
                .status()).isEqualTo(201);
        assertThat(reuse.matches(dihedrals(listingBytes), PhotoReuse.MATCH_DISTANCE)).as("hashed off the request").isEmpty();

        assertThat(hashListingPhotos.hashQueued()).isGreaterThanOrEqualTo(1);

        String otherStore = unique("store");
        List<ReuseMatch> matches = reuse.indexClaimPhoto(UUID.randomUUID(), UUID.randomUUID(), unique("buyer"), otherStore,
                dihedrals(jpeg(listing, 0.6f)));
        assertThat(matches).hasSize(1);
        ReuseMatch match = matches.getFirst();
        assertThat(match.source()).isEqualTo(Source.LISTING);
        assertThat(match.ref()).isEqualTo(Sha256.hex(listingBytes));
        assertThat(match.storeId()).isEqualTo(seller.storeId());
        assertThat(match.caseId()).isNull();
        assertThat(match.buyerId()).isNull();
        assertThat(match.distance()).isLessThanOrEqualTo(PhotoReuse.MATCH_DISTANCE);
    }

    @Test
    void aFreshIndexLoadedFromTheTableFindsTheSameAndPicksUpRowsCommittedOutOfOrder() {
        List<String> photo = dihedrals(jpeg(photo(), 0.9f));
        String store = unique("store");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        reuse.indexClaimPhoto(UUID.randomUUID(), first, unique("buyer"), store, photo);
        reuse.indexClaimPhoto(UUID.randomUUID(), second, unique("buyer"), store, photo);

        ReuseIndex restarted = new ReuseIndex(photoHashes, 10_000);
        restarted.load();

        List<Long> expected = List.of(rowId(first), rowId(second));
        assertThat(restarted.search(photo, PhotoReuse.MATCH_DISTANCE)).extracting(PdqIndex.Match::key)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(restarted.search(photo, PhotoReuse.MATCH_DISTANCE))
                .isEqualTo(index.search(photo, PhotoReuse.MATCH_DISTANCE));

        List<String> later = dihedrals(jpeg(photo(), 0.9f));
        long reserved = jdbc.sql("select nextval('photo_hashes_id_seq')").query(Long.class).single();
        UUID committedFirst = UUID.randomUUID();
        reuse.indexClaimPhoto(UUID.randomUUID(), committedFirst, unique("buyer"), store, later);
        assertThat(restarted.refresh()).isGreaterThanOrEqualTo(1);
        jdbc.sql("""
                        insert into photo_hashes (id, source, ref, store_id, pdq, buyer_id, case_id, created_at)
                        values (?, 'CLAIM', ?, ?, decode(?, 'hex'), ?, ?, now())""")
                .params(reserved, UUID.randomUUID().toString(), store, later.getFirst(), unique("buyer"), UUID.randomUUID())
                .update();
        assertThat(restarted.refresh()).isGreaterThanOrEqualTo(1);

        assertThat(restarted.search(later, 0)).extracting(PdqIndex.Match::key)
                .containsExactlyInAnyOrder(reserved, rowId(committedFirst));
    }
}
