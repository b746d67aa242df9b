package dev.candor.shared.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings the embedded PostgreSQL starts with: kept data is durable and sized for load, a throw-away
 * database keeps the binaries' fast defaults. Each test starts a server of its own (a few seconds).
 */
class EmbeddedPostgresSettingsIT {

    @TempDir
    Path dataDirectory;

    @Test
    void keptDataIsFlushedOnCommitAndSizedForLoad() throws Exception {
        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(dataDirectory.toString(), 0);
             Connection connection = postgres.getDatabase("postgres", "candor").getConnection()) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "shared_buffers")).isEqualTo("1GB");
            assertThat(setting(connection, "max_wal_size")).isEqualTo("4GB");
            assertThat(setting(connection, "checkpoint_timeout")).isEqualTo("15min");
            assertThat(setting(connection, "wal_init_zero")).isEqualTo("off");
            assertThat(setting(connection, "wal_compression")).isEqualTo("pglz");
            assertThat(setting(connection, "data_directory")).isEqualTo(dataDirectory.toRealPath().toString());
        }
    }

    @Test
    void aThrowAwayDatabaseKeepsTheDefaults() throws Exception {
        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres("", 0);
             Connection connection = postgres.getDatabase("postgres", "candor").getConnection()) {
            assertThat(setting(connection, "fsync")).isEqualTo("off");
            assertThat(setting(connection, "shared_buffers")).isEqualTo("128MB");
            assertThat(setting(connection, "wal_init_zero")).isEqualTo("on");
            assertThat(setting(connection, "wal_compression")).isEqualTo("off");
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
