package jp.govcloudops.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Sums a cost file's cost column per key columns straight from the file, with parquet's example Group API or a
 * plain CSV parse: the independent side of the comparisons with what the store holds.
 */
public final class FileTotals {

    private FileTotals() {
    }

    /** Sum of {@code costColumn} per the values of {@code keyColumns} joined by '|'. NULL text counts as zero. */
    public static Map<String, BigDecimal> csv(Path file, String costColumn, String... keyColumns) throws IOException {
        Map<String, BigDecimal> totals = new TreeMap<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8),
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord record : parser) {
                StringBuilder key = new StringBuilder();
                for (String column : keyColumns) {
                    key.append(key.isEmpty() ? "" : "|").append(record.get(column).equals("NULL") ? ""
                            : record.get(column));
                }
                String value = record.get(costColumn);
                BigDecimal cost = value.isEmpty() || value.equals("NULL") ? BigDecimal.ZERO : new BigDecimal(value);
                totals.merge(key.toString(), cost, BigDecimal::add);
            }
        }
        return totals;
    }

    public static Map<String, BigDecimal> parquet(Path file, String costColumn, String... keyColumns)
            throws IOException {
        Map<String, BigDecimal> totals = new TreeMap<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PrimitiveType costType = schema.getType(costColumn).asPrimitiveType();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group row = records.read();
                    StringBuilder key = new StringBuilder();
                    for (String column : keyColumns) {
                        String value = row.getFieldRepetitionCount(column) == 0 ? "" : row.getString(column, 0);
                        key.append(key.isEmpty() ? "" : "|").append(value);
                    }
                    BigDecimal cost;
                    if (row.getFieldRepetitionCount(costColumn) == 0) {
                        cost = BigDecimal.ZERO;
                    } else if (costType.getLogicalTypeAnnotation()
                            instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                        cost = new BigDecimal(new BigInteger(row.getBinary(costColumn, 0).getBytes()), d.getScale());
                    } else {
                        cost = BigDecimal.valueOf(row.getDouble(costColumn, 0));
                    }
                    totals.merge(key.toString(), cost, BigDecimal::add);
                }
            }
        }
        return totals;
    }
}
