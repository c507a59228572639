package jp.govcloudops.detect;

import java.util.Arrays;
import java.util.Locale;

/**
 * What operators have done about a finding. New findings are 未対応. WITHDRAWN (取り下げ) is set by a security
 * service that archived its finding.
 */
public enum FindingStatus {
    NEW("未対応"), IN_PROGRESS("対応中"), RESOLVED("対応済"), MONITORING("経過観察"), FALSE_POSITIVE("誤検知"),
    WITHDRAWN("取り下げ");

    private final String label;

    FindingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the Japanese label or the code (any case, '-' for '_'). */
    public static FindingStatus parse(String text) {
        String t = text.strip();
        for (FindingStatus s : values()) {
            if (s.label.equals(t) || s.name().equals(t.toUpperCase(Locale.ROOT).replace('-', '_'))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "' (expected one of "
                + String.join(", ", Arrays.stream(values()).map(s -> s.label + " (" + s.name() + ")").toList()) + ")");
    }
}
