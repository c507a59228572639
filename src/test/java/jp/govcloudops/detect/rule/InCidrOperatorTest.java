package jp.govcloudops.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.format.TimeWindow;
import jp.govcloudops.format.cloudtrail.CloudTrailReader;
import org.junit.jupiter.api.Test;

/** The rule language's {@code in_cidr}: IPv4 and IPv6 networks, mapped addresses, and names that never match. */
class InCidrOperatorTest {

    @Test
    void addressesInsideTheNetworksMatchAndNamesNever() {
        Predicate predicate = PredicateParser.parse(
                Map.of("sourceIPAddress", Map.of("in_cidr", List.of("198.51.100.0/24", "2001:db8::/32"))), "predicate");
        Map<String, Boolean> matched = new LinkedHashMap<>();
        StringBuilder records = new StringBuilder();
        for (String ip : List.of("198.51.100.7", "198.51.101.7", "2001:db8:5::1", "2001:db9::1", "::ffff:198.51.100.9",
                "ec2.amazonaws.com", "198.51.100.256")) {
            records.append(records.length() == 0 ? "" : ",").append("{\"eventVersion\":\"1.09\",\"eventTime\":"
                    + "\"2025-06-02T01:00:00Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeVpcs\","
                    + "\"awsRegion\":\"ap-northeast-1\",\"sourceIPAddress\":\"" + ip + "\"}");
        }
        RecordContext context = new RecordContext();
        new CloudTrailReader().read(new ByteArrayInputStream(("{\"Records\":[" + records + "]}")
                .getBytes(StandardCharsets.UTF_8)), TimeWindow.ANY, event -> matched.put(event.sourceIpAddress(),
                        predicate.test(context.reset(event))), (position, reason, excerpt, count) -> {
                            throw new AssertionError(reason);
                        });
        assertThat(matched).containsExactly(Map.entry("198.51.100.7", true), Map.entry("198.51.101.7", false),
                Map.entry("2001:db8:5::1", true), Map.entry("2001:db9::1", false),
                Map.entry("::ffff:198.51.100.9", true), Map.entry("ec2.amazonaws.com", false),
                Map.entry("198.51.100.256", false));
    }
}
