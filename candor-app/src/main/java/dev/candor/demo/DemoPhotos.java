package dev.candor.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The demo's photos, drawn at start-up: a listing photo, and the same photo with a crack painted on, as a
 * buyer who edits the seller's own listing photo would file it; a buyer's own photos of an item (one beside
 * a handwritten note card, as for the one-time code, two from other angles); and a picture that declares in
 * its metadata that an AI generated it, as generators label their output.
 */
public final class DemoPhotos {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private DemoPhotos() {
    }

    /** The demo's listing photo (the forensic stage's tests file it too). */
    public static byte[] listing() {
        return jpeg(drawListing());
    }

    /** The listing photo with a crack and a dent painted on: the library's PDQ still matches it (20 bits off). */
    public static byte[] listingWithPaintedCrack() {
        BufferedImage image = drawListing();
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(45, 35, 25));
        g.setStroke(new BasicStroke(9));
        g.drawPolyline(new int[] {500, 525, 518, 552, 560, 588}, new int[] {320, 342, 360, 371, 352, 390}, 6);
        g.fillOval(540, 350, 40, 30);
        g.dispose();
        return jpeg(image);
    }

    /**
     * A buyer's own photo of an item, each {@code angle} a different picture; angle 0 shows a note card with
     * handwriting where the one-time code goes (scribbles: drawing text would need fonts on the server).
     */
    static byte[] ownPhoto(int angle) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(100 + angle);
        g.setColor(new Color(120 + 30 * angle, 110, 100));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 250; i++) {
            g.setColor(new Color(random.nextInt(80), 60 + random.nextInt(100), 90 + random.nextInt(160)));
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 5 + random.nextInt(80), 5 + random.nextInt(40));
        }
        g.setColor(new Color(150, 40, 50));
        g.fillOval(180 + 60 * angle, 150, 360, 260 - 40 * angle);
        g.setColor(new Color(240, 235, 220));
        g.setStroke(new BasicStroke(5));
        g.drawLine(300 + 40 * angle, 200, 340 + 40 * angle, 330);
        if (angle == 0) {
            g.setColor(Color.WHITE);
            g.fillRect(560, 400, 200, 120);
            g.setColor(new Color(20, 20, 60));
            g.setStroke(new BasicStroke(4));
            for (int x = 580; x < 740; x += 27) {
                g.drawPolyline(new int[] {x, x + 8, x + 16, x + 20}, new int[] {470, 440, 480, 450}, 4);
            }
        }
        g.dispose();
        return jpeg(image);
    }

    /**
     * A picture an AI generator made, with the labels generators write: the implicit label of GB 45438-2025
     * (an XMP {@code TC260:AIGC} property, Label 1: AI-generated) and the IPTC digital source type
     * {@code trainedAlgorithmicMedia}.
     */
    static byte[] aiGenerated() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(31);
        for (int y = 0; y < HEIGHT; y += 4) {
            g.setColor(new Color(200 - y / 6, 180 - y / 8, 160 + y / 10));
            g.fillRect(0, y, WIDTH, 4);
        }
        for (int i = 0; i < 120; i++) {
            g.setColor(new Color(random.nextInt(256), 200 + random.nextInt(56), random.nextInt(256)));
            g.fillOval(random.nextInt(WIDTH), random.nextInt(HEIGHT), 20 + random.nextInt(90), 20 + random.nextInt(90));
        }
        g.setColor(new Color(30, 30, 30));
        g.fillOval(330, 240, 140, 110);
        g.dispose();
        String label = "{&quot;Label&quot;:&quot;1&quot;,&quot;ContentProducer&quot;:&quot;candor-demo-generator&quot;,"
                + "&quot;ProduceID&quot;:&quot;demo-0001&quot;,&quot;ReservedCode1&quot;:&quot;&quot;,&quot;ContentPropagator&quot;:&quot;&quot;,"
                + "&quot;PropagateID&quot;:&quot;&quot;,&quot;ReservedCode2&quot;:&quot;&quot;}";
        String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:TC260=\"http://www.tc260.org.cn/ns/AIGC/1.0/\""
                + " xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\""
                + " Iptc4xmpExt:DigitalSourceType=\"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia\""
                + " TC260:AIGC=\"" + label + "\"/></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        return withXmp(jpeg(image), xmp);
    }

    /** Inserts an XMP APP1 segment right after the JPEG's SOI marker (XMP specification part 3, 1.1.3). */
    private static byte[] withXmp(byte[] jpeg, String xmp) {
        byte[] header = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] packet = xmp.getBytes(StandardCharsets.UTF_8);
        int length = 2 + header.length + packet.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(header);
        out.writeBytes(packet);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static BufferedImage drawListing() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(7);
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
