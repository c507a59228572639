package jp.govcloudops.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import jp.govcloudops.format.cloudtrail.EventTimes;
import org.junit.jupiter.api.Test;

class EventTimesTest {

    @Test
    void parsesAwsFormsWithAndWithoutFraction() {
        assertThat(EventTimes.parseEpochSecond("2026-10-01T12:34:56Z"))
                .isEqualTo(Instant.parse("2026-10-01T12:34:56Z").getEpochSecond());
        assertThat(EventTimes.parseEpochSecond("2026-10-01T12:34:56.789Z"))
                .isEqualTo(Instant.parse("2026-10-01T12:34:56Z").getEpochSecond());
        assertThat(EventTimes.parseEpochSecond("2026-10-01T21:34:56+09:00"))
                .isEqualTo(Instant.parse("2026-10-01T12:34:56Z").getEpochSecond());
    }

    @Test
    void rejectsEverythingElse() {
        for (String bad : new String[] {"2026-10-01 12:34:56", "2026-10-01 12:34:56.000000000", "2026-10-01T12:34:56",
                "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "redacted", "...", "1700000000", "2026-10-01T12:34:56.Z"}) {
            assertThat(EventTimes.parseEpochSecond(bad)).as(bad).isEqualTo(EventTimes.INVALID);
        }
    }

    @Test
    void agreesWithJavaTimeOverManyDates() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(0, 4_102_444_800L);
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            String text = t + (t.getSecond() == 0 ? ":00" : "") + "Z";
            if (t.getSecond() == 0 && t.getMinute() == 0 && text.length() < 20) {
                text = t.toLocalDate() + "T" + String.format("%02d:00:00Z", t.getHour());
            }
            assertThat(EventTimes.parseEpochSecond(text)).as(text).isEqualTo(second);
        }
    }
}
