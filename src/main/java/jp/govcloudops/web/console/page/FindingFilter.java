package jp.govcloudops.web.console.page;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import jp.govcloudops.calendar.ServiceHours;
import jp.govcloudops.detect.FindingStatus;
import jp.govcloudops.detect.FindingStore;
import jp.govcloudops.config.Severity;

/**
 * The 検知結果 list's filter and order, as query parameters of /findings and /api/findings. The period and lowest
 * severity go to the store's query; the rest narrows its result.
 */
public class FindingFilter {

    private LocalDate from;
    private LocalDate to;
    private Severity severity = Severity.INFORMATIONAL;
    private FindingStatus status;
    private String rule;
    private String source;
    private String account;
    private ServiceHours.Status hours;
    private String sort = "time";
    private boolean desc;

    /** The sortable columns. */
    static final List<String> SORTS = List.of("time", "severity", "rule", "account", "status");

    void defaultPeriod(LocalDate today, int days) {
        if (to == null) {
            to = today;
        }
        if (from == null) {
            from = to.minusDays(days);
        }
    }

    List<FindingStore.Stored> apply(FindingStore store) {
        Predicate<FindingStore.Stored> keep = f -> (status == null || f.status() == status)
                && contains(f.ruleId(), rule)
                // 検知元 (govcloud-ops, guardduty, securityhub, config, also where a service imported it) or
                // the principal or address the finding is about.
                && (contains(f.source(), source) || contains(f.alsoIn(), source) || contains(f.sourceIp(), source)
                        || contains(f.principal(), source))
                && contains(f.accountId(), account)
                && (hours == null || f.serviceHours() == hours);
        Comparator<FindingStore.Stored> order = switch (sort) {
            case "severity" -> Comparator.comparing(FindingStore.Stored::severity);
            case "rule" -> Comparator.comparing(FindingStore.Stored::ruleId);
            case "account" -> Comparator.comparing(f -> f.accountId() == null ? "" : f.accountId());
            case "status" -> Comparator.comparing(FindingStore.Stored::status);
            default -> Comparator.comparing(FindingStore.Stored::firstEventAt);
        };
        order = order.thenComparing(FindingStore.Stored::id);
        return store.list(from, to, severity, false).stream().filter(keep)
                .sorted(desc ? order.reversed() : order).toList();
    }

    private static boolean contains(String value, String wanted) {
        return wanted == null || wanted.isBlank()
                || value != null && value.toLowerCase(Locale.ROOT).contains(wanted.strip().toLowerCase(Locale.ROOT));
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity == null ? Severity.INFORMATIONAL : severity;
    }

    public FindingStatus getStatus() {
        return status;
    }

    public void setStatus(FindingStatus status) {
        this.status = status;
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public ServiceHours.Status getHours() {
        return hours;
    }

    public void setHours(ServiceHours.Status hours) {
        this.hours = hours;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = SORTS.contains(sort) ? sort : "time";
    }

    public boolean isDesc() {
        return desc;
    }

    public void setDesc(boolean desc) {
        this.desc = desc;
    }
}
