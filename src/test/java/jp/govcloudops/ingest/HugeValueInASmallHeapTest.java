package jp.govcloudops.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import jp.govcloudops.support.ChildJvm;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.LogTree;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CloudTrail record holding one 50 MB string, read by a run in a 256 MB heap, as an operator's machine might
 * give it: the record is quarantined as too large, the object's other records are stored, and the object is not
 * left unreadable (to be failed again by every later run).
 */
class HugeValueInASmallHeapTest {

    @TempDir
    Path tmp;

    @Test
    void aRecordWithAFiftyMegabyteStringIsQuarantinedAndTheOthersStored() throws Exception {
        String account = "300000000010";
        String user = "arn:aws:iam::" + account + ":user/u";
        Path logs = tmp.resolve("logs");
        Path file = logs.resolve(LogTree.cloudTrailFolder(account, "ap-northeast-1", BadInputOverS3Test.DAY) + account
                + "_CloudTrail_ap-northeast-1_20261102T0100Z_huge.json.gz");
        Files.createDirectories(file.getParent());
        // The huge record in a field the reader reads (userAgent), written in pieces: never one String here either.
        String huge = LogTree.event("2026-11-02T00:30:01Z", "ec2.amazonaws.com", "TerminateInstances", user, null);
        int cut = huge.indexOf("aws-cli/2.15.0");
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                StandardCharsets.UTF_8)) {
            out.write("{\"Records\":[" + LogTree.event("2026-11-02T00:30:00Z", "ec2.amazonaws.com", "RunInstances",
                    user, null) + "," + huge.substring(0, cut));
            String piece = "0123456789abcdef".repeat(64 * 1024);
            for (int i = 0; i < 50; i++) {
                out.write(piece);
            }
            out.write(huge.substring(cut) + "," + LogTree.event("2026-11-02T00:30:02Z", "ec2.amazonaws.com",
                    "DescribeInstances", user, null) + "]}");
        }

        String db = "--db=" + TestStore.h2(tmp.resolve("db"));
        Path log = tmp.resolve("run.log");
        Process run = ChildJvm.startWithHeap(log, "256m", List.of(), "reprocess", "--from=2026-11-02", "--to=2026-11-02",
                "--source=" + logs, db);
        assertThat(run.waitFor(300, TimeUnit.SECONDS)).as("run finished").isTrue();
        String printed = Files.readString(log);
        assertThat(printed).doesNotContain("OutOfMemoryError")
                .contains("1 objects read (0 unreadable), 3 records, 1 quarantined");
        assertThat(run.exitValue()).as(printed).isEqualTo(2);

        assertThat(CliRun.of(db, "query", "SELECT position, reason FROM quarantine").out()).isEqualTo(
                "position,reason\r\nrecord 2,record too large to read: a value in field userAgent is longer than 4 MB"
                        + " (govcloud.ingest.max-value-size)\r\n");
        assertThat(CliRun.of(db, "query", "SELECT event_name, SUM(events) AS n FROM cloudtrail_daily GROUP BY"
                + " event_name ORDER BY 1").out()).isEqualTo("event_name,n\r\nDescribeInstances,1\r\nRunInstances,1\r\n");
        assertThat(CliRun.of(db, "query", "SELECT state, records, quarantined FROM source_object").out())
                .isEqualTo("state,records,quarantined\r\nACTIVE,3,1\r\n");
    }
}
