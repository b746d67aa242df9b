package dev.candor.evidence.infrastructure;

import dev.candor.evidence.application.MetadataFreeCopies;
import dev.candor.evidence.model.EvidenceCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evidence checks and copies, with the configured limits. */
@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    EvidenceCheck evidenceCheck(EvidenceProperties properties) {
        return new EvidenceCheck(properties.limits());
    }

    @Bean
    MetadataFreeCopies metadataFreeCopies(EvidenceProperties properties) {
        return new MetadataFreeCopies(properties.limits().maxPhotoPixels());
    }
}
