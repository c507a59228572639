package jp.govcloudops.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2IngestionTest extends AbstractIngestionTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("govcloud-h2-");
        registry.add("spring.datasource.url", () -> TestStore.h2(dir));
        common(registry);
    }

    @Test
    void theRunSummaryFindsARunsObjectsThroughAnIndexNotAScanOfTheManifest() {
        String plan = jdbc.queryForObject("EXPLAIN SELECT COUNT(*), COALESCE(SUM(records), 0) FROM source_object"
                + " WHERE generation = 1", String.class);
        assertThat(plan).contains("SOURCE_OBJECT_GENERATION");
    }
}
