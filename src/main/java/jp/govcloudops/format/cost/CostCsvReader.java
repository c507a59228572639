package jp.govcloudops.format.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import jp.govcloudops.format.Quarantine;
import jp.govcloudops.format.UnreadableInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CUR or FOCUS export in CSV (already decompressed), streaming record by record. The first record is the
 * header; the schema is recognised from it. A row with the wrong number of fields or an unreadable cost or time goes
 * to the quarantine with its line number; the file goes on.
 */
public final class CostCsvReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** What a file held. */
    public record Result(CostSchema schema, long rows) {
    }

    /**
     * @param fallbackBillingPeriod the export folder's billing period ({@link CostLine#billingPeriod}), or -1
     */
    public Result read(InputStream decompressed, String file, int fallbackBillingPeriod, Consumer<CostLine> lines,
            Quarantine quarantine) {
        Reader reader = new InputStreamReader(decompressed, StandardCharsets.UTF_8);
        long rows = 0;
        ColumnBinding binding;
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new CostSchemaException(file, "an empty file (no header line)");
            }
            CSVRecord header = records.next();
            List<String> names = new ArrayList<>(header.size());
            header.forEach(names::add);
            binding = ColumnBinding.of(names, file);
            CostRowAssembler row = new CostRowAssembler(binding, fallbackBillingPeriod);
            int width = names.size();
            // Only the bound columns are read: a CUR file has a hundred and more, most of them unused.
            List<Integer> boundColumns = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                if (binding.field(i) != null) {
                    boundColumns.add(i);
                }
            }
            int[] bound = boundColumns.stream().mapToInt(Integer::intValue).toArray();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rows++;
                if (record.size() != width) {
                    quarantine.reject("line " + parser.getCurrentLineNumber(), "the row has " + record.size()
                            + " fields, the header " + width, excerpt(record));
                    continue;
                }
                row.start();
                for (int i : bound) {
                    row.text(binding.field(i), record.get(i));
                }
                String problem = row.finish();
                if (problem != null) {
                    quarantine.reject("line " + parser.getCurrentLineNumber(), problem, row.excerpt());
                } else {
                    lines.accept(row.line());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a broken quote or a truncated gzip as an unchecked exception mid-iteration
            throw new UnreadableInputException("row " + (rows + 1), file + ": not readable as CSV after " + rows
                    + " rows: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        return new Result(binding.schema(), rows);
    }

    private static String excerpt(CSVRecord record) {
        String text = String.join(",", record.toList());
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
