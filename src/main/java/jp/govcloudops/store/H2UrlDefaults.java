package jp.govcloudops.store;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Settings every H2 URL gets unless it sets its own:
 * <ul>
 * <li>{@code NON_KEYWORDS}: the views have columns named {@code day} and {@code month}, which H2 treats as keywords;
 * with this, the same SQL works on H2 and PostgreSQL, in the views and in operators' queries;</li>
 * <li>{@code WRITE_DELAY=0}: H2 otherwise keeps committed changes in memory for up to half a second before writing
 * them to the file, so a process killed with SIGKILL (or by the OOM killer) lost its last commits: a night's last
 * chunks, a mail's "sent" mark, an operator's record. With 0 a commit is in the file when it returns; the ingestion
 * benchmark showed no measurable cost. H2 reads it from the URL each time the database is opened (a {@code SET}
 * in the database would not last).</li>
 * </ul>
 */
@Component
public class H2UrlDefaults implements BeanPostProcessor {

    static final List<String> DEFAULTS = List.of("NON_KEYWORDS=DAY,MONTH,YEAR,VALUE,KEY", "WRITE_DELAY=0");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties) {
            properties.setUrl(withDefaults(properties.getUrl()));
        }
        return bean;
    }

    public static String withDefaults(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder with = new StringBuilder(url);
        for (String setting : DEFAULTS) {
            if (!upper.contains(";" + setting.substring(0, setting.indexOf('=') + 1))) {
                with.append(';').append(setting);
            }
        }
        return with.toString();
    }
}
