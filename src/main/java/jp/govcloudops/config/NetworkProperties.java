package jp.govcloudops.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Address ranges (IPv4 or IPv6 CIDR) that name the estate's network boundaries in aggregates, findings and reports.
 *
 * @param lgcs on-premises ranges reached over LGCS (庁内)
 * @param asp  application vendors' (ASP) areas reached through Transit Gateway or PrivateLink
 * @param vpc  the estate's own VPCs
 */
@Validated
@ConfigurationProperties("govcloud.network")
public record NetworkProperties(
        @DefaultValue List<String> lgcs,
        @DefaultValue List<String> asp,
        @DefaultValue List<String> vpc) {
}
