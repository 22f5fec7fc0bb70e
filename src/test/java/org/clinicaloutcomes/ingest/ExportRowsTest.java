package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.config.ApproachCatalog;
import org.clinicaloutcomes.config.InstrumentCatalog;
import org.clinicaloutcomes.metrics.Instrument;
import org.junit.jupiter.api.Test;

/**
 * The row rules of a researcher's export (RESEARCH.md, "Reading long and wide files"), row by
 * row: their order, the code map, the missing codes, wave labels, and cell-level score rejects.
 */
class ExportRowsTest {

    static final List<Instrument> INSTRUMENTS = InstrumentCatalog.bundled().instruments();
    static final String[] HEADER = {"PID", "Arm", "Clin", "Visit", "PCL", "phq9", "Notes"};

    static ExportRows longRows() throws RefusedFileException {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("client_id", "pid");
        columns.put("approach", "arm");
        columns.put("clinician_id", "clin");
        columns.put("wave", "visit");
        columns.put("pcl5", "pcl");
        ExportMapping mapping = new ExportMapping(ExportMapping.Layout.LONG, Path.of("trial.csv"), columns,
                Map.of("approach", Map.of("1", "CPT", "treatment as usual", "PE")), List.of("0", "1", "6"), Map.of(),
                null, null, false, null, List.of("-99"), ',', StandardCharsets.UTF_8);
        return new ExportRows(ExportLayout.of(mapping, HEADER, INSTRUMENTS), ApproachCatalog.defaults());
    }

    static RawRow row(long line, String... fields) {
        return new RawRow(line, fields);
    }

    static Reject rejectOf(RowResult<?> result) {
        assertThat(result).isInstanceOf(RowResult.Rejected.class);
        return ((RowResult.Rejected<?>) result).reject();
    }

    static ExportRows.Participant participantOf(RowResult<ExportRows.Participant> result) {
        assertThat(result).isInstanceOf(RowResult.Accepted.class);
        return ((RowResult.Accepted<ExportRows.Participant>) result).record();
    }

    @Test
    void theHeaderIsMatchedAsDataMdMatchesHeadersAndUnmappedColumnsAreNamed() throws RefusedFileException {
        ExportLayout layout = longRows().layout();
        assertThat(layout.header().indexOf("client_id")).isZero();
        // phq9 is not mapped, but bears an instrument key: it is read as that instrument
        assertThat(layout.scoreColumn(0, 1)).isEqualTo(5);
        assertThat(layout.warnings()).containsExactly("trial.csv: column 'Notes' is neither mapped nor known: ignored");
    }

    @Test
    void theGateComesFirstEvenOnARowAtAWaveNotListed() throws RefusedFileException {
        Reject reject = rejectOf(longRows().participant(row(2, "P1", "1", "C1", "9", "40", "12", "call 555-123-4567")));
        assertThat(reject.reason()).isEqualTo(Reject.POSSIBLE_IDENTIFIER);
        assertThat(reject.column()).isEqualTo("Notes");
        // without the identifier the same row is skipped, not rejected
        assertThat(participantOf(longRows().participant(row(2, "P1", "1", "C1", "9", "40", "12", ""))).skipped())
                .isTrue();
    }

    @Test
    void waveLabelsMatchTrimmedInAnyCaseAndWholeNumbersWithZeros() throws RefusedFileException {
        assertThat(participantOf(longRows().participant(row(2, "P1", "1", "C1", " 6.0 ", "40", "", ""))).wave())
                .isEqualTo(2);
        Reject empty = rejectOf(longRows().participant(row(2, "P1", "1", "C1", "-99", "40", "", "")));
        assertThat(empty.reason()).isEqualTo(Reject.MISSING_VALUE);
        assertThat(empty.column()).isEqualTo("Visit");
    }

    @Test
    void codesAreMappedBeforeValidationAndAnUnmappedOneIsUnknown() throws RefusedFileException {
        ExportRows rows = longRows();
        assertThat(participantOf(rows.participant(row(2, "P1", " Treatment as Usual ", "", "0", "", "", ""))).record()
                .approach()).isEqualTo("PE");
        IntakeRecord record = participantOf(rows.participant(row(3, "P2", "1", "", "0", "", "", ""))).record();
        assertThat(record.approach()).isEqualTo("CPT");
        assertThat(record.clinicianId()).isEqualTo(IntakeRowValidator.UNKNOWN_CLINICIAN);
        Reject reject = rejectOf(rows.participant(row(4, "P3", "7", "", "0", "", "", "")));
        assertThat(reject.reason()).isEqualTo(Reject.UNKNOWN_APPROACH);
        assertThat(reject.column()).isEqualTo("Arm");
    }

    @Test
    void aLaterRowConflictsOnlyWithANonEmptyDifferentValue() throws RefusedFileException {
        ExportRows rows = longRows();
        IntakeRecord first = participantOf(rows.participant(row(2, "P1", "1", "C1", "0", "", "", ""))).record();
        IntakeRecord sameArmNoClinician = participantOf(rows.participant(row(3, "P1", "1", "", "1", "", "", ""))).record();
        IntakeRecord otherArm = participantOf(rows.participant(row(4, "P1", "treatment as usual", "C1", "6", "", "", "")))
                .record();
        assertThat(rows.conflict(first, sameArmNoClinician)).isNull();
        assertThat(rows.conflict(first, otherArm)).isEqualTo("Arm");
    }

    @Test
    void aBadScoreCellRejectsTheCellOnlyAndTheRowKeepsItsOtherScores() throws RefusedFileException {
        ExportRows rows = longRows();
        EpisodeRegistry registry = new EpisodeRegistry();
        RawRow raw = row(2, "P1", "1", "C1", "0", "23.0", "12.5", "");
        registry.accept(participantOf(rows.participant(raw)).record());

        RowResult<ExportRows.Assessments> result = rows.assessments(raw, registry);

        ExportRows.Assessments assessments = ((RowResult.Accepted<ExportRows.Assessments>) result).record();
        assertThat(assessments.sessions()).hasSize(1);
        double[] scores = assessments.sessions().get(0).scores();
        assertThat(scores[0]).as("PCL-5 23.0 is the integer 23").isEqualTo(23.0);
        assertThat(scores[1]).as("PHQ-9 12.5 is not an integer").isNaN();
        assertThat(assessments.cellRejects()).containsExactly(
                new Reject("trial.csv", 2, "phq9", Reject.NOT_AN_INTEGER));
        assertThat(assessments.cellsRead()).startsWith(1, 1);
        assertThat(assessments.cellsRejected()).startsWith(0, 1);
    }

    @Test
    void aMappedColumnTheExportLacksRefusesIt() {
        ExportMapping mapping = new ExportMapping(ExportMapping.Layout.LONG, Path.of("trial.csv"),
                Map.of("client_id", "patient", "approach", "arm", "wave", "visit"), Map.of(), List.of("0", "1"),
                Map.of(), null, null, false, null, List.of(), ',', StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ExportLayout.of(mapping, HEADER, INSTRUMENTS)).isInstanceOf(RefusedFileException.class)
                .hasMessage("trial.csv: column 'patient' (column.client_id in the job file) is missing");
    }

    @Test
    void aWideExportNamesItsScoresPerWaveAndSaysSoOfAColumnKey() throws RefusedFileException {
        ExportMapping mapping = new ExportMapping(ExportMapping.Layout.WIDE, Path.of("wide.csv"),
                Map.of("client_id", "id", "approach", "arm", "pcl5", "pcl_total"), Map.of(), List.of("pre", "post"),
                Map.of("pre", Map.of("pcl5", "pcl_pre"), "post", Map.of("pcl5", "pcl_post")), null, null, false, null,
                List.of(), ',', StandardCharsets.UTF_8);
        ExportLayout layout = ExportLayout.of(mapping,
                new String[] {"id", "arm", "pcl_pre", "pcl_post", "pcl_total", "phq9"}, INSTRUMENTS);
        assertThat(layout.scoreColumn(0, 0)).isEqualTo(2);
        assertThat(layout.scoreColumn(1, 0)).isEqualTo(3);
        assertThat(layout.scoreColumn(0, 1)).as("phq9 has no wave key: not read").isEqualTo(-1);
        assertThat(layout.warnings()).containsExactly(
                "wide.csv: column.pcl5=pcl_total is not read in a wide export; map each wave's column with wave.<label>.pcl5",
                "wide.csv: column 'phq9' is named like an instrument but no wave.<label>.phq9 key maps it: not read as scores");
    }
}
