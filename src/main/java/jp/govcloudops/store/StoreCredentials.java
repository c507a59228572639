package jp.govcloudops.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;

import jp.govcloudops.config.FileModes;

/**
 * The passwords of an H2 file store: its administrator's (the user the jobs connect as) and the query reader's
 * ({@link QueryReader}). Generated at first use into {@code <store>.credentials} beside the store's file, readable by
 * its owner alone whatever {@code govcloud.files.mode} says; a password given in configuration wins over the file's.
 *
 * <p>A store made by an earlier version has user {@code sa} and no password. It is upgraded on first use in an order
 * that a crash cannot turn into a lock-out: the new passwords are written to {@code <store>.credentials.new} first,
 * then the store's password is set, and only then is the file renamed to {@code <store>.credentials}. A run that
 * finds a {@code .new} file (the upgrade was interrupted) tries its password and, if the store refuses it, the empty
 * one again. The same file name is the way back for a store restored from a backup older than its password: rename
 * {@code <store>.credentials} to {@code <store>.credentials.new}.
 */
public final class StoreCredentials {

    /** The two passwords; {@link #toString()} hides them. */
    public record Passwords(String admin, String reader) {
        @Override
        public String toString() {
            return "Passwords[hidden]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreCredentials() {
    }

    /**
     * The store's passwords, generated or upgraded if need be.
     *
     * @param url             the store's JDBC URL (with its defaults), used only to upgrade an old store
     * @param user            the administrator's user name
     * @param configuredAdmin the administrator's password from configuration, or null: then the file's
     */
    public static Passwords of(H2FileStore store, String url, String user, String configuredAdmin) {
        try {
            Path file = store.credentialsFile();
            if (Files.exists(file)) {
                return read(file);
            }
            Path pending = store.file(".credentials.new");
            if (!Files.exists(store.dataFile()) && !Files.exists(pending)) {
                // A new store: H2 creates it with the password its first connection gives.
                return createOnce(file, generate());
            }
            Passwords passwords = createOnce(pending, generate());
            setAdminPassword(url, user, configuredAdmin != null ? configuredAdmin : passwords.admin(), file);
            try {
                Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                // another process finished the same upgrade first
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the store's credentials beside " + store.base() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Reads a credentials file. */
    public static Passwords read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String admin = properties.getProperty("password");
        String reader = properties.getProperty("reader.password");
        if (admin == null || admin.isEmpty() || reader == null || reader.isEmpty()) {
            throw new IOException(file + " is not a govcloud-ops credentials file (it needs password= and"
                    + " reader.password= lines)");
        }
        return new Passwords(admin, reader);
    }

    private static Passwords generate() {
        return new Passwords(randomPassword(), randomPassword());
    }

    /** 192 random bits, as URL-safe Base64 (nothing to quote in SQL, a URL or a properties file). */
    static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Writes {@code passwords} to {@code target} unless it exists, and returns what {@code target} holds: two
     * processes starting on a new store at once agree on one file. The file appears whole (hard link of a complete
     * temporary file), never half-written.
     */
    private static Passwords createOnce(Path target, Passwords passwords) throws IOException {
        FileModes.OWNER_ONLY.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = FileModes.OWNER_ONLY.newOutputStream(temporary)) {
                out.write(("# The passwords of the H2 store " + target.getFileName().toString().replaceFirst(
                        "\\.credentials(\\.new)?$", "") + " (docs/operations.md, \"Store credentials\"). Keep this"
                        + " file readable by its owner only.\npassword=" + passwords.admin() + "\nreader.password="
                        + passwords.reader() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            try {
                Files.createLink(target, temporary);
            } catch (FileAlreadyExistsException e) {
                return read(target);
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no hard links here: a plain rename, which does not replace a file another process made first
                try {
                    Files.move(temporary, target);
                } catch (FileAlreadyExistsException exists) {
                    return read(target);
                }
            }
            return passwords;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Sets the administrator's password of a store that has none yet (made by an earlier version). */
    private static void setAdminPassword(String url, String user, String password, Path file) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return; // set already: the upgrade stopped after it, before the rename
        } catch (SQLException e) {
            if (!isWrongPassword(e)) {
                throw new IllegalStateException("cannot open the store to set its password: " + e.getMessage(), e);
            }
        }
        try (Connection c = DriverManager.getConnection(url, user, "");
                PreparedStatement alter = c.prepareStatement("ALTER USER " + quoted(user) + " SET PASSWORD ?")) {
            alter.setString(1, password);
            alter.execute();
        } catch (SQLException e) {
            if (!isWrongPassword(e)) {
                throw new IllegalStateException("cannot set the store's password: " + e.getMessage(), e);
            }
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                return; // another process set it meanwhile
            } catch (SQLException again) {
                throw new IllegalStateException("the store refuses both the password in " + file.getFileName()
                        + ".new and the empty password of earlier versions; see docs/operations.md, \"Store"
                        + " credentials\"");
            }
        }
    }

    static boolean isWrongPassword(SQLException e) {
        return e.getErrorCode() == 28000 || "28000".equals(e.getSQLState());
    }

    static String quoted(String user) {
        return '"' + user.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }
}
