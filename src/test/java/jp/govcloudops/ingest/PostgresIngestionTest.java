package jp.govcloudops.ingest;

import jp.govcloudops.support.TestStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresIngestionTest extends AbstractIngestionTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        String url = TestStore.postgres();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "");
        common(registry);
    }
}
