import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The core computation of a monthly report as one DuckDB SQL query, for the benchmark beside the
 * jar (bench/versus-duckdb.sh): read intake.csv and sessions.csv, keep the episodes discharged in
 * the window, take each one's first and last attended score per instrument (by date, then session
 * number), and per approach and instrument the paired count, the mean baseline, final and change,
 * and the reliable-improvement rate with the bundled thresholds (PCL-5 10, PHQ-9 6, GAD-7 4,
 * DERS-16 and AAQ-II by Jacobson & Truax from their SD and reliability). No validation, no other
 * table and no output file: the floor a SQL engine sets for the same reading and grouping. It reads
 * the approaches' codes and names as the bundled approach file does, takes a blank PCL-5 total as
 * the sum of its items and a blank attended as yes (DATA.md); a row the pipeline rejects for
 * another reason may still count here, so its counts are close to the report's, not equal.
 *
 *   java -cp duckdb_jdbc.jar bench/DuckDbCore.java INPUT_FOLDER FROM TO
 */
public final class DuckDbCore {

    public static void main(String[] args) throws Exception {
        String input = args[0];
        String from = args[1];
        String to = args[2];
        long started = System.nanoTime();
        String sql = """
                WITH intake AS (
                  SELECT client_id, CASE upper(trim(approach))
                           WHEN 'PROLONGED EXPOSURE' THEN 'PE' WHEN 'COGNITIVE PROCESSING THERAPY' THEN 'CPT'
                           WHEN 'DIALECTICAL BEHAVIOR THERAPY' THEN 'DBT' WHEN 'ACCEPTANCE AND COMMITMENT THERAPY' THEN 'ACT'
                           ELSE upper(trim(approach)) END AS approach,
                         TRY_CAST(discharge_date AS DATE) AS discharge
                  FROM read_csv('%1$s/intake.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
                       strict_mode = false, null_padding = true, ignore_errors = true)),
                closed AS (
                  SELECT * FROM intake WHERE discharge BETWEEN DATE '%2$s' AND DATE '%3$s'
                    AND approach IN ('DBT', 'CPT', 'ACT', 'PE')),
                sessions AS (
                  SELECT client_id, TRY_CAST(session_date AS DATE) AS day, TRY_CAST(session_number AS INTEGER) AS number,
                         coalesce(TRY_CAST(pcl5 AS DOUBLE), TRY_CAST(pcl5_1 AS DOUBLE) + TRY_CAST(pcl5_2 AS DOUBLE)
                           + TRY_CAST(pcl5_3 AS DOUBLE) + TRY_CAST(pcl5_4 AS DOUBLE) + TRY_CAST(pcl5_5 AS DOUBLE)
                           + TRY_CAST(pcl5_6 AS DOUBLE) + TRY_CAST(pcl5_7 AS DOUBLE) + TRY_CAST(pcl5_8 AS DOUBLE)
                           + TRY_CAST(pcl5_9 AS DOUBLE) + TRY_CAST(pcl5_10 AS DOUBLE) + TRY_CAST(pcl5_11 AS DOUBLE)
                           + TRY_CAST(pcl5_12 AS DOUBLE) + TRY_CAST(pcl5_13 AS DOUBLE) + TRY_CAST(pcl5_14 AS DOUBLE)
                           + TRY_CAST(pcl5_15 AS DOUBLE) + TRY_CAST(pcl5_16 AS DOUBLE) + TRY_CAST(pcl5_17 AS DOUBLE)
                           + TRY_CAST(pcl5_18 AS DOUBLE) + TRY_CAST(pcl5_19 AS DOUBLE) + TRY_CAST(pcl5_20 AS DOUBLE)) AS pcl5, TRY_CAST(phq9 AS DOUBLE) AS phq9, TRY_CAST(gad7 AS DOUBLE) AS gad7,
                         TRY_CAST(ders16 AS DOUBLE) AS ders16, TRY_CAST(aaq2 AS DOUBLE) AS aaq2
                  FROM read_csv('%1$s/sessions.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
                       strict_mode = false, null_padding = true, ignore_errors = true)
                  WHERE upper(trim(coalesce(attended, ''))) <> 'N'),
                scores AS (
                  UNPIVOT (SELECT s.* FROM sessions s JOIN closed c USING (client_id))
                  ON pcl5, phq9, gad7, ders16, aaq2 INTO NAME instrument VALUE score),
                pairs AS (
                  SELECT client_id, instrument,
                         arg_min(score, (day, number)) AS baseline, arg_max(score, (day, number)) AS final, count(*) AS n
                  FROM scores WHERE score IS NOT NULL GROUP BY client_id, instrument HAVING count(*) >= 2),
                thresholds(instrument, threshold) AS (VALUES ('pcl5', 10.0), ('phq9', 6.0), ('gad7', 4.0),
                  ('ders16', 1.96 * 13.1 * sqrt(2 * (1 - 0.85))), ('aaq2', 1.96 * 9.9 * sqrt(2 * (1 - 0.81))))
                SELECT c.approach, p.instrument, count(*) AS n_paired, avg(baseline) AS baseline_mean,
                       avg(final) AS final_mean, avg(final - baseline) AS change_mean,
                       100.0 * avg(CASE WHEN baseline - final >= t.threshold THEN 1 ELSE 0 END) AS reliable_improvement_pct
                FROM pairs p JOIN closed c USING (client_id) JOIN thresholds t USING (instrument)
                GROUP BY ROLLUP (c.approach), p.instrument ORDER BY p.instrument, c.approach NULLS LAST
                """.formatted(input, from, to);
        int rows = 0;
        long paired = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows++;
                if (result.getString("approach") == null) {
                    paired += result.getLong("n_paired");
                }
            }
        }
        System.out.printf("duckdb core query: %d rows, %d paired episode-instruments (all approaches), %.2f s%n",
                rows, paired, (System.nanoTime() - started) / 1e9);
    }
}
