package jp.govcloudops.store;

import static jp.govcloudops.store.QueryStatement.Dialect.H2;
import static jp.govcloudops.store.QueryStatement.Dialect.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.govcloudops.store.QueryStatement.Dialect;
import org.junit.jupiter.api.Test;

class QueryStatementTest {

    private static String single(String sql, Dialect dialect) {
        return QueryStatement.single(sql, dialect);
    }

    @Test
    void oneQueryWithItsCommentsAndWithoutTrailingSemicolons() {
        for (Dialect d : Dialect.values()) {
            assertThat(single("  -- comment\n SELECT 1 ; ", d)).isEqualTo("SELECT 1");
            assertThat(single("WITH x AS (SELECT 1 AS a) SELECT a FROM x;;", d)).startsWith("WITH");
            assertThat(single("/* why */ select ';' AS semicolon", d)).isEqualTo("select ';' AS semicolon");
            assertThat(single("VALUES (1)", d)).isEqualTo("VALUES (1)");
            assertThat(single("(SELECT 1) UNION (SELECT 2)", d)).isEqualTo("(SELECT 1) UNION (SELECT 2)");
            assertThat(single("SELECT 'it''s; fine' AS \"a;\"\"b\" -- trailing; comment", d))
                    .isEqualTo("SELECT 'it''s; fine' AS \"a;\"\"b\" -- trailing; comment");
            assertThat(single("SELECT 1 /* nested /* ; */ still a comment ; */ AS one; -- done", d))
                    .isEqualTo("SELECT 1 /* nested /* ; */ still a comment ; */ AS one");
            assertThat(single("SELECT $$ a ; b $$ AS text", d)).isEqualTo("SELECT $$ a ; b $$ AS text");
            assertThat(single("TABLE data_gap", d)).isEqualTo("TABLE data_gap");
        }
    }

    @Test
    void aQuoteInsideACommentDoesNotHideTheNextStatement() {
        for (Dialect d : Dialect.values()) {
            assertThatThrownBy(() -> single("SELECT 1 AS a /* ' */; DROP TABLE data_gap; SELECT /* ' */ 1", d))
                    .hasMessage("only one statement is accepted; a second one starts at character 24");
            assertThatThrownBy(() -> single("SELECT 1 -- '\n; DROP TABLE data_gap", d))
                    .hasMessageStartingWith("only one statement is accepted");
            assertThatThrownBy(() -> single("SELECT \"x;\" FROM t; SHUTDOWN", d))
                    .hasMessageStartingWith("only one statement is accepted");
        }
    }

    @Test
    void dollarQuotingAsEachDatabaseReadsIt() {
        // PostgreSQL's tagged dollar quotes hold a ';' ...
        assertThat(single("SELECT $body$ ; $$ ; $body$ AS t", POSTGRESQL)).isEqualTo("SELECT $body$ ; $$ ; $body$ AS t");
        // ... H2 has no tags: "$body$" is no quote there, and the ';' ends the statement.
        assertThatThrownBy(() -> single("SELECT $body$ ; DROP TABLE data_gap; $body$", H2))
                .hasMessageStartingWith("only one statement is accepted");
        // CREATE ALIAS with a body, then CALL: two statements, the first of which is no query anyway.
        assertThatThrownBy(() -> single("CREATE ALIAS X AS $$ String x() { return \";\"; } $$; CALL X()", H2))
                .hasMessage("only a query (SELECT, WITH, VALUES or TABLE) is accepted, not CREATE");
        assertThatThrownBy(() -> single("SELECT 1 AS a /* ' */; CREATE ALIAS X AS $$ void x() {} $$; CALL X()", H2))
                .hasMessageStartingWith("only one statement is accepted");
        // A parameter, not a quote.
        assertThatThrownBy(() -> single("SELECT $1; DROP TABLE t", POSTGRESQL)).hasMessageStartingWith("only one");
    }

    @Test
    void backslashesEscapeOnlyInPostgresEStrings() {
        assertThat(single("SELECT E'a\\'; b' AS t", POSTGRESQL)).isEqualTo("SELECT E'a\\'; b' AS t");
        // In a standard string (and anywhere in H2) a backslash is a character: the quote ends the string.
        assertThatThrownBy(() -> single("SELECT 'a\\'; DROP TABLE t; --'", POSTGRESQL))
                .hasMessageStartingWith("only one statement is accepted");
        assertThatThrownBy(() -> single("SELECT E'a\\'; DROP TABLE t; --'", H2))
                .hasMessageStartingWith("only one statement is accepted");
    }

    @Test
    void slashCommentsAndBackQuotesOnlyInH2() {
        assertThat(single("SELECT 1 // a comment; in H2\n", H2)).isEqualTo("SELECT 1 // a comment; in H2");
        assertThatThrownBy(() -> single("SELECT 1 // no comment; in PostgreSQL", POSTGRESQL))
                .hasMessageStartingWith("only one statement is accepted");
        assertThat(single("SELECT `a;b` FROM t", H2)).isEqualTo("SELECT `a;b` FROM t");
        assertThatThrownBy(() -> single("SELECT `a;b` FROM t", POSTGRESQL)).hasMessageStartingWith("only one");
    }

    @Test
    void refusesWhatIsNoQuery() {
        for (String sql : new String[] {"DELETE FROM quarantine", "UPDATE source_object SET records = 0",
                "DROP TABLE quarantine", "INSERT INTO run_lock VALUES ('x', NULL, NULL, NULL)", "CALL 1",
                "SHUTDOWN", "SET MODE PostgreSQL", "BACKUP TO 'x.zip'", "RUNSCRIPT FROM 'x.sql'", "/* c */ -- c\n ALTER USER x SET PASSWORD 'y'"}) {
            for (Dialect d : Dialect.values()) {
                assertThatThrownBy(() -> single(sql, d)).as(sql).hasMessageStartingWith("only a query");
            }
        }
        assertThatThrownBy(() -> single("'text'", H2)).hasMessageEndingWith("not 'text'");
        assertThatThrownBy(() -> single(" ; -- nothing", H2)).hasMessage("no statement given");
    }

    @Test
    void refusesUnclosedTextAndComments() {
        for (Dialect d : Dialect.values()) {
            assertThatThrownBy(() -> single("SELECT 'open", d)).hasMessage("the quoted text at character 8 is not closed");
            assertThatThrownBy(() -> single("SELECT 1 /* open /* */", d))
                    .hasMessage("the comment at character 10 is not closed");
            assertThatThrownBy(() -> single("SELECT $$ open", d)).hasMessageContaining("is not closed");
        }
    }

    @Test
    void refusesDrawingSequenceValuesOnH2() {
        assertThatThrownBy(() -> single("SELECT NEXT /* c */ VALUE FOR BATCH_JOB_SEQ", H2))
                .hasMessage("NEXT VALUE FOR and NEXTVAL advance a sequence; they are not reads");
        assertThatThrownBy(() -> single("SELECT nextval ('BATCH_JOB_SEQ')", H2)).hasMessageStartingWith("NEXT VALUE");
        assertThat(single("SELECT 'NEXT VALUE FOR s' AS t, \"NEXTVAL\"(1)", H2)).startsWith("SELECT");
    }
}
