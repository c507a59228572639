package jp.govcloudops.report.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A numbered section of the report ("3 稼働状況") with its subsections ("3.1 ログ収集状況"). Blocks added before the
 * first subsection belong to the section itself.
 */
public final class Section {

    private final String number;
    private final String title;
    private final List<Subsection> parts = new ArrayList<>();

    public Section(String number, String title) {
        this.number = number;
        this.title = title;
        parts.add(new Subsection(null, null));
    }

    public String number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** "3　稼働状況", or the title alone for unnumbered parts (目次, 付録). */
    public String heading() {
        return number == null ? title : number + "　" + title;
    }

    public String anchor() {
        return "section-" + (number == null ? title : number);
    }

    public List<Subsection> parts() {
        return parts;
    }

    /** Starts subsection {@code number.n}; following blocks go into it. */
    public Section subsection(String subTitle) {
        int n = (int) parts.stream().filter(p -> p.title() != null).count() + 1;
        String heading = number == null ? subTitle : number + "." + n + "　" + subTitle;
        parts.add(new Subsection(heading, anchor() + "." + n));
        return this;
    }

    private Subsection current() {
        return parts.get(parts.size() - 1);
    }

    public Section paragraph(String text) {
        current().blocks().add(new Block.Paragraph(text));
        return this;
    }

    public Section none(String what) {
        current().blocks().add(new Block.None(what));
        return this;
    }

    public Section note(String text) {
        current().blocks().add(new Block.Note(text));
        return this;
    }

    /** The table, or the statement {@code whenEmpty} (該当なし...) when it has no rows. */
    public Section table(Table table, String whenEmpty) {
        current().blocks().add(table.isEmpty() ? new Block.None(whenEmpty) : new Block.TableBlock(table));
        return this;
    }

    public Section chart(byte[] png) {
        current().blocks().add(new Block.Chart(png));
        return this;
    }

    public Section add(Block block) {
        current().blocks().add(block);
        return this;
    }

    public record Subsection(String title, String anchor, List<Block> blocks) {
        Subsection(String title, String anchor) {
            this(title, anchor, new ArrayList<>());
        }
    }
}
