package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

    @Test
    void aPostgresqlUrlBecomesAJdbcUrlWithTheCredentialsKeptApart() {
        StoreLocation l = StoreLocation.parse("postgresql://vigil:s%40cret@db.internal:5433/vigil?sslmode=require");
        assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/vigil?sslmode=require");
        assertThat(l.user()).isEqualTo("vigil");
        assertThat(l.password()).isEqualTo("s@cret");
        assertThat(l.toString()).isEqualTo("postgresql://db.internal:5433/vigil?sslmode=require").doesNotContain("cret");
        assertThat(l.dialect()).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void aJdbcUrlIsUsedAsItIsAndItsPasswordIsNeverShown() {
        StoreLocation l = StoreLocation.parse("jdbc:postgresql://h/db?user=u&password=hunter2");
        assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?user=u&password=hunter2");
        assertThat(l.describe()).isEqualTo("postgresql://h/db?user=u&password=***");
    }

    @Test
    void badUrlsAreOneLineSayingWhatIsExpected() {
        assertThatThrownBy(() -> StoreLocation.parse("mysql://h/db")).hasMessageContaining("postgresql://USER");
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://h")).hasMessageContaining("needs a host and a database");
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:mysql://h/db").dialect())
                .hasMessageContaining("unsupported database URL jdbc:mysql://h/db");
    }

    @Test
    void anUnreachableDatabaseIsOneLineWithoutThePassword() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> Store.open(StoreLocation.parse("postgresql://vigil:topsecret@127.0.0.1:" + port + "/vigil")))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.unavailable()).isTrue();
                    assertThat(e.getMessage()).startsWith("cannot reach the database at postgresql://127.0.0.1:" + port
                            + "/vigil: ").contains("Connection", "refused").doesNotContain("topsecret").doesNotContain("\n");
                });
    }
}
