package org.clinicaloutcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line of REPORTS.md run in-process, end to end, with a file-based job repository in
 * a temporary state folder: exit codes, one-line refusals, and the de-identification gate.
 */
class CommandLineFunctionalTests {

    static final String INTAKE_HEADER = "client_id,intake_date,approach,clinician_id,age_band,gender,state,"
            + "index_event,chronic_illness,prior_trauma,childhood_medical,marginalized,discharge_date,discharge_reason";
    static final String SESSIONS_HEADER = "client_id,session_date,session_number,attended,pcl5,phq9,gad7,ders16,aaq2";

    @TempDir
    Path work;

    record Outcome(int exitCode, String out, String err) {
    }

    Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ClinicalOutcomesApplication.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("clinical-outcomes.state-dir", work.resolve("state").toString()));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path input(String intake, String sessions) throws IOException {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.writeString(input.resolve("intake.csv"), intake, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("sessions.csv"), sessions, StandardCharsets.UTF_8);
        return input;
    }

    static String intakeRow(String clientId) {
        return clientId + ",2025-01-10,PE,CL01,25-34,woman,TX,icu,Y,N,,N,2025-04-01,completed\n";
    }

    Path validInput() throws IOException {
        return input(INTAKE_HEADER + "\n" + intakeRow("E1") + intakeRow("E2"),
                SESSIONS_HEADER + "\nE1,2025-01-10,1,Y,50,15,12,40,30\nE1,2025-03-01,2,Y,30,8,6,35,25\n"
                        + "E2,2025-01-12,1,Y,45,,,,\nE2,2025-02-12,2,N,,,,,\n");
    }

    @Test
    void runsTheMonthlyJobAndWritesTheRejectsIntoTheOutputFolder() throws IOException {
        Path input = validInput();
        Path output = work.resolve("out");

        Outcome outcome = run("monthly", "--input=" + input, "--output=" + output, "--month=2025-04", "--quiet",
                "--series-months=3");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("intake.csv: read 2, accepted 2, rejected 0, duplicates 0")
                .contains("sessions.csv: read 4, accepted 4, rejected 0, duplicates 0");
        assertThat(Files.readAllLines(output.resolve("rejects.csv"))).containsExactly("file,line,column,reason");
        // --series-months=3: the months 2025-02 … 2025-04 × (the four default approaches, then ALL)
        List<String> series = Files.readAllLines(output.resolve("csv/monthly_series.csv"));
        assertThat(series).hasSize(1 + 3 * 5);
        assertThat(series.subList(1, series.size())).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly(Stream.of("2025-02", "2025-03", "2025-04")
                        .flatMap(month -> Stream.of(month, month, month, month, month)).toArray(String[]::new));
        assertThat(Files.readString(output.resolve("run.json"))).contains("\"series-months\": \"3\"");
    }

    @Test
    void tooManyRejectedRowsWriteTheReportButEndWithExitCode3() throws IOException {
        // given two intake rows, one with a bad date: half the file is rejected
        Path input = input(INTAKE_HEADER + "\n" + intakeRow("E1") + intakeRow("E2").replace("2025-01-10", "2025-13-10"),
                SESSIONS_HEADER + "\nE1,2025-01-10,1,Y,50,15,12,40,30\nE1,2025-03-01,2,Y,30,8,6,35,25\n");
        Path output = work.resolve("rejects");
        // when more than 40 % may not be rejected
        Outcome outcome = run("monthly", "--input=" + input, "--output=" + output, "--month=2025-04", "--quiet",
                "--max-reject-pct=40");
        // then the report is written, the console lists the reasons, and the run ends with 3
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ClinicalOutcomesApplication.EXIT_LOOK_AT_DATA);
        assertThat(output.resolve("run.json")).exists();
        assertThat(outcome.out()).contains("  intake.csv rejects, most frequent first:\n    1 bad date (intake_date)\n")
                .contains("report written to ");
        assertThat(outcome.err()).contains("warning: look at the data first: intake.csv: 50.0 % of its rows were "
                + "rejected (more than --max-reject-pct=40); see rejects.csv");
        // and with the default (50 %) exactly half is not too many
        Outcome atDefault = run("monthly", "--input=" + input, "--output=" + output, "--month=2025-04", "--quiet");
        assertThat(atDefault.exitCode()).as(atDefault.err()).isZero();
    }

    @Test
    void anApproachWithoutEpisodesAndAnInstrumentWithoutScoresGetAWarningEach() throws IOException {
        // given only PE episodes, and no GAD-7 score at all
        Path input = input(INTAKE_HEADER + "\n" + intakeRow("E1"),
                SESSIONS_HEADER + "\nE1,2025-01-10,1,Y,50,15,,40,30\nE1,2025-03-01,2,Y,30,8,,35,25\n");
        Path output = work.resolve("gaps");
        // when
        Outcome outcome = run("monthly", "--input=" + input, "--output=" + output, "--month=2025-04", "--quiet",
                "--approaches=PE,DBT");
        // then one warning line each on the console (the Data quality sheet lists them too)
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.err()).contains("warning: approach DBT: no accepted episode\n")
                .contains("warning: instrument gad7 (GAD-7): no accepted score\n")
                .doesNotContain("approach PE:").doesNotContain("instrument pcl5");
    }

    @Test
    void noPairedScoresOnTheMainQuestionnaireEndWithExitCode3() throws IOException {
        // given a window whose episodes have no second PCL-5 score: E1's only discharge is in April
        Path input = validInput();
        Path output = work.resolve("unpaired");
        // when the report is of January 2025 (nobody discharged yet)
        Outcome outcome = run("monthly", "--input=" + input, "--output=" + output, "--month=2025-01", "--quiet");
        // then
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ClinicalOutcomesApplication.EXIT_LOOK_AT_DATA);
        assertThat(output.resolve("run.json")).exists();
        assertThat(outcome.err()).contains("no client has before-and-after PCL-5 scores (the main questionnaire)");
    }

    /** A researcher's long export with its job file, in the work folder. */
    Path exportJob(String export, String keys) throws IOException {
        Path folder = Files.createDirectories(work.resolve("export"));
        Files.writeString(folder.resolve("export.csv"), export, StandardCharsets.UTF_8);
        return Files.writeString(folder.resolve("job.properties"), "layout=long\nfile=export.csv\n"
                + "column.client_id=pid\ncolumn.approach=arm\ncolumn.wave=visit\nwaves=pre,post\n"
                + "suppression=false\n" + keys, StandardCharsets.UTF_8);
    }

    @Test
    void tooManyRejectedScoreCellsOfAnInstrumentEndWithExitCode3AndKeepTheirRows() throws IOException {
        // given a long export whose PHQ-9 cells are mostly decimals (not integers): 4 of 6 rejected
        Path job = exportJob("pid,arm,visit,pcl5,phq9\nP1,PE,pre,50,12.5\nP1,PE,post,30,8\n"
                + "P2,PE,pre,45,14.5\nP2,PE,post,25,7.5\nP3,PE,pre,60,20\nP3,PE,post,40,9.5\n", "");
        Path output = work.resolve("cells");
        // when
        Outcome outcome = run("research", "--job=" + job, "--output=" + output, "--quiet");
        // then every row stands (its PCL-5 is read), the cells are counted apart, and the run ends with 3
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ClinicalOutcomesApplication.EXIT_LOOK_AT_DATA);
        assertThat(outcome.out()).contains("export.csv: read 6, accepted 6, rejected 0, duplicates 0")
                .contains("    4 not an integer (phq9)")
                .contains("export.csv: phq9 (PHQ-9): 4 of 6 score cells rejected (their rows stand)");
        assertThat(outcome.err()).contains("warning: look at the data first: export.csv: 66.7 % of the PHQ-9 score "
                + "cells were rejected (more than --max-reject-pct=50)");
        assertThat(Files.readString(output.resolve("csv/outcomes_by_approach.csv")))
                .contains("PE,pcl5,3,3,").contains("PE,phq9,3,0,");
    }

    @Test
    void aTypoInAnArmCodeRejectingMostRowsEndsWithExitCode3() throws IOException {
        // given arms coded 1 and 2, and a job file that maps 1 and 3 (a typo for 2)
        Path job = exportJob("pid,arm,visit,pcl5\nP1,1,pre,50\nP1,1,post,30\nP2,2,pre,45\nP2,2,post,25\n"
                + "P3,2,pre,60\nP3,2,post,40\n", "code.approach.1=PE\ncode.approach.3=CPT\napproaches=PE,CPT\n");
        Path output = work.resolve("typo");
        // when
        Outcome outcome = run("research", "--job=" + job, "--output=" + output, "--quiet");
        // then 4 of 6 rows are rejected: the report is written, and the run says to look at the data
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ClinicalOutcomesApplication.EXIT_LOOK_AT_DATA);
        assertThat(output.resolve("run.json")).exists();
        assertThat(outcome.out()).contains("    4 unknown approach (arm)");
        assertThat(outcome.err()).contains("export.csv: 66.7 % of its rows were rejected")
                .contains("warning: approach CPT: no accepted episode");
    }

    @Test
    void anExportWithoutPairedScoresOnItsPrimaryInstrumentEndsWithExitCode3() throws IOException {
        // given an export whose only scores are in a column the job file does not map to an instrument
        Path job = exportJob("pid,arm,visit,bdi\nP1,PE,pre,30\nP1,PE,post,20\n", "");
        Path output = work.resolve("noinstrument");
        // when
        Outcome outcome = run("research", "--job=" + job, "--output=" + output, "--quiet");
        // then the column is named, and the empty report ends with 3 rather than looking like a result
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ClinicalOutcomesApplication.EXIT_LOOK_AT_DATA);
        assertThat(output.resolve("run.json")).exists();
        assertThat(outcome.err()).contains("warning: export.csv: column 'bdi' is neither mapped nor known: ignored")
                .contains("no participant has before-and-after PCL-5 scores (the main questionnaire)");
    }

    @Test
    void aWaveLayoutRefusesFromAndTo() throws IOException {
        Path job = exportJob("pid,arm,visit,pcl5\nP1,PE,pre,50\n", "");
        Outcome outcome = run("research", "--job=" + job, "--from=2025-01-01", "--output=" + work.resolve("x"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("--from cannot be used with layout=long");
        assertThat(work.resolve("x")).doesNotExist();
    }

    @Test
    void aMissingInputFolderIsRefusedWithOneLineAndExitCode2() {
        Outcome outcome = run("monthly", "--input=" + work.resolve("nowhere"), "--output=" + work.resolve("out"));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).hasSize(1).first().asString().contains("nowhere").contains("does not exist");
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownFlagAndAMalformedMonthAreRefused() {
        assertThat(run("monthly", "--colour=red").exitCode()).isEqualTo(2);
        Outcome badMonth = run("monthly", "--month=2026-13");
        assertThat(badMonth.exitCode()).isEqualTo(2);
        assertThat(badMonth.err().lines()).hasSize(1);
        assertThat(badMonth.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void significanceOnTheMonthlyJobAndABadListAreUsageErrors() {
        Outcome monthly = run("monthly", "--significance=JT");
        assertThat(monthly.exitCode()).isEqualTo(2);
        assertThat(monthly.err().lines()).hasSize(1).first().asString()
                .contains("--significance is not an option of monthly");

        Outcome badList = run("research", "--significance=JT,RCI", "--output=" + work.resolve("out"));
        assertThat(badList.exitCode()).isEqualTo(2);
        assertThat(badList.err().lines()).hasSize(1).first().asString()
                .contains("'JT,RCI'").contains("JT,GLN,HLL,EN,NK,HA,HLM,percentage,anchor");
        assertThat(work.resolve("out")).doesNotExist();
        assertThat(work.resolve("state")).doesNotExist();
    }

    @Test
    void aMalformedClinicalSignificanceColumnOfTheInstrumentFileRefusesTheRunNamingLineAndColumn() throws IOException {
        Path instruments = Files.writeString(work.resolve("instruments.csv"),
                "key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,rc_reliability,reliability,"
                        + "cutoff_type\npcl5,PCL-5,0,80,false,true,33,10,,,0.9,a\nphq9,PHQ-9,0,27,false,true,10,6,,,1.2,\n");
        Path output = work.resolve("out");

        Outcome outcome = run("research", "--input=" + validInput(), "--output=" + output,
                "--instruments=" + instruments, "--significance=JT,HA");

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err().lines()).hasSize(1).first().asString()
                .contains("instruments.csv, line 3: reliability must lie in [0, 1], got 1.2");
        assertThat(output).doesNotExist();

        Files.writeString(instruments, "key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,"
                + "rc_reliability,cutoff\npcl5,PCL-5,0,80,false,true,33,10,,,a\n");
        Outcome unknown = run("monthly", "--input=" + validInput(), "--output=" + output, "--month=2025-04",
                "--instruments=" + instruments);
        assertThat(unknown.exitCode()).as(unknown.err()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1).first().asString()
                .contains("instruments.csv, line 1: unknown column 'cutoff'");
    }

    @Test
    void anIdentifierColumnRefusesTheFileBeforeAnythingIsWritten() throws IOException {
        Path input = input(INTAKE_HEADER + ",Client_Email\n" + intakeRow("E1").strip() + ",someone@example.org\n",
                SESSIONS_HEADER + "\n");
        Path output = work.resolve("out");

        Outcome outcome = run("monthly", "--input=" + input, "--output=" + output, "--month=2025-04");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).hasSize(1).first().asString()
                .contains("intake.csv").contains("client_email");
        assertThat(outcome.err()).doesNotContain("someone@example.org");
        assertThat(output).doesNotExist();
        assertThat(work.resolve("state")).doesNotExist();
    }

    @Test
    void refusedFilesNameTheFileAndTheProblem() throws IOException {
        Path output = work.resolve("out");
        Path input = validInput();
        Files.write(input.resolve("sessions.csv"), new byte[0]);
        assertRefused(input, output, "sessions.csv", "empty");

        Files.writeString(input.resolve("sessions.csv"), "client_id,session_number,pcl5\n");
        assertRefused(input, output, "sessions.csv", "session_date");

        Files.writeString(input.resolve("sessions.csv"), "client_id,session_date,PCL5,pcl5\n");
        assertRefused(input, output, "sessions.csv", "twice");

        Files.writeString(input.resolve("sessions.csv"), "client_id,session_date,pcl5_1,pcl5_2\n");
        assertRefused(input, output, "sessions.csv", "PCL-5 item");

        Files.write(input.resolve("sessions.csv"), new byte[] {'c', ',', (byte) 0xC3, (byte) 0x28, '\n'});
        assertRefused(input, output, "sessions.csv", "UTF-8");

        Files.delete(input.resolve("sessions.csv"));
        assertRefused(input, output, "sessions.csv", "missing");
    }

    private void assertRefused(Path input, Path output, String file, String problem) {
        Outcome outcome = run("monthly", "--input=" + input, "--output=" + output, "--month=2025-04");
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err().lines()).hasSize(1).first().asString().contains(file).contains(problem);
        assertThat(output).doesNotExist();
    }

    @Test
    void anOutputFolderThatIsTheInputFolderIsRefusedAndKeepsItsFiles() throws IOException {
        Path input = validInput();
        Files.writeString(input.resolve("notes.txt"), "mine");

        Outcome outcome = run("monthly", "--input=" + input, "--output=" + input, "--month=2025-04", "--quiet");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).hasSize(1).first().asString().contains("input folder");
        assertThat(input.resolve("intake.csv")).exists();
        assertThat(input.resolve("sessions.csv")).exists();
        assertThat(input.resolve("notes.txt")).hasContent("mine");
        assertThat(work.resolve("state")).doesNotExist();
    }

    @Test
    void anOutputFolderWithFilesOfTheUsersIsRefusedButAPreviousReportIsReplaced() throws IOException {
        Path input = validInput();
        Path output = Files.createDirectories(work.resolve("out"));
        Files.writeString(output.resolve("thesis.docx"), "chapter 1");

        Outcome refused = run("monthly", "--input=" + input, "--output=" + output, "--month=2025-04", "--quiet");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("thesis.docx").contains("would delete");
        assertThat(output.resolve("thesis.docx")).hasContent("chapter 1");

        Files.delete(output.resolve("thesis.docx"));
        Outcome first = run("monthly", "--input=" + input, "--output=" + output, "--month=2025-04", "--quiet");
        Outcome second = run("monthly", "--input=" + input, "--output=" + output, "--month=2025-04", "--quiet");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(output.resolve("run.json")).exists();
    }

    @Test
    void withoutAnyDataTheMonthIsAskedForWithExitCode2AndNoRestartAdvice() throws IOException {
        Path input = input(INTAKE_HEADER + "\n", SESSIONS_HEADER + "\n");

        Outcome outcome = run("monthly", "--input=" + input, "--output=" + work.resolve("out"), "--quiet");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("give --month").doesNotContain("--restart");
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void runJsonHoldsTheCommandAsItCanBeTypedAgain() throws IOException {
        assertThat(ClinicalOutcomesApplication.commandLine(new String[] {"monthly", "--input=my data", "--month=2026-10", "it's"}))
                .isEqualTo("clinical-outcomes monthly '--input=my data' --month=2026-10 'it'\\''s'");
        assertThat(ClinicalOutcomesApplication.commandLine(new String[0])).isEqualTo("clinical-outcomes");

        Path output = work.resolve("out");
        assertThat(run("monthly", "--input=" + validInput(), "--output=" + output, "--month=2025-04", "--quiet").exitCode()).isZero();

        assertThat(Files.readString(output.resolve("run.json")))
                .contains("\"command\": \"clinical-outcomes monthly --input=" + work.resolve("input"));
    }

    @Test
    void aHeaderOnlyFileHasZeroRows() throws IOException {
        Path input = input(INTAKE_HEADER + "\n" + intakeRow("E1"), SESSIONS_HEADER + "\r\n");

        Outcome outcome = run("monthly", "--input=" + input, "--output=" + work.resolve("out"), "--month=2025-04");

        // The report is written; without a single session there is no paired score to report (exit 3).
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ClinicalOutcomesApplication.EXIT_LOOK_AT_DATA);
        assertThat(outcome.out()).contains("sessions.csv: read 0, accepted 0, rejected 0, duplicates 0");
    }

    @Test
    void anIdentifierValueRejectsItsRowAndAppearsInNoOutputLogOrJobRepository() throws IOException {
        String email = "jane.roe.47@mailhost.example.com";
        String phone = "(555) 867-5309";
        String ssn = "078-05-1120";
        Path input = input(INTAKE_HEADER + "\n" + intakeRow("E1") + intakeRow("E2").replace("woman", email)
                        + intakeRow("E3").replace("TX,", "TX,").replace("woman", "call " + phone),
                SESSIONS_HEADER + ",notes\nE1,2025-01-10,1,Y,50,15,12,40,30,ssn " + ssn
                        + "\nE1,2025-03-01,2,Y,30,8,6,35,25,fine\n");
        Path output = work.resolve("out");

        Outcome outcome = run("monthly", "--input=" + input, "--output=" + output, "--month=2025-04");

        // Two of the three intake rows are rejected (more than 50 %): the report is written, exit 3.
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(ClinicalOutcomesApplication.EXIT_LOOK_AT_DATA);
        assertThat(Files.readAllLines(output.resolve("rejects.csv"))).containsExactly(
                "file,line,column,reason",
                "intake.csv,3,gender,possible identifier",
                "intake.csv,4,gender,possible identifier",
                "sessions.csv,2,notes,possible identifier");
        for (String secret : List.of(email, phone, ssn, "867-5309", "mailhost")) {
            assertThat(outcome.out() + outcome.err()).doesNotContain(secret);
            assertThat(filesContaining(output, secret)).isEmpty();
            assertThat(filesContaining(work.resolve("state"), secret)).isEmpty();
        }
        assertThat(work.resolve("state").resolve("clinical-outcomes.log")).exists();
        assertThat(work.resolve("state").resolve("repository")).isNotEmptyDirectory();
    }

    @Test
    void aMessyRealWorldExportIsRead() throws IOException {
        String intake = "\uFEFF Discharge_Reason ,CLIENT_ID,Intake_Date ,approach,clinician_id,Notes,discharge_date\r\n"
                + "completed,E1,2025-01-10,prolonged exposure,CL01,\"said \"\"hello, world\"\"\nand left\",2025-04-01\r\n"
                + "\r\n"
                + "dropout,E2,2025-01-11,cpt,CL02,,2025-03-01\r\n";
        String sessions = "client_id,session_date,pcl5,attended\r\n"
                + "E1,2025-01-10,50,y\r\n"
                + "E1,2025-02-10,\"40\",YES\r\n"
                + "E2,2025-01-11,NA,N\r\n";
        Path input = input(intake, sessions);

        Outcome outcome = run("monthly", "--input=" + input, "--output=" + work.resolve("out"), "--month=2025-04");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("intake.csv: read 2, accepted 2, rejected 0, duplicates 0")
                .contains("sessions.csv: read 3, accepted 3, rejected 0, duplicates 0");
        assertThat(outcome.err()).contains("intake.csv: unknown column 'Notes' ignored");
    }

    static List<Path> filesContaining(Path root, String text) throws IOException {
        List<Path> hits = new ArrayList<>();
        if (!Files.exists(root)) {
            return hits;
        }
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    hits.add(file);
                }
            }
        }
        return hits;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
