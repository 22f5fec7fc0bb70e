package org.clinicaloutcomes.cli;

/** The text of {@code --help}: every command and option with its default, one line per option. */
final class HelpText {

    static final String TEXT = """
            clinical-outcomes: outcome reports of psychotherapy, by treatment approach

            Usage (java -jar target/clinical-outcomes.jar, then):
              (nothing)        the monthly report with all the defaults below
              monthly  [options]
              research [options]
              generate [options]
              worker   [options]
              help             this text (also --help or -h, after any command too)
            Options are written --name=value, with no spaces around the =.

            monthly: the practice's internal monthly report (small numbers are shown unless --suppression=true)
              --month=YYYY-MM            month to report on (default: month of the latest session, or the month before if that is the current month)
              --window-months=N          months of outcomes, ending with the report month, 1 to 120 (default: 12)
              --series-months=N          months of the month-by-month series (trends and signals), ending with the report month, 1 to 120 (default: 24)
              --expected-min-n=N         closed episodes an expected-recovery curve needs before open clients are judged against it, 3 to 100000 (default: 30)
              --contact-days=N           an open client with no attended session in this many days, up to the month's end, is on the attention list, 1 to 365 (default: 30)

            research: a report over any period, for sharing (small numbers are hidden unless --suppression=false)
              --job=FILE                 read the settings from a .properties file; options typed here win over it (default: none)
              --from=YYYY-MM-DD          first day of the period (default: the earliest intake date)
              --to=YYYY-MM-DD            last day of the period (default: the latest session date)
              --significance=LIST        clinical-significance methods to compare, comma-separated, any of JT, GLN, HLL, EN, NK, HA, HLM, percentage, anchor (default: JT)

            options of both monthly and research:
              --input=DIR                folder holding intake.csv and sessions.csv (default: sample-data)
              --output=DIR               folder to write the report to (default: reports/YYYY-MM for monthly, reports/research-FROM_TO or reports/research-all for research)
              --instruments=FILE         questionnaire settings file (CSV) to use instead of the built-in one (default: built-in PCL-5, PHQ-9, GAD-7, DERS-16, AAQ-II)
              --approaches=A,B,...       treatment approaches to report on, in this order (default: DBT,CPT,ACT,PE)
              --primary-instrument=KEY   questionnaire used for the headline figures (default: pcl5)
              --suppression=true|false   hide counts from 1 to 10 and every figure based on them (default: false for monthly, true for research)
              --max-reject-pct=N         end with exit code 3 (report written, look at the data first) when more than N % of a file's rows are rejected, 0 to 100 (default: 50)
              --quiet                    do not show progress while running (default: progress is shown)
              --restart                  continue the last failed or interrupted run with the same settings (default: start afresh)
              --job-repository=URL       keep the record of runs in a shared PostgreSQL database, jdbc:postgresql://host:port/database, user and password from CLINICAL_OUTCOMES_DB_USER and CLINICAL_OUTCOMES_DB_PASSWORD (default: the embedded database in the state folder)
              --partitions=N             analyse the clients in N parts at once, by a hash of client_id, 1 to 64; the report is the same for every N (default: 1)
              --remote-workers           have worker processes analyse the partitions, on this or other machines; needs --job-repository (default: this process's threads)
              --work-dir=DIR             folder for the run's staging files, one that every worker can read and write (default: work in the state folder)

            generate: write made-up sample data (no real clients) to try the tool with
              --end-month=YYYY-MM        last month of the sample data (required)
              --seed=N                   starting number of the random generator; the same number gives the same data (default: 20261)
              --episodes=N               number of treatment episodes, 1 to 10000000 (default: 500)
              --output=DIR               folder to write intake.csv and sessions.csv to (default: sample-data)

            worker: analyse the partitions of the runs started with --remote-workers, until stopped (see "Several machines" in README.md)
              --job-repository=URL       the runs' shared PostgreSQL job repository (required): user and password from the environment, as above
              --work-dir=DIR             the runs' --work-dir, as this machine sees it (required)

            A research job file has one setting per line, key=value, with the keys input, output, from, to,
            instruments, approaches, primary-instrument, suppression, max-reject-pct and significance (write / in paths, also on Windows);
            relative paths in it are relative to the job file's folder. A job file may also describe a researcher's own
            export (one long or wide file, with its own column names, codes and waves): see "Your own export" in README.md.
            The clinical-significance methods take their parameters from optional columns of the instrument file, after its
            first ten: reliability (default: rc_reliability), reliability_post, functional_mean, functional_sd, cutoff_type
            (a, b or c; default: a), mid_improvement, mid_deterioration (points), pct_improvement and pct_deterioration
            (fractions 0 to 1). A method whose parameters an instrument lacks is left out for it, with a warning.
            Exit codes: 0 done; 3 report written, but the data need a look first (too many rejects, or no paired scores
            on the main questionnaire); 2 wrong options or an input file refused (the reason is shown); 1 any other failure (see the log).
            """;

    private HelpText() {
    }
}
