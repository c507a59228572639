package jp.govcloudops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.web.user.ConsoleUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The batch commands' context, as every command but serve starts it: no web server, no pages, no security filter
 * chain, no template engine; only the users' and audit stores that user add needs.
 */
class BatchContextStaysOffTheWebTest {

    @TempDir
    Path dir;

    @Test
    void theBatchContextHasNoWebMachinery() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GovcloudOpsApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(),
                        "--logging.level.jp.govcloudops=WARN")) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
            assertThat(Arrays.stream(context.getBeanDefinitionNames())
                    .map(name -> context.getBeanFactory().getBeanDefinition(name).getBeanClassName())
                    .filter(type -> type != null && (type.startsWith("jp.govcloudops.web.console")
                            || type.contains("thymeleaf")))).isEmpty();
            assertThat(Arrays.stream(context.getBeanDefinitionNames())
                    .filter(name -> name.toLowerCase().contains("thymeleaf") || name.toLowerCase().contains("templateengine")
                            || name.toLowerCase().contains("dispatcherservlet"))).isEmpty();
            assertThat(context.getBean(ConsoleUsers.class)).isNotNull();
        }
    }
}
