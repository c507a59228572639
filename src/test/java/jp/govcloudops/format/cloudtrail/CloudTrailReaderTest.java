package jp.govcloudops.format.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import jp.govcloudops.format.Decompression;
import jp.govcloudops.format.RecordLimits;
import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.UnreadableInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * The CloudTrail reader's edge cases: records delimited before they are parsed, whatever pieces the input arrives
 * in; records too large to hold skipped while the others are kept; times far from the folder date; empty files;
 * positions from 1.
 */
class CloudTrailReaderTest {

    private static final LocalDate FOLDER = LocalDate.parse("2026-11-02");
    private static final TimeWindow WINDOW = TimeWindow.around(FOLDER, Duration.ofDays(7));
    private static final RecordLimits SMALL = new RecordLimits(64 << 10, 256 << 10);

    private record Result(List<String> records, List<String> rejected, long count) {
    }

    static String record(String time, String name, String extra) {
        return "{\"eventVersion\":\"1.09\",\"eventTime\":\"" + time + "\",\"eventSource\":\"ec2.amazonaws.com\","
                + "\"eventName\":\"" + name + "\",\"awsRegion\":\"ap-northeast-1\"" + extra + "}";
    }

    private static Result read(byte[] file, RecordLimits limits, InputStream in) {
        List<String> records = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        long count = new CloudTrailReader(limits).read(in, WINDOW,
                e -> records.add(e.position() + "|" + e.eventName() + "|" + e.rawJson()),
                (position, reason, excerpt, n) -> rejected.add(position + ": " + reason));
        return new Result(records, rejected, count);
    }

    /** Reads the file whole, one byte per read, and in random pieces; all three must agree. */
    private static Result read(String file, RecordLimits limits) {
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        Result whole = read(bytes, limits, new ByteArrayInputStream(bytes));
        assertThat(read(bytes, limits, new Pieces(bytes, null))).isEqualTo(whole);
        assertThat(read(bytes, limits, new Pieces(bytes, new Random(bytes.length)))).isEqualTo(whole);
        return whole;
    }

    @Test
    void eachRecordIsReadWithItsRawTextWhateverPiecesTheInputArrivesIn() {
        Random random = new Random(20261102);
        List<String> records = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // Strings with escaped quotes and backslashes (also where a piece of input ends), nested values.
            String text = randomText(random);
            String name = "Op" + i;
            String r = record("2026-11-02T01:00:00Z", name, ",\"requestParameters\":{\"policy\":\"" + text
                    + "\",\"list\":[1,2.5,{\"k\":[true,false,null]},\"]}\"],\"empty\":{}},\"errorMessage\":\""
                    + text + "\"");
            records.add(r);
            expected.add((i + 1) + "|" + name + "|" + r);
        }
        String separator = random.nextBoolean() ? "," : " ,\n ";
        Result result = read("{\"Records\": [\n" + String.join(separator, records) + "\n]}\n", RecordLimits.DEFAULT);
        assertThat(result.rejected).isEmpty();
        assertThat(result.records).containsExactlyElementsOf(expected);
        assertThat(result.count).isEqualTo(300);
        // A bare array, as some tools write CloudTrail.
        assertThat(read("[" + String.join(",", records) + "]", RecordLimits.DEFAULT).records)
                .containsExactlyElementsOf(expected);

        // After a record too large for the one-pass read, the same records read element by element.
        String large = record("2026-11-02T00:59:00Z", "Large", ",\"requestParameters\":{\"x\":\""
                + "y".repeat(300 << 10) + "\"}");
        Result afterLarge = read("{\"Records\": [\n" + large + separator + String.join(separator, records) + "\n]}\n",
                SMALL);
        assertThat(afterLarge.rejected).containsExactly("record 1: record too large to read: a value in field x is"
                + " longer than 64 KB (govcloud.ingest.max-value-size)");
        assertThat(afterLarge.records).containsExactlyElementsOf(expected.stream().map(r -> {
            int bar = r.indexOf('|');
            return (Integer.parseInt(r.substring(0, bar)) + 1) + r.substring(bar);
        }).toList());
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        String[] pieces = {"a", "\\\"", "\\\\", "\\u00e9", "{", "}", "[", "]", ",", ":", "東京", " ", "\\n", "x\\\\\\\""};
        for (int n = random.nextInt(40); n > 0; n--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    @Test
    void aRecordTooLargeToReadIsQuarantinedAndTheOthersAreKept() {
        String huge = "x".repeat(1 << 20);
        String manySmall = ",\"items\":[" + "\"abcdefghij\",".repeat(30_000) + "\"end\"]";
        String deep = ",\"deep\":" + "[".repeat(600) + "]".repeat(600);
        String file = "{\"Records\":[" + String.join(",", List.of(
                record("2026-11-02T01:00:00Z", "First", ""),
                record("2026-11-02T01:00:01Z", "Huge", ",\"requestParameters\":{\"policy\":\"" + huge + "\"}"),
                record("2026-11-02T01:00:02Z", "Second", ""),
                record("2026-11-02T01:00:03Z", "Many", manySmall),
                record("2026-11-02T01:00:04Z", "Third", ""),
                record("2026-11-02T01:00:05Z", "Deep", deep),
                record("2026-11-02T01:00:06Z", "Fourth", ""),
                "\"" + huge + "\"",
                record("2026-11-02T01:00:07Z", "Fifth", ""))) + "]}";
        Result result = read(file, SMALL);
        assertThat(result.records).extracting(r -> r.split("\\|")[0] + "|" + r.split("\\|")[1])
                .containsExactly("1|First", "3|Second", "5|Third", "7|Fourth", "9|Fifth");
        assertThat(result.rejected).containsExactly(
                "record 2: record too large to read: a value in field policy is longer than 64 KB"
                        + " (govcloud.ingest.max-value-size)",
                "record 4: record too large to read: it is longer than 256 KB (govcloud.ingest.max-record-size)",
                "record 6: record too large to read: it nests more than 500 levels deep",
                "record 8: record too large to read: a value is longer than 64 KB (govcloud.ingest.max-value-size)");
        assertThat(result.count).isEqualTo(9);
    }

    @Test
    void aRecordWhoseTimeIsFarFromTheFolderDateIsQuarantined() {
        Result result = read("{\"Records\":[" + String.join(",", List.of(
                record("9999-12-31T23:59:59Z", "Placeholder", ""),
                record("1970-01-01T00:00:00Z", "Epoch", ""),
                record("2026-10-25T23:59:59Z", "EightDaysBefore", ""),
                record("2026-10-26T00:00:00Z", "SevenDaysBefore", ""),
                record("2026-11-01T23:59:30Z", "LastDayLate", ""),
                record("2026-11-09T23:59:59Z", "SevenDaysAfter", ""),
                record("2026-11-10T00:00:00+09:00", "SevenDaysAfterInJapan", ""),
                record("2026-11-10T00:00:00Z", "EightDaysAfter", ""))) + "]}", RecordLimits.DEFAULT);
        assertThat(result.records).extracting(r -> r.split("\\|")[1])
                .containsExactly("SevenDaysBefore", "LastDayLate", "SevenDaysAfter", "SevenDaysAfterInJapan");
        String beyond = " is more than 7 days away from the folder date 2026-11-02 (govcloud.ingest.record-time-window)";
        assertThat(result.rejected).containsExactly(
                "record 1: eventTime '9999-12-31T23:59:59Z'" + beyond,
                "record 2: eventTime '1970-01-01T00:00:00Z'" + beyond,
                "record 3: eventTime '2026-10-25T23:59:59Z'" + beyond,
                "record 8: eventTime '2026-11-10T00:00:00Z'" + beyond);
    }

    @Test
    void anEmptyFileHasNoRecordsAndIsNoError() throws IOException {
        ByteArrayOutputStream emptyGzip = new ByteArrayOutputStream();
        new GZIPOutputStream(emptyGzip).close();
        for (byte[] empty : List.of(new byte[0], " \n".getBytes(StandardCharsets.UTF_8), emptyGzip.toByteArray())) {
            Result result = read(empty, RecordLimits.DEFAULT, Decompression.open(new ByteArrayInputStream(empty)));
            assertThat(result).isEqualTo(new Result(List.of(), List.of(), 0));
        }
        assertThat(read("{\"Records\":[]}", RecordLimits.DEFAULT)).isEqualTo(new Result(List.of(), List.of(), 0));
    }

    @Test
    void elementsThatAreNotRecordsAreQuarantinedAndBrokenJsonStopsTheFile() {
        Result mixed = read("[" + record("2026-11-02T01:00:00Z", "A", "") + ",42,[1,{\"x\":\"]\"}],\"text\",null,"
                + record("2026-11-02T01:00:01Z", "B", "") + "]", RecordLimits.DEFAULT);
        assertThat(mixed.records).extracting(r -> r.split("\\|")[0] + "|" + r.split("\\|")[1])
                .containsExactly("1|A", "6|B");
        assertThat(mixed.rejected).containsExactly("record 2: Records element is VALUE_NUMBER_INT, not an object",
                "record 3: Records element is START_ARRAY, not an object",
                "record 4: Records element is VALUE_STRING, not an object",
                "record 5: Records element is VALUE_NULL, not an object");

        String first = record("2026-11-02T01:00:00Z", "A", "");
        // Read in one pass, the parser says what is wrong and where.
        assertThatThrownBy(() -> read("[" + first + " " + first + "]", RecordLimits.DEFAULT))
                .isInstanceOf(UnreadableInputException.class).hasMessageStartingWith("malformed JSON after 1 records:"
                        + " Unexpected character ('{' (code 123)): was expecting comma")
                .extracting(e -> ((UnreadableInputException) e).position())
                .isEqualTo("record 2 (line 1, column " + (first.length() + 3) + ")");
        assertThatThrownBy(() -> read("{\"Records\":[" + first + ",{\"eventName\":\"x\\\"", RecordLimits.DEFAULT))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("malformed JSON after 1 records: Unexpected end-of-input")
                .extracting(e -> ((UnreadableInputException) e).position()).asString().startsWith("record 2 (line 1");

        // After a record too large for the one-pass read, the rest of the file is delimited by its bytes; broken
        // JSON there is named with its byte offset.
        String large = record("2026-11-02T01:00:00Z", "L", ",\"x\":\"" + "y".repeat(70 << 10) + "\"") + ",";
        int before = 1 + large.length();
        assertThatThrownBy(() -> read("[" + large + first + " " + first + "]", SMALL))
                .isInstanceOf(UnreadableInputException.class).hasMessage("malformed JSON after 2 records: '{' where a"
                        + " ',' or ']' should follow a record")
                .extracting(e -> ((UnreadableInputException) e).position())
                .isEqualTo("record 3 (byte " + (before + first.length() + 2) + ")");
        assertThatThrownBy(() -> read("[" + large + first + ",{\"eventTime\": oops}]", SMALL))
                .isInstanceOf(UnreadableInputException.class).hasMessageStartingWith("malformed JSON after 2 records:")
                .extracting(e -> ((UnreadableInputException) e).position())
                .isEqualTo("record 3 (byte " + (before + first.length() + 16) + ")");
        assertThatThrownBy(() -> read("{\"Records\":[" + large + first + ",{\"eventName\":\"x\\\"", SMALL))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("file ends inside the Records array after 2 records")
                .extracting(e -> ((UnreadableInputException) e).position()).isEqualTo("record 3");
        assertThatThrownBy(() -> read("{\"Records\":[" + large + first + ",{\"eventName\": \"x\", oops", SMALL))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("malformed JSON after 2 records: Unexpected character ('o'");
    }

    @Test
    void theRawTextOfARecordParsesToTheSameTree() {
        String r = record("2026-11-02T01:00:00Z", "Tree", ",\"requestParameters\":{\"a\":[1,\"\\\"q\\\"\"]}");
        List<String> trees = new ArrayList<>();
        new CloudTrailReader().read(new ByteArrayInputStream(("[" + r + "]").getBytes(StandardCharsets.UTF_8)),
                WINDOW, e -> trees.add(e.tree().toString()), (p, w, x, n) -> { });
        assertThat(trees).containsExactly(new ObjectMapper().readTree(r).toString());
    }

    /** Hands out the bytes one at a time (no random) or in random pieces of 1 to 300. */
    private static final class Pieces extends FilterInputStream {
        private final Random random;

        Pieces(byte[] bytes, Random random) {
            super(new ByteArrayInputStream(bytes));
            this.random = random;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, random == null ? 1 : 1 + random.nextInt(300)));
        }
    }
}
