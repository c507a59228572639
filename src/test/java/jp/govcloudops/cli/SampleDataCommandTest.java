package jp.govcloudops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.OwnerOnly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataCommandTest {

    @Test
    void writesTheSampleAndRefusesToOverwriteUnlessAsked(@TempDir Path dir) throws Exception {
        String out = "--out=" + dir.resolve("sample");
        assertThat(GovcloudCli.execute(GovcloudOpsApplication.class, "sample-data", "--from=2026-10-05", "--to=2026-10-05", "--scale=0.02",
                "--seed=3", out)).isEqualTo(ExitCodes.OK);
        assertThat(dir.resolve("sample/labels.json")).exists();
        assertThat(dir.resolve("sample/config/application.yml")).exists();
        assertThat(dir.resolve("sample/logs/AWSLogs")).isDirectory();
        assertThat(OwnerOnly.assertTree(dir.resolve("sample"))).isGreaterThan(100);

        assertThat(GovcloudCli.execute(GovcloudOpsApplication.class, "sample-data", "--from=2026-10-05", "--to=2026-10-05", "--scale=0.02", out))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(GovcloudCli.execute(GovcloudOpsApplication.class, "sample-data", "--from=2026-10-05", "--to=2026-10-05", "--scale=0.02", out,
                "--overwrite", "--files-per-hour=0.5")).isEqualTo(ExitCodes.OK);
    }

    @Test
    void badOptionsAreUsageErrorsAndWriteNothing(@TempDir Path dir) {
        String out = "--out=" + dir.resolve("sample");
        assertThat(GovcloudCli.execute(GovcloudOpsApplication.class, "sample-data", "--from=2026-10-05", "--to=2026-10-04", out))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(GovcloudCli.execute(GovcloudOpsApplication.class, "sample-data", "--from=2026-10-05", "--to=2026-10-05", "--scale=0", out))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(GovcloudCli.execute(GovcloudOpsApplication.class, "sample-data", "--from=2026-10-05", "--to=2026-10-05",
                "--files-per-hour=0.7", out)).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("sample")).doesNotExist();
    }
}
