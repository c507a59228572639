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
