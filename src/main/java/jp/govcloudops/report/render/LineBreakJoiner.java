package jp.govcloudops.report.render;

/**
 * Keeps Latin words, numbers, dates and identifiers on one line in the PDF. Both the fill's text measurement and
 * the PDF exporter (forced to the same policy) wrap at {@link java.text.BreakIterator}'s line breaks, which allow a
 * break after a hyphen, colon or slash (「ap-」「northeast-1」, 「2026-」「10-13」, an ARN split around its account id)
 * and inside katakana words (「フ」「ローログ」).
 * A ZERO WIDTH NO-BREAK SPACE (U+FEFF, which that iterator does not break around and which prints nothing) is put
 * after such a character when it stands between two characters of the same token, and between katakana; a token longer than a whole
 * line is still broken where it must be, by the measurer's character fallback.
 */
final class LineBreakJoiner {

    static final char JOINER = '\uFEFF';

    private LineBreakJoiner() {
    }

    static String join(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = null;
        for (int i = 1; i < text.length(); i++) {
            char before = text.charAt(i - 1);
            char after = text.charAt(i);
            if (isConnector(before) && isTokenChar(after) && i >= 2 && isTokenChar(text.charAt(i - 2))
                    || isKatakana(before) && isKatakana(after)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(JOINER);
            }
            if (out != null) {
                out.append(after);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Katakana and the long vowel mark, not the middle dot 「・」 that separates words. */
    private static boolean isKatakana(char c) {
        return c >= '\u30A1' && c <= '\u30FA' || c == '\u30FC';
    }

    private static boolean isConnector(char c) {
        return c == '-' || c == ':' || c == '/' || c == '.' || c == '_' || c == '@' || c == '=' || c == '+';
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || isConnector(c) || c == '*';
    }
}
