package jp.govcloudops.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

import jp.govcloudops.support.TestStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2IngestionTest extends AbstractIngestionTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("govcloud-h2-");
        registry.add("spring.datasource.url", () -> TestStore.h2(dir));
        common(registry);
    }
}
