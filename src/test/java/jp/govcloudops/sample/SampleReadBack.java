package jp.govcloudops.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jp.govcloudops.format.Decompression;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.cloudtrail.CloudTrailReader;
import jp.govcloudops.format.flowlog.FlowLogParquetReader;
import jp.govcloudops.format.flowlog.FlowLogTextReader;
import jp.govcloudops.source.AwsLogsLayout;
import jp.govcloudops.source.LocalDirectorySource;
import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;
import jp.govcloudops.source.ObjectKeyTime;
import jp.govcloudops.source.SourceObject;
import tools.jackson.databind.JsonNode;

/** A generated sample read back the way ingestion reads it: the project's key walker and parsers. */
final class SampleReadBack {

    record ObjectRead(String key, LogType type, LocalDate folderDate, long records, long quarantined,
            List<String> problems) {
    }

    record Event(String key, LocalDate folderDate, long epochSecond, String eventName, String eventSource,
            String identityType, String principal, String mfaUsed, String errorCode, String sourceIp,
            JsonNode tree) {

        String eventId() {
            return tree.path("eventID").asString();
        }
    }

    record Flow(String key, String interfaceId, String src, String dst, long srcPort, long dstPort, long protocol,
            long packets, long bytes, long start, String action, String logStatus) {
    }

    final List<LogPartition> partitions;
    final List<ObjectRead> objects = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Event> insights = new ArrayList<>();
    final List<Flow> flows = new ArrayList<>();

    private SampleReadBack(List<LogPartition> partitions) {
        this.partitions = partitions;
    }

    /** Reads every object of the folder dates {@code from} to {@code to} below {@code logs}. */
    static SampleReadBack read(Path logs, LocalDate from, LocalDate to) throws IOException {
        LocalDirectorySource source = new LocalDirectorySource(logs);
        // The trail and flow logs; the security services' files are read back by their own tests.
        List<LogPartition> partitions = new AwsLogsLayout(source).partitions(from, to,
                EnumSet.of(LogType.CLOUDTRAIL, LogType.CLOUDTRAIL_INSIGHT, LogType.VPCFLOW),
                account -> true);
        SampleReadBack back = new SampleReadBack(partitions);
        CloudTrailReader cloudTrail = new CloudTrailReader();
        FlowLogTextReader text = new FlowLogTextReader();
        FlowLogParquetReader parquet = new FlowLogParquetReader();
        for (LogPartition partition : partitions) {
            for (SourceObject object : source.listObjects(partition.folderPrefix())) {
                List<String> problems = new ArrayList<>();
                TimeWindow window = TimeWindow.around(partition.folderDate(), java.time.Duration.ofDays(7));
                Quarantine quarantine = (position, reason, excerpt, records) -> problems.add(position + ": " + reason);
                long records;
                if (partition.logType() == LogType.VPCFLOW) {
                    long fallback = ObjectKeyTime.of(object.key(), partition.folderPrefix(), partition.folderDate())
                            .getEpochSecond();
                    Path file = logs.resolve(object.key());
                    byte[] head = new byte[4];
                    try (InputStream in = Files.newInputStream(file)) {
                        in.readNBytes(head, 0, 4);
                    }
                    if (Decompression.isParquetMagic(head, 4)) {
                        records = parquet.read(file, window, fallback, r -> back.flows.add(flow(object.key(), r)), quarantine);
                    } else {
                        try (InputStream in = Decompression.open(Files.newInputStream(file))) {
                            records = text.read(in, window, fallback, r -> back.flows.add(flow(object.key(), r)), quarantine);
                        }
                    }
                } else {
                    List<Event> sink = partition.logType() == LogType.CLOUDTRAIL ? back.events : back.insights;
                    try (InputStream in = Decompression.open(Files.newInputStream(logs.resolve(object.key())))) {
                        records = cloudTrail.read(in, window, e -> sink.add(new Event(object.key(), partition.folderDate(),
                                e.eventEpochSecond(), e.eventName(), e.eventSource(), e.identityType(), e.principal(),
                                e.mfaUsed(), e.errorCode(), e.sourceIpAddress(), e.tree())), quarantine);
                    }
                }
                back.objects.add(new ObjectRead(object.key(), partition.logType(), partition.folderDate(), records,
                        problems.size(), problems));
            }
        }
        return back;
    }

    private static Flow flow(String key, jp.govcloudops.format.flowlog.FlowRecord r) {
        return new Flow(key, r.interfaceId(), r.srcAddr(), r.dstAddr(), r.srcPort(), r.dstPort(), r.protocol(),
                r.packets(), r.bytes(), r.start(), r.action(), r.logStatus());
    }

    long records(LogType type) {
        return objects.stream().filter(o -> o.type() == type).mapToLong(ObjectRead::records).sum();
    }
}
