package jp.govcloudops.format.flowlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import jp.govcloudops.format.RecordLimits;
import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.UnreadableInputException;
import org.junit.jupiter.api.Test;

/**
 * The text reader's edge cases, each read twice: from one stream, and from a stream that hands out one byte per
 * read, so that every line also crosses the reader's refills.
 */
class FlowLogTextReaderTest {

    private static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol"
            + " packets bytes start end action log-status";

    @Test
    void headerLineNamesTheColumns() {
        Result r = read(HEADER + "\n"
                + "2 123456789012 eni-0a1 10.0.1.5 203.0.113.12 443 49152 6 10 840 1727740800 1727740860 ACCEPT OK\n");
        assertThat(r.records).containsExactly(
                "2|123456789012|eni-0a1|10.0.1.5|203.0.113.12|443|49152|6|10|840|1727740800|1727740860|ACCEPT|OK");
        assertThat(r.rejected).isEmpty();
        assertThat(r.count).isEqualTo(1);
    }

    @Test
    void aReusedReaderCarriesNothingFromOneObjectToTheNext() {
        // Ingestors keep their reader from object to object: a column the next file lacks must read as absent.
        FlowLogTextReader reader = new FlowLogTextReader();
        List<String> seen = new ArrayList<>();
        Consumer<FlowRecord> keep = r -> seen.add(r.start() + "|" + r.tcpFlags() + "|" + r.srcAddr() + "|" + r.bytes());
        reader.read(new ByteArrayInputStream(("interface-id srcaddr bytes start tcp-flags\n"
                + "eni-1 10.0.0.1 100 1727740800 2\n").getBytes(StandardCharsets.UTF_8)), TimeWindow.ANY, 11, keep,
                (p, w, e, n) -> { });
        reader.read(new ByteArrayInputStream(("interface-id bytes\neni-1 200\neni-1 300\n")
                .getBytes(StandardCharsets.UTF_8)), TimeWindow.ANY, 22, keep, (p, w, e, n) -> { });
        assertThat(seen).containsExactly("1727740800|2|10.0.0.1|100", "22|-1|null|200", "22|-1|null|300");
    }

    @Test
    void withoutHeaderTheFirstLineIsReadAsDefaultVersion2() {
        Result r = read("2 111122223333 eni-1 10.0.0.1 10.0.0.2 22 50000 6 3 180 1727740800 1727740860 REJECT OK\n"
                + "2 111122223333 eni-1 10.0.0.1 10.0.0.2 22 50001 6 4 240 1727740801 1727740861 ACCEPT OK");
        assertThat(r.records).containsExactly(
                "1|111122223333|eni-1|10.0.0.1|10.0.0.2|22|50000|6|3|180|1727740800|1727740860|REJECT|OK",
                "2|111122223333|eni-1|10.0.0.1|10.0.0.2|22|50001|6|4|240|1727740801|1727740861|ACCEPT|OK");
    }

    @Test
    void crlfTabsBlankLinesAndAbsentValues() {
        Result r = read(HEADER + "\r\n\r\n"
                + "2\t123456789012  eni-2 - - - - - - - - - - NODATA\r\n"
                + "   \n"
                + "2 123456789012 eni-2 10.0.0.9 10.0.0.8 80 40000 6 1 60 - 1727740860 ACCEPT OK\r");
        assertThat(r.records).containsExactly(
                "3|123456789012|eni-2|null|null|-1|-1|-1|-1|-1|99|-1|null|NODATA",
                "5|123456789012|eni-2|10.0.0.9|10.0.0.8|80|40000|6|1|60|99|1727740860|ACCEPT|OK");
        assertThat(r.count).isEqualTo(2);
    }

    @Test
    void wrongFieldCountsAndNonNumbersAreQuarantinedWithLineNumbers() {
        Result r = read(HEADER + "\n"
                + "2 123456789012 eni-3 10.0.0.1 10.0.0.2 443 1 6 1 1 1727740800 1727740860 ACCEPT\n"
                + "2 123456789012 eni-3 10.0.0.1 10.0.0.2 443 x1 6 1y 1 1727740800 1727740860 ACCEPT OK\n"
                + "2 123456789012 eni-3 10.0.0.1 10.0.0.2 443 1 6 1 1 1727740800 1727740860 ACCEPT OK extra\n"
                + "2 123456789012 eni-3 10.0.0.1 10.0.0.2 443 1 6 1 1234567890123456789 1727740800 1 ACCEPT OK\n"
                + "2 123456789012 eni-3 10.0.0.1 10.0.0.2 443 2 6 1 1 1727740800 1727740860 ACCEPT OK\n");
        assertThat(r.rejected).containsExactly(
                "line 2: 13 fields where the header names 14",
                "line 3: field dstport is not a number: 'x1'",
                "line 4: 15 fields where the header names 14",
                "line 5: field bytes is not a number: '1234567890123456789'");
        assertThat(r.records).hasSize(1).first().asString().startsWith("6|");
        assertThat(r.count).isEqualTo(5);
    }

    @Test
    void unknownColumnsAreSkippedAndPacketAddressesWin() {
        Result r = read("version account-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr some-new-field"
                + " packets bytes start action log-status flow-direction\n"
                + "5 123456789012 eni-4 10.0.0.5 10.0.0.6 198.51.100.7 - whatever 2 100 1727740800 ACCEPT OK egress\n"
                + "5 123456789012 eni-4 2001:db8::1 10.0.0.6 - - ünïcode 2 100 1727740800 ACCEPT OK ingress\n");
        assertThat(r.records).containsExactly(
                "2|123456789012|eni-4|198.51.100.7|10.0.0.6|-1|-1|-1|2|100|1727740800|-1|ACCEPT|OK",
                "3|123456789012|eni-4|2001:db8::1|10.0.0.6|-1|-1|-1|2|100|1727740800|-1|ACCEPT|OK");
    }

    @Test
    void aLineLongerThanTheInitialBufferIsRead() {
        String longInterface = "eni-" + "a".repeat(600_000);
        Result r = read(HEADER + "\n2 123456789012 " + longInterface
                + " 10.0.0.1 10.0.0.2 1 2 6 1 1 1727740800 1727740860 ACCEPT OK\n", false);
        assertThat(r.records).hasSize(1);
        assertThat(r.records.get(0).split("\\|")[2]).isEqualTo(longInterface);
    }

    @Test
    void valuesAFieldMayNotHoldAreQuarantinedNamingFieldAndValue() {
        // Folder date 2026-11-02: records from 2026-10-26T00:00:00Z (1792972800) to 2026-11-09T23:59:59Z.
        TimeWindow window = TimeWindow.around(java.time.LocalDate.parse("2026-11-02"), java.time.Duration.ofDays(7));
        String good = "2 123456789012 eni-0a1 10.0.0.1 10.0.0.2 443 49152 6 1 60 1793577600 1793577660 ACCEPT OK";
        Result r = read(HEADER + "\n"
                + "{\"message\":\"2 123456789012 eni-0a1 - - - - - - - 1793577600 1793577660 - NODATA\"}\n"
                + good.replace(" 49152 ", " 70000 ") + "\n"
                + good.replace("10.0.0.1", "999.1.1.1") + "\n"
                + good.replace("10.0.0.2", "2001:db8::12345") + "\n"
                + good.replace(" 6 1 60 ", " 256 1 60 ") + "\n"
                + good.replace("ACCEPT", "ACCEPTED") + "\n"
                + good.replace(" OK", " ok") + "\n"
                + good.replace("eni-0a1", "ENI-0A1") + "\n"
                + good.replace("123456789012", "12345678901") + "\n"
                + good.replace("1793577600", "1512564058000") + "\n"
                + good.replace("1793577600", "179357760") + "\n"
                + good.replace("1793577660", "1792972799") + "\n"
                + good.replace("2 123456789012", "1 123456789012") + "\n"
                // Inside the window: its first and last second; a record's own account differs from the key's.
                + good.replace("1793577600 1793577660", "1792972800 1792972860") + "\n"
                + good.replace("1793577600 1793577660", "1794182340 1794182399") + "\n"
                + good.replace("123456789012", "unknown").replace("ACCEPT OK", "- -") + "\n", true, window,
                RecordLimits.DEFAULT);
        String beyond = " is more than 7 days away from the folder date 2026-11-02 (govcloud.ingest.record-time-window)";
        assertThat(r.rejected).containsExactly(
                "line 2: field log-status is 'NODATA\"}', not OK, NODATA, SKIPDATA or -",
                "line 3: field dstport is 70000, outside 0 to 65535",
                "line 4: field srcaddr is '999.1.1.1', not an IPv4 or IPv6 address",
                "line 5: field dstaddr is '2001:db8::12345', not an IPv4 or IPv6 address",
                "line 6: field protocol is 256, outside 0 to 255",
                "line 7: field action is 'ACCEPTED', not ACCEPT, REJECT or -",
                "line 8: field log-status is 'ok', not OK, NODATA, SKIPDATA or -",
                "line 9: field interface-id is 'ENI-0A1', not a network interface id (eni-...) or -",
                "line 10: field account-id is '12345678901', not a 12-digit account id, unknown or -",
                "line 11: field start 1512564058000 (+49901-04-01T10:46:40Z)" + beyond
                        + "; it has 13 digits and looks like milliseconds (2017-12-06T12:40:58Z)",
                "line 12: field start 179357760 (1975-09-07T21:36:00Z)" + beyond
                        + "; it has 9 digits, where epoch seconds since 2001 have 10",
                "line 13: field end 1792972799 (2026-10-25T23:59:59Z)" + beyond,
                "line 14: field version is 1, outside 2 to 99");
        assertThat(r.records).containsExactly(
                "15|123456789012|eni-0a1|10.0.0.1|10.0.0.2|443|49152|6|1|60|1792972800|1792972860|ACCEPT|OK",
                "16|123456789012|eni-0a1|10.0.0.1|10.0.0.2|443|49152|6|1|60|1794182340|1794182399|ACCEPT|OK",
                "17|unknown|eni-0a1|10.0.0.1|10.0.0.2|443|49152|6|1|60|1793577600|1793577660|null|null");
        assertThat(r.count).isEqualTo(16);

        // Without a version column, the wrapped line's last field gives it away.
        Result wrapped = read("account-id interface-id start log-status\n"
                + "{\"message\":\"123456789012 eni-0a1 1793577600 NODATA\"}\n", true, window, RecordLimits.DEFAULT);
        assertThat(wrapped.rejected).containsExactly("line 2: field account-id is '{\"message\":\"123456789012',"
                + " not a 12-digit account id, unknown or -");
    }

    @Test
    void aHeaderRepeatedInsideTheFileBindsTheColumnsAgainAndIsNoRecord() {
        String reordered = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
                + " start end log-status action";
        Result r = read(HEADER + "\n"
                + "2 123456789012 eni-1 10.0.0.1 10.0.0.2 443 1 6 1 10 1727740800 1727740860 ACCEPT OK\n"
                + HEADER + "\n"
                + "2 123456789012 eni-1 10.0.0.1 10.0.0.2 443 2 6 1 20 1727740800 1727740860 ACCEPT OK\n"
                + HEADER.replace(' ', '\t') + "\r\n"
                + reordered + "\n"
                + "2 123456789012 eni-1 10.0.0.1 10.0.0.2 443 3 6 1 30 1727740800 1727740860 OK REJECT\n");
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).containsExactly(
                "2|123456789012|eni-1|10.0.0.1|10.0.0.2|443|1|6|1|10|1727740800|1727740860|ACCEPT|OK",
                "4|123456789012|eni-1|10.0.0.1|10.0.0.2|443|2|6|1|20|1727740800|1727740860|ACCEPT|OK",
                "7|123456789012|eni-1|10.0.0.1|10.0.0.2|443|3|6|1|30|1727740800|1727740860|REJECT|OK");
        assertThat(r.count).isEqualTo(3);
    }

    @Test
    void aLineLongerThanTheRecordBoundIsQuarantinedAndTheNextLineIsRead() {
        RecordLimits limits = new RecordLimits(64 << 10, 64 << 10);
        String line = "2 123456789012 eni-1 10.0.0.1 10.0.0.2 443 1 6 1 10 1727740800 1727740860 ACCEPT OK\n";
        Result r = read(HEADER + "\n" + line + "2 123456789012 eni-" + "a".repeat(200_000) + " x\n" + line, false,
                TimeWindow.ANY, limits);
        assertThat(r.rejected).containsExactly("line 3: line too long to read: it is longer than 64 KB"
                + " (govcloud.ingest.max-record-size)");
        assertThat(r.records).extracting(record -> record.split("\\|")[0]).containsExactly("2", "4");
        assertThat(r.count).isEqualTo(3);
        assertThatThrownBy(() -> read("x".repeat(100_000) + "\n" + line, false, TimeWindow.ANY, limits))
                .isInstanceOf(UnreadableInputException.class).hasMessageContaining("its first line is longer than 64 KB");
    }

    @Test
    void aFileThatIsNeitherHeaderNorRecordIsRefused() {
        assertThatThrownBy(() -> read("{\"Records\": []}\n"))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("neither a header nor a version-2 record");
    }

    @Test
    void emptyInputHasNoRecords() {
        assertThat(read("").count).isZero();
        assertThat(read(HEADER + "\n").count).isZero();
    }

    /**
     * Lines as AWS writes them take the word-at-a-time path, and odd ones (tabs, runs of spaces, CRs, control bytes,
     * bad numbers, wrong field counts) the byte scan; either way the result must be what a plain split gives.
     * Random lines, read whole and in random small pieces so that lines also break across refills.
     */
    @Test
    void randomLinesReadAsAPlainSplitReadsThem() {
        Random random = new Random(20261126);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        List<String> expectedRecords = new ArrayList<>();
        List<String> expectedRejected = new ArrayList<>();
        long expectedCount = 0;
        int lineNumber = 1;
        for (int n = 0; n < 5000; n++) {
            String line = randomLine(random);
            text.append(line);
            lineNumber++;
            String content = line.endsWith("\r\n") ? line.substring(0, line.length() - 2)
                    : line.substring(0, line.length() - 1);
            String[] fields = content.strip().isEmpty() ? new String[0] : content.replaceAll("^[ \t]+", "")
                    .split("[ \t]+");
            if (fields.length == 0) {
                continue;
            }
            expectedCount++;
            if (fields.length != 14) {
                expectedRejected.add("line " + lineNumber + ": " + fields.length + " fields where the header names 14");
                continue;
            }
            long[] numbers = new long[14];
            String problem = null;
            String[] names = HEADER.split(" ");
            // The first bad value: a text or a number that is not one, in column order; then a number outside its
            // range (the version too), in column order; then the addresses.
            for (int c = 0; c < 14 && problem == null; c++) {
                String f = fields[c];
                if (f.equals("-") || c == 0 || c == 3 || c == 4) {
                    numbers[c] = -1;
                } else if (c == 1 || c == 2 || c == 12 || c == 13) {
                    if (!f.matches(ALLOWED_TEXT[c])) {
                        problem = "field " + names[c] + " is '" + f + "', not " + DESCRIBED_TEXT[c];
                    }
                } else if (!f.matches("[0-9]{1,18}")) {
                    problem = "field " + names[c] + " is not a number: '" + f + "'";
                } else {
                    numbers[c] = Long.parseLong(f);
                }
            }
            for (int c : new int[] {0, 5, 6, 7}) {
                String f = fields[c];
                long highest = c == 0 ? 99 : c == 7 ? 255 : 65535;
                if (problem != null || f.equals("-")) {
                    continue;
                }
                if (!f.matches("[0-9]{1,18}")) {
                    problem = "field " + names[c] + " is not a number: '" + f + "'";
                } else if (Long.parseLong(f) > highest || Long.parseLong(f) < (c == 0 ? 2 : 0)) {
                    problem = "field " + names[c] + " is " + f + ", outside " + (c == 0 ? 2 : 0) + " to " + highest;
                }
            }
            for (int c = 3; c <= 4 && problem == null; c++) {
                if (!fields[c].equals("-") && !fields[c].matches(ADDRESS)) {
                    problem = "field " + names[c] + " is '" + fields[c] + "', not an IPv4 or IPv6 address";
                }
            }
            if (problem != null) {
                expectedRejected.add("line " + lineNumber + ": " + problem);
                continue;
            }
            expectedRecords.add(lineNumber + "|" + orNull(fields[1]) + "|" + orNull(fields[2]) + "|"
                    + orNull(fields[3]) + "|" + orNull(fields[4]) + "|" + numbers[5] + "|" + numbers[6] + "|"
                    + numbers[7] + "|" + numbers[8] + "|" + numbers[9] + "|" + (numbers[10] < 0 ? 99 : numbers[10])
                    + "|" + numbers[11] + "|" + orNull(fields[12]) + "|" + orNull(fields[13]));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Result expected = new Result(expectedRecords, expectedRejected, expectedCount);
        assertThat(readFrom(new ByteArrayInputStream(bytes))).isEqualTo(expected);
        assertThat(readFrom(new RandomPieces(bytes, new Random(7)))).isEqualTo(expected);
        assertThat(expectedRecords).hasSizeGreaterThan(3500);
        assertThat(expectedRejected).hasSizeGreaterThan(100);
    }

    /** What the reader allows in the text columns of the default format (by column), and how it says so. */
    private static final String[] ALLOWED_TEXT = {null, "[0-9]{12}|unknown", "eni-[a-z0-9]+", null, null, null, null,
        null, null, null, null, null, "ACCEPT|REJECT", "OK|NODATA|SKIPDATA"};
    private static final String[] DESCRIBED_TEXT = {null, "a 12-digit account id, unknown or -",
        "a network interface id (eni-...) or -", null, null, null, null, null, null, null, null, null,
        "ACCEPT, REJECT or -", "OK, NODATA, SKIPDATA or -"};

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final String ADDRESS = OCTET + "(\\." + OCTET + "){3}|2001:db8::[0-9a-f]{1,4}";

    private static String orNull(String field) {
        return field.equals("-") ? null : field;
    }

    /** A version-2 line, usually as AWS writes it, sometimes with one of the oddities a file may hold. */
    private static String randomLine(Random random) {
        String[] fields = {"2", pick(random, "123456789012", "111122223333", "-"),
            pick(random, "eni-0a1b2c3d4e5f60718", "eni-1", "eni-22", "eni-0f0e0d0c0b0a09080", "-"),
            address(random), address(random), port(random), port(random), pick(random, "6", "17", "1", "-"),
            number(random, 1 + random.nextInt(18)), number(random, 1 + random.nextInt(18)), number(random, 10),
            number(random, 10), pick(random, "ACCEPT", "REJECT", "-"), pick(random, "OK", "NODATA", "SKIPDATA")};
        String separator = " ";
        String end = "\n";
        switch (random.nextInt(60)) {
            case 0 -> separator = "\t";
            case 1 -> separator = "  ";
            case 2 -> end = "\r\n";
            case 3 -> end = "  \n";
            case 4 -> fields[0] = " " + fields[0];
            case 5 -> fields[2] = "eni-\r" + random.nextInt(9);
            case 6 -> fields[2] = "eni-\u0001x";
            case 7 -> fields[2] = "eni-ü" + random.nextInt(3);
            case 8 -> fields[6] = random.nextInt(2) == 0 ? "4x" : "+3";
            case 9 -> fields[9] = "1234567890123456789";
            case 10 -> fields[8] = "7\u0002";
            case 11 -> fields[13] = fields[13] + " extra";
            case 12 -> fields[12] = "";
            case 14 -> fields[10] = "17#0812846"; // a bad byte among the first digits of a long number
            case 15 -> fields[9] = "12345678:";
            case 16 -> fields[11] = "12345678901234567"; // 17 digits: read, not word by word
            case 17 -> fields[5 + random.nextInt(2)] = String.valueOf(65_536 + random.nextInt(100_000));
            case 18 -> fields[7] = "256";
            case 19 -> fields[12] = pick(random, "ACCEPTED", "accept", "OK");
            case 20 -> fields[13] = pick(random, "NODATA\"}", "ok", "-");
            case 21 -> fields[3 + random.nextInt(2)] = pick(random, "999.1.1.1", "10.0.0", "2001:db8::g", "host");
            case 22 -> fields[1] = pick(random, "12345678901", "unknown", "1234567890123", "{\"message\":\"2");
            case 23 -> fields[0] = pick(random, "1", "10", "100", "v2", "-");
            case 13 -> {
                return random.nextInt(2) == 0 ? "\n" : " \t \n";
            }
            default -> {
            }
        }
        return String.join(separator, fields) + end;
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String address(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "-";
            case 1 -> "2001:db8::" + Integer.toHexString(random.nextInt(65536));
            default -> random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + random.nextInt(256);
        };
    }

    /** A port, or now and then "-". */
    private static String port(Random random) {
        return random.nextInt(20) == 0 ? "-" : String.valueOf(random.nextInt(65_536));
    }

    /** Up to the given number of digits (without leading zeros), or now and then "-". */
    private static String number(Random random, int maxDigits) {
        if (random.nextInt(20) == 0) {
            return "-";
        }
        StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
        for (int d = 1 + random.nextInt(maxDigits); d > 1; d--) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private record Result(List<String> records, List<String> rejected, long count) {
    }

    private static Result read(String text) {
        return read(text, true);
    }

    private static Result read(String text, boolean alsoByteByByte) {
        return read(text, alsoByteByByte, TimeWindow.ANY, RecordLimits.DEFAULT);
    }

    /** Reads the text whole and byte by byte (when asked), and checks that both give the same result. */
    private static Result read(String text, boolean alsoByteByByte, TimeWindow window, RecordLimits limits) {
        Result whole = readFrom(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), window, limits);
        if (alsoByteByByte) {
            Result trickled = readFrom(new OneByteAtATime(text.getBytes(StandardCharsets.UTF_8)), window, limits);
            assertThat(trickled).isEqualTo(whole);
        }
        return whole;
    }

    private static Result readFrom(InputStream in) {
        return readFrom(in, TimeWindow.ANY, RecordLimits.DEFAULT);
    }

    private static Result readFrom(InputStream in, TimeWindow window, RecordLimits limits) {
        List<String> records = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        long count = new FlowLogTextReader(limits).read(in, window, 99, r -> records.add(r.position() + "|"
                + r.accountId() + "|" + r.interfaceId() + "|" + r.srcAddr() + "|" + r.dstAddr() + "|" + r.srcPort()
                + "|" + r.dstPort() + "|" + r.protocol() + "|" + r.packets() + "|" + r.bytes() + "|" + r.start() + "|"
                + r.end() + "|" + r.action() + "|" + r.logStatus()),
                (position, reason, excerpt, n) -> rejected.add(position + ": " + reason));
        return new Result(records, rejected, count);
    }

    /** Hands out the bytes in pieces of 1 to 300. */
    private static final class RandomPieces extends FilterInputStream {
        private final Random random;

        RandomPieces(byte[] bytes, Random random) {
            super(new ByteArrayInputStream(bytes));
            this.random = random;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(300)));
        }
    }

    private static final class OneByteAtATime extends FilterInputStream {
        OneByteAtATime(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
