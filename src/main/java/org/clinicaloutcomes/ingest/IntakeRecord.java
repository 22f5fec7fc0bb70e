package org.clinicaloutcomes.ingest;

/**
 * An accepted intake row: one treatment episode. Dates are epoch days; optional codes are null
 * when blank; flags are null when unknown.
 */
public record IntakeRecord(String clientId, int intakeDay, String approach, String clinicianId,
                           String ageBand, String gender, String state, String indexEvent,
                           Boolean chronicIllness, Boolean priorTrauma, Boolean childhoodMedical,
                           Boolean marginalized, int dischargeDay, String dischargeReason, long line) {

    /** {@link #dischargeDay()} of an open episode. */
    public static final int OPEN = Integer.MAX_VALUE;

    public boolean isClosed() {
        return dischargeDay != OPEN;
    }

    @Override
    public String toString() {
        // Keys are pseudonymous, but a record in a log serves no one: show its position only.
        return "IntakeRecord[line=" + line + "]";
    }
}
