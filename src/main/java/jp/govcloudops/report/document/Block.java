package jp.govcloudops.report.document;

/** One piece of a report section, in reading order. */
public sealed interface Block permits Block.Paragraph, Block.None, Block.Note, Block.TableBlock, Block.Chart,
        Block.PageBreak, Block.TocEntry {

    /** Body text. */
    record Paragraph(String text) implements Block {
    }

    /** The statement that a part has nothing to report (該当なし), with what was looked at. */
    record None(String text) implements Block {
    }

    /** A small-print remark: where a figure comes from, what it does not include. */
    record Note(String text) implements Block {
    }

    record TableBlock(Table table) implements Block {
    }

    /** A chart drawn as a PNG image. */
    record Chart(byte[] png) implements Block {
    }

    record PageBreak() implements Block {
    }

    /** A line of the table of contents, linked to a section's anchor. */
    record TocEntry(String text, String target) implements Block {
    }
}
