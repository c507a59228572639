package jp.govcloudops.store;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * The views have columns named {@code day} and {@code month}, which H2 treats as keywords. Every H2 URL gets
 * {@code NON_KEYWORDS} for them (unless it sets its own), so the same SQL works on H2 and PostgreSQL, in the
 * views and in operators' queries.
 */
@Component
public class H2UrlDefaults implements BeanPostProcessor {

    static final String NON_KEYWORDS = "NON_KEYWORDS=DAY,MONTH,YEAR,VALUE,KEY";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties) {
            properties.setUrl(withDefaults(properties.getUrl()));
        }
        return bean;
    }

    public static String withDefaults(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.toUpperCase().contains("NON_KEYWORDS")) {
            return url;
        }
        return url + ";" + NON_KEYWORDS;
    }
}
