package jp.govcloudops.web.console.page;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.web.user.ConsoleRole;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows: who is signed in, whether they may change things, and times in the store's zone. */
@ControllerAdvice
class ConsoleModel {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    ConsoleModel(GovcloudProperties settings) {
        this.zone = settings.zone();
    }

    /** The signed-in user, or null on the login page. */
    @ModelAttribute("me")
    Me me(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        ConsoleRole role = ConsoleRole.VIEWER;
        for (ConsoleRole r : ConsoleRole.values()) {
            if (authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(r.authority()))) {
                role = r;
            }
        }
        return new Me(authentication.getName(), role);
    }

    @ModelAttribute("times")
    Times times() {
        return new Times(zone);
    }

    record Me(String name, ConsoleRole role) {
        public boolean canChange() {
            return role.compareTo(ConsoleRole.OPERATOR) >= 0;
        }

        public boolean isAdmin() {
            return role == ConsoleRole.ADMIN;
        }
    }

    /** Formats UTC store timestamps in the store's zone for the pages. */
    public record Times(ZoneId zone) {
        public String local(LocalDateTime utc) {
            return utc == null ? "" : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).format(MINUTES);
        }
    }
}
