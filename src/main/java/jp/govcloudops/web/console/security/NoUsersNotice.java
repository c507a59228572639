package jp.govcloudops.web.console.security;

import jp.govcloudops.web.user.ConsoleUserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** serve starts without users; the log says how to add the first one. */
@Component
public class NoUsersNotice {

    private static final Logger log = LoggerFactory.getLogger(NoUsersNotice.class);

    private final ConsoleUserStore users;

    public NoUsersNotice(ConsoleUserStore users) {
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void warnWhenEmpty() {
        if (users.count() == 0) {
            log.warn("no console users yet: nobody can sign in. Add one with: govcloud-ops user add NAME --role=ADMIN");
        }
    }
}
