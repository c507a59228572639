package jp.govcloudops.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * A plain text table for terminals: columns padded by display width (full-width Japanese characters take two
 * cells), long values cut with an ellipsis.
 */
final class Table {

    private Table() {
    }

    static void print(PrintWriter out, String[] header, List<String[]> rows, int[] widths) {
        line(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.println(rule.toString().stripTrailing());
        rows.forEach(r -> line(out, r, widths));
    }

    private static void line(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = fit(cells[i] == null ? "" : cells[i].replace('\n', ' '), widths[i]);
            b.append(i == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[i] - width(cell)));
        }
        out.println(b.toString().stripTrailing());
    }

    static String fit(String text, int width) {
        if (width(text) <= width) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = cellWidth(cp);
            if (used + w > width - 1) {
                break;
            }
            b.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return b.append('…').toString();
    }

    static int width(String text) {
        return text.codePoints().map(Table::cellWidth).sum();
    }

    private static int cellWidth(int cp) {
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
