package jp.govcloudops.web.user;

import java.time.LocalDateTime;

/** A console user as stored; times are UTC. */
public record ConsoleUser(String username, String passwordHash, ConsoleRole role, int failedLogins,
        LocalDateTime lockedUntil, LocalDateTime createdAt) {

    public boolean lockedAt(LocalDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
