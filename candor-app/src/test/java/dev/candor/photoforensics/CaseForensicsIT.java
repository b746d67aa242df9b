package dev.candor.photoforensics;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.Orders.PlacedOrder;
import dev.candor.testing.TestApi;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * The "AI painted a hole on the seller's photo" case through the service: the order system uploads the
 * listing photo, the buyer files the listing photo with a stain painted on as evidence, and the merchant's
 * one-click check finds it derived from the listing and edited; a report filed on the case carries it.
 */
class CaseForensicsIT extends IntegrationTest {

    private static BufferedImage listingPhoto() {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(42);
        g.setColor(new Color(200, 190, 170));
        g.fillRect(0, 0, 800, 600);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.setStroke(new BasicStroke(1 + random.nextInt(6)));
            int x = random.nextInt(800);
            int y = random.nextInt(600);
            if (i % 2 == 0) {
                g.fillOval(x, y, 10 + random.nextInt(60), 10 + random.nextInt(60));
            } else {
                g.drawLine(x, y, x + random.nextInt(200) - 100, y + random.nextInt(200) - 100);
            }
        }
        g.dispose();
        return image;
    }

    private static BufferedImage withStain(BufferedImage original) {
        BufferedImage copy = new BufferedImage(original.getWidth(), original.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(original, 0, 0, null);
        g.setColor(new Color(40, 30, 20));
        g.fillOval(500, 320, 90, 70);
        g.dispose();
        return copy;
    }

    private static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStainPaintedOnTheListingPhotoIsFoundDerivedAndEditedAndTheReportCarriesIt() {
        clock.set(EPOCH);
        TestApi orderSystem = as(integrationToken());
        PlacedOrder order = new Orders(orderSystem).place(unique("store"), unique("buyer"), "apparel", 10_000,
                EPOCH.minus(Duration.ofDays(1)));
        BufferedImage listing = listingPhoto();
        assertThat(orderSystem.put("/api/v1/listings/" + order.listingId(), body("storeId", order.storeId(), "title", "Wool coat",
                "category", "apparel", "priceCents", 10_000, "currency", "CNY", "photos", List.of(body("photoId", "main"))))
                .status()).isEqualTo(200);
        assertThat(orderSystem.putBytes("/api/v1/listings/" + order.listingId() + "/photos/main", jpeg(listing), "image/jpeg")
                .status()).isBetween(200, 201);

        TestApi buyer = as(buyerToken(order.buyerId()));
        String caseId = buyer.post("/api/v1/cases", body("orderId", order.orderId(), "type", "REFUND_ONLY",
                "reason", "QUALITY_PROBLEM", "requestedCents", 10_000)).text("id");
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(jpeg(withStain(listing))) {
            @Override
            public String getFilename() {
                return "IMG_2041.jpg";
            }
        });
        var uploaded = buyer.postMultipart("/api/v1/cases/" + caseId + "/evidence", parts, Map.of());
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        String evidenceId = uploaded.text("id");

        TestApi merchant = as(merchantToken(order.storeId()));
        var scanned = merchant.get("/api/v1/cases/" + caseId + "/forensics");
        assertThat(scanned.status()).as(scanned.raw()).isEqualTo(200);
        JsonNode image = scanned.json().path("images").get(0);
        assertThat(image.path("file").asString()).isEqualTo(evidenceId);
        assertThat(image.path("verdict").asString()).isEqualTo("DERIVED_FROM_LISTING_EDITED");
        JsonNode match = image.path("listingMatches").get(0);
        assertThat(match.path("listing").asString()).isEqualTo(order.listingId() + "/main");
        JsonNode region = match.path("editedRegions").get(0);
        assertThat(region.path("x0").asInt()).isLessThan(590);
        assertThat(region.path("x1").asInt()).isGreaterThan(500);
        assertThat(region.path("y0").asInt()).isLessThan(390);
        assertThat(region.path("y1").asInt()).isGreaterThan(320);

        assertThat(buyer.get("/api/v1/cases/" + caseId + "/forensics").status()).isEqualTo(403);
        assertThat(as(merchantToken(unique("store"))).get("/api/v1/cases/" + caseId + "/forensics").status()).isEqualTo(404);

        var report = merchant.post("/api/v1/integrity/reports", body("type", "EDITED_IMAGE", "caseId", caseId,
                "description", "our listing photo with a stain painted on", "evidenceIds", List.of(evidenceId)));
        assertThat(report.status()).as(report.raw()).isEqualTo(201);
        assertThat(report.raw()).contains("\"available\":true");
        assertThat(report.raw()).contains(evidenceId);
    }
}
