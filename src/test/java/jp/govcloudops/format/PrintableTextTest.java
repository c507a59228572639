package jp.govcloudops.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void plainTextIsKeptAsItIs() {
        String text = "field srcport is not a number: 'x1' 東京 😀";
        assertThat(PrintableText.of(text, 100)).isSameAs(text);
        assertThat(PrintableText.of(null, 100)).isNull();
    }

    @Test
    void controlCharactersAndTerminalTricksAreEscaped() {
        assertThat(PrintableText.of("a\u0001b\u001b[2Jc\nd\te\rf\u007f", 100))
                .isEqualTo("a\\x01b\\x1b[2Jc\\nd\\te\\rf\\x7f");
        assertThat(PrintableText.of("x\u0085y\u2028z\u2029\u202eevil\u2066\ufeff", 100))
                .isEqualTo("x\\u0085y\\u2028z\\u2029\\u202eevil\\u2066\\ufeff");
        // A lone surrogate (half of a character) is escaped; a whole pair is kept.
        assertThat(PrintableText.of("a\ud800b😀", 100)).isEqualTo("a\\ud800b😀");
    }

    @Test
    void longTextIsCutWithANoteOfWhatWasLeftOut() {
        assertThat(PrintableText.of("abcdefghij", 4)).isEqualTo("abcd... (6 more characters)");
        // An escape is never cut in half.
        assertThat(PrintableText.of("abc\u0001def", 5)).isEqualTo("abc... (4 more characters)");
        assertThat(PrintableText.of("😀😀😀", 3)).isEqualTo("😀... (4 more characters)");
    }
}
