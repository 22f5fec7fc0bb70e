package org.clinicaloutcomes.batch;

import javax.sql.DataSource;

import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The channel that carries the analysis partitions from a manager ({@code --remote-workers}) to
 * the workers (issue 19): a Spring Integration queue channel kept in the shared job repository's
 * PostgreSQL database by the JDBC channel message store, so that remote partitioning needs no
 * server beside the one the job repository needs already. A worker takes a request with
 * PostgreSQL's {@code FOR UPDATE SKIP LOCKED} (the store's query provider), so each partition
 * goes to exactly one worker. Made on first use: a run on the embedded database never needs it.
 */
final class PartitionRequests {

    /** The message group of the requests, one queue for every run of the job repository. */
    static final String GROUP = "clinical-outcomes.analysis-partitions";
    private static final String SCHEMA = "org/springframework/integration/jdbc/schema-postgresql.sql";

    private final DataSource dataSource;
    private QueueChannel channel;

    PartitionRequests(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    synchronized QueueChannel channel() {
        if (channel == null) {
            createTablesIfMissing();
            JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
            store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
            // Only what a request message holds is ever deserialized from the table.
            store.addAllowedPatterns(StepExecutionRequest.class.getName(), "org.springframework.messaging.*",
                    "java.util.*", "java.lang.*");
            store.afterPropertiesSet();
            channel = new QueueChannel(new MessageGroupQueue(store, GROUP));
        }
        return channel;
    }

    /**
     * Spring Integration's tables, from its own script, when the database has none yet. Managers
     * and workers may start together: a table another process has just created is not an error.
     */
    private void createTablesIfMissing() {
        Integer tables = new JdbcTemplate(dataSource).queryForObject(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'int_channel_message'"
                        + " AND table_schema = current_schema()", Integer.class);
        if (tables == null || tables == 0) {
            ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(SCHEMA));
            populator.setContinueOnError(true);
            populator.execute(dataSource);
        }
    }
}
