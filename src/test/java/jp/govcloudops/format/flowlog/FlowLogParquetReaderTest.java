package jp.govcloudops.format.flowlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jp.govcloudops.format.TimeWindow;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet reader against rows written here with parquet-java's example writer, in the three ways a column chunk
 * can hold its values: all through a dictionary, plain, and a dictionary that overflows so that later pages fall
 * back to plain. Every record must read back as written, whichever way it was stored.
 */
class FlowLogParquetReaderTest {

    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message schema {"
            + " optional binary account_id (STRING); optional binary interface_id (STRING);"
            + " optional binary srcaddr (STRING); optional binary dstaddr (STRING);"
            + " optional binary pkt_srcaddr (STRING); optional binary pkt_dstaddr (STRING);"
            + " optional int32 srcport; optional int32 dstport; optional int32 protocol;"
            + " optional int64 packets; optional int64 bytes; optional int64 start; optional int64 end;"
            + " optional binary action (STRING); optional binary log_status (STRING); optional int32 version; }");

    private static final long FALLBACK_START = 1_790_000_000L;

    @TempDir
    Path dir;

    /** One written row: null where the column has no value; "-" is written as text, as AWS writes it. */
    private record Row(String account, String eni, String src, String dst, String pktSrc, String pktDst,
            Integer srcPort, Integer dstPort, Integer protocol, Long packets, Long bytes, Long start, Long end,
            String action, String status) {

        /** What the reader must give for this row, in {@link #describe}'s form. */
        String expected() {
            String source = present(pktSrc) ? pktSrc : present(src) ? src : null;
            String destination = present(pktDst) ? pktDst : present(dst) ? dst : null;
            return String.join("|", text(account), text(eni), String.valueOf(source), String.valueOf(destination),
                    number(srcPort), number(dstPort), number(protocol), number(packets), number(bytes),
                    start == null ? String.valueOf(FALLBACK_START) : number(start), number(end), text(action),
                    text(status));
        }

        private static boolean present(String address) {
            return address != null && !address.equals("-");
        }

        private static String text(String value) {
            return value == null || value.equals("-") ? "null" : value;
        }

        private static String number(Number value) {
            return value == null ? "-1" : String.valueOf(value.longValue());
        }
    }

    private static String describe(FlowRecord r) {
        return String.join("|", String.valueOf(r.accountId()), String.valueOf(r.interfaceId()),
                String.valueOf(r.srcAddr()), String.valueOf(r.dstAddr()), String.valueOf(r.srcPort()),
                String.valueOf(r.dstPort()), String.valueOf(r.protocol()), String.valueOf(r.packets()),
                String.valueOf(r.bytes()), String.valueOf(r.start()), String.valueOf(r.end()),
                String.valueOf(r.action()), String.valueOf(r.logStatus()));
    }

    /** Rows over {@code addresses} distinct addresses, with absent and "-" values sprinkled in. */
    private static List<Row> rows(int count, int addresses, long seed) {
        Random random = new Random(seed);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < addresses; i++) {
            pool.add(i % 50 == 7 ? "2001:db8:" + Integer.toHexString(i) + "::" + (i % 9 + 1)
                    : "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean noData = random.nextInt(20) == 0;
            String src = noData ? "-" : pool.get(random.nextInt(pool.size()));
            String dst = noData ? "-" : pool.get(random.nextInt(pool.size()));
            String pktSrc = random.nextInt(10) == 0 ? pool.get(random.nextInt(pool.size()))
                    : random.nextInt(3) == 0 ? null : "-";
            String pktDst = random.nextInt(10) == 0 ? pool.get(random.nextInt(pool.size())) : null;
            long start = 1_727_740_800L + random.nextInt(3600);
            rows.add(new Row("11112222333" + random.nextInt(3), "eni-" + random.nextInt(12), src, dst, pktSrc, pktDst,
                    noData ? null : random.nextInt(65536), noData ? null : random.nextInt(65536),
                    noData ? null : new int[] {6, 17, 1}[random.nextInt(3)], noData ? null : 1L + random.nextInt(500),
                    noData ? null : (long) random.nextInt(2_000_000_000) + random.nextInt(3) * 3_000_000_000L,
                    random.nextInt(40) == 0 ? null : start, start + 60, noData ? "-" : random.nextBoolean() ? "ACCEPT" : "REJECT",
                    noData ? "NODATA" : "OK"));
        }
        return rows;
    }

    private Path write(String name, List<Row> rows, boolean dictionary, int dictionaryPageSize) throws IOException {
        Path file = dir.resolve(name);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = writer(file, SCHEMA, dictionary)
                .withCompressionCodec(CompressionCodecName.GZIP).withDictionaryPageSize(dictionaryPageSize)
                .withPageSize(4096).build()) {
            for (Row row : rows) {
                Group g = groups.newGroup();
                g.add("version", 5);
                addText(g, "account_id", row.account);
                addText(g, "interface_id", row.eni);
                addText(g, "srcaddr", row.src);
                addText(g, "dstaddr", row.dst);
                addText(g, "pkt_srcaddr", row.pktSrc);
                addText(g, "pkt_dstaddr", row.pktDst);
                addText(g, "action", row.action);
                addText(g, "log_status", row.status);
                if (row.srcPort != null) {
                    g.add("srcport", row.srcPort);
                    g.add("dstport", row.dstPort);
                    g.add("protocol", row.protocol);
                    g.add("packets", row.packets);
                    g.add("bytes", row.bytes);
                }
                if (row.start != null) {
                    g.add("start", row.start);
                }
                g.add("end", row.end);
                writer.write(g);
            }
        }
        return file;
    }

    private static ExampleParquetWriter.Builder writer(Path file, MessageType schema, boolean dictionary) {
        return ExampleParquetWriter.builder(new LocalOutputFile(file)).withConf(new PlainParquetConfiguration())
                .withType(schema).withDictionaryEncoding(dictionary);
    }

    private static void addText(Group g, String column, String value) {
        if (value != null) {
            g.add(column, value);
        }
    }

    /** The encodings of a column's pages in the file: dictionary, plain, or both. */
    private static List<String> encodings(Path file, String name) throws IOException {
        List<String> kinds = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData column : block.getColumns()) {
                    if (column.getPath().toDotString().equals(name)) {
                        EncodingStats stats = column.getEncodingStats();
                        if (stats.hasDictionaryEncodedPages()) {
                            kinds.add("dictionary");
                        }
                        if (stats.hasNonDictionaryEncodedPages()) {
                            kinds.add("plain");
                        }
                    }
                }
            }
        }
        return kinds.stream().distinct().sorted().toList();
    }

    /** The file's records as {@link #describe} gives them; none may be rejected. */
    private static List<String> read(FlowLogParquetReader reader, Path file) {
        List<String> seen = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        long count = reader.read(file, TimeWindow.ANY, FALLBACK_START, r -> seen.add(describe(r)),
                (position, reason, excerpt, records) -> rejected.add(position + ": " + reason));
        assertThat(rejected).as(file.getFileName().toString()).isEmpty();
        assertThat(count).isEqualTo(seen.size());
        return seen;
    }

    @Test
    void everyRowReadsBackAsWrittenWhetherItsPagesUseADictionaryOrNot() throws IOException {
        List<Row> rows = rows(5000, 300, 1);
        List<String> expected = rows.stream().map(Row::expected).toList();
        Path dictionary = write("dictionary.parquet", rows, true, 1024 * 1024);
        Path plain = write("plain.parquet", rows, false, 1024 * 1024);
        // Few addresses first, so that the first pages are written through the dictionary, then so many that it
        // outgrows its page and the later pages are plain.
        List<Row> growing = new ArrayList<>(rows(2500, 40, 2));
        growing.addAll(rows(2500, 5000, 3));
        Path overflowing = write("overflowing.parquet", growing, true, 2048);
        for (String column : List.of("srcaddr", "account_id", "protocol", "packets")) {
            assertThat(encodings(dictionary, column)).as(column).containsExactly("dictionary");
            assertThat(encodings(plain, column)).as(column).containsExactly("plain");
        }
        assertThat(encodings(overflowing, "srcaddr")).containsExactly("dictionary", "plain");

        // One reader for all three files, as an ingestion thread keeps it from object to object.
        FlowLogParquetReader reader = new FlowLogParquetReader();
        assertThat(read(reader, dictionary)).containsExactlyElementsOf(expected);
        assertThat(read(reader, plain)).containsExactlyElementsOf(expected);
        assertThat(read(reader, overflowing)).containsExactlyElementsOf(growing.stream().map(Row::expected).toList());
    }

    @Test
    void numbersWrittenAsTextAreParsedAndARowWithANonNumberIsQuarantined() throws IOException {
        MessageType textNumbers = MessageTypeParser.parseMessageType("message schema {"
                + " optional binary interface_id (STRING); optional binary srcaddr (STRING);"
                + " optional binary packets (STRING); optional binary bytes (STRING); optional binary start (STRING);"
                + " optional binary log_status (STRING); }");
        // null: no value in the column. NODATA and SKIPDATA rows carry no traffic numbers: null, "-" or, as some
        // exporters write it, "None"; "None" anywhere else is not a number.
        String[][] values = {
                {"eni-1", "10.0.0.1", "3", "180", "1727740800", "OK"},
                {"eni-1", "10.0.0.2", "-", "-", "1727740801", "OK"},
                {"eni-2", "10.0.0.1", "4", "x240", "1727740802", "OK"},
                {"eni-1", "-", "5", "300", "-", "OK"},
                {"eni-3", "-", "None", "None", "1727740803", "NODATA"},
                {"eni-3", null, "None", "None", "1727740803", "SKIPDATA"},
                {"eni-4", "10.0.0.1", "None", "500", "1727740804", "OK"},
                {"eni-5", null, null, null, "1727740805", "NODATA"}};
        // Fifty times over, so that the dictionary pays and the writer keeps it.
        int times = 50;
        for (boolean dictionary : new boolean[] {true, false}) {
            Path file = dir.resolve("text-numbers-" + dictionary + ".parquet");
            SimpleGroupFactory groups = new SimpleGroupFactory(textNumbers);
            try (ParquetWriter<Group> writer = writer(file, textNumbers, dictionary).build()) {
                for (int t = 0; t < times; t++) {
                    for (String[] row : values) {
                        Group g = groups.newGroup();
                        for (int c = 0; c < row.length; c++) {
                            if (row[c] != null) {
                                g.add(c, row[c]);
                            }
                        }
                        writer.write(g);
                    }
                }
            }
            assertThat(encodings(file, "bytes")).containsExactly(dictionary ? "dictionary" : "plain");
            List<String> seen = new ArrayList<>();
            List<String> rejected = new ArrayList<>();
            long count = new FlowLogParquetReader().read(file, TimeWindow.ANY, FALLBACK_START,
                    r -> seen.add(r.interfaceId() + "|" + r.srcAddr() + "|" + r.packets() + "|" + r.bytes() + "|"
                            + r.start() + "|" + r.logStatus()),
                    (position, reason, excerpt, records) -> rejected.add(position + ": " + reason));
            assertThat(count).as("dictionary " + dictionary).isEqualTo(8L * times);
            List<String> expected = List.of("eni-1|10.0.0.1|3|180|1727740800|OK", "eni-1|10.0.0.2|-1|-1|1727740801|OK",
                    "eni-1|null|5|300|" + FALLBACK_START + "|OK", "eni-3|null|-1|-1|1727740803|NODATA",
                    "eni-3|null|-1|-1|1727740803|SKIPDATA", "eni-5|null|-1|-1|1727740805|NODATA");
            assertThat(seen).as("dictionary " + dictionary).hasSize(6 * times)
                    .startsWith(expected.toArray(new String[0])).containsOnlyElementsOf(expected);
            // Rows count from 1.
            assertThat(rejected).as("dictionary " + dictionary).hasSize(2 * times).startsWith(
                    "row 3: column bytes holds 'x240', not a number",
                    "row 7: column packets holds 'None', not a number",
                    "row 11: column bytes holds 'x240', not a number");
        }
    }

    @Test
    void aRowHoldingWhatItsColumnMayNotIsQuarantinedNamingColumnAndValue() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message schema {"
                + " optional binary account_id (STRING); optional binary interface_id (STRING);"
                + " optional binary srcaddr (STRING); optional binary pkt_srcaddr (STRING); optional int32 dstport;"
                + " optional int32 protocol; optional int64 start; optional int64 end; optional binary action (STRING);"
                + " optional binary log_status (STRING); optional int32 version; }");
        long day = 1_790_208_000L; // 2026-09-24T00:00:00Z
        Object[] good = {"111122223333", "eni-0a1", "10.0.0.1", "10.0.0.1", 443, 6, day + 60, day + 120, "ACCEPT",
            "OK", 5};
        List<Object[]> rows = new ArrayList<>();
        rows.add(good);
        String[] expected = {
            "row 2: column account_id holds '{\"message\":\"2', not a 12-digit account id, unknown or -",
            "row 3: column srcaddr holds '999.1.1.1', not an IPv4 or IPv6 address",
            "row 4: column pkt_srcaddr holds '10.0.0.256', not an IPv4 or IPv6 address",
            "row 5: column dstport holds 65536, outside 0 to 65535",
            "row 6: column protocol holds 256, outside 0 to 255",
            "row 7: column start 1790208000000 (+58699-06-08T00:00:00Z) is more than 7 days away from the folder"
                    + " date 2026-09-24 (govcloud.ingest.record-time-window); it has 13 digits and looks like"
                    + " milliseconds (2026-09-24T00:00:00Z)",
            "row 8: column end 179020800 (1975-09-04T00:00:00Z) is more than 7 days away from the folder date"
                    + " 2026-09-24 (govcloud.ingest.record-time-window); it has 9 digits, where epoch seconds since"
                    + " 2001 have 10",
            "row 9: column action holds 'ACCEPTED', not ACCEPT, REJECT or -",
            "row 10: column log_status holds 'NODATA\"}', not OK, NODATA, SKIPDATA or -",
            "row 11: column version holds 100, outside 2 to 99"};
        Object[][] changes = {{0, "{\"message\":\"2"}, {2, "999.1.1.1"}, {3, "10.0.0.256"}, {4, 65536}, {5, 256},
            {6, day * 1000}, {7, day / 10}, {8, "ACCEPTED"}, {9, "NODATA\"}"}, {10, 100}};
        for (Object[] change : changes) {
            Object[] row = good.clone();
            row[(Integer) change[0]] = change[1];
            rows.add(row);
        }
        rows.add(good);
        for (boolean dictionary : new boolean[] {true, false}) {
            Path file = dir.resolve("bad-values-" + dictionary + ".parquet");
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            try (ParquetWriter<Group> writer = writer(file, schema, dictionary).build()) {
                for (Object[] row : rows) {
                    Group g = groups.newGroup();
                    for (int c = 0; c < row.length; c++) {
                        if (row[c] instanceof String text) {
                            g.add(c, text);
                        } else if (row[c] instanceof Integer number) {
                            g.add(c, number);
                        } else {
                            g.add(c, (Long) row[c]);
                        }
                    }
                    writer.write(g);
                }
            }
            List<String> seen = new ArrayList<>();
            List<String> rejected = new ArrayList<>();
            long count = new FlowLogParquetReader().read(file, TimeWindow.around(java.time.LocalDate.parse(
                    "2026-09-24"), java.time.Duration.ofDays(7)), FALLBACK_START, r -> seen.add(r.position() + "|"
                            + r.accountId() + "|" + r.srcAddr() + "|" + r.dstPort() + "|" + r.start()),
                    (position, reason, excerpt, records) -> rejected.add(position + ": " + reason));
            assertThat(count).isEqualTo(rows.size());
            assertThat(rejected).as("dictionary " + dictionary).containsExactly(expected);
            assertThat(seen).containsExactly("1|111122223333|10.0.0.1|443|" + (day + 60),
                    rows.size() + "|111122223333|10.0.0.1|443|" + (day + 60));
        }
    }

    @Test
    void anIntegerColumnUnderATextFieldsNameIsNotReadWithOrWithoutADictionary() throws IOException {
        // An account id written as int64 (as some writers do): not read, as before dictionaries were used.
        MessageType intAccount = MessageTypeParser.parseMessageType("message schema {"
                + " optional int64 account_id; optional binary interface_id (STRING); optional int64 bytes; }");
        for (boolean dictionary : new boolean[] {true, false}) {
            Path file = dir.resolve("int-account-" + dictionary + ".parquet");
            SimpleGroupFactory groups = new SimpleGroupFactory(intAccount);
            try (ParquetWriter<Group> writer = writer(file, intAccount, dictionary).build()) {
                for (int i = 0; i < 200; i++) {
                    writer.write(groups.newGroup().append("account_id", 111122223333L)
                            .append("interface_id", "eni-" + i % 3).append("bytes", 100L + i % 7));
                }
            }
            assertThat(encodings(file, "account_id")).containsExactly(dictionary ? "dictionary" : "plain");
            List<String> seen = new ArrayList<>();
            long count = new FlowLogParquetReader().read(file, TimeWindow.ANY, FALLBACK_START,
                    r -> seen.add(r.accountId() + "|" + r.interfaceId() + "|" + r.bytes()),
                    (position, reason, excerpt, records) -> seen.add("rejected " + position + ": " + reason));
            assertThat(count).isEqualTo(200);
            assertThat(seen).as("dictionary " + dictionary).hasSize(200)
                    .startsWith("null|eni-0|100", "null|eni-1|101", "null|eni-2|102");
        }
    }
}
