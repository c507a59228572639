package jp.govcloudops.report.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/** The report's Japanese font (the same TTF the PDF embeds), for text drawn into chart images. */
final class ChartFonts {

    private static final Font REGULAR = load("reports/fonts/NotoSansJP-Regular.ttf");
    private static final Font BOLD = load("reports/fonts/NotoSansJP-Bold.ttf");

    private ChartFonts() {
    }

    static Font regular(float size) {
        return REGULAR.deriveFont(size);
    }

    static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    private static Font load(String resource) {
        try (InputStream in = ChartFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load font " + resource + ": " + e.getMessage(), e);
        }
    }
}
