package jp.govcloudops.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The joined texts against the line breaks the fill and the PDF exporter use (java.text.BreakIterator). */
class LineBreakJoinerTest {

    private static List<String> pieces(String text) {
        BreakIterator lines = BreakIterator.getLineInstance();
        lines.setText(text);
        List<String> pieces = new ArrayList<>();
        for (int start = lines.first(), end = lines.next(); end != BreakIterator.DONE; start = end, end = lines.next()) {
            pieces.add(text.substring(start, end).replace("\uFEFF", ""));
        }
        return pieces;
    }

    @Test
    void identifiersDatesAndKatakanaWordsHaveNoBreakInside() {
        assertThat(pieces(LineBreakJoiner.join("ap-northeast-3 の arn:aws:iam::318274650192:role/Deploy を 2026-10-13 に")))
                .contains("ap-northeast-3 ", "318274650192:", "2026-10-13 ");
        // An ARN may wrap at its colons and slashes when it does not fit, never inside its account id.
        assertThat(pieces(LineBreakJoiner.join("arn:aws:iam::318274650192:user/ope-sato 19:23 3/31")))
                .contains("318274650192:", "user/ope-sato ", "19:23 ", "3/31");
        assertThat(pieces(LineBreakJoiner.join("CloudTrail・Insights・フローログ"))).contains("フローログ");
    }

    @Test
    void japaneseTextStillBreaksBetweenCharactersAndKeepsClosingPunctuation() {
        List<String> pieces = pieces(LineBreakJoiner.join("記録はない。利用料（概算）は、"));
        assertThat(pieces).contains("い。", "は、").hasSizeGreaterThan(5);
        assertThat(pieces).noneMatch(p -> p.startsWith("。") || p.startsWith("、") || p.startsWith("）"));
        assertThat(pieces(LineBreakJoiner.join("平日（土曜・日曜・祝日を除く）、ちょっと")))
                .noneMatch(p -> p.startsWith("・") || p.startsWith("ょ") || p.endsWith("（"));
    }

    @Test
    void leavesTextWithoutJoinsAlone() {
        String text = "当月の検知は 47 件。";
        assertThat(LineBreakJoiner.join(text)).isSameAs(text);
        assertThat(LineBreakJoiner.join(null)).isNull();
    }
}
