package jp.govcloudops.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.web.audit.AuditLog;
import jp.govcloudops.web.user.ConsoleRole;
import jp.govcloudops.web.user.ConsoleUsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code user}: the web console's users, kept in the store with BCrypt password hashes. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Web console (serve) users: add one, change a password. Roles: VIEWER (閲覧者, reads only),",
                "OPERATOR (運用者, also triage, operator records, reports), ADMIN (管理者, also users and settings).",
                "The password is asked twice on the terminal, or read as one line from stdin with --password-stdin."},
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class})
public class UserCommand {

    @ParentCommand
    GovcloudCli root;

    abstract static class PasswordInput {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--password-stdin", description = "Read the password as one line from standard input.")
        boolean passwordStdin;

        char[] password() {
            if (passwordStdin) {
                try {
                    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                            .readLine();
                    if (line == null) {
                        throw new IllegalArgumentException("no password on standard input");
                    }
                    return line.toCharArray();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("no terminal to ask the password on: use --password-stdin");
            }
            char[] first = console.readPassword("password: ");
            char[] second = console.readPassword("again: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            return first;
        }

        int run(GovcloudCli root, String done, UserChange change) {
            PrintWriter out = spec.commandLine().getOut();
            char[] password;
            try {
                password = password();
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.USAGE;
            }
            return root.withContext(context -> {
                try {
                    change.apply(context.getBean(ConsoleUsers.class), password, System.getProperty("user.name"));
                    out.println(done);
                    out.flush();
                    return ExitCodes.OK;
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    return ExitCodes.FAILURE;
                } finally {
                    Arrays.fill(password, '\0');
                }
            });
        }
    }

    interface UserChange {
        void apply(ConsoleUsers users, char[] password, String by);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a console user.")
    static class Add extends PasswordInput implements Callable<Integer> {

        @ParentCommand
        UserCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "VIEWER (閲覧者), OPERATOR (運用者) or ADMIN (管理者).")
        ConsoleRole role;

        @Override
        public Integer call() {
            return run(parent.root, "user " + name + " added (" + role.name() + ")",
                    (users, password, by) -> users.add(name, password, role, by, AuditLog.COMMAND_LINE));
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Sets a user's password (and role, with --role); also unlocks a locked user.")
    static class Passwd extends PasswordInput implements Callable<Integer> {

        @ParentCommand
        UserCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", description = "A new role.")
        ConsoleRole role;

        @Override
        public Integer call() {
            return run(parent.root, "user " + name + ": password set",
                    (users, password, by) -> users.changePassword(name, password, role, by, AuditLog.COMMAND_LINE));
        }
    }
}
