package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import jp.govcloudops.source.SourceUnavailableException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One line for a failure: what is wrong and what to do. Spring wraps the reason a start failed in several layers
 * of bean-creation exceptions; this walks the cause chain and recognises the common reasons by exception type and
 * SQL state or vendor code, falling back to the innermost message. Passwords in URLs are masked in everything it
 * returns, including the full trace for --verbose and the log file.
 */
final class FailureMessage {

    /** H2's "Database may be already in use": another process has the file open without the automatic server. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** H2's wrong user name or password (the same code as the SQL state PostgreSQL uses for it). */
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;

    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)(password|passwd|pwd|secret|token)(\\s*[=:]\\s*)[^;&\\s\"',)]+");
    private static final Pattern URL_USER_INFO = Pattern.compile("(://[^/:@\\s]+:)[^@/\\s]+@");
    private static final String DB_HINT = "check --db (spring.datasource.url)";

    private FailureMessage() {
    }

    static String of(Throwable failure) {
        List<Throwable> chain = chain(failure);
        String line = describe(chain);
        return redact(line != null ? line : innermostMessage(chain));
    }

    /** The stack trace, masked like the line. */
    static String trace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return redact(text.toString());
    }

    static String redact(String text) {
        String masked = SECRET_PARAMETER.matcher(text).replaceAll("$1$2***");
        return URL_USER_INFO.matcher(masked).replaceAll("$1***@");
    }

    private static String describe(List<Throwable> chain) {
        // Most specific first: a validation failure is wrapped in a BindException, a source failure may carry an
        // SDK exception, and the SQL exception is the reason inside Flyway's and Spring's wrappers.
        BindValidationException invalid = find(chain, BindValidationException.class);
        if (invalid != null) {
            return invalidSettings(invalid);
        }
        BindException unbindable = find(chain, BindException.class);
        if (unbindable != null) {
            return unconvertibleSetting(unbindable, chain);
        }
        MarkedYAMLException yaml = find(chain, MarkedYAMLException.class);
        if (yaml != null) {
            return unparsableYaml(yaml);
        }
        SourceUnavailableException source = find(chain, SourceUnavailableException.class);
        if (source != null) {
            return unreadableSource(source);
        }
        SQLException sql = find(chain, SQLException.class);
        if (sql != null) {
            return storeUnavailable(sql);
        }
        return null;
    }

    private static String invalidSettings(BindValidationException e) {
        StringJoiner line = new StringJoiner("; ", "invalid configuration: ",
                " (docs/configuration.md describes every setting)");
        for (ObjectError error : e.getValidationErrors()) {
            if (error instanceof FieldError field) {
                String name = field.getObjectName() + "." + field.getField();
                line.add(name + " = " + shown(name, field.getRejectedValue()) + where(Origin.from(field)) + " "
                        + field.getDefaultMessage());
            } else {
                line.add(error.getObjectName() + where(Origin.from(error)) + ": " + error.getDefaultMessage());
            }
        }
        return line.toString();
    }

    private static String unconvertibleSetting(BindException e, List<Throwable> chain) {
        Object value = e.getProperty() != null ? e.getProperty().getValue() : null;
        Origin origin = e.getProperty() != null ? e.getProperty().getOrigin() : e.getOrigin();
        String name = e.getName().toString();
        return "invalid configuration: " + name + " = " + shown(name, value) + where(origin)
                + " cannot be read as " + e.getTarget().getType() + " (" + innermostMessage(chain)
                + "; docs/configuration.md describes every setting)";
    }

    /** SnakeYAML's exception reaches us unwrapped: which file it was is not known, only where in it. */
    private static String unparsableYaml(MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        return "a configuration file is not valid YAML: " + e.getProblem()
                + (mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
                + " (of ./config/application.yml, or of a file named by spring.config.location or"
                + " spring.config.additional-location): fix it, usually its indentation";
    }

    private static String unreadableSource(SourceUnavailableException e) {
        String location = "source location " + e.location() + ": ";
        String check = "; check --source (govcloud.sources)";
        Throwable cause = e.getCause();
        if (cause instanceof NoSuchFileException) {
            return location + "no such directory, and not s3://bucket/prefix" + check;
        }
        if (cause instanceof NotDirectoryException) {
            return location + "not a directory" + check;
        }
        if (cause instanceof NoSuchBucketException) {
            return location + "the bucket does not exist" + check + " and govcloud.s3.region";
        }
        if (cause instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? "" : " " + s3.awsErrorDetails().errorCode();
            return location + "S3 refused to list it (HTTP " + s3.statusCode() + code + ")"
                    + (s3.statusCode() == 403 ? "; the identity running this needs s3:ListBucket on the bucket"
                            + " for that prefix" : check);
        }
        if (cause instanceof SdkClientException) {
            return location + "S3 cannot be reached (" + firstLine(cause.getMessage()) + "); check the network and"
                    + " govcloud.s3.endpoint";
        }
        return location + firstLine(cause.getMessage()) + check;
    }

    private static String storeUnavailable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = firstLine(e.getMessage());
        if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN && state.startsWith("90")) {
            return "the H2 store is open in another process (" + reason + "): wait for that command to finish, or"
                    + " give the URL AUTO_SERVER=TRUE, as the default store has, so that commands can share it";
        }
        if (state.equals("3D000")) {
            return "the store's database does not exist (" + reason + "): create it, or " + DB_HINT;
        }
        if (state.startsWith("08")) {
            return "cannot connect to the store (" + reason + "): is the database server running and reachable? "
                    + DB_HINT;
        }
        if (state.equals("28P01") || state.equals("28000") || e.getErrorCode() == H2_WRONG_USER_OR_PASSWORD) {
            return "the store refused the login (" + reason + "): check the user and password in --db or"
                    + " spring.datasource.username and spring.datasource.password";
        }
        return null;
    }

    /** A setting's value as shown in the line: masked when the setting holds a secret. */
    private static String shown(String name, Object value) {
        if (SECRET_PARAMETER.matcher(name + "=x").find()) {
            return "***";
        }
        return value == null ? "(empty)" : "\"" + value + "\"";
    }

    private static String where(Origin origin) {
        while (origin instanceof PropertySourceOrigin property && property.getOrigin() != null) {
            origin = property.getOrigin();
        }
        if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
            String file = text.getResource().getDescription();
            try {
                file = text.getResource().getFile().toString();
            } catch (java.io.IOException | RuntimeException notAFile) {
                // a classpath resource: its description names it
            }
            return " (" + file + (text.getLocation() == null ? "" : " line " + (text.getLocation().getLine() + 1))
                    + ")";
        }
        return origin == null ? "" : " (" + origin + ")";
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static <T> T find(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /** The most specific message in the chain: the innermost one there is. */
    private static String innermostMessage(List<Throwable> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).getMessage() != null) {
                return chain.get(i).getMessage();
            }
        }
        return chain.get(0).toString();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
