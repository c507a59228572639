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
                + "eni-1 10.0.0.1 100 1727740800 2\n").getBytes(StandardCharsets.UTF_8)), 11, keep, (p, w, e, n) -> { });
        reader.read(new ByteArrayInputStream(("interface-id bytes\neni-1 200\neni-1 300\n")
                .getBytes(StandardCharsets.UTF_8)), 22, keep, (p, w, e, n) -> { });
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
            for (int c : new int[] {5, 6, 7, 8, 9, 10, 11}) {
                String f = fields[c];
                if (f.equals("-")) {
                    numbers[c] = -1;
                } else if (f.matches("[0-9]{1,18}")) {
                    numbers[c] = Long.parseLong(f);
                } else if (problem == null) {
                    problem = "field " + HEADER.split(" ")[c] + " is not a number: '" + new String(
                            f.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) + "'";
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

    private static String orNull(String field) {
        return field.equals("-") ? null : field;
    }

    /** A version-2 line, usually as AWS writes it, sometimes with one of the oddities a file may hold. */
    private static String randomLine(Random random) {
        String[] fields = {"2", pick(random, "123456789012", "111122223333", "-"),
            pick(random, "eni-0a1b2c3d4e5f60718", "eni-1", "eni-22", "eni-0f0e0d0c0b0a09080", "-"),
            address(random), address(random), number(random, 5), number(random, 5), pick(random, "6", "17", "1", "-"),
            number(random, 1 + random.nextInt(18)), number(random, 1 + random.nextInt(18)), number(random, 10),
            number(random, 10), pick(random, "ACCEPT", "REJECT", "-"), pick(random, "OK", "NODATA", "SKIPDATA")};
        String separator = " ";
        String end = "\n";
        switch (random.nextInt(40)) {
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

    /** Reads the text whole and byte by byte (when asked), and checks that both give the same result. */
    private static Result read(String text, boolean alsoByteByByte) {
        Result whole = readFrom(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        if (alsoByteByByte) {
            Result trickled = readFrom(new OneByteAtATime(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(trickled).isEqualTo(whole);
        }
        return whole;
    }

    private static Result readFrom(InputStream in) {
        List<String> records = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        long count = new FlowLogTextReader().read(in, 99, r -> records.add(r.position() + "|" + r.accountId() + "|"
                + r.interfaceId() + "|" + r.srcAddr() + "|" + r.dstAddr() + "|" + r.srcPort() + "|" + r.dstPort()
                + "|" + r.protocol() + "|" + r.packets() + "|" + r.bytes() + "|" + r.start() + "|" + r.end() + "|"
                + r.action() + "|" + r.logStatus()), (position, reason, excerpt, n) -> rejected.add(position + ": "
                        + reason));
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
