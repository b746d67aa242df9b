package dev.candor.forensics.image;

import dev.candor.forensics.container.Container;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Decodes JPEG, PNG and WebP through ImageIO only after the container header passed the limits, on a worker
 * thread bounded by a timeout; a decode that overruns is aborted through {@link ImageReader#abort()}.
 */
public final class SafeDecoder {

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(Thread.ofPlatform()
            .name("candor-decode-", 0).daemon(true).factory());

    static {
        ImageIO.setUseCache(false);
    }

    private final DecodeLimits limits;

    public SafeDecoder(DecodeLimits limits) {
        this.limits = limits;
    }

    /** Checks size, format, header dimensions and scan count; returns a refusal or {@code null} when fine. */
    public Decoded.Refused admit(byte[] file, Container header) {
        if (file.length > limits.maxBytes()) {
            return new Decoded.Refused(Decoded.Reason.TOO_LARGE,
                    "file has %d bytes, the limit is %d".formatted(file.length, limits.maxBytes()));
        }
        if (!header.format().decodable()) {
            return new Decoded.Refused(Decoded.Reason.UNSUPPORTED_FORMAT, "unsupported format: " + header.format());
        }
        if (header.width() <= 0 || header.height() <= 0) {
            return new Decoded.Refused(Decoded.Reason.CORRUPT, "no image dimensions in the " + header.format() + " header");
        }
        long pixels = (long) header.width() * header.height();
        if (pixels > limits.maxPixels()) {
            return new Decoded.Refused(Decoded.Reason.TOO_LARGE, "%dx%d is %d pixels, the limit is %d"
                    .formatted(header.width(), header.height(), pixels, limits.maxPixels()));
        }
        if (header.scans() > limits.maxScans()) {
            return new Decoded.Refused(Decoded.Reason.TOO_LARGE,
                    "JPEG has %d scans, the limit is %d".formatted(header.scans(), limits.maxScans()));
        }
        return null;
    }

    /**
     * Decodes at 1/8 scale from the JPEG DC coefficients ({@link DcJpegDecoder}), falling back to a full decode
     * for other formats and for JPEG variants the reduced decoder does not handle. {@link Decoded.Image#subsampling()}
     * says which happened.
     */
    public Decoded decodeReduced(byte[] file, Container header) {
        if (header.format() != ImageFormat.JPEG) {
            return decode(file, header, 1);
        }
        Decoded.Refused refused = admit(file, header);
        if (refused != null) {
            return refused;
        }
        Decoded reduced = guarded(() -> {
            try {
                return DcJpegDecoder.decode(file);
            } catch (RuntimeException e) {
                return null;
            }
        }, 8, header, System.nanoTime() + limits.timeout().toNanos());
        return reduced instanceof Decoded.Image ? reduced : decode(file, header, 1);
    }

    /**
     * Decodes at full size ({@code subsampling} 1) or keeping every n-th pixel in each direction.
     */
    public Decoded decode(byte[] file, Container header, int subsampling) {
        Decoded.Refused refused = admit(file, header);
        if (refused != null) {
            return refused;
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        return guarded(() -> read(file, subsampling, deadline), subsampling, header, deadline);
    }

    private Decoded guarded(Callable<BufferedImage> work, int subsampling, Container header, long deadline) {
        Future<BufferedImage> task = WORKERS.submit(work);
        try {
            BufferedImage image = task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (System.nanoTime() > deadline) {
                return new Decoded.Refused(Decoded.Reason.TIMED_OUT, "decoding took longer than " + limits.timeout());
            }
            if (image == null) {
                return new Decoded.Refused(Decoded.Reason.UNSUPPORTED_FORMAT, "no decoder for " + header.format());
            }
            return new Decoded.Image(image, subsampling);
        } catch (TimeoutException e) {
            task.cancel(true);
            return new Decoded.Refused(Decoded.Reason.TIMED_OUT, "decoding took longer than " + limits.timeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Decoded.Refused(Decoded.Reason.CORRUPT, "cannot decode: " + describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            return new Decoded.Refused(Decoded.Reason.TIMED_OUT, "interrupted while decoding");
        }
    }

    private static final class DeadlineListener implements IIOReadProgressListener {
        private final long deadline;

        DeadlineListener(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory";
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }

    /**
     * ImageIO readers may only be aborted from the decoding thread, so a progress listener on that thread
     * checks the deadline; the caller stops waiting at the same deadline in any case.
     */
    private static BufferedImage read(byte[] file, int subsampling, long deadline) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            reader.addIIOReadProgressListener(new DeadlineListener(deadline));
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                if (subsampling > 1) {
                    param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
