package jp.govcloudops;

import jp.govcloudops.cli.GovcloudCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GovcloudOpsApplication {

    public static void main(String[] args) {
        System.exit(GovcloudCli.execute(GovcloudOpsApplication.class, args));
    }
}
