package jp.govcloudops.store;

import jp.govcloudops.config.GovcloudProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes govcloud.zone into the store at start-up, so the views' days follow the configured zone. */
@Component
@DependsOn("flywayInitializer")
public class StoreZoneSync implements SmartInitializingSingleton {

    private final JdbcTemplate jdbc;
    private final GovcloudProperties properties;

    public StoreZoneSync(JdbcTemplate jdbc, GovcloudProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        jdbc.update("UPDATE store_zone SET zone_id = ?, offset_hours = ? WHERE id = 1"
                + " AND (zone_id <> ? OR offset_hours <> ?)", properties.zone().getId(), properties.zoneOffsetHours(),
                properties.zone().getId(), properties.zoneOffsetHours());
    }
}
