package jp.govcloudops.store;

import java.util.Locale;
import java.util.Set;

/**
 * Finds the one statement of an operator's query text, reading comments, quoted text and identifiers the way the
 * store's database does, so that a quote inside a comment (or a semicolon inside a string) cannot hide a second
 * statement. This is a usability check that gives a clear reason; what makes {@code query} safe is the read-only
 * identity it runs under. Where the two databases differ, the lexing follows the one at hand: H2 has {@code //}
 * comments, back-quoted identifiers and {@code $$} strings; PostgreSQL has {@code $tag$} strings and {@code E'...'}
 * strings with backslash escapes. Nested block comments are read as both do.
 */
final class QueryStatement {

    enum Dialect {
        H2, POSTGRESQL
    }

    private static final Set<String> QUERY_WORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE");

    private final String sql;
    private final Dialect dialect;
    private int i;

    private QueryStatement(String sql, Dialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    /**
     * The statement of {@code sql} without the semicolons after it.
     *
     * @throws IllegalArgumentException with a one-line reason when the text holds no statement, more than one, or
     *                                  one that is not a query
     */
    static String single(String sql, Dialect dialect) {
        return new QueryStatement(sql, dialect).single();
    }

    private String single() {
        int statementStart = -1;
        int statementEnd = -1;
        String firstWord = null;
        String[] lastWords = new String[2];
        while (true) {
            skipSpaceAndComments();
            if (i >= sql.length()) {
                break;
            }
            int tokenStart = i;
            char c = sql.charAt(i);
            if (c == ';') {
                if (statementStart >= 0 && statementEnd < 0) {
                    statementEnd = i;
                }
                i++;
                continue;
            }
            if (statementEnd >= 0) {
                throw new IllegalArgumentException("only one statement is accepted; a second one starts at character "
                        + (tokenStart + 1));
            }
            if (statementStart < 0) {
                statementStart = tokenStart;
            }
            String word = readToken();
            if (firstWord == null && !"(".equals(word)) {
                firstWord = word == null ? sql.substring(tokenStart, i) : word;
                if (word == null || !QUERY_WORDS.contains(word)) {
                    throw new IllegalArgumentException("only a query (SELECT, WITH, VALUES or TABLE) is accepted, not "
                            + firstWord.strip().split("\\s+", 2)[0]);
                }
            }
            if (dialect == Dialect.H2 && ("FOR".equals(word) && "VALUE".equals(lastWords[1])
                    && "NEXT".equals(lastWords[0]) || "(".equals(word) && "NEXTVAL".equals(lastWords[1]))) {
                // H2 checks no rights on sequences: any user can advance one, which changes the store.
                throw new IllegalArgumentException("NEXT VALUE FOR and NEXTVAL advance a sequence; they are not reads");
            }
            lastWords[0] = lastWords[1];
            lastWords[1] = word;
        }
        if (statementStart < 0) {
            throw new IllegalArgumentException("no statement given");
        }
        return sql.substring(statementStart, statementEnd < 0 ? sql.length() : statementEnd).strip();
    }

    /** Reads one token; returns its upper-case text if it is a bare word or "(", otherwise null. */
    private String readToken() {
        char c = sql.charAt(i);
        int start = i;
        if (c == '\'') {
            readQuoted('\'', isEscapeString(start));
            return null;
        }
        if (c == '"' || (c == '`' && dialect == Dialect.H2)) {
            readQuoted(c, false);
            return null;
        }
        if (c == '$' && !continuesWord(start)) {
            if (readDollarQuoted()) {
                return null;
            }
            i++;
            return null;
        }
        if (isWordPart(c)) {
            while (i < sql.length() && (isWordPart(sql.charAt(i)) || sql.charAt(i) == '$')) {
                i++;
            }
            return sql.substring(start, i).toUpperCase(Locale.ROOT);
        }
        i++;
        return c == '(' ? "(" : null;
    }

    private void skipSpaceAndComments() {
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (startsWith("--") || (dialect == Dialect.H2 && startsWith("//"))) {
                while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
                    i++;
                }
            } else if (startsWith("/*")) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int start = i;
        int depth = 0;
        do {
            if (i + 1 >= sql.length()) {
                throw new IllegalArgumentException("the comment at character " + (start + 1) + " is not closed");
            }
            if (startsWith("/*")) {
                depth++;
                i += 2;
            } else if (startsWith("*/")) {
                depth--;
                i += 2;
            } else {
                i++;
            }
        } while (depth > 0);
    }

    /** Reads a quoted string or identifier; the quote is doubled inside it, or escaped with a backslash. */
    private void readQuoted(char quote, boolean backslashEscapes) {
        int start = i++;
        while (i < sql.length()) {
            char c = sql.charAt(i++);
            if (backslashEscapes && c == '\\') {
                i++;
            } else if (c == quote) {
                if (i < sql.length() && sql.charAt(i) == quote) {
                    i++;
                } else {
                    return;
                }
            }
        }
        throw new IllegalArgumentException("the quoted text at character " + (start + 1) + " is not closed");
    }

    /** PostgreSQL's E'...' strings take backslash escapes; H2 has none. */
    private boolean isEscapeString(int quote) {
        return dialect == Dialect.POSTGRESQL && quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
                && !continuesWord(quote - 1);
    }

    /** H2: $$...$$. PostgreSQL: $$...$$ or $tag$...$tag$. Returns false for a lone '$' (a parameter). */
    private boolean readDollarQuoted() {
        int start = i;
        int tagEnd = i + 1;
        if (dialect == Dialect.POSTGRESQL) {
            while (tagEnd < sql.length() && isWordPart(sql.charAt(tagEnd))
                    && !(tagEnd == i + 1 && Character.isDigit(sql.charAt(tagEnd)))) {
                tagEnd++;
            }
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            return false;
        }
        String tag = sql.substring(start, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            throw new IllegalArgumentException("the dollar-quoted text at character " + (start + 1) + " is not closed");
        }
        i = close + tag.length();
        return true;
    }

    private boolean continuesWord(int at) {
        return at > 0 && (isWordPart(sql.charAt(at - 1)) || sql.charAt(at - 1) == '$');
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private boolean startsWith(String prefix) {
        return sql.startsWith(prefix, i);
    }
}
