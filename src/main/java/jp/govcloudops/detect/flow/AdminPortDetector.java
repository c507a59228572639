package jp.govcloudops.detect.flow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.govcloudops.detect.Analytics;
import jp.govcloudops.detect.DetectionWindow;
import jp.govcloudops.detect.Evidence;
import jp.govcloudops.detect.Finding;
import jp.govcloudops.detect.FindingDraft;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.Texts;
import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * ACCEPTed TCP traffic from internet addresses to an admin port (22, 3389 by default) of the estate. One finding
 * per account, source, destination, port and day.
 */
@Component
public class AdminPortDetector extends Analytics {

    public static final String RULE = "flow-admin-port-from-internet";

    public AdminPortDetector(JdbcTemplate jdbc, RuleCatalog catalog) {
        super(jdbc, catalog, RULE);
    }

    @Override
    public String name() {
        return RULE;
    }

    private static final class Sum {
        LocalDateTime first;
        LocalDateTime lastHour;
        long flows;
        long packets;
        long bytes;
        String boundary;
        String interfaceId;
        String region;
    }

    @Override
    public List<Finding> detect(DetectionWindow window) {
        Rule rule = rule(RULE).orElse(null);
        if (rule == null) {
            return List.of();
        }
        Map<List<Object>, Sum> groups = new LinkedHashMap<>();
        jdbc.query("SELECT p.account_id, p.region, t.event_hour, t.first_start, t.src_addr, t.dst_addr, t.dst_port,"
                + " t.dst_boundary, t.interface_id, t.flows, t.packets, t.bytes FROM det_flow_admin t" + ACTIVE
                + " WHERE t.event_hour >= ? AND t.event_hour < ? ORDER BY t.first_start", rs -> {
                    LocalDateTime first = time(rs, 4);
                    List<Object> key = List.of(rs.getString(1), rs.getString(5), rs.getString(6), rs.getInt(7),
                            window.dayOf(first));
                    Sum s = groups.computeIfAbsent(key, k -> new Sum());
                    s.first = s.first == null || first.isBefore(s.first) ? first : s.first;
                    LocalDateTime hour = time(rs, 3);
                    s.lastHour = s.lastHour == null || hour.isAfter(s.lastHour) ? hour : s.lastHour;
                    s.flows += rs.getLong(10);
                    s.packets += rs.getLong(11);
                    s.bytes += rs.getLong(12);
                    s.boundary = rs.getString(8);
                    s.interfaceId = rs.getString(9);
                    s.region = rs.getString(2);
                }, window.fromUtc(), window.toUtc());
        List<Finding> findings = new ArrayList<>();
        groups.forEach((key, s) -> {
            String account = (String) key.get(0);
            String src = (String) key.get(1);
            String dst = (String) key.get(2);
            int port = (Integer) key.get(3);
            LocalDate day = (LocalDate) key.get(4);
            if (!window.contains(day)) {
                return;
            }
            String boundary = "インターネット → " + boundaryLabel(s.boundary);
            Evidence evidence = new Evidence("flow").put("src_addr", src).put("dst_addr", dst).put("dst_port", port)
                    .put("boundary", boundary).put("interface_id", s.interfaceId).put("action", "ACCEPT")
                    .put("first_start_utc", s.first.toString()).put("flows", s.flows).put("packets", s.packets)
                    .put("bytes", s.bytes);
            findings.add(new FindingDraft(rule, name(), day, account, src, dst, port)
                    .times(s.first, s.lastHour.plusMinutes(59))
                    .where(account, s.region)
                    .who(null, src)
                    .resource(dst + ":" + port + (s.interfaceId == null ? "" : " (" + s.interfaceId + ")"))
                    .boundary(boundary)
                    .eventNames("ACCEPT " + src + " → " + dst + ":" + port)
                    .summary("インターネットの " + src + " から " + dst + ":" + port + "（" + boundaryLabel(s.boundary)
                            + "）への通信が ACCEPT " + s.flows + " 件、" + Texts.bytes(s.bytes) + "（最初 "
                            + FindingMails.jst(s.first) + "）")
                    .evidence(evidence.toString())
                    .matches(s.flows)
                    .build());
        });
        return findings;
    }
}
