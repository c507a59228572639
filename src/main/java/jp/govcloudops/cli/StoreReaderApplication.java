package jp.govcloudops.cli;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jp.govcloudops.archive.ArchiveStore;
import jp.govcloudops.calendar.HolidayCalendar;
import jp.govcloudops.calendar.ServiceHours;
import jp.govcloudops.config.CalendarProperties;
import jp.govcloudops.config.FileProperties;
import jp.govcloudops.config.GovcloudProperties;
import jp.govcloudops.config.StoreProperties;
import jp.govcloudops.detect.FindingMails;
import jp.govcloudops.detect.FindingStore;
import jp.govcloudops.store.H2StoreSetup;
import jp.govcloudops.store.QueryReader;
import jp.govcloudops.store.QueryReaderMigration;
import jp.govcloudops.store.ReadOnlyQuery;
import jp.govcloudops.store.SchemaState;
import jp.govcloudops.store.StatusReport;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application as the commands that only read the store start it ({@code query}, {@code status},
 * {@code findings list|show}): the store's settings, its read-only identity ({@link QueryReader}) and the services
 * that read it; no job repository, no detection rules, no S3 client, no connection pool, no Flyway. Such a command
 * answers in about a second instead of several. Whether the store needs migrating is read from its history
 * ({@link SchemaState}); if it does, the whole application starts once first.
 *
 * <p>Not a {@code @Configuration}, so that the whole application's component scan leaves it out.
 */
@EnableConfigurationProperties({DataSourceProperties.class, GovcloudProperties.class, StoreProperties.class,
        CalendarProperties.class, FileProperties.class})
@Import({ArchiveStore.class, H2StoreSetup.class, QueryReader.class, QueryReaderMigration.class, ReadOnlyQuery.class, StatusReport.class,
        FindingStore.class, FindingMails.class, HolidayCalendar.class, ServiceHours.class})
public class StoreReaderApplication {

    /** The store's own identity, for {@link QueryReader} alone: it repairs an H2 reader and checks PostgreSQL roles. */
    @Bean
    @Primary
    DataSource storeDataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(SimpleDriverDataSource.class).build();
    }

    /**
     * One connection as the reader, for every read of the command. The command runs fixed statements, so a
     * PostgreSQL reader that is more than a reader is not refused here, as it is for {@code query}'s free text.
     */
    @Bean
    SingleConnectionDataSource readerConnection(QueryReader reader) throws SQLException {
        return new SingleConnectionDataSource(reader.open(true), true);
    }

    @Bean
    JdbcTemplate jdbcTemplate(SingleConnectionDataSource readerConnection) {
        return new JdbcTemplate(readerConnection);
    }

    @Bean
    TransactionTemplate transactionTemplate(SingleConnectionDataSource readerConnection) {
        return new TransactionTemplate(new DataSourceTransactionManager(readerConnection));
    }

    @Bean
    SchemaState schemaState(DataSourceProperties store, ObjectProvider<JdbcTemplate> jdbcTemplate,
            GovcloudProperties settings, List<JavaMigration> javaMigrations, Environment environment) {
        return new SchemaState(store, jdbcTemplate, settings, javaMigrations, environment);
    }
}
