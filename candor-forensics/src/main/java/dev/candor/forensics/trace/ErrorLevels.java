package dev.candor.forensics.trace;

import dev.candor.forensics.Finding;
import dev.candor.forensics.Strength;
import dev.candor.forensics.image.Pixels;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Error level analysis (N. Krawetz, "A Picture's Worth", 2007): re-encode at a known quality and map how much
 * each area changes. Areas saved fewer times than the rest change more. Weak on its own, so a HINT, with its map.
 */
public final class ErrorLevels {

    /** ELA needs the original 8x8 block grid, so it runs on the full image only up to this size. */
    static final long MAX_PIXELS = 4_000_000L;
    static final float RESAVE_QUALITY = 0.9f;
    static final int BLOCK = 8;

    private ErrorLevels() {
    }

    public static Optional<Finding> inspect(BufferedImage image) {
        if ((long) image.getWidth() * image.getHeight() > MAX_PIXELS || image.getWidth() < 64 || image.getHeight() < 64) {
            return Optional.empty();
        }
        BufferedImage resaved;
        try {
            resaved = ImageIO.read(new ByteArrayInputStream(jpeg(image)));
        } catch (IOException e) {
            return Optional.empty();
        }
        int bw = image.getWidth() / BLOCK;
        int bh = image.getHeight() / BLOCK;
        float[] levels = new float[bw * bh];
        int[] a = new int[image.getWidth()];
        int[] b = new int[image.getWidth()];
        for (int y = 0; y < bh * BLOCK; y++) {
            image.getRGB(0, y, image.getWidth(), 1, a, 0, image.getWidth());
            resaved.getRGB(0, y, image.getWidth(), 1, b, 0, image.getWidth());
            for (int x = 0; x < bw * BLOCK; x++) {
                int d = Math.max(Math.abs(((a[x] >> 16) & 0xff) - ((b[x] >> 16) & 0xff)),
                        Math.max(Math.abs(((a[x] >> 8) & 0xff) - ((b[x] >> 8) & 0xff)), Math.abs((a[x] & 0xff) - (b[x] & 0xff))));
                levels[(y / BLOCK) * bw + x / BLOCK] += d / (float) (BLOCK * BLOCK);
            }
        }
        float[] sorted = levels.clone();
        Arrays.sort(sorted);
        float median = sorted[sorted.length / 2];
        float high = sorted[(int) (sorted.length * 0.99)];
        Map<String, String> data = new LinkedHashMap<>();
        data.put("medianLevel", "%.2f".formatted(median));
        data.put("p99Level", "%.2f".formatted(high));
        data.put("heatMapPng", Base64.getEncoder().encodeToString(heatMap(levels, bw, bh, high)));
        return Optional.of(new Finding("ela", Strength.HINT,
                "Error level analysis map (re-saved at quality 90): brighter blocks changed more, which can mean they were "
                        + "saved fewer times than the rest; edges and texture are bright too, so read it only beside stronger findings.",
                data));
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(RESAVE_QUALITY);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(Pixels.fit(image, Integer.MAX_VALUE), null, null), param);
            }
            return out.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    private static byte[] heatMap(float[] levels, int w, int h, float top) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int k = 0; k < levels.length; k++) {
            int v = (int) Math.min(255, 255 * levels[k] / Math.max(1f, top));
            img.getRaster().setSample(k % w, k / w, 0, v);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding in memory failed", e);
        }
    }
}
