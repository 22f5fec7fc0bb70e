package org.clinicaloutcomes.ingest;

/** What session validation needs to know of the accepted episodes. */
public interface EpisodeLookup {

    /** Index of the accepted episode with this client id (case-sensitive), or -1. */
    int indexOf(String clientId);

    int intakeDay(int episode);

    /** Discharge day, or {@link IntakeRecord#OPEN}. */
    int dischargeDay(int episode);
}
