package dev.candor.photoforensics;

import dev.candor.demo.DemoPhotos;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Photos for the forensic stage's tests: the demo's listing photo and its copy with a crack painted on (the
 * library's PDQ still matches the copy, 20 bits off; other drawings can move past 31 bits), and photos unrelated
 * to any listing. Each seed of an unrelated photo gives other pixels, so tests sharing the database and the blob
 * store never file the same bytes.
 */
public final class StagePhotos {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private StagePhotos() {
    }

    /** The demo's listing photo. */
    public static byte[] listing() {
        return DemoPhotos.listing();
    }

    /** The demo's listing photo with a crack and a dent painted on, as the demo's jade bracelet case files it. */
    public static byte[] listingWithPaintedCrack() {
        return DemoPhotos.listingWithPaintedCrack();
    }

    /** A photo that shares nothing with any listing photo: the buyer's own picture. */
    public static byte[] unrelated(long seed) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        g.setColor(new Color(40 + random.nextInt(60), 40 + random.nextInt(60), 90 + random.nextInt(100)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 120; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 20 + random.nextInt(200), 20 + random.nextInt(150));
        }
        g.dispose();
        return jpeg(image);
    }

    private static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
