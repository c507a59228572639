package jp.govcloudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator-record commands (effort, incident, inquiry, risk) as an operator runs them on the sample's CSV files:
 * the outcome line, rows in the store, a re-import that updates instead of adding, and a bad file refused whole.
 */
class OperatorRecordCommandsTest {

    private static final Path RECORDS = Path.of("sample-data/records");

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String count(String db, String table) {
        return run(db, "query", "SELECT COUNT(*) AS n FROM " + table).out();
    }

    /** The sample names findings by account and hour; this store has none, so the copy leaves the names out. */
    private Path withoutFindingReferences(String name) throws IOException {
        Path copy = tmp.resolve(name);
        Files.write(copy, Files.readAllLines(RECORDS.resolve(name)).stream()
                .map(line -> line.replaceAll(",\\d{12}@[^,]*(,|$)", ",$1")).toList());
        return copy;
    }

    private static long dataLines(Path csv) throws IOException {
        // The sample files hold no quoted line breaks: one line per row after the header.
        return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).count();
    }

    @Test
    void importsEachKindAndUpdatesOnReimport() throws IOException {
        String db = "--db=" + TestStore.h2(tmp.resolve("db"));
        Path incidents = withoutFindingReferences("incidents.csv");

        CliRun first = run(db, "incident", "import", incidents.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("imported " + dataLines(incidents) + " incident records");
        assertThat(count(db, "incident")).isEqualTo("n\r\n" + dataLines(incidents) + "\r\n");

        CliRun again = run(db, "incident", "import", incidents.toString());
        assertThat(again.exit()).isZero();
        assertThat(count(db, "incident")).as("a stored id is updated, not added").isEqualTo(
                "n\r\n" + dataLines(incidents) + "\r\n");

        Path inquiries = RECORDS.resolve("inquiries.csv");
        assertThat(run(db, "inquiry", "import", inquiries.toString()).out())
                .contains("imported " + dataLines(inquiries) + " inquiry records");
        assertThat(count(db, "inquiry")).isEqualTo("n\r\n" + dataLines(inquiries) + "\r\n");

        Path risks = RECORDS.resolve("risks.csv");
        assertThat(run(db, "risk", "import", risks.toString()).out())
                .contains("imported " + dataLines(risks) + " risks");
        assertThat(count(db, "risk")).isEqualTo("n\r\n" + dataLines(risks) + "\r\n");

        Path effort = withoutFindingReferences("effort-2026-10.csv");
        assertThat(run(db, "effort", "import", effort.toString()).out())
                .contains("imported " + dataLines(effort) + " work-effort rows");
        CliRun replaced = run(db, "effort", "import", effort.toString());
        assertThat(replaced.out()).contains("(replacing " + dataLines(effort) + " rows of an earlier import");
        assertThat(count(db, "work_effort")).isEqualTo("n\r\n" + dataLines(effort) + "\r\n");
    }

    @Test
    void aBadFileIsRefusedWholeNamingTheLine() throws IOException {
        String db = "--db=" + TestStore.h2(tmp.resolve("db"));
        Path bad = tmp.resolve("effort-bad.csv");
        Files.writeString(bad, "date,start,hours,category,person,finding_ref,note\n"
                + "2026-10-01,09:00,1,定常監視,佐藤 美咲,,ok\n"
                + "2026-10-02,09:00,1,お茶,佐藤 美咲,,unknown category\n", Charset.forName("windows-31j"));

        CliRun refused = run(db, "effort", "import", "--encoding=windows-31j", bad.toString());
        assertThat(refused.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).contains("line 3");
        assertThat(count(db, "work_effort")).as("nothing of a refused file is stored").isEqualTo("n\r\n0\r\n");

        CliRun missing = run(db, "risk", "import", tmp.resolve("none.csv").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("no such file");

        CliRun encoding = run(db, "inquiry", "import", "--encoding=no-such", bad.toString());
        assertThat(encoding.err()).contains("unknown encoding no-such");
    }
}
