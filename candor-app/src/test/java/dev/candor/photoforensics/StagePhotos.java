package dev.candor.photoforensics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Photos for the forensic stage's tests, drawn as the demo draws them (DemoPhotos): a busy listing photo, the
 * same photo with a crack painted on, and unrelated photos of the same kind. Each seed gives other pixels, so
 * tests sharing the database and the blob store never file the same bytes.
 */
public final class StagePhotos {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private StagePhotos() {
    }

    /** A listing photo. */
    public static byte[] listing(long seed) {
        return jpeg(draw(seed));
    }

    /** The listing photo of the same seed with a crack and a dent painted on. */
    public static byte[] listingWithPaintedCrack(long seed) {
        BufferedImage image = draw(seed);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(45, 35, 25));
        g.setStroke(new BasicStroke(9));
        g.drawPolyline(new int[] {500, 525, 518, 552, 560, 588}, new int[] {320, 342, 360, 371, 352, 390}, 6);
        g.fillOval(540, 350, 40, 30);
        g.dispose();
        return jpeg(image);
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

    private static BufferedImage draw(long seed) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        g.setColor(new Color(214, 226, 208));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(60 + random.nextInt(140), 120 + random.nextInt(120), 80 + random.nextInt(120)));
            g.setStroke(new BasicStroke(1 + random.nextInt(6)));
            int x = random.nextInt(WIDTH);
            int y = random.nextInt(HEIGHT);
            if (i % 2 == 0) {
                g.fillOval(x, y, 10 + random.nextInt(60), 10 + random.nextInt(60));
            } else {
                g.drawLine(x, y, x + random.nextInt(200) - 100, y + random.nextInt(200) - 100);
            }
        }
        g.dispose();
        return image;
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
