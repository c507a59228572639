package jp.govcloudops;

import jp.govcloudops.cli.GovcloudCli;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The application: @SpringBootApplication's scan, less the web console's pages and security
 * ({@code jp.govcloudops.web.console}), which only {@code serve} adds (jp.govcloudops.web.console.WebConsole), so
 * that the batch commands start no web machinery.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "jp\\.govcloudops\\.web\\.console\\..*")})
@ConfigurationPropertiesScan
public class GovcloudOpsApplication {

    public static void main(String[] args) {
        System.exit(GovcloudCli.execute(GovcloudOpsApplication.class, args));
    }
}
