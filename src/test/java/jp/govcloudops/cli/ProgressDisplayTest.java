package jp.govcloudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress of long runs as logged when stderr is not a terminal (cron, systemd), with a short interval instead of a
 * minute: the lines count up, and the closing line's totals are the run's own.
 */
class ProgressDisplayTest {

    private static final Pattern INGEST_LINE = Pattern.compile("ingest( done)?: partitions (\\d+)/(\\d+), objects"
            + " (\\d+)/(\\d+)(\\+?), ([\\d,]+) records, ([\\d,]+) records/s, \\d+:\\d\\d:\\d\\d");
    private static final Pattern SUMMARY = Pattern.compile("ingest \\S+: (\\d+) partitions, (\\d+) objects read"
            + " \\(0 unreadable\\), ([\\d]+) records");

    @TempDir
    Path tmp;

    @AfterEach
    void clearSettings() {
        System.clearProperty("govcloud.progress.enabled");
        System.clearProperty("govcloud.progress.interval");
        System.clearProperty("govcloud.ingest.object-pause");
    }

    private String source() {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        for (String account : List.of("500000000001", "500000000002", "500000000003")) {
            for (LocalDate day = LocalDate.parse("2026-10-01"); day.isBefore(LocalDate.parse("2026-10-03"));
                    day = day.plusDays(1)) {
                for (int hour = 0; hour < 3; hour++) {
                    List<String> events = new ArrayList<>();
                    for (int i = 0; i <= hour; i++) {
                        events.add(LogTree.event(day + "T0" + hour + ":1" + i + ":00Z", "ec2.amazonaws.com",
                                "RunInstances", "arn:aws:iam::" + account + ":user/ops", null));
                    }
                    tree.cloudTrail(account, "ap-northeast-1", day, day.toString().replace("-", "") + "T0" + hour
                            + "05Z", events);
                }
            }
        }
        return "--source=" + tree.root();
    }

    @Test
    void loggedLinesCountUpToTheRunsTotals() {
        String db = "--db=" + TestStore.h2(tmp.resolve("db"));
        String source = source();
        System.setProperty("govcloud.progress.enabled", "true");
        System.setProperty("govcloud.progress.interval", "PT0.05S");
        // Slow enough for several lines on any machine: 18 objects, two at a time.
        System.setProperty("govcloud.ingest.object-pause", "PT0.1S");

        CliRun run = CliRun.of(db, source, "reprocess", "--from=2026-10-01", "--to=2026-10-02");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        Matcher summary = SUMMARY.matcher(run.out());
        assertThat(summary.find()).as(run.out()).isTrue();
        long partitions = Long.parseLong(summary.group(1));
        long objects = Long.parseLong(summary.group(2));
        long records = Long.parseLong(summary.group(3));
        assertThat(partitions).isEqualTo(6);
        assertThat(objects).isEqualTo(18);
        assertThat(records).isEqualTo(6 * (1 + 2 + 3));

        List<Matcher> lines = run.err().lines().map(INGEST_LINE::matcher).filter(Matcher::find).toList();
        assertThat(lines).as(run.err()).hasSizeGreaterThan(3);
        long previousObjects = 0;
        for (Matcher line : lines.subList(0, lines.size() - 1)) {
            assertThat(line.group(1)).as("only the last line is the closing one").isNull();
            long done = Long.parseLong(line.group(4));
            assertThat(done).isBetween(previousObjects, objects);
            assertThat(Long.parseLong(line.group(2))).isLessThanOrEqualTo(Long.parseLong(line.group(3)));
            previousObjects = done;
        }
        Matcher last = lines.get(lines.size() - 1);
        assertThat(last.group(1)).isEqualTo(" done");
        assertThat(last.group(2)).isEqualTo(Long.toString(partitions));
        assertThat(last.group(3)).isEqualTo(Long.toString(partitions));
        assertThat(last.group(4)).isEqualTo(Long.toString(objects));
        assertThat(last.group(5)).isEqualTo(Long.toString(objects));
        assertThat(last.group(6)).as("every partition listed").isEmpty();
        assertThat(last.group(7).replace(",", "")).isEqualTo(Long.toString(records));

        // A restart with nothing to do, quiet: no progress lines.
        CliRun quiet = CliRun.of(db, source, "--quiet", "reprocess", "--from=2026-10-01", "--to=2026-10-02", "--force");
        assertThat(quiet.exit()).as(quiet.out() + quiet.err()).isEqualTo(ExitCodes.OK);
        assertThat(quiet.err()).doesNotContain("ingest:").doesNotContain("ingest done:");
    }

    @Test
    void noProgressUnderTestsUnlessAsked() {
        CliRun run = CliRun.of("--db=" + TestStore.h2(tmp.resolve("db")), source(), "reprocess",
                "--from=2026-10-01", "--to=2026-10-02");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).doesNotContain("ingest:").doesNotContain("ingest done:");
    }

    @Test
    void costIngestCountsUnitsFilesAndLineItems() {
        System.setProperty("govcloud.progress.enabled", "true");
        System.setProperty("govcloud.progress.interval", "PT0.01S");
        CliRun run = CliRun.of("--db=" + TestStore.h2(tmp.resolve("db")), "--cost-source=sample-data/cost",
                "cost-ingest");
        assertThat(run.exit()).as(run.out() + run.err()).isIn(ExitCodes.OK, ExitCodes.COMPLETED_WITH_GAPS);
        Matcher loaded = Pattern.compile("cost-ingest: (\\d+) units found, 0 unchanged, (\\d+) loaded, 0 failed")
                .matcher(run.out());
        assertThat(loaded.find()).as(run.out()).isTrue();
        long files = 0;
        long lineItems = 0;
        Matcher unit = Pattern.compile("loaded \\S+ \\[[^]]*]: (\\d+) files, (\\d+) line items").matcher(run.out());
        while (unit.find()) {
            files += Long.parseLong(unit.group(1));
            lineItems += Long.parseLong(unit.group(2));
        }
        assertThat(lineItems).isPositive();
        String units = loaded.group(2);
        assertThat(run.err()).as(run.err()).containsPattern("cost-ingest done: units " + units + "/" + units
                + ", files " + files + "/" + files + ", " + String.format("%,d", lineItems) + " line items, ");
    }
}
