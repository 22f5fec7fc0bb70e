package org.clinicaloutcomes.cli;

/** The two report jobs. */
public enum JobKind {
    /** The practice's internal monthly report ({@code monthly}). */
    MONTHLY,
    /** A report over an arbitrary date range, meant for sharing ({@code research}). */
    RESEARCH;

    /** The command-line word of the job: {@code monthly} or {@code research}. */
    public String commandName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
