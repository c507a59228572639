package jp.govcloudops.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Modes of the files and directories govcloud-ops creates (the store and its credentials, reports, mail files,
 * samples), set explicitly whatever the process's umask. Reports and mails name accounts, addresses and findings,
 * so the default is the owner alone. Documented in docs/configuration.md, "Files".
 *
 * @param mode          octal mode of files; the owner must keep read and write
 * @param directoryMode octal mode of directories; the owner must keep read, write and search
 */
@Validated
@ConfigurationProperties("govcloud.files")
public record FileProperties(
        @NotNull @Pattern(regexp = "0?[67][0-7]{2}", message = "must be an octal mode such as 0600 or 0640 that"
                + " lets the owner read and write") @DefaultValue("0600") String mode,
        @NotNull @Pattern(regexp = "0?7[0-7]{2}", message = "must be an octal mode such as 0700 or 0750 that lets"
                + " the owner read, write and enter") @DefaultValue("0700") String directoryMode) {
}
