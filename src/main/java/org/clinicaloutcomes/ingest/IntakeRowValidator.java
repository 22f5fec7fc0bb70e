package org.clinicaloutcomes.ingest;

import java.util.List;

import org.clinicaloutcomes.config.ApproachCatalog;

/**
 * The row rules of DATA.md for {@code intake.csv}, in their order, except the last one
 * ({@code duplicate client_id}), which needs the rows accepted before: see {@link EpisodeRegistry}.
 */
public final class IntakeRowValidator {

    public static final List<String> COLUMNS = List.of("client_id", "intake_date", "referral_date", "approach",
            "clinician_id", "age_band", "gender", "state", "index_event", "chronic_illness",
            "prior_trauma", "childhood_medical", "marginalized", "discharge_date", "discharge_reason");
    public static final List<String> REQUIRED = List.of("client_id", "intake_date", "approach", "clinician_id");
    private static final int MAX_GENDER_LENGTH = 32;
    // Positions in COLUMNS.
    private static final int CLIENT = 0;
    private static final int INTAKE = 1;
    private static final int REFERRAL = 2;
    private static final int APPROACH = 3;
    private static final int CLINICIAN = 4;
    private static final int AGE_BAND = 5;
    private static final int GENDER = 6;
    private static final int STATE = 7;
    private static final int INDEX_EVENT = 8;
    private static final int FIRST_FLAG = 9;
    private static final int DISCHARGE = 13;
    private static final int REASON = 14;

    /** The clinician of a participant whose export names none (RESEARCH.md). */
    public static final String UNKNOWN_CLINICIAN = "unknown";

    private final HeaderLayout layout;
    private final ApproachCatalog approaches;
    private final String file;
    private final int[] index;
    /** A researcher's export read by wave, or null for intake.csv. */
    private final ExportLayout export;

    public IntakeRowValidator(HeaderLayout layout, ApproachCatalog approaches) {
        this(layout, approaches, null);
    }

    /**
     * The participant columns of a researcher's export (RESEARCH.md): the same rules, read after
     * the export's missing codes and code map; dates, discharge and session columns are not used,
     * an empty clinician is {@value #UNKNOWN_CLINICIAN}, and the identifier gate still sees every
     * cell. Every participant is one closed episode on day 0, without a discharge reason.
     *
     * @param approaches the configured approaches, or null to take every approach the export
     *                   names (the caller settles their spelling, in file order)
     */
    public IntakeRowValidator(ExportLayout export, ApproachCatalog approaches) {
        this(export.header(), approaches, export);
    }

    private IntakeRowValidator(HeaderLayout layout, ApproachCatalog approaches, ExportLayout export) {
        this.layout = layout;
        this.approaches = approaches;
        this.file = layout.fileName();
        this.index = COLUMNS.stream().mapToInt(layout::indexOf).toArray();
        this.export = export;
    }

    public RowResult<IntakeRecord> validate(RawRow row) {
        String[] fields = row.fields();
        long line = row.line();
        RowResult<IntakeRecord> gate = RowGate.check(layout, row);
        if (gate != null) {
            return gate;
        }
        String clientId = cell(fields, CLIENT);
        RowResult<IntakeRecord> badId = RowGate.checkId(file, line,
                export == null ? "client_id" : layout.columnName(index[CLIENT]), clientId);
        if (badId != null) {
            return badId;
        }
        if (export != null) {
            return participant(fields, line, clientId);
        }
        String intakeCell = cell(fields, INTAKE);
        if (intakeCell.isEmpty()) {
            return RowResult.rejected(file, line, "intake_date", Reject.MISSING_VALUE);
        }
        int intakeDay = Values.parseDate(intakeCell);
        if (intakeDay == Values.BAD_DATE) {
            return RowResult.rejected(file, line, "intake_date", Reject.BAD_DATE);
        }
        // Optional, a date like the others (same epoch-day basis as the intake day).
        String referralCell = optional(fields, REFERRAL);
        int referralDay = IntakeRecord.NO_REFERRAL;
        if (referralCell != null) {
            referralDay = Values.parseDate(referralCell);
            if (referralDay == Values.BAD_DATE) {
                return RowResult.rejected(file, line, "referral_date", Reject.BAD_DATE);
            }
        }
        String approachCell = cell(fields, APPROACH);
        if (approachCell.isEmpty()) {
            return RowResult.rejected(file, line, "approach", Reject.MISSING_VALUE);
        }
        String approach = approaches.resolve(approachCell);
        if (approach == null) {
            return RowResult.rejected(file, line, "approach", Reject.UNKNOWN_APPROACH);
        }
        String clinicianId = cell(fields, CLINICIAN);
        badId = RowGate.checkId(file, line, "clinician_id", clinicianId);
        if (badId != null) {
            return badId;
        }
        String ageBand = optional(fields, AGE_BAND);
        if (ageBand != null && (ageBand = Codes.ageBand(ageBand)) == null) {
            return RowResult.rejected(file, line, "age_band", Reject.BAD_CODE);
        }
        String gender = optional(fields, GENDER);
        if (gender != null && gender.codePointCount(0, gender.length()) > MAX_GENDER_LENGTH) {
            return RowResult.rejected(file, line, "gender", Reject.BAD_CODE);
        }
        String state = optional(fields, STATE);
        if (state != null && (state = Codes.state(state)) == null) {
            return RowResult.rejected(file, line, "state", Reject.BAD_CODE);
        }
        String indexEvent = optional(fields, INDEX_EVENT);
        if (indexEvent != null && (indexEvent = Codes.indexEvent(indexEvent)) == null) {
            return RowResult.rejected(file, line, "index_event", Reject.BAD_CODE);
        }
        Boolean[] flags = new Boolean[4];
        for (int f = 0; f < 4; f++) {
            Values.Flag flag = Values.parseFlag(cell(fields, FIRST_FLAG + f));
            if (flag == Values.Flag.BAD) {
                return RowResult.rejected(file, line, COLUMNS.get(FIRST_FLAG + f), Reject.BAD_FLAG);
            }
            flags[f] = flag == Values.Flag.UNKNOWN ? null : flag == Values.Flag.YES;
        }
        String dischargeCell = optional(fields, DISCHARGE);
        int dischargeDay = IntakeRecord.OPEN;
        if (dischargeCell != null) {
            dischargeDay = Values.parseDate(dischargeCell);
            if (dischargeDay == Values.BAD_DATE) {
                return RowResult.rejected(file, line, "discharge_date", Reject.BAD_DATE);
            }
        }
        String reason = optional(fields, REASON);
        if (reason != null && (reason = Codes.dischargeReason(reason)) == null) {
            return RowResult.rejected(file, line, "discharge_reason", Reject.BAD_CODE);
        }
        if (dischargeDay != IntakeRecord.OPEN && dischargeDay < intakeDay) {
            return RowResult.rejected(file, line, "discharge_date", Reject.DISCHARGE_BEFORE_INTAKE);
        }
        if (referralDay != IntakeRecord.NO_REFERRAL && referralDay > intakeDay) {
            return RowResult.rejected(file, line, "referral_date", Reject.REFERRAL_AFTER_INTAKE);
        }
        if (dischargeDay == IntakeRecord.OPEN && reason != null) {
            return RowResult.rejected(file, line, "discharge_reason", Reject.REASON_WITHOUT_DISCHARGE);
        }
        if (dischargeDay != IntakeRecord.OPEN && reason == null) {
            return RowResult.rejected(file, line, "discharge_reason", Reject.DISCHARGE_WITHOUT_REASON);
        }
        return new RowResult.Accepted<>(new IntakeRecord(clientId, intakeDay, approach, clinicianId,
                ageBand, gender, state, indexEvent, flags[0], flags[1], flags[2], flags[3],
                dischargeDay, reason, line, referralDay));
    }

    /** The participant of an export row, by the rules of level 3 that a wave-based analysis uses. */
    private RowResult<IntakeRecord> participant(String[] fields, long line, String clientId) {
        String approach = export.mapping().approach();
        if (approach == null) {
            approach = coded(fields, APPROACH);
            if (approach.isEmpty()) {
                return rejected(line, APPROACH, Reject.MISSING_VALUE);
            }
        }
        if (approaches != null) {
            String configured = approaches.resolve(approach);
            if (configured == null) {
                return rejected(line, APPROACH, Reject.UNKNOWN_APPROACH);
            }
            approach = configured;
        }
        String clinicianId = cell(fields, CLINICIAN);
        if (clinicianId.isEmpty() || Values.isNoValue(clinicianId)) {
            clinicianId = UNKNOWN_CLINICIAN;
        } else if (!Values.isId(clinicianId)) {
            return rejected(line, CLINICIAN, Reject.BAD_ID);
        }
        String ageBand = optionalCoded(fields, AGE_BAND);
        if (ageBand != null && (ageBand = Codes.ageBand(ageBand)) == null) {
            return rejected(line, AGE_BAND, Reject.BAD_CODE);
        }
        String gender = optional(fields, GENDER);
        if (gender != null && gender.codePointCount(0, gender.length()) > MAX_GENDER_LENGTH) {
            return rejected(line, GENDER, Reject.BAD_CODE);
        }
        String state = optional(fields, STATE);
        if (state != null && (state = Codes.state(state)) == null) {
            return rejected(line, STATE, Reject.BAD_CODE);
        }
        String indexEvent = optionalCoded(fields, INDEX_EVENT);
        if (indexEvent != null && (indexEvent = Codes.indexEvent(indexEvent)) == null) {
            return rejected(line, INDEX_EVENT, Reject.BAD_CODE);
        }
        Boolean[] flags = new Boolean[4];
        for (int f = 0; f < 4; f++) {
            Values.Flag flag = Values.parseFlag(coded(fields, FIRST_FLAG + f));
            if (flag == Values.Flag.BAD) {
                return rejected(line, FIRST_FLAG + f, Reject.BAD_FLAG);
            }
            flags[f] = flag == Values.Flag.UNKNOWN ? null : flag == Values.Flag.YES;
        }
        return new RowResult.Accepted<>(new IntakeRecord(clientId, 0, approach, clinicianId, ageBand, gender, state,
                indexEvent, flags[0], flags[1], flags[2], flags[3], 0, null, line));
    }

    /** The reject of a column of an export, named as the export's header writes it. */
    private RowResult<IntakeRecord> rejected(long line, int column, String reason) {
        int at = index[column];
        return RowResult.rejected(file, line, at < 0 ? COLUMNS.get(column) : layout.columnName(at), reason);
    }

    /** A coded cell after the export's code map; "" when it holds no value. */
    private String coded(String[] fields, int column) {
        String value = cell(fields, column);
        return value.isEmpty() ? value : export.mapping().decode(COLUMNS.get(column), value);
    }

    private String optionalCoded(String[] fields, int column) {
        String value = coded(fields, column);
        return Values.isNoValue(value) ? null : value;
    }

    /**
     * The trimmed cell of a known column, empty when the file lacks the column (or, in an
     * export, when it holds one of the export's missing codes).
     */
    private String cell(String[] fields, int column) {
        int at = index[column];
        if (export != null) {
            return export.cleaned(fields, at);
        }
        return at < 0 ? "" : Values.clean(fields[at]);
    }

    /** The trimmed cell of an optional column, null when it holds no value. */
    private String optional(String[] fields, int column) {
        String value = cell(fields, column);
        return Values.isNoValue(value) ? null : value;
    }
}
