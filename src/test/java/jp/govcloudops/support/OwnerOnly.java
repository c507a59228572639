package jp.govcloudops.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks that what govcloud-ops wrote is its owner's alone: no permission bit for group or others on any file or
 * directory of a tree. Tests run under the JVM's umask (usually 022, which would leave files readable by all).
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /** Every file and directory at or below {@code root}; returns how many were checked. */
    public static long assertTree(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> !Files.isSymbolicLink(p)).toList();
        }
        for (Path path : paths) {
            assertPath(path);
        }
        return paths.size();
    }

    public static void assertPath(Path path) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        assertThat(mode).as("%s is %s", path, PosixFilePermissions.toString(mode)).doesNotContainAnyElementsOf(OTHERS);
    }
}
