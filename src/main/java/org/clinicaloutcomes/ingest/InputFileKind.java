package org.clinicaloutcomes.ingest;

/** The two input files of DATA.md. */
public enum InputFileKind {
    INTAKE("intake.csv"),
    SESSIONS("sessions.csv");

    private final String fileName;

    InputFileKind(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
