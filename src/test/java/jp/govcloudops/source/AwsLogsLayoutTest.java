package jp.govcloudops.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsLogsLayoutTest {

    @TempDir
    Path root;

    private void touch(String key) throws IOException {
        Path file = root.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }

    @Test
    void digestFoldersAreFoundInEveryLayoutForTheIntegrityCheck() throws IOException {
        touch("trail/AWSLogs/o-abc123def4/111111111111/CloudTrail/ap-northeast-1/2026/10/01/f.json.gz");
        touch("trail/AWSLogs/o-abc123def4/111111111111/CloudTrail-Digest/ap-northeast-1/2026/10/02/d.json.gz");
        touch("trail/AWSLogs/222222222222/CloudTrail-Digest/ap-northeast-3/2026/10/01/d.json.gz");
        touch("trail/AWSLogs/aws-account-id=333333333333/aws-service=CloudTrail-Digest/aws-region=ap-northeast-1/year=2026/month=10/day=01/d.json.gz");

        List<AwsLogsLayout.ServiceDay> days = new AwsLogsLayout(new LocalDirectorySource(root)).serviceDays(
                "CloudTrail-Digest", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), a -> true);

        assertThat(days).filteredOn(AwsLogsLayout.ServiceDay::folderListed)
                .extracting(d -> d.accountId() + ":" + d.region() + ":" + d.folderDate() + ":" + d.folderPrefix())
                .containsExactlyInAnyOrder(
                        "111111111111:ap-northeast-1:2026-10-02:trail/AWSLogs/o-abc123def4/111111111111/CloudTrail-Digest/ap-northeast-1/2026/10/02/",
                        "222222222222:ap-northeast-3:2026-10-01:trail/AWSLogs/222222222222/CloudTrail-Digest/ap-northeast-3/2026/10/01/",
                        "333333333333:ap-northeast-1:2026-10-01:trail/AWSLogs/aws-account-id=333333333333/aws-service=CloudTrail-Digest/aws-region=ap-northeast-1/year=2026/month=10/day=01/");
        // Every date of each stream is there, folder or not, as for ingestion's partitions.
        assertThat(days).hasSize(6);
    }

    @Test
    void findsEveryLayoutAndSkipsDigestsAndOtherServices() throws IOException {
        touch("trail/AWSLogs/o-abc123def4/111111111111/CloudTrail/ap-northeast-1/2026/10/01/f.json.gz");
        touch("trail/AWSLogs/o-abc123def4/111111111111/CloudTrail-Digest/ap-northeast-1/2026/10/01/d.json.gz");
        touch("trail/AWSLogs/o-abc123def4/111111111111/CloudTrail-Insight/ap-northeast-1/2026/10/01/i.json.gz");
        touch("trail/AWSLogs/222222222222/vpcflowlogs/ap-northeast-3/2026/10/01/07/f.log.gz");
        touch("trail/AWSLogs/222222222222/Config/ap-northeast-1/2026/10/1/ConfigHistory/c.json.gz");
        touch("trail/AWSLogs/222222222222/GuardDuty/ap-northeast-1/2026/10/02/0b1c.jsonl.gz");
        touch("trail/AWSLogs/222222222222/Macie/ap-northeast-1/2026/10/02/m.jsonl.gz");
        touch("trail/AWSLogs/aws-account-id=333333333333/aws-service=vpcflowlogs/aws-region=ap-northeast-1/year=2026/month=10/day=01/f.log.gz");
        touch("trail/AWSLogs/aws-account-id=333333333333/aws-service=vpcflowlogs/aws-region=xx-fake-9/year=2026/month=10/day=02/hour=13/f.parquet");

        List<LogPartition> partitions = new AwsLogsLayout(new LocalDirectorySource(root)).partitions(
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), EnumSet.allOf(LogType.class), a -> true);

        assertThat(partitions).extracting(LogPartition::name).containsExactlyInAnyOrder(
                "cloudtrail:111111111111:ap-northeast-1:2026-10-01", "cloudtrail:111111111111:ap-northeast-1:2026-10-02",
                "cloudtrail-insight:111111111111:ap-northeast-1:2026-10-01",
                "cloudtrail-insight:111111111111:ap-northeast-1:2026-10-02",
                "vpcflow:222222222222:ap-northeast-3:2026-10-01", "vpcflow:222222222222:ap-northeast-3:2026-10-02",
                "vpcflow:333333333333:ap-northeast-1:2026-10-01", "vpcflow:333333333333:ap-northeast-1:2026-10-02",
                "vpcflow:333333333333:xx-fake-9:2026-10-01", "vpcflow:333333333333:xx-fake-9:2026-10-02",
                "config:222222222222:ap-northeast-1:2026-10-01", "config:222222222222:ap-northeast-1:2026-10-02",
                "guardduty:222222222222:ap-northeast-1:2026-10-01", "guardduty:222222222222:ap-northeast-1:2026-10-02");
        // Config's month and day folders are not zero-padded.
        assertThat(partitions.stream().filter(p -> p.name().equals("config:222222222222:ap-northeast-1:2026-10-01"))
                .findFirst().orElseThrow().folderPrefix()).isEqualTo("trail/AWSLogs/222222222222/Config/ap-northeast-1/2026/10/1/");
        LogPartition hive = partitions.stream().filter(p -> p.name().equals("vpcflow:333333333333:xx-fake-9:2026-10-02"))
                .findFirst().orElseThrow();
        assertThat(hive.folderPrefix()).endsWith("aws-region=xx-fake-9/year=2026/month=10/day=02/");
        LogPartition missing = partitions.stream().filter(p -> p.name().equals("vpcflow:222222222222:ap-northeast-3:2026-10-02"))
                .findFirst().orElseThrow();
        assertThat(missing.folderPrefix()).isEqualTo("trail/AWSLogs/222222222222/vpcflowlogs/ap-northeast-3/2026/10/02/");

        // discover says which dates had a folder: only those are worth a listing.
        assertThat(new AwsLogsLayout(new LocalDirectorySource(root)).discover(LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-02"), EnumSet.allOf(LogType.class), a -> true).stream()
                .filter(AwsLogsLayout.Discovered::folderListed).map(d -> d.partition().name()))
                .containsExactlyInAnyOrder("cloudtrail:111111111111:ap-northeast-1:2026-10-01",
                        "cloudtrail-insight:111111111111:ap-northeast-1:2026-10-01",
                        "vpcflow:222222222222:ap-northeast-3:2026-10-01", "vpcflow:333333333333:ap-northeast-1:2026-10-01",
                        "vpcflow:333333333333:xx-fake-9:2026-10-02", "config:222222222222:ap-northeast-1:2026-10-01",
                        "guardduty:222222222222:ap-northeast-1:2026-10-02");
    }

    @Test
    void filtersByTypeAndAccount() throws IOException {
        touch("AWSLogs/111111111111/CloudTrail/ap-northeast-1/2026/10/01/f.json.gz");
        touch("AWSLogs/222222222222/CloudTrail/ap-northeast-1/2026/10/01/f.json.gz");
        touch("AWSLogs/222222222222/vpcflowlogs/ap-northeast-1/2026/10/01/f.log.gz");
        List<LogPartition> partitions = new AwsLogsLayout(new LocalDirectorySource(root)).partitions(
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-01"), EnumSet.of(LogType.CLOUDTRAIL),
                a -> a.equals("222222222222"));
        assertThat(partitions).extracting(LogPartition::name).containsExactly("cloudtrail:222222222222:ap-northeast-1:2026-10-01");
    }

    @Test
    void keyTimeComesFromFileStampThenHourFolderThenDate() {
        LocalDate day = LocalDate.parse("2026-10-01");
        assertThat(ObjectKeyTime.of("p/2026/10/01/123_vpcflowlogs_ap-northeast-1_fl-1_20261001T0735Z_ab.log.gz",
                "p/2026/10/01/", day)).isEqualTo(Instant.parse("2026-10-01T07:35:00Z"));
        assertThat(ObjectKeyTime.of("p/2026/10/01/13/x.log.gz", "p/2026/10/01/", day))
                .isEqualTo(Instant.parse("2026-10-01T13:00:00Z"));
        assertThat(ObjectKeyTime.of("p/day=01/hour=05/x.parquet", "p/day=01/", day))
                .isEqualTo(Instant.parse("2026-10-01T05:00:00Z"));
        assertThat(ObjectKeyTime.of("p/2026/10/01/x.log.gz", "p/2026/10/01/", day))
                .isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    }
}
