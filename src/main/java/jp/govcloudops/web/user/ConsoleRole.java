package jp.govcloudops.web.user;

import java.util.Arrays;
import java.util.Locale;

/** What a console user may do; each role may do all that the roles before it may. */
public enum ConsoleRole {
    /** 閲覧者: reads every page, changes nothing. */
    VIEWER("閲覧者"),
    /** 運用者: also triages findings, enters operator records, makes reports. */
    OPERATOR("運用者"),
    /** 管理者: also sees the users and the settings. */
    ADMIN("管理者");

    private final String label;

    ConsoleRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Accepts the code (any case) or the Japanese label. */
    public static ConsoleRole parse(String text) {
        String t = text.strip();
        for (ConsoleRole r : values()) {
            if (r.label.equals(t) || r.name().equals(t.toUpperCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "' (expected one of "
                + String.join(", ", Arrays.stream(values()).map(r -> r.name() + " (" + r.label + ")").toList()) + ")");
    }
}
