package jp.govcloudops.web.audit;

import java.time.LocalDateTime;

/** One line of the audit log: when (UTC), who, from which address, what was done to what. */
public record AuditEntry(long id, LocalDateTime at, String username, String address, String action, String target,
        String detail) {
}
