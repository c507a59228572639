package jp.govcloudops.config;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The monthly operation report (月次運用報告書). Documented in docs/configuration.md, "Monthly report".
 *
 * @param recipient               who receives the report (発注者), printed on the cover
 * @param contractor              who writes it (受注者), printed on the cover and in the page header
 * @param contractTitle           the contract's name, printed after the fiscal year on the cover
 * @param outputDirectory         where {@code report} writes files when no --out is given
 * @param s3Prefix                where every report is also uploaded ({@code s3://bucket/prefix}), if set
 * @param team                    the operation team (運用体制) listed in section 2
 * @param deploymentRoles         principals (IAM role names or ARN fragments) whose write calls are applications
 *                                of the mandatory templates (必須適用テンプレート) in section 7
 * @param significantSeverity     findings at or above this severity are described one by one in section 6
 * @param topRows                 rows of "top N" tables (services, principals, reasons)
 */
@Validated
@ConfigurationProperties("govcloud.report")
public record ReportProperties(
        @NotBlank @DefaultValue("（発注者名は govcloud.report.recipient に設定）") String recipient,
        @NotBlank @DefaultValue("（受注者名は govcloud.report.contractor に設定）") String contractor,
        @NotBlank @DefaultValue("ガバメントクラウドネットワーク運用管理補助業務") String contractTitle,
        @NotNull @DefaultValue("./data/reports") Path outputDirectory,
        @Pattern(regexp = "s3://[^/]+(/.*)?", message = "must be s3://bucket/prefix") String s3Prefix,
        @DefaultValue List<@Valid TeamMember> team,
        @DefaultValue List<String> deploymentRoles,
        @NotNull @Pattern(regexp = "INFORMATIONAL|LOW|MEDIUM|HIGH|CRITICAL") @DefaultValue("HIGH") String significantSeverity,
        @Min(1) @Max(100) @DefaultValue("10") int topRows) {

    /** A member of the operation team: role (e.g. 運用責任者) and name. */
    public record TeamMember(@NotBlank String role, @NotBlank String name, String contact) {
    }
}
