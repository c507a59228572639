package jp.govcloudops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import jp.govcloudops.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

class IngestPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void theRecordTimeWindowAndTheSizeBoundsAreTypedAndValidatedAtStartUp() {
        try (ConfigurableApplicationContext context = TestDatabase.h2(dir.resolve("defaults")).start()) {
            IngestProperties ingest = context.getBean(IngestProperties.class);
            assertThat(ingest.recordTimeWindow()).isEqualTo(Duration.ofDays(7));
            assertThat(ingest.maxValueSize()).isEqualTo(DataSize.ofMegabytes(4));
            assertThat(ingest.maxRecordSize()).isEqualTo(DataSize.ofMegabytes(16));
        }
        try (ConfigurableApplicationContext context = TestDatabase.h2(dir.resolve("set")).start(
                "govcloud.ingest.record-time-window=30d", "govcloud.ingest.max-value-size=512KB",
                "govcloud.ingest.max-record-size=2MB")) {
            IngestProperties ingest = context.getBean(IngestProperties.class);
            assertThat(ingest.recordTimeWindow()).isEqualTo(Duration.ofDays(30));
            assertThat(ingest.maxValueSize()).isEqualTo(DataSize.ofKilobytes(512));
            assertThat(ingest.maxRecordSize()).isEqualTo(DataSize.ofMegabytes(2));
        }
        assertThatThrownBy(() -> TestDatabase.h2(dir.resolve("window")).start("govcloud.ingest.record-time-window=12h"))
                .rootCause().hasMessageContaining("govcloud.ingest.record-time-window must be between 1 day and 3650 days");
        assertThatThrownBy(() -> TestDatabase.h2(dir.resolve("sizes")).start("govcloud.ingest.max-value-size=32MB"))
                .rootCause().hasMessageContaining("govcloud.ingest.max-value-size between 64KB and max-record-size");
        assertThatThrownBy(() -> TestDatabase.h2(dir.resolve("type")).start("govcloud.ingest.max-record-size=lots"))
                .rootCause().hasMessageContaining("lots");
    }
}
