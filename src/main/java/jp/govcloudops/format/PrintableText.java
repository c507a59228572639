package jp.govcloudops.format;

/**
 * Text taken from input (a quarantine reason quoting a field, an excerpt of a line), made safe to store and print:
 * {@code query} and {@code status} write it to a terminal, where a raw control byte, an escape sequence or a
 * bidirectional override from a hostile file would act on the terminal instead of being read. Control characters
 * become escapes ({@code \x01}, {@code \n}; {@code \u2028} for Unicode separators and format controls), and the
 * text is cut to a bound with a note of what was left out.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** {@code text} with control characters escaped and at most {@code maxChars} characters kept; null stays null. */
    public static String of(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        int clean = 0;
        while (clean < n) {
            int width = isPair(text, clean) ? 2 : needsEscape(text.charAt(clean)) ? 0 : 1;
            if (width == 0 || clean + width > maxChars) {
                break;
            }
            clean += width;
        }
        if (clean == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(Math.min(n, maxChars) + 16).append(text, 0, clean);
        int i = clean;
        for (; i < n; i++) {
            char c = text.charAt(i);
            String escape = needsEscape(c) ? escape(text, i) : null;
            int width = escape != null ? escape.length() : isPair(text, i) ? 2 : 1;
            if (out.length() + width > maxChars) {
                break;
            }
            if (escape != null) {
                out.append(escape);
            } else {
                out.append(text, i, i + width);
                i += width - 1;
            }
        }
        if (i < n) {
            out.append("... (").append(n - i).append(" more characters)");
        }
        return out.toString();
    }

    private static boolean isPair(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e)
                || (c >= 0x2060 && c <= 0x206f) || c == 0xfeff || Character.isSurrogate(c);
    }

    /** The escape for the character at {@code i}, or null when it is half of a valid surrogate pair. */
    private static String escape(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            return null;
        }
        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
            return null;
        }
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x80 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
        };
    }
}
