package org.clinicaloutcomes.ingest;

/**
 * An accepted intake row: one treatment episode. Dates are epoch days; optional codes are null
 * when blank; flags are null when unknown; {@code referralDay} is {@link #NO_REFERRAL} when the
 * row has no {@code referral_date} (DATA.md: optional, never after the intake date).
 */
public record IntakeRecord(String clientId, int intakeDay, String approach, String clinicianId,
                           String ageBand, String gender, String state, String indexEvent,
                           Boolean chronicIllness, Boolean priorTrauma, Boolean childhoodMedical,
                           Boolean marginalized, int dischargeDay, String dischargeReason, long line,
                           int referralDay) {

    /** {@link #dischargeDay()} of an open episode. */
    public static final int OPEN = Integer.MAX_VALUE;
    /** {@link #referralDay()} of an episode without a referral date. */
    public static final int NO_REFERRAL = Integer.MIN_VALUE;

    /** An episode without a referral date. */
    public IntakeRecord(String clientId, int intakeDay, String approach, String clinicianId,
                        String ageBand, String gender, String state, String indexEvent,
                        Boolean chronicIllness, Boolean priorTrauma, Boolean childhoodMedical,
                        Boolean marginalized, int dischargeDay, String dischargeReason, long line) {
        this(clientId, intakeDay, approach, clinicianId, ageBand, gender, state, indexEvent, chronicIllness,
                priorTrauma, childhoodMedical, marginalized, dischargeDay, dischargeReason, line, NO_REFERRAL);
    }

    /** The same episode with another approach code (an export's approach spelled as it first appears). */
    public IntakeRecord withApproach(String code) {
        return new IntakeRecord(clientId, intakeDay, code, clinicianId, ageBand, gender, state, indexEvent,
                chronicIllness, priorTrauma, childhoodMedical, marginalized, dischargeDay, dischargeReason, line,
                referralDay);
    }

    public boolean hasReferral() {
        return referralDay != NO_REFERRAL;
    }

    public boolean isClosed() {
        return dischargeDay != OPEN;
    }

    /** Discharged with the reason {@value Codes#DROPOUT}. */
    public boolean droppedOut() {
        return Codes.DROPOUT.equals(dischargeReason);
    }

    @Override
    public String toString() {
        // Keys are pseudonymous, but a record in a log serves no one: show its position only.
        return "IntakeRecord[line=" + line + "]";
    }
}
