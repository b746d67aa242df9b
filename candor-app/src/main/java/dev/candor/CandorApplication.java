package dev.candor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Candor service: one stateless node of the after-sales integrity platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CandorApplication {

    public static void main(String[] args) {
        SpringApplication.run(CandorApplication.class, args);
    }
}
