package jp.govcloudops.ingest;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jp.govcloudops.aggregate.AnalyzerFactory;
import jp.govcloudops.aggregate.ObjectAnalyzer;
import jp.govcloudops.config.IngestProperties;
import jp.govcloudops.format.Decompression;
import jp.govcloudops.format.RecordLimits;
import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.UnreadableInputException;
import jp.govcloudops.format.cloudtrail.CloudTrailEvent;
import jp.govcloudops.format.cloudtrail.CloudTrailReader;
import jp.govcloudops.format.config.ConfigChange;
import jp.govcloudops.format.config.ConfigReader;
import jp.govcloudops.format.finding.GuardDutyReader;
import jp.govcloudops.format.finding.SecurityHubReader;
import jp.govcloudops.format.finding.ServiceFinding;
import jp.govcloudops.format.flowlog.FlowLogParquetReader;
import jp.govcloudops.format.flowlog.FlowLogTextReader;
import jp.govcloudops.format.flowlog.FlowRecord;
import jp.govcloudops.source.CountingInputStream;
import jp.govcloudops.source.LogPartition;
import jp.govcloudops.source.LogType;
import jp.govcloudops.source.ObjectKeyTime;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.ReadFaults;
import jp.govcloudops.source.SourceObject;
import jp.govcloudops.store.IngestedObject;
import jp.govcloudops.store.ObjectContribution;
import jp.govcloudops.store.PartitionWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;

/**
 * Reads one object of a partition into its counts, quarantine and contributions. Not thread-safe: each reading
 * thread uses its own (the parsers keep reusable buffers).
 *
 * <p>Failures are sorted three ways. Bad content (broken JSON, truncated gzip, wrong field counts, values a field
 * may not hold, times far from the object's folder date, records too large to read) is quarantined and the good
 * records stay. A download that breaks off before the object's size, or a transient S3 fault the SDK
 * could not ride out, re-reads the whole object with backoff. A permanent fault (403, 404, the object changed
 * while being read) marks the object failed with the reason; the next run tries it again.
 */
public final class ObjectIngestor {

    private static final Logger log = LoggerFactory.getLogger(ObjectIngestor.class);

    private final ObjectSource source;
    private final List<AnalyzerFactory> analyzers;
    private final int maxQuarantineRows;
    private final Duration recordTimeWindow;
    private final RecordLimits limits;
    private final RetryTemplate retry;
    // Made on first use: a partition holds one log type, and the CloudTrail reader alone loads Jackson's data
    // binding (some 450 classes, 90 ms, with the other reading thread waiting for them) that flow logs never need.
    private CloudTrailReader cloudTrail;
    private FlowLogTextReader flowText;
    private FlowLogParquetReader flowParquet;
    private GuardDutyReader guardDuty;
    private SecurityHubReader securityHub;
    private ConfigReader config;

    public ObjectIngestor(ObjectSource source, List<AnalyzerFactory> analyzers, IngestProperties ingest,
            int objectRetries) {
        this.source = source;
        this.analyzers = analyzers;
        this.maxQuarantineRows = ingest.maxQuarantineRowsPerObject();
        this.recordTimeWindow = ingest.recordTimeWindow();
        this.limits = new RecordLimits((int) ingest.maxValueSize().toBytes(), (int) ingest.maxRecordSize().toBytes());
        this.retry = ReadFaults.retrying(objectRetries);
    }

    public IngestedObject ingest(PartitionWork work, SourceObject object) {
        try {
            return retry.execute(() -> readOnce(work, object));
        } catch (RetryException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String reason = ReadFaults.describe(cause);
            log.warn("Could not read {} from {}: {}", object.key(), source.location(), reason);
            return IngestedObject.failed(work, object, reason);
        }
    }

    private IngestedObject readOnce(PartitionWork work, SourceObject object) throws IOException {
        LogPartition partition = work.partition();
        TimeWindow window = TimeWindow.around(partition.folderDate(), recordTimeWindow);
        QuarantineCollector quarantine = new QuarantineCollector(maxQuarantineRows);
        long[] accepted = {0};
        List<ObjectContribution> contributions = new ArrayList<>();
        try (CountingInputStream raw = new CountingInputStream(source.open(object))) {
            try {
                switch (partition.logType()) {
                    case CLOUDTRAIL, CLOUDTRAIL_INSIGHT -> {
                        List<ObjectAnalyzer<CloudTrailEvent>> list = new ArrayList<>();
                        for (AnalyzerFactory factory : analyzers) {
                            list.addAll(partition.logType() == LogType.CLOUDTRAIL
                                    ? factory.cloudTrail(partition) : factory.cloudTrailInsight(partition));
                        }
                        // An array, not the list: a for-each over the list allocated an iterator per record.
                        @SuppressWarnings("unchecked")
                        ObjectAnalyzer<CloudTrailEvent>[] each = list.toArray(new ObjectAnalyzer[0]);
                        if (cloudTrail == null) {
                            cloudTrail = new CloudTrailReader(limits);
                        }
                        try {
                            cloudTrail.read(Decompression.open(raw), window, event -> {
                                accepted[0]++;
                                for (ObjectAnalyzer<CloudTrailEvent> analyzer : each) {
                                    analyzer.accept(event);
                                }
                            }, quarantine);
                        } finally {
                            // Records read before a fault stand: their contributions are kept.
                            list.forEach(a -> contributions.addAll(a.contributions()));
                        }
                    }
                    case VPCFLOW -> {
                        List<ObjectAnalyzer<FlowRecord>> list = new ArrayList<>();
                        for (AnalyzerFactory factory : analyzers) {
                            list.addAll(factory.flow(partition));
                        }
                        long fallbackStart = ObjectKeyTime.of(object.key(), partition.folderPrefix(),
                                partition.folderDate()).getEpochSecond();
                        if (!window.contains(fallbackStart)) { // a file-name stamp far from its folder
                            fallbackStart = partition.folderDate().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
                        }
                        @SuppressWarnings("unchecked")
                        ObjectAnalyzer<FlowRecord>[] each = list.toArray(new ObjectAnalyzer[0]);
                        java.util.function.Consumer<FlowRecord> sink = record -> {
                            accepted[0]++;
                            for (ObjectAnalyzer<FlowRecord> analyzer : each) {
                                analyzer.accept(record);
                            }
                        };
                        try {
                            readFlow(object, raw, window, fallbackStart, sink, quarantine);
                        } finally {
                            list.forEach(a -> contributions.addAll(a.contributions()));
                        }
                    }
                    case GUARDDUTY, SECURITYHUB -> {
                        List<ObjectAnalyzer<ServiceFinding>> list = new ArrayList<>();
                        analyzers.forEach(factory -> list.addAll(factory.serviceFindings(partition)));
                        Consumer<ServiceFinding> sink = finding -> {
                            accepted[0]++;
                            list.forEach(a -> a.accept(finding));
                        };
                        try {
                            if (partition.logType() == LogType.GUARDDUTY) {
                                guardDuty = guardDuty != null ? guardDuty : new GuardDutyReader(limits);
                                guardDuty.read(Decompression.open(raw), sink, quarantine);
                            } else {
                                securityHub = securityHub != null ? securityHub : new SecurityHubReader(limits);
                                securityHub.read(Decompression.open(raw), sink, quarantine);
                            }
                        } finally {
                            list.forEach(a -> contributions.addAll(a.contributions()));
                        }
                    }
                    case CONFIG -> {
                        List<ObjectAnalyzer<ConfigChange>> list = new ArrayList<>();
                        analyzers.forEach(factory -> list.addAll(factory.configChanges(partition)));
                        try {
                            config = config != null ? config : new ConfigReader(limits);
                            config.read(Decompression.open(raw), change -> {
                                accepted[0]++;
                                list.forEach(a -> a.accept(change));
                            }, quarantine);
                        } finally {
                            list.forEach(a -> contributions.addAll(a.contributions()));
                        }
                    }
                }
            } catch (UnreadableInputException e) {
                if (raw.transferFault() != null) { // the download broke off: the object itself may be whole
                    throw ReadFaults.brokeOff(object, raw.count(), raw.transferFault());
                }
                quarantine.reject(e.position(), e.getMessage(), null, 1);
            }
        }
        return new IngestedObject(work, object, null, accepted[0] + quarantine.records(), quarantine.records(),
                quarantine.entries(), contributions);
    }

    private void readFlow(SourceObject object, CountingInputStream raw, TimeWindow window, long fallbackStart,
            java.util.function.Consumer<FlowRecord> sink, QuarantineCollector quarantine) throws IOException {
        Decompression.Peeked peeked = Decompression.peek(raw);
        if (peeked.parquet()) {
            if (flowParquet == null) {
                flowParquet = new FlowLogParquetReader();
            }
            try (ObjectSource.LocalCopy copy = source.localCopy(object, peeked.stream())) {
                flowParquet.read(copy.path(), window, fallbackStart, sink, quarantine);
            }
            return;
        }
        if (flowText == null) {
            flowText = new FlowLogTextReader(limits);
        }
        flowText.read(Decompression.open(peeked.stream()), window, fallbackStart, sink, quarantine);
    }
}
