package jp.govcloudops.report.render;

/**
 * Keeps Latin words, numbers, dates and identifiers on one line in the PDF. Both the fill's text measurement and
 * the PDF exporter (forced to the same policy) wrap at {@link java.text.BreakIterator}'s line breaks, which allow a
 * break after a hyphen, colon or slash (「ap-」「northeast-1」, 「2026-」「10-13」, an ARN split around its account id)
 * and inside katakana words (「フ」「ローログ」); the same character also keeps the 禁則 characters it misses with their
 * neighbours.
 * A ZERO WIDTH NO-BREAK SPACE (U+FEFF, which that iterator does not break around and which prints nothing) is put
 * after such a character when it stands between two characters of the same token (after a colon or slash only
 * between digits, as in 19:23 or 3/31, so that an ARN too long for its cell still wraps at its colons and slashes,
 * never inside its account id), and between katakana; a token longer than a whole
 * line is still broken where it must be, by the measurer's character fallback.
 */
final class LineBreakJoiner {

    static final char JOINER = '\uFEFF';

    /**
     * 禁則 characters the iterator would let start a line (it already keeps 。、）」 and the like with the text before
     * them): the middle dot, iteration marks, small kana, colons.
     */
    private static final String NO_LINE_START = "・ゝゞヽヾ々ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ：；";

    /** Opening brackets, which may not end a line. */
    private static final String NO_LINE_END = "（「『【〔〈《［｛";

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
                    && (before != ':' && before != '/' || isDigit(after) && isDigit(text.charAt(i - 2)))
                    || isKatakana(before) && isKatakana(after)
                    || NO_LINE_START.indexOf(after) >= 0 || NO_LINE_END.indexOf(before) >= 0) {
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

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isConnector(char c) {
        return c == '-' || c == ':' || c == '/' || c == '.' || c == '_' || c == '@' || c == '=' || c == '+';
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || isConnector(c) || c == '*';
    }
}
