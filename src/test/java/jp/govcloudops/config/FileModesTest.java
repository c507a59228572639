package jp.govcloudops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import jp.govcloudops.GovcloudOpsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

class FileModesTest {

    @TempDir
    Path tmp;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void setsTheConfiguredModesWhateverTheUmask() throws Exception {
        FileModes modes = new FileModes(new FileProperties("0640", "0750"));
        Path file = tmp.resolve("a/b/report.pdf");
        try (OutputStream out = modes.newOutputStream(file)) {
            out.write(1);
        }
        assertThat(mode(file)).isEqualTo("rw-r-----");
        assertThat(mode(tmp.resolve("a"))).isEqualTo("rwxr-x---");
        assertThat(mode(tmp.resolve("a/b"))).isEqualTo("rwxr-x---");
        assertThat(mode(tmp)).as("a directory that existed is left alone").isEqualTo("rwx------");

        // An existing file opened to others is closed before anything is written to it.
        Path old = Files.writeString(tmp.resolve("old.txt"), "x");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-rw-rw-"));
        FileModes.OWNER_ONLY.writeString(old, "secret");
        assertThat(mode(old)).isEqualTo("rw-------");
        assertThat(Files.readString(old)).isEqualTo("secret");

        assertThatThrownBy(() -> new FileModes("0x600", "0700")).hasMessageContaining("not an octal file mode");
    }

    @Test
    void aModeThatLocksOutTheOwnerStopsStartUp() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GovcloudOpsApplication.class)
                .web(WebApplicationType.NONE).run("--spring.datasource.url=jdbc:h2:mem:files",
                        "--govcloud.files.mode=0066").close())
                .rootCause().hasMessageContaining("govcloud.files.mode").hasMessageContaining("lets the owner read and write");
    }
}
