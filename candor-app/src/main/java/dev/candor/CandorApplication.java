package dev.candor;

import dev.candor.shared.audit.AuditChain;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Candor service: one stateless node of the after-sales integrity platform. With the single argument
 * {@code audit-verify} it instead seals the audit rows committed so far, verifies the audit log's seal chain,
 * prints the result and exits with 0 (intact) or 1 (broken).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CandorApplication {

    public static void main(String[] args) {
        if (args.length == 1 && "audit-verify".equals(args[0])) {
            System.exit(verifyAudit());
        }
        SpringApplication.run(CandorApplication.class, args);
    }

    /** Seals and verifies the audit chain with the normal configuration plus {@code properties}; returns the exit code. */
    static int verifyAudit(String... properties) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CandorApplication.class)
                .web(WebApplicationType.NONE)
                .properties("candor.scheduling.enabled=false", "candor.demo-data.enabled=false", "logging.level.root=warn")
                .properties(properties)
                .run()) {
            AuditChain.Verification result = context.getBean(AuditChain.class).sealAndVerify();
            if (result.intact()) {
                System.out.printf("audit chain intact: %d sealed rows verified, %d not yet sealed%n",
                        result.rowsChecked(), result.unsealedRows());
                return 0;
            }
            System.out.printf("audit chain BROKEN at seal %d: %s (%d seals read)%n",
                    result.firstBrokenSeq(), result.problem(), result.rowsChecked());
            return 1;
        }
    }
}
