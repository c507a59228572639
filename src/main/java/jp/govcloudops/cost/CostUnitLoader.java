package jp.govcloudops.cost;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.govcloudops.format.Decompression;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.UnreadableInputException;
import jp.govcloudops.format.cost.CostCsvReader;
import jp.govcloudops.format.cost.CostLine;
import jp.govcloudops.format.cost.CostParquetReader;
import jp.govcloudops.format.cost.CostSchema;
import jp.govcloudops.source.CountingInputStream;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.ReadFaults;
import jp.govcloudops.source.SourceObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reads every file of a unit into one {@link CostAggregation}. A unit is all or nothing: a file that cannot be read
 * (wrong columns, broken gzip or Parquet, access denied) fails the whole unit, so a billing period is never replaced
 * by part of its export. Single rows that cannot be used are counted and kept as {@link RejectedRow}s.
 */
public final class CostUnitLoader {

    private static final Logger log = LoggerFactory.getLogger(CostUnitLoader.class);

    private final int maxRejectedRows;
    private final RetryTemplate retry;
    private final CostCsvReader csv = new CostCsvReader();
    private final CostParquetReader parquet = new CostParquetReader();

    public CostUnitLoader(int maxRejectedRows, int objectRetries) {
        this.maxRejectedRows = maxRejectedRows;
        this.retry = ReadFaults.retrying(objectRetries);
    }

    public CostLoad load(CostUnit unit, ObjectSource source) {
        int fallbackPeriod = unit.folderPeriod() == null ? -1 : CostLine.billingPeriod(
                Integer.parseInt(unit.folderPeriod().substring(0, 4)),
                Integer.parseInt(unit.folderPeriod().substring(5, 7)));
        CostAggregation aggregation = new CostAggregation();
        Rejections rejections = new Rejections(maxRejectedRows);
        Set<CostSchema> schemas = new LinkedHashSet<>();
        for (SourceObject file : unit.files()) {
            try {
                CostCsvReader.Result result = readWithRetries(source, file, fallbackPeriod, aggregation, rejections);
                schemas.add(result.schema());
            } catch (UnreadableInputException e) {
                return CostLoad.failed(unit, e.getMessage());
            } catch (IOException | RuntimeException e) {
                return CostLoad.failed(unit, file.key() + ": " + ReadFaults.describe(e));
            }
        }
        return new CostLoad(unit, List.copyOf(schemas), aggregation.lineItems() + rejections.rows,
                rejections.rows, rejections.kept, aggregation.rows(), aggregation.periods(), null);
    }

    private CostCsvReader.Result readWithRetries(ObjectSource source, SourceObject file, int fallbackPeriod,
            CostAggregation aggregation, Rejections rejections) throws IOException {
        try {
            return retry.execute(() -> {
                // A file read again must not count twice: read into scratch and merge only a complete read.
                CostAggregation scratch = new CostAggregation();
                Rejections scratchRejections = new Rejections(rejections.max);
                try {
                    CostCsvReader.Result result = readOnce(source, file, fallbackPeriod, scratch,
                            scratchRejections.forFile(file.key()));
                    aggregation.merge(scratch);
                    rejections.merge(scratchRejections);
                    return result;
                } catch (IOException | SdkException e) {
                    if (ReadFaults.isTransient(e)) {
                        log.warn("Reading {} failed ({})", file.key(), ReadFaults.describe(e));
                    }
                    throw e;
                }
            });
        } catch (RetryException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    private CostCsvReader.Result readOnce(ObjectSource source, SourceObject file, int fallbackPeriod,
            CostAggregation aggregation, Quarantine quarantine) throws IOException {
        try (CountingInputStream raw = new CountingInputStream(source.open(file))) {
            try {
                Decompression.Peeked peeked = Decompression.peek(raw);
                if (peeked.parquet()) {
                    try (ObjectSource.LocalCopy copy = source.localCopy(file, peeked.stream())) {
                        return parquet.read(copy.path(), file.key(), fallbackPeriod, aggregation, quarantine);
                    }
                }
                return csv.read(Decompression.open(peeked.stream()), file.key(), fallbackPeriod, aggregation,
                        quarantine);
            } catch (UnreadableInputException e) {
                if (raw.transferFault() != null) { // the download broke off: the file itself may be whole
                    throw ReadFaults.brokeOff(file, raw.count(), raw.transferFault());
                }
                throw e;
            }
        }
    }

    /** Counts every rejected row and keeps the first few in detail. */
    private static final class Rejections {
        final int max;
        final List<RejectedRow> kept = new ArrayList<>();
        long rows;

        Rejections(int max) {
            this.max = max;
        }

        Quarantine forFile(String file) {
            return (position, reason, excerpt, count) -> {
                rows += count;
                if (kept.size() < max) {
                    kept.add(new RejectedRow(file, position, reason, excerpt, count));
                } else {
                    // the last kept row stands for the rows not listed, so the counts still add up
                    RejectedRow last = kept.remove(kept.size() - 1);
                    kept.add(new RejectedRow(last.file(), last.position(), last.reason(), last.excerpt(),
                            last.rows() + count));
                }
            };
        }

        void merge(Rejections other) {
            rows += other.rows;
            for (RejectedRow row : other.kept) {
                if (kept.size() < max) {
                    kept.add(row);
                } else {
                    RejectedRow last = kept.remove(kept.size() - 1);
                    kept.add(new RejectedRow(last.file(), last.position(), last.reason(), last.excerpt(),
                            last.rows() + row.rows()));
                }
            }
        }
    }
}
