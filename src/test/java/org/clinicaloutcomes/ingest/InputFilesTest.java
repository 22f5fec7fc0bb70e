package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.clinicaloutcomes.config.InstrumentCatalog;
import org.clinicaloutcomes.metrics.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DATA.md, "Files" and "De-identification gate": the header rules, through {@link InputFiles} and {@link HeaderLayout}. */
class InputFilesTest {

    private static final List<Instrument> INSTRUMENTS = InstrumentCatalog.bundled().instruments();
    private static final String ITEMS = "pcl5_1,pcl5_2,pcl5_3,pcl5_4,pcl5_5,pcl5_6,pcl5_7,pcl5_8,pcl5_9,pcl5_10,"
            + "pcl5_11,pcl5_12,pcl5_13,pcl5_14,pcl5_15,pcl5_16,pcl5_17,pcl5_18,pcl5_19,pcl5_20";

    @TempDir
    Path folder;

    private HeaderLayout intake(String text) throws RefusedFileException {
        return InputFiles.intakeLayout(TestCsv.write(folder, "intake.csv", text));
    }

    private HeaderLayout sessions(String text) throws RefusedFileException {
        return InputFiles.sessionsLayout(TestCsv.write(folder, "sessions.csv", text), INSTRUMENTS);
    }

    @Test
    void columnNamesMatchCaseInsensitivelyAfterTrimming() throws Exception {
        HeaderLayout layout = intake(" Client_ID ,INTAKE_DATE,  Approach,clinician_id  \nE1,2025-01-06,DBT,C1\n");

        assertThat(layout.indexOf("client_id")).isZero();
        assertThat(layout.indexOf("intake_date")).isEqualTo(1);
        assertThat(layout.indexOf("approach")).isEqualTo(2);
        assertThat(layout.indexOf("clinician_id")).isEqualTo(3);
        assertThat(layout.columnName(0)).isEqualTo("client_id");
        assertThat(layout.size()).isEqualTo(4);
        assertThat(layout.unknownColumns()).isEmpty();
        assertThat(layout.fileName()).isEqualTo("intake.csv");
    }

    @Test
    void columnOrderDoesNotMatter() throws Exception {
        HeaderLayout layout = intake("discharge_reason,clinician_id,approach,state,intake_date,client_id\n");

        assertThat(layout.indexOf("client_id")).isEqualTo(5);
        assertThat(layout.indexOf("intake_date")).isEqualTo(4);
        assertThat(layout.indexOf("approach")).isEqualTo(2);
        assertThat(layout.indexOf("clinician_id")).isEqualTo(1);
        assertThat(layout.indexOf("state")).isEqualTo(3);
        assertThat(layout.indexOf("discharge_reason")).isZero();
    }

    @Test
    void optionalColumnsMayBeAbsent() throws Exception {
        HeaderLayout layout = intake("client_id,intake_date,approach,clinician_id\n");

        assertThat(layout.indexOf("gender")).isEqualTo(-1);
        assertThat(layout.indexOf("discharge_date")).isEqualTo(-1);
    }

    @Test
    void unknownColumnsAreListedInHeaderOrderAsWritten() throws Exception {
        HeaderLayout layout = intake("Site ,client_id,intake_date,Referral Source,approach,clinician_id, zz_extra\n");

        assertThat(layout.unknownColumns()).containsExactly("Site", "Referral Source", "zz_extra");
        assertThat(layout.indexOf("site")).isZero();
    }

    @Test
    void sessionsKnowTheFixedColumnsTheConfiguredInstrumentsAndTheItems() throws Exception {
        HeaderLayout layout = sessions("client_id,session_date,session_number,attended,pcl5,phq9,gad7,ders16,aaq2,"
                + ITEMS + ",bdi2,room\n");

        assertThat(layout.unknownColumns()).containsExactly("bdi2", "room");
        assertThat(layout.indexOf("pcl5_20")).isEqualTo(28);
    }

    @Test
    void aConfiguredInstrumentMayBeAbsentFromSessions() throws Exception {
        HeaderLayout layout = sessions("client_id,session_date,phq9\n");

        assertThat(layout.indexOf("pcl5")).isEqualTo(-1);
        assertThat(layout.unknownColumns()).isEmpty();
    }

    @Test
    void duplicateColumnNameRefusesTheFile() {
        assertThatThrownBy(() -> intake("client_id,intake_date,approach,clinician_id,state,state\n"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("intake.csv")
                .hasMessageContaining("state");
    }

    @Test
    void columnNamesDifferingOnlyInCaseOrSpacesAreDuplicates() {
        assertThatThrownBy(() -> intake("Client_ID,intake_date,approach,clinician_id, client_id\n"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("intake.csv")
                .hasMessageContaining("client_id");
    }

    @Test
    void duplicateUnknownColumnRefusesTheFileToo() {
        assertThatThrownBy(() -> sessions("client_id,session_date,Note,note\n"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("sessions.csv")
                .hasMessageContaining("note");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_id", "intake_date", "approach", "clinician_id"})
    void missingRequiredIntakeColumnRefusesTheFile(String missing) {
        String header = String.join(",", IntakeRowValidator.REQUIRED.stream().filter(c -> !c.equals(missing)).toList());

        assertThatThrownBy(() -> intake(header + ",gender\n"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("intake.csv")
                .hasMessageContaining(missing);
    }

    @Test
    void missingRequiredSessionsColumnRefusesTheFile() {
        assertThatThrownBy(() -> sessions("client_id,session_number,pcl5\n"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("sessions.csv")
                .hasMessageContaining("session_date");
        assertThatThrownBy(() -> sessions("session_date,pcl5\n"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("sessions.csv")
                .hasMessageContaining("client_id");
    }

    @Test
    void onlySomePcl5ItemColumnsRefuseTheFile() {
        assertThatThrownBy(() -> sessions("client_id,session_date,pcl5,pcl5_1,pcl5_2,pcl5_3\n"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("sessions.csv")
                .hasMessageContaining("pcl5_4");
    }

    @Test
    void nineteenOfTheTwentyItemColumnsRefuseTheFile() {
        String nineteen = ITEMS.replace(",pcl5_13,", ",");

        assertThatThrownBy(() -> sessions("client_id,session_date," + nineteen + "\n"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("sessions.csv")
                .hasMessageContaining("pcl5_13");
    }

    @Test
    void allTwentyItemColumnsInAnyOrderAndCaseAreAccepted() throws Exception {
        HeaderLayout layout = sessions("PCL5_20,client_id," + ITEMS.replace("pcl5_20", "session_date") + "\n");

        assertThat(layout.indexOf("pcl5_20")).isZero();
        assertThat(layout.indexOf("pcl5_1")).isEqualTo(2);
        assertThat(layout.unknownColumns()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"First_Name", "E-Mail", "zip.code", "Date Of Birth", "SSN", "client_email", "phone2",
            "MRN", "Street Address", "name"})
    void identifierHeaderRefusesTheFileNamingFileAndColumn(String column) {
        assertThatThrownBy(() -> intake("client_id,intake_date,approach,clinician_id," + column + "\n"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("intake.csv")
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase(column.strip()));
    }

    @Test
    void identifierHeaderInSessionsRefusesTheFile() {
        assertThatThrownBy(() -> sessions("client_id,session_date,pcl5,Mobile\n"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("sessions.csv")
                .hasMessageContaining("mobile");
    }

    @Test
    void headerCellHoldingAnEmailAddressRefusesTheFileWithoutShowingIt() {
        assertThatThrownBy(() -> intake("client_id,intake_date,approach,clinician_id,jane.doe@example.com\n"))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("intake.csv")
                .hasMessageContaining("column 5")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("jane"));
    }

    @Test
    void harmlessHeadersThatContainAListedWordAreAccepted() throws Exception {
        HeaderLayout layout = intake("client_id,intake_date,approach,clinician_id,zipper,city_size,username\n");

        assertThat(layout.unknownColumns()).containsExactly("zipper", "city_size", "username");
    }

    @Test
    void headerOnlyFileIsValid() throws Exception {
        Path file = TestCsv.write(folder, "intake.csv", "client_id,intake_date,approach,clinician_id\n");

        assertThat(InputFiles.intakeLayout(file).size()).isEqualTo(4);
        assertThat(InputFingerprint.of(file).bytes()).isEqualTo(44);
        assertThat(TestCsv.rows(file)).isEmpty();
    }

    @Test
    void headerAfterAByteOrderMarkIsRecognised() throws Exception {
        HeaderLayout layout = intake("\uFEFFclient_id,intake_date,approach,clinician_id\r\n");

        assertThat(layout.indexOf("client_id")).isZero();
        assertThat(layout.unknownColumns()).isEmpty();
    }

    @Test
    void emptyFileRefusesNamingTheFile() {
        assertThatThrownBy(() -> intake(""))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("intake.csv");
    }

    @Test
    void missingFileRefusesNamingTheFile() {
        assertThatThrownBy(() -> InputFiles.sessionsLayout(folder.resolve("sessions.csv"), INSTRUMENTS))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("sessions.csv");
    }

    @Test
    void headerLayoutCanBeBuiltFromCellsDirectly() throws Exception {
        HeaderLayout layout = HeaderLayout.of("x.csv", new String[] {" B ", "a"}, List.of("a", "b"), List.of("a"),
                List.of());

        assertThat(layout.indexOf("a")).isEqualTo(1);
        assertThat(layout.indexOf("b")).isZero();
        assertThat(layout.indexOf("c")).isEqualTo(-1);
    }
}
