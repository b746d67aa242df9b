package dev.candor.forensics;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link ForensicCheck} sees of one photo.
 *
 * @param name        the file name or identifier given to the scanner
 * @param bytes       the file as received (do not modify)
 * @param format      detected format: {@code JPEG}, {@code PNG}, {@code WEBP} or an unsupported name
 * @param image       the decoded image, possibly reduced in size; empty when the file could not be decoded
 * @param deliveredAt when the order was delivered, if known
 */
public record Evidence(String name, byte[] bytes, String format, Optional<BufferedImage> image,
                       Optional<Instant> deliveredAt) {
}
