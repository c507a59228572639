package jp.govcloudops.archive.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jp.govcloudops.archive.ArchiveFiles;
import jp.govcloudops.archive.ArchiveSchema;
import jp.govcloudops.archive.ArchiveStore;
import jp.govcloudops.archive.ArchiveStore.PartitionCoverage;
import jp.govcloudops.config.IngestProperties;
import jp.govcloudops.source.LogType;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.springframework.stereotype.Component;

/**
 * Finds archived records: chooses the partitions whose records can fall in the window (by their files' first and
 * last record times), reads each file with only the columns the query needs and its predicates pushed down to
 * row-group statistics and dictionaries, and says which partitions it read and what is missing from them: data gaps
 * the store knows of, records the store accepted that the archive does not hold (not yet compacted, pruned), and
 * days in the window without any partition.
 */
@Component
public class ArchiveSearch {

    private final ArchiveStore store;
    private final long recordWindowDays;

    public ArchiveSearch(ArchiveStore store, IngestProperties ingest) {
        this.store = store;
        this.recordWindowDays = Math.max(1, ingest.recordTimeWindow().toDays());
    }

    /** A partition as the search saw it. */
    public record PartitionRead(PartitionCoverage partition, boolean read, long matched) {
    }

    /**
     * What a search read and what it could not: {@code missing} lists each thing that makes the answer incomplete
     * (empty when the window is fully covered).
     */
    public record Result(Optional<Path> archive, List<PartitionRead> partitions, List<String> missing, long matched,
            long returned) {

        public boolean complete() {
            return missing.isEmpty();
        }
    }

    public Result search(SearchQuery query, Consumer<Group> rows) {
        Optional<Path> archive = store.recordedLocation();
        LocalDate firstDay = query.since().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate lastDay = query.until().minusMillis(1).atOffset(ZoneOffset.UTC).toLocalDate();
        // A record lies within the record time window of its folder date: later folders can hold the window's records.
        List<PartitionCoverage> partitions = store.coverage(query.logType(), firstDay.minusDays(1),
                lastDay.plusDays(recordWindowDays), query.accounts(), query.regions());
        List<String> missing = new ArrayList<>();
        Set<LocalDate> daysWithPartitions = new LinkedHashSet<>();
        List<PartitionRead> reads = new ArrayList<>();
        long matched = 0;
        long returned = 0;
        for (PartitionCoverage p : partitions) {
            boolean relevant = overlaps(p, query);
            boolean mainDay = !p.day().isBefore(firstDay) && !p.day().isAfter(lastDay);
            if (mainDay) {
                daysWithPartitions.add(p.day());
                p.gaps().forEach(g -> missing.add(name(query.logType(), p) + ": " + g));
            }
            if (!p.complete() && (mainDay || relevant)) {
                missing.add(name(query.logType(), p) + ": the store accepted " + p.accepted()
                        + " records, the archive holds " + p.archived()
                        + (p.archived() < p.accepted() ? " (not yet compacted, pruned, or archiving was off)" : ""));
            }
            if (!relevant || p.path() == null || archive.isEmpty()) {
                if (mainDay) {
                    reads.add(new PartitionRead(p, false, 0));
                }
                continue;
            }
            long[] counts = read(archive.get().resolve(p.path()), query, rows, query.limit() - returned);
            matched += counts[0];
            returned += counts[1];
            reads.add(new PartitionRead(p, true, counts[0]));
        }
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (!daysWithPartitions.contains(day)) {
                missing.add(query.logType().id() + " " + day + ": no partition ingested for this day"
                        + (query.accounts().isEmpty() ? "" : " and these accounts"));
            }
        }
        return new Result(archive, reads, missing, matched, returned);
    }

    private static String name(LogType logType, PartitionCoverage p) {
        return logType.id() + " " + p.day() + " " + p.account() + " " + p.region();
    }

    /** Whether the partition's records can fall in the window; a partition without a file never does. */
    private static boolean overlaps(PartitionCoverage p, SearchQuery query) {
        if (p.firstTime() == null || p.lastTime() == null) {
            return false;
        }
        return p.firstTime().toInstant(ZoneOffset.UTC).isBefore(query.until())
                && !p.lastTime().toInstant(ZoneOffset.UTC).isBefore(query.since().minusSeconds(1));
    }

    private static boolean matches(List<Condition> conditions, Group row) {
        for (Condition c : conditions) {
            if (!c.test(row)) {
                return false;
            }
        }
        return true;
    }

    /** Reads one file; returns the rows matched and the rows handed on (up to {@code room}). */
    private static long[] read(Path file, SearchQuery query, Consumer<Group> rows, long room) {
        MessageType schema = query.logType() == LogType.CLOUDTRAIL ? ArchiveSchema.CLOUDTRAIL : ArchiveSchema.VPCFLOW;
        Set<String> needed = new LinkedHashSet<>(query.columns());
        needed.add(query.timeColumn());
        query.conditions().forEach(c -> needed.addAll(c.columns()));
        List<Type> projected = schema.getFields().stream().filter(f -> needed.contains(f.getName())).toList();
        FilterPredicate predicate = FilterApi.and(
                FilterApi.gtEq(FilterApi.longColumn(query.timeColumn()),
                        query.since().getEpochSecond() * query.timeUnitsPerSecond()),
                FilterApi.lt(FilterApi.longColumn(query.timeColumn()),
                        query.until().getEpochSecond() * query.timeUnitsPerSecond()));
        List<Condition> onRows = new ArrayList<>();
        for (Condition c : query.conditions()) {
            FilterPredicate p = c.predicate();
            if (p != null) {
                predicate = FilterApi.and(predicate, p);
            }
            onRows.add(c);
        }
        long matched = 0;
        long returned = 0;
        if (!Files.exists(file)) {
            throw new IllegalStateException("the archive file " + file + " that the store records is missing");
        }
        try (ArchiveFiles.Rows reader = ArchiveFiles.reader(file, new MessageType(schema.getName(), projected),
                FilterCompat.get(predicate))) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                if (!matches(onRows, row)) {
                    continue;
                }
                matched++;
                if (returned < room) {
                    rows.accept(row);
                    returned++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the archive file " + file + ": " + e.getMessage(), e);
        }
        return new long[] {matched, returned};
    }
}
