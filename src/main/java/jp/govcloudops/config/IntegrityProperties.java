package jp.govcloudops.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Trail integrity: CloudTrail digest validation (docs/configuration.md, "Trail integrity").
 *
 * @param enabled             run the nightly stage {@code trail-integrity}
 * @param publicKeyFiles      files holding {@code aws cloudtrail list-public-keys} output, for hosts that may not
 *                            call AWS (keys read are kept in the store)
 * @param fetchPublicKeys     also ask CloudTrail's {@code ListPublicKeys} (in each digest's region) for keys not
 *                            known yet; off by default, because most hosts of the estate are offline
 * @param cloudtrailEndpoint  another CloudTrail endpoint (a VPC interface endpoint), for fetched keys
 */
@Validated
@ConfigurationProperties("govcloud.integrity")
public record IntegrityProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<Path> publicKeyFiles,
        @DefaultValue("false") boolean fetchPublicKeys,
        URI cloudtrailEndpoint) {

    @AssertTrue(message = "govcloud.integrity.public-key-files: every file must exist and be readable")
    public boolean isPublicKeyFilesReadable() {
        return publicKeyFiles.stream().allMatch(f -> Files.isRegularFile(f) && Files.isReadable(f));
    }
}
