package jp.govcloudops.store;

import java.util.Locale;

/**
 * What every H2 URL gets unless it says otherwise ({@link H2StoreSetup} applies it before the store opens):
 * <ul>
 * <li>{@code NON_KEYWORDS} for {@code day}, {@code month} and the like: the views have such columns, which H2 treats
 * as keywords, so the same SQL works on H2 and PostgreSQL, in the views and in operators' queries;</li>
 * <li>for a file store, {@code AUTO_SERVER=TRUE}, as in the default URL: the process holding the store serves it to
 * the others (`status`, `query`, a second run waiting for the run lock), instead of their failing with "Locked by
 * another process". A URL that sets {@code AUTO_SERVER} or {@code FILE_LOCK} itself keeps its choice.</li>
 * </ul>
 */
public final class H2UrlDefaults {

    static final String NON_KEYWORDS = "NON_KEYWORDS=DAY,MONTH,YEAR,VALUE,KEY";

    private H2UrlDefaults() {
    }

    public static String withDefaults(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(url);
        if (!hasSetting(upper, "NON_KEYWORDS")) {
            result.append(';').append(NON_KEYWORDS);
        }
        if (H2FileStore.of(url).isPresent() && !hasSetting(upper, "AUTO_SERVER") && !hasSetting(upper, "FILE_LOCK")) {
            result.append(";AUTO_SERVER=TRUE");
        }
        return result.toString();
    }

    private static boolean hasSetting(String upperUrl, String name) {
        return upperUrl.contains(";" + name + "=");
    }
}
