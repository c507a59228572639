package jp.govcloudops.cost;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
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
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.SourceObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads every file of a unit into one {@link CostAggregation}. A unit is all or nothing: a file that cannot be read
 * (wrong columns, broken gzip or Parquet, access denied) fails the whole unit, so a billing period is never replaced
 * by part of its export. Single rows that cannot be used are counted and kept as {@link RejectedRow}s.
 */
public final class CostUnitLoader {

    private static final Logger log = LoggerFactory.getLogger(CostUnitLoader.class);

    private final int maxRejectedRows;
    private final int attempts;
    private final CostCsvReader csv = new CostCsvReader();
    private final CostParquetReader parquet = new CostParquetReader();

    public CostUnitLoader(int maxRejectedRows, int objectRetries) {
        this.maxRejectedRows = maxRejectedRows;
        this.attempts = objectRetries + 1;
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
                return CostLoad.failed(unit, file.key() + ": " + describe(e));
            }
        }
        return new CostLoad(unit, List.copyOf(schemas), aggregation.lineItems() + rejections.rows,
                rejections.rows, rejections.kept, aggregation.rows(), aggregation.periods(), null);
    }

    private CostCsvReader.Result readWithRetries(ObjectSource source, SourceObject file, int fallbackPeriod,
            CostAggregation aggregation, Rejections rejections) throws IOException {
        for (int attempt = 1; ; attempt++) {
            // A retried file must not count twice: read into scratch and merge only a complete read.
            CostAggregation scratch = attempts == 1 ? aggregation : new CostAggregation();
            Rejections scratchRejections = attempts == 1 ? rejections : new Rejections(rejections.max);
            try {
                CostCsvReader.Result result = readOnce(source, file, fallbackPeriod, scratch,
                        scratchRejections.forFile(file.key()));
                if (scratch != aggregation) {
                    aggregation.merge(scratch);
                    rejections.merge(scratchRejections);
                }
                return result;
            } catch (IOException | SdkException e) {
                if (attempt >= attempts || !isTransient(e)) {
                    throw e;
                }
                log.warn("Reading {} failed ({}); trying again", file.key(), describe(e));
                sleep(500L << Math.min(attempt - 1, 5));
            }
        }
    }

    private CostCsvReader.Result readOnce(ObjectSource source, SourceObject file, int fallbackPeriod,
            CostAggregation aggregation, Quarantine quarantine) throws IOException {
        try (InputStream raw = source.open(file)) {
            BufferedInputStream peek = new BufferedInputStream(raw, 8);
            peek.mark(4);
            byte[] head = peek.readNBytes(4);
            peek.reset();
            if (Decompression.isParquetMagic(head, head.length)) {
                try (ObjectSource.LocalCopy copy = source.localCopy(file, peek)) {
                    return parquet.read(copy.path(), file.key(), fallbackPeriod, aggregation, quarantine);
                }
            }
            InputStream text = Decompression.open(peek);
            return csv.read(text, file.key(), fallbackPeriod, aggregation, quarantine);
        }
    }

    private static boolean isTransient(Throwable e) {
        if (e instanceof S3Exception s3) {
            return s3.statusCode() == 429 || s3.statusCode() >= 500;
        }
        return !(e instanceof NoSuchFileException) && (e instanceof SdkException || e instanceof IOException);
    }

    private static String describe(Throwable e) {
        if (e instanceof S3Exception s3) {
            String hint = switch (s3.statusCode()) {
                case 403 -> " (access denied: check the bucket policy and the role's s3:GetObject permission)";
                case 404 -> " (the object no longer exists)";
                case 412 -> " (the object changed while being read; the next run reads the new version)";
                default -> "";
            };
            return "S3 returned HTTP " + s3.statusCode() + hint;
        }
        if (e instanceof NoSuchFileException) {
            return "the file no longer exists";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
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
