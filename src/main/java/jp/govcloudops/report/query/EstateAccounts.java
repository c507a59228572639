package jp.govcloudops.report.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.report.ReportContext;

/** The accounts a report covers: the configured ones, in their order, then any other account that has logs. */
public final class EstateAccounts {

    private EstateAccounts() {
    }

    public static List<String> of(ReportContext c) {
        Set<String> ids = new LinkedHashSet<>();
        for (GovcloudProperties.Account account : c.settings().accounts()) {
            ids.add(account.id());
        }
        ids.addAll(c.jdbc().queryForList("SELECT DISTINCT account_id FROM log_partition WHERE folder_date <= ?"
                + " AND folder_date >= ? ORDER BY account_id", String.class, c.last().plusDays(1), c.first().minusDays(1)));
        return new ArrayList<>(ids);
    }
}
