package jp.govcloudops.store;

import java.sql.Connection;

import jp.govcloudops.config.StoreProperties;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 35: creates the H2 user that {@code query} reads as ({@link QueryReader}). A Java migration because
 * the password is the store's (its credentials file or configuration), not text of the migration. On PostgreSQL
 * it does nothing: the database's administrator creates the read-only role (docs/operations.md).
 */
@Component
public class QueryReaderMigration implements JavaMigration {

    private final StoreProperties.Reader reader;
    private final H2StoreSetup h2;

    public QueryReaderMigration(StoreProperties properties, H2StoreSetup h2) {
        this.reader = properties.reader();
        this.h2 = h2;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("35");
    }

    @Override
    public String getDescription() {
        return "query reader";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
            QueryReader.ensureH2Reader(connection, reader.h2Username(), h2.readerPassword());
        }
    }
}
