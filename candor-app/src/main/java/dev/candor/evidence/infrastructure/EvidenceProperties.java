package dev.candor.evidence.infrastructure;

import dev.candor.evidence.model.EvidenceLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code candor.evidence.*}: size limits per kind and the largest photo, in megapixels. The multipart
 * limits ({@code spring.servlet.multipart.*}) must stay at least as large as the largest of these.
 */
@ConfigurationProperties("candor.evidence")
public record EvidenceProperties(@DefaultValue("25MB") DataSize maxPhotoSize, @DefaultValue("100MB") DataSize maxVideoSize,
                                 @DefaultValue("10MB") DataSize maxChatExportSize, @DefaultValue("50") long maxPhotoMegapixels) {

    public EvidenceLimits limits() {
        return new EvidenceLimits(maxPhotoSize.toBytes(), maxVideoSize.toBytes(), maxChatExportSize.toBytes(),
                maxPhotoMegapixels * 1_000_000L);
    }
}
