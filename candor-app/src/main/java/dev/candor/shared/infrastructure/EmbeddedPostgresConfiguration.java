package dev.candor.shared.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL (the real server, from the zonky binaries on Maven Central) when no
 * {@code spring.datasource.url} is configured. With {@code candor.embedded-db.data-dir} set the data is
 * kept there across restarts, with every commit flushed to disk and buffers sized for load; left empty (as in the
 * tests) it lives in a temporary directory with the binaries' small defaults and commits are not flushed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "candor";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${candor.embedded-db.data-dir:}") String dataDir,
                                      @Value("${candor.embedded-db.port:0}") int port) throws IOException {
        if (runsAsRoot()) {
            throw new IllegalStateException("""
                    PostgreSQL refuses to run as root, so the embedded database cannot start. Run Candor as an \
                    ordinary user, or point it at an external PostgreSQL with SPRING_DATASOURCE_URL.""");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port)
                .setServerConfig("max_connections", "200");
        if (dataDir.isBlank()) {
            builder.setCleanDataDirectory(true);
        } else {
            Path directory = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(directory);
            // The binaries start with fsync and synchronous commit off (right for throw-away test databases);
            // kept data gets PostgreSQL's durable defaults, so nothing answered as accepted is lost in a crash.
            builder.setDataDirectory(directory).setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            // PostgreSQL's stock 128 MB of buffers hold less than the indexes a busy installation writes to: backends
            // then write out and read back pages themselves (in a load of 2,000 requests a second, 10 GB in a few
            // minutes). Checkpoints spaced further apart log fewer full pages. See docs/benchmarks.md.
            builder.setServerConfig("shared_buffers", "1GB").setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min");
            // Until checkpoints recycle old WAL files, each new 16 MB file is written full of zeros and flushed
            // while every commit waits for it: at 2,000 requests a second that is a 50-80 ms stall once a second.
            // Created sparse instead, a full disk shows at a WAL write rather than at file creation.
            builder.setServerConfig("wal_init_zero", "off");
            // With data checksums on (PostgreSQL 18's default) the first change to a page after a checkpoint, a hint
            // bit or vacuum marking the page all-visible included, logs an image of the whole page. Under load a
            // vacuum after a checkpoint logged 98 MB of them in 5 s, on top of the requests' own WAL, and commits
            // waited to flush it. Compressed (pglz: these binaries have no lz4 or zstd) an image takes about a third.
            builder.setServerConfig("wal_compression", "pglz");
            log.info("Embedded PostgreSQL keeps its data in {}", directory);
        }
        EmbeddedPostgres postgres = builder.start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("could not create the candor database in the embedded PostgreSQL", e);
        }
        log.info("Embedded PostgreSQL listens on port {}", postgres.getPort());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("candor-embedded");
        // As application.yml sets for an external server: a batch of inserts is sent as multi-row statements.
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }

    private static boolean runsAsRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }
}
