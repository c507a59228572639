package jp.govcloudops.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import jp.govcloudops.sample.SampleEstate.Account;

/**
 * {@code config/application.yml}: the sample estate as govcloud-ops configuration (accounts, network ranges, the
 * log location, the public key of the CloudTrail digests, who receives security findings, the cost exports with each account's budget and notification rules). The log location is written as the output directory was given, so a relative {@code --out} run
 * from the project root gives a path that works from the project root.
 */
public final class ConfigWriter implements SampleWriter {

    static final String PATH = "config/application.yml";

    @Override
    public String name() {
        return "config";
    }

    @Override
    public List<String> ownedPaths() {
        return List.of(PATH);
    }

    @Override
    public void write(SampleContext context) {
        SampleEstate estate = context.estate();
        SampleOptions options = context.options();
        StringBuilder yml = new StringBuilder();
        yml.append("# The sample estate of govcloud-ops, written by:\n")
                .append("#   govcloud-ops sample-data --from=").append(options.from()).append(" --to=")
                .append(options.to()).append(" --scale=").append(scale(options.scale())).append(" --seed=")
                .append(options.seed()).append(" --out=").append(slashes(options.out())).append('\n')
                .append("# Spring Boot reads it as ./config/application.yml, or from the project root with\n")
                .append("#   SPRING_CONFIG_ADDITIONAL_LOCATION=file:").append(slashes(options.out()))
                .append("/config/\n")
                .append("# govcloud.sources is relative to the working directory (the project root) when --out was.\n")
                .append("govcloud:\n")
                .append("  sources:\n")
                .append("    - ").append(slashes(options.out().resolve(SampleContext.LOGS))).append('\n')
                .append("  accounts:\n");
        for (Account account : estate.accounts()) {
            yml.append("    - id: \"").append(account.id()).append("\"\n")
                    .append("      name: ").append(account.name()).append('\n')
                    .append("      system: ").append(account.system()).append('\n');
        }
        yml.append("  network:\n");
        list(yml, "lgcs", estate.lgcsRanges());
        list(yml, "asp", estate.aspRanges());
        list(yml, "vpc", estate.vpcRanges());
        // The digests' public key (when the digests were written), so that verify-trail needs no options (a relative --out gives a path relative to
        // the working directory, like govcloud.sources).
        if (context.publicKeyFile() != null) {
            yml.append("  integrity:\n")
                    .append("    public-key-files:\n")
                    .append("      - ").append(slashes(options.out().resolve(context.publicKeyFile()))).append('\n');
        }
        yml.append("  detection:\n")
                .append("    notifications:\n")
                .append("      recipients: [security-ops@pref.example.jp]\n");
        yml.append(CostWriter.configuration(estate, options, slashes(options.out().resolve(CostWriter.DIR))));
        // The report's parties are fictional; the deployment role is the one the scheduled deployments use.
        yml.append("  report:\n")
                .append("    recipient: 高知県 総合企画部 デジタル政策課 御中\n")
                .append("    contractor: 株式会社サンプル運用サービス\n")
                .append("    deployment-roles: [role/GovCloudDeployRole]\n")
                .append("    team:\n")
                .append("      - { role: 運用責任者, name: 田中 誠 }\n")
                .append("      - { role: 運用担当者, name: 佐藤 美咲 }\n")
                .append("      - { role: セキュリティ分析担当, name: 鈴木 健太 }\n");
        context.sink().write(name(), PATH, yml.toString().getBytes(StandardCharsets.UTF_8), 0);
    }

    private static void list(StringBuilder yml, String name, List<String> values) {
        yml.append("    ").append(name).append(":\n");
        for (String value : values) {
            yml.append("      - ").append(value).append('\n');
        }
    }

    private static String slashes(Path path) {
        return path.normalize().toString().replace('\\', '/');
    }

    static String scale(double scale) {
        return scale == Math.rint(scale) ? String.valueOf((long) scale) : String.valueOf(scale);
    }
}
