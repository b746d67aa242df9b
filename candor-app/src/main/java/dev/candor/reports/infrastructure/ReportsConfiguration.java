package dev.candor.reports.infrastructure;

import dev.candor.reports.model.ComplainantPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The complainant policy, from {@code candor.reports.complainant.*}. */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

    @Bean
    ComplainantPolicy complainantPolicy(ReportsProperties properties) {
        return properties.complainantPolicy();
    }
}
