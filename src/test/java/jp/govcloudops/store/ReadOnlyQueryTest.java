package jp.govcloudops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadOnlyQueryTest {

    @Test
    void acceptsSingleQueries() {
        assertThat(ReadOnlyQuery.check("  -- comment\n SELECT 1 ; ")).isEqualTo("-- comment\n SELECT 1");
        assertThat(ReadOnlyQuery.check("WITH x AS (SELECT 1 AS a) SELECT a FROM x")).startsWith("WITH");
        assertThat(ReadOnlyQuery.check("/* why */ select ';' AS semicolon")).contains("';'");
        assertThat(ReadOnlyQuery.check("VALUES (1)")).isEqualTo("VALUES (1)");
    }

    @Test
    void refusesEverythingElse() {
        for (String sql : new String[] {"DELETE FROM quarantine", "UPDATE source_object SET records = 0",
                "DROP TABLE quarantine", "INSERT INTO run_lock VALUES ('x', NULL, NULL, NULL)", "CALL 1",
                "SHUTDOWN"}) {
            assertThatThrownBy(() -> ReadOnlyQuery.check(sql)).as(sql).hasMessageContaining("only a read-only query");
        }
        assertThatThrownBy(() -> ReadOnlyQuery.check("SELECT 1; DROP TABLE quarantine"))
                .hasMessageContaining("only one statement");
    }
}
