package org.clinicaloutcomes.report;

/**
 * Named points of a run where a test can stop the process, to kill it at exactly that instant
 * (issue 11: restart and publication must survive a kill at any point). Off unless the
 * environment variable {@code CLINICAL_OUTCOMES_TEST_PAUSE_AT} names a point, optionally with the
 * how-manieth time it is reached ({@code sessions.chunk#3}); the run then prints
 * {@code test pause: <point>} on stderr and waits for ever, for the test's SIGKILL.
 */
public final class TestPause {

    public static final String INTAKE_STAGED = "intake.staged";
    /** Reached before each chunk of sessions.csv: the n-th time, n − 1 chunks are committed. */
    public static final String SESSIONS_CHUNK = "sessions.chunk";
    public static final String DUPLICATES_DONE = "duplicates.done";
    public static final String WINDOW_DONE = "window.done";
    /** An analysis partition has seen all its episodes and not yet handed its analysis on (issue 19). */
    public static final String ANALYSIS_PARTITION_DONE = "analysis.partition-done";
    public static final String OUTCOMES_DONE = "outcomes.done";
    public static final String PUBLISH_BEFORE_RENAMES = "publish.before-renames";
    public static final String PUBLISH_BETWEEN_RENAMES = "publish.between-renames";
    public static final String PUBLISH_AFTER_RENAMES = "publish.after-renames";
    /** The job is recorded complete; its staging files are not deleted yet. */
    public static final String JOB_COMPLETED = "job.completed";

    private static final String VARIABLE = "CLINICAL_OUTCOMES_TEST_PAUSE_AT";
    private static final String POINT;
    private static final int OCCURRENCE;
    private static int reached;

    static {
        String setting = System.getenv(VARIABLE);
        if (setting == null || setting.isBlank()) {
            POINT = null;
            OCCURRENCE = 0;
        } else {
            int hash = setting.indexOf('#');
            POINT = hash < 0 ? setting.strip() : setting.substring(0, hash).strip();
            OCCURRENCE = hash < 0 ? 1 : Integer.parseInt(setting.substring(hash + 1).strip());
        }
    }

    private TestPause() {
    }

    /** Pauses for ever when the test asked to stop here; otherwise returns at once. */
    public static void at(String point) {
        if (POINT == null || !POINT.equals(point)) {
            return;
        }
        synchronized (TestPause.class) {
            if (++reached != OCCURRENCE) {
                return;
            }
        }
        System.err.println("test pause: " + point);
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
