package jp.govcloudops.config;

import java.util.Locale;

/**
 * Finding severity, as AWS Security Hub names it, with the one Japanese label that mails, reports and
 * {@code findings} use (CRITICAL is 緊急; 重大 is the operators' word for incidents, still accepted here).
 */
public enum Severity {
    INFORMATIONAL("情報"), LOW("低"), MEDIUM("中"), HIGH("高"), CRITICAL("緊急");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The severity as every text writes it: 「高（HIGH）」. */
    public String text() {
        return label + "（" + name() + "）";
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Accepts the English names in any case, INFO as INFORMATIONAL, and the Japanese labels. */
    public static Severity parse(String text) {
        String t = text.strip();
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(t) || s.label.equals(t)) {
                return s;
            }
        }
        if (t.toUpperCase(Locale.ROOT).equals("INFO")) {
            return INFORMATIONAL;
        }
        if (t.equals("重大")) {
            return CRITICAL;
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected INFORMATIONAL, LOW, MEDIUM,"
                + " HIGH or CRITICAL)");
    }
}
