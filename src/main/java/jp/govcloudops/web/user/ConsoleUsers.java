package jp.govcloudops.web.user;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.config.WebProperties;
import jp.govcloudops.web.audit.AuditLog;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds console users and changes their passwords ({@code user add}, {@code user passwd}), with BCrypt hashes and
 * a line in the audit log for each change.
 */
@Service
public class ConsoleUsers {

    /** BCrypt; one instance shared with the sign-in, so that hashes made here are the ones checked there. */
    public static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder();

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final ConsoleUserStore store;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final WebProperties settings;

    public ConsoleUsers(ConsoleUserStore store, AuditLog audit, TransactionTemplate transactions,
            WebProperties settings) {
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** Adds a user. Throws IllegalArgumentException naming what is wrong (name taken, short password). */
    public void add(String username, char[] password, ConsoleRole role, String by, String address) {
        if (!NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("user name '" + username
                    + "' must be 1-64 letters, digits or . _ @ -");
        }
        String hash = hash(password);
        transactions.executeWithoutResult(tx -> {
            if (!store.insert(username, hash, role, UtcTime.now())) {
                throw new IllegalArgumentException("user '" + username + "' exists (use user passwd)");
            }
            audit.record(by, address, "user.add", "user:" + username, "role " + role.name());
        });
    }

    /** Sets a user's password (and role, unless null); unlocks the user. */
    public void changePassword(String username, char[] password, ConsoleRole role, String by, String address) {
        String hash = hash(password);
        transactions.executeWithoutResult(tx -> {
            if (!store.update(username, hash, role, UtcTime.now())) {
                throw new IllegalArgumentException("no user '" + username + "'");
            }
            audit.record(by, address, "user.passwd", "user:" + username, role == null ? null : "role " + role.name());
        });
    }

    private String hash(char[] password) {
        if (password.length < settings.minPasswordLength()) {
            throw new IllegalArgumentException("the password must have at least " + settings.minPasswordLength()
                    + " characters (govcloud.web.min-password-length)");
        }
        if (password.length > 72) {
            // BCrypt reads 72 bytes at most; a longer password would be accepted with any ending.
            throw new IllegalArgumentException("the password must have at most 72 characters");
        }
        return PASSWORDS.encode(java.nio.CharBuffer.wrap(password));
    }
}
