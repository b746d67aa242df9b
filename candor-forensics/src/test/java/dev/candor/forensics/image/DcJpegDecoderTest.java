package dev.candor.forensics.image;

import dev.candor.forensics.Fixtures;
import dev.candor.forensics.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The 1/8-scale decode must equal the 8x8 block means of ImageIO's full decode: luma (what PDQ reads) within 1.5
 * levels on average, each RGB channel within 4.5 (libjpeg upsamples chroma smoothly and clamps per pixel, the DC
 * image converts block means, so saturated colours differ a little).
 */
class DcJpegDecoderTest {

    private static double luma(int p) {
        return 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
    }

    /**
     * Mean absolute difference of luma between the DC image and 8x8 means of the full decode. Grey images are read
     * from the raster: ImageIO's getRGB treats grey as linear and applies a gamma curve.
     */
    private static double lumaError(byte[] jpeg) throws IOException {
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(jpeg));
        boolean grey = full.getType() == BufferedImage.TYPE_BYTE_GRAY;
        BufferedImage dc = DcJpegDecoder.decode(jpeg);
        double sum = 0;
        int n = 0;
        for (int y = 0; y + 1 < full.getHeight() / 8; y++) {
            for (int x = 0; x + 1 < full.getWidth() / 8; x++) {
                double mean = 0;
                for (int j = 0; j < 8; j++) {
                    for (int i = 0; i < 8; i++) {
                        mean += grey ? full.getRaster().getSample(x * 8 + i, y * 8 + j, 0) : luma(full.getRGB(x * 8 + i, y * 8 + j));
                    }
                }
                sum += Math.abs(mean / 64 - luma(dc.getRGB(x, y)));
                n++;
            }
        }
        return sum / n;
    }

    /** Mean absolute difference per channel between the DC image and 8x8 means of the full decode. */
    private static double error(byte[] jpeg) throws IOException {
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(jpeg));
        BufferedImage dc = DcJpegDecoder.decode(jpeg);
        assertThat(dc.getWidth()).isEqualTo((full.getWidth() + 7) / 8);
        assertThat(dc.getHeight()).isEqualTo((full.getHeight() + 7) / 8);
        double sum = 0;
        int n = 0;
        for (int y = 0; y + 1 < full.getHeight() / 8; y++) {
            for (int x = 0; x + 1 < full.getWidth() / 8; x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    double mean = 0;
                    for (int j = 0; j < 8; j++) {
                        for (int i = 0; i < 8; i++) {
                            mean += (full.getRGB(x * 8 + i, y * 8 + j) >> shift) & 0xff;
                        }
                    }
                    sum += Math.abs(mean / 64 - ((dc.getRGB(x, y) >> shift) & 0xff));
                    n++;
                }
            }
        }
        return sum / n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"threatexchange-pdq/dih/bridge-1-original.jpg", "threatexchange-pdq/misc/wee.jpg",
            "c2pa-rs/P1000827.jpg", "ai-provenance-samples/grok-1.jpg"})
    void realFilesMatchTheBlockMeansOfAFullDecode(String fixture) throws IOException {
        assertThat(lumaError(Fixtures.bytes(fixture))).isLessThan(1.5);
        assertThat(error(Fixtures.bytes(fixture))).isLessThan(4.5);
    }

    @Test
    void progressiveAndGreyJpegsToo() throws IOException {
        BufferedImage img = TestImages.gradient(203, 141);
        BufferedImage grey = new BufferedImage(203, 141, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(img, 0, 0, null);

        assertThat(lumaError(write(img, true))).isLessThan(1.5);
        assertThat(error(write(img, true))).isLessThan(4.5);
        assertThat(lumaError(write(grey, false))).isLessThan(1.5);
    }

    @Test
    void blocksThatEndWithoutEndOfBlockKeepTheStreamInStep() throws IOException {
        BufferedImage noise = new BufferedImage(256, 192, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(3);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }

        byte[] jpeg = TestImages.jpeg(noise, 1.0f);

        assertThat(lumaError(jpeg)).isLessThan(1.5);
    }

    @Test
    void truncatedDataFailsOrDecodesButNeverHangs() {
        byte[] jpeg = Fixtures.bytes("threatexchange-pdq/dih/bridge-1-original.jpg");
        for (int cut : new int[] {10, 200, 700, jpeg.length / 3, jpeg.length - 10}) {
            Throwable t = catchThrowable(() -> DcJpegDecoder.decode(Arrays.copyOf(jpeg, cut)));
            assertThat(t).satisfiesAnyOf(x -> assertThat(x).isNull(), x -> assertThat(x).isInstanceOf(RuntimeException.class));
        }
    }

    private static byte[] write(BufferedImage img, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }
}
