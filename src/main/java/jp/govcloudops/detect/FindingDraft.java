package jp.govcloudops.detect;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jp.govcloudops.detect.rule.Rule;

/** Collects a finding's parts; the rule supplies title, severity and countermeasure. */
public final class FindingDraft {

    private final Rule rule;
    private final String detector;
    private final String fingerprint;
    private final LocalDate eventDay;
    LocalDateTime first;
    LocalDateTime last;
    String account;
    String region;
    String principal;
    String resource;
    String sourceIp;
    String boundary;
    String eventNames;
    String summary;
    String evidence;
    long matches = 1;

    public FindingDraft(Rule rule, String detector, LocalDate eventDay, Object... identity) {
        this.rule = rule;
        this.detector = detector;
        this.eventDay = eventDay;
        Object[] parts = new Object[identity.length + 2];
        parts[0] = rule.id();
        parts[1] = eventDay;
        System.arraycopy(identity, 0, parts, 2, identity.length);
        this.fingerprint = Fingerprints.of(parts);
    }

    public FindingDraft times(LocalDateTime first, LocalDateTime last) {
        this.first = first;
        this.last = last;
        return this;
    }

    public FindingDraft where(String account, String region) {
        this.account = account;
        this.region = region;
        return this;
    }

    public FindingDraft who(String principal, String sourceIp) {
        this.principal = principal;
        this.sourceIp = sourceIp;
        return this;
    }

    public FindingDraft resource(String resource) {
        this.resource = resource;
        return this;
    }

    public FindingDraft boundary(String boundary) {
        this.boundary = boundary;
        return this;
    }

    public FindingDraft eventNames(String eventNames) {
        this.eventNames = eventNames;
        return this;
    }

    public FindingDraft summary(String summary) {
        this.summary = summary;
        return this;
    }

    public FindingDraft evidence(String evidence) {
        this.evidence = evidence;
        return this;
    }

    public FindingDraft matches(long matches) {
        this.matches = matches;
        return this;
    }

    public Finding build() {
        return new Finding(fingerprint, rule.id(), detector, rule.severity(), rule.titleJa(), rule.titleEn(), eventDay,
                first, last == null ? first : last, account, region, principal, resource, sourceIp, boundary,
                eventNames, summary == null ? rule.titleJa() : summary, evidence == null ? "{}" : evidence, matches,
                rule.countermeasureJa(), null);
    }
}
