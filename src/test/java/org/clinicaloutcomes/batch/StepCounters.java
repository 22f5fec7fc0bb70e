package org.clinicaloutcomes.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The step counters of one job execution as the job repository's own table holds them
 * ({@code BATCH_STEP_EXECUTION}), by step name in the order the steps ran.
 */
record StepCounters(long read, long write, long filter, long processSkip) {

    static Map<String, StepCounters> of(JdbcTemplate jdbc, long jobExecutionId) {
        Map<String, StepCounters> counters = new LinkedHashMap<>();
        jdbc.query("SELECT STEP_NAME, READ_COUNT, WRITE_COUNT, FILTER_COUNT, PROCESS_SKIP_COUNT FROM BATCH_STEP_EXECUTION"
                        + " WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID",
                row -> {
                    counters.put(row.getString(1), new StepCounters(row.getLong(2), row.getLong(3), row.getLong(4),
                            row.getLong(5)));
                }, jobExecutionId);
        return counters;
    }
}
