package jp.govcloudops.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2UrlDefaultsTest {

    @Test
    void anH2UrlGetsEachDefaultItDoesNotSetItself() {
        assertThat(H2UrlDefaults.withDefaults("jdbc:h2:file:./data/govcloud;AUTO_SERVER=TRUE")).isEqualTo(
                "jdbc:h2:file:./data/govcloud;AUTO_SERVER=TRUE;NON_KEYWORDS=DAY,MONTH,YEAR,VALUE,KEY;WRITE_DELAY=0");
        assertThat(H2UrlDefaults.withDefaults("jdbc:h2:file:/srv/store;write_delay=500"))
                .isEqualTo("jdbc:h2:file:/srv/store;write_delay=500;NON_KEYWORDS=DAY,MONTH,YEAR,VALUE,KEY");
        assertThat(H2UrlDefaults.withDefaults("jdbc:h2:mem:x;NON_KEYWORDS=DAY,MONTH"))
                .isEqualTo("jdbc:h2:mem:x;NON_KEYWORDS=DAY,MONTH;WRITE_DELAY=0");
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        assertThat(H2UrlDefaults.withDefaults("jdbc:postgresql://127.0.0.1:5432/test"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(H2UrlDefaults.withDefaults(null)).isNull();
    }
}
