package jp.govcloudops.web.console.security;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.config.WebProperties;
import jp.govcloudops.web.audit.AuditLog;
import jp.govcloudops.web.user.ConsoleUserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins and refused sign-ins: counted for the lock-out (govcloud.web.max-failed-logins wrong passwords in a row
 * lock the user for govcloud.web.lock-duration) and written to the audit log with the client's address.
 */
@Component
public class SignInEvents {

    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    private final ConsoleUserStore users;
    private final AuditLog audit;
    private final WebProperties settings;

    public SignInEvents(ConsoleUserStore users, AuditLog audit, WebProperties settings) {
        this.users = users;
        this.audit = audit;
        this.settings = settings;
    }

    @EventListener
    public void signedIn(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        users.recordSuccess(name);
        audit.record(name, address(event.getAuthentication()), "login", null, null);
    }

    @EventListener
    public void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        String name = event.getAuthentication().getName();
        boolean locked = users.recordFailure(name, settings.maxFailedLogins(),
                UtcTime.now().plus(settings.lockDuration()));
        refused(event, "login.failed");
        if (locked) {
            audit.record(name, address(event.getAuthentication()), "user.locked", "user:" + name,
                    settings.maxFailedLogins() + " wrong passwords in a row; locked for " + settings.lockDuration());
            log.warn("console user {} locked after {} wrong passwords", name, settings.maxFailedLogins());
        }
    }

    @EventListener
    public void locked(AuthenticationFailureLockedEvent event) {
        refused(event, "login.refused-locked");
    }

    private void refused(AbstractAuthenticationFailureEvent event, String action) {
        audit.record(event.getAuthentication().getName(), address(event.getAuthentication()), action, null, null);
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }
}
