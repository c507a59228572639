package jp.govcloudops.config;

import java.util.Locale;

/** Finding severity, as AWS Security Hub names it, with the Japanese label used in mails and reports. */
public enum Severity {
    INFORMATIONAL("情報"), LOW("低"), MEDIUM("中"), HIGH("高"), CRITICAL("重大");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected INFORMATIONAL, LOW, MEDIUM,"
                + " HIGH or CRITICAL)");
    }
}
