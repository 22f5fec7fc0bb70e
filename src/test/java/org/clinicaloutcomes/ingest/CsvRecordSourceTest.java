package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DATA.md, "Files": encoding, line ends, quoting, blank lines and line numbers. */
class CsvRecordSourceTest {

    @TempDir
    Path folder;

    private static RawRow row(long line, String... fields) {
        return new RawRow(line, fields);
    }

    private String[] header(Path file) throws Exception {
        try (CsvRecordSource source = new CsvRecordSource(file)) {
            return source.header();
        }
    }

    @Test
    void headerIsTheFirstLineAndRowsStartOnLineTwo() throws Exception {
        Path file = TestCsv.write(folder, "intake.csv", "a,b,c\n1,2,3\n4,5,6\n");
        assertThat(header(file)).containsExactly("a", "b", "c");
        assertThat(TestCsv.rows(file)).containsExactly(row(2, "1", "2", "3"), row(3, "4", "5", "6"));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("client_id,intake_date\r\nE1,2025-01-06\r\n".getBytes(StandardCharsets.UTF_8));
        Path file = TestCsv.writeBytes(folder, "intake.csv", bytes.toByteArray());

        assertThat(header(file)).containsExactly("client_id", "intake_date");
        assertThat(TestCsv.rows(file)).containsExactly(row(2, "E1", "2025-01-06"));
    }

    @Test
    void fileWithoutByteOrderMarkKeepsItsFirstCharacter() throws Exception {
        Path file = TestCsv.write(folder, "intake.csv", "x,y\n1,2\n");
        assertThat(header(file)).containsExactly("x", "y");
    }

    @Test
    void crlfAndLfFilesGiveTheSameRecordsAndLines() {
        Path lf = TestCsv.write(folder, "lf.csv", "a,b\n1,2\n\n3,\"x\ny\"\n5,6\n");
        Path crlf = TestCsv.write(folder, "crlf.csv", "a,b\r\n1,2\r\n\r\n3,\"x\ny\"\r\n5,6\r\n");

        List<RawRow> expected = List.of(row(2, "1", "2"), row(4, "3", "x\ny"), row(6, "5", "6"));
        assertThat(TestCsv.rows(lf)).isEqualTo(expected);
        assertThat(TestCsv.rows(crlf)).isEqualTo(expected);
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        Path file = TestCsv.write(folder, "sessions.csv", "id,note,other\n"
                + "1,\"a, b and c\",x\n"
                + "2,\"she said \"\"fine\"\"\",y\n"
                + "3,\"first line\nsecond line\",z\n"
                + "4,\"\",w\n");

        assertThat(TestCsv.rows(file)).containsExactly(
                row(2, "1", "a, b and c", "x"),
                row(3, "2", "she said \"fine\"", "y"),
                row(4, "3", "first line\nsecond line", "z"),
                row(6, "4", "", "w"));
    }

    @Test
    void quotedLineBreakInACrlfFileIsKeptAndCountsAsOneLine() {
        Path file = TestCsv.write(folder, "sessions.csv",
                "id,note\r\n1,\"one\r\ntwo\r\nthree\"\r\n2,after\r\n");

        assertThat(TestCsv.rows(file)).containsExactly(row(2, "1", "one\r\ntwo\r\nthree"), row(5, "2", "after"));
    }

    @Test
    void recordAfterAMultiLineQuotedFieldGetsItsPhysicalLine() {
        Path file = TestCsv.write(folder, "intake.csv", """
                id,note
                1,"line two
                line three
                line four"
                2,line five
                3,"six
                seven"
                4,line eight
                """);

        assertThat(TestCsv.rows(file)).extracting(RawRow::line).containsExactly(2L, 5L, 6L, 8L);
    }

    @Test
    void blankLinesAreSkippedAndNotCountedButKeepTheLineNumbers() {
        Path file = TestCsv.write(folder, "intake.csv", "a,b\n\n1,2\n\n\n3,4\n\n");

        assertThat(TestCsv.rows(file)).containsExactly(row(3, "1", "2"), row(6, "3", "4"));
    }

    @Test
    void blankLinesInACrlfFileAreSkipped() {
        Path file = TestCsv.write(folder, "intake.csv", "a,b\r\n\r\n1,2\r\n\r\n3,4\r\n\r\n");

        assertThat(TestCsv.rows(file)).containsExactly(row(3, "1", "2"), row(5, "3", "4"));
    }

    @Test
    void lineHoldingOnlyAQuotedEmptyFieldIsARecordNotABlankLine() {
        Path file = TestCsv.write(folder, "intake.csv", "a,b\n1,2\n\"\"\n3,4\n");

        assertThat(TestCsv.rows(file)).containsExactly(row(2, "1", "2"), row(3, ""), row(4, "3", "4"));
    }

    /** DATA.md skips blank lines; a line of spaces is not empty, so it is a record and gets a reject. */
    @Test
    void lineOfOnlySpacesIsARecordAndNotSkipped() {
        Path file = TestCsv.write(folder, "intake.csv", "a,b\n1,2\n   \n3,4\n");

        assertThat(TestCsv.rows(file)).containsExactly(row(2, "1", "2"), row(3, "   "), row(4, "3", "4"));
    }

    @Test
    void lastLineWithoutNewlineIsRead() {
        Path file = TestCsv.write(folder, "intake.csv", "a,b\n1,2\n3,4");

        assertThat(TestCsv.rows(file)).containsExactly(row(2, "1", "2"), row(3, "3", "4"));
    }

    @Test
    void lastLineWithoutNewlineAfterBlankLinesAndACrlfFileKeepsItsLine() {
        Path file = TestCsv.write(folder, "intake.csv", "a,b\r\n1,\"x\r\ny\"\r\n\r\n3,4");

        assertThat(TestCsv.rows(file)).containsExactly(row(2, "1", "x\r\ny"), row(5, "3", "4"));
    }

    @Test
    void headerOnlyFileHasZeroRows() throws Exception {
        Path withNewline = TestCsv.write(folder, "a.csv", "client_id,intake_date\n");
        Path withoutNewline = TestCsv.write(folder, "b.csv", "client_id,intake_date");

        assertThat(header(withNewline)).containsExactly("client_id", "intake_date");
        assertThat(TestCsv.rows(withNewline)).isEmpty();
        assertThat(header(withoutNewline)).containsExactly("client_id", "intake_date");
        assertThat(TestCsv.rows(withoutNewline)).isEmpty();
    }

    @Test
    void emptyFileHasNoHeader() throws Exception {
        Path file = TestCsv.write(folder, "intake.csv", "");

        assertThat(header(file)).isEmpty();
        assertThat(TestCsv.rows(file)).isEmpty();
    }

    @Test
    void fieldsAreReturnedUntrimmed() {
        Path file = TestCsv.write(folder, "intake.csv", "a,b\n  E1 , 2 \n");

        assertThat(TestCsv.rows(file)).containsExactly(row(2, "  E1 ", " 2 "));
    }

    @Test
    void rowsWithMoreOrFewerFieldsThanTheHeaderAreReturnedAsTheyAre() {
        Path file = TestCsv.write(folder, "intake.csv", "a,b,c\n1,2\n1,2,3,4\n");

        assertThat(TestCsv.rows(file)).containsExactly(row(2, "1", "2"), row(3, "1", "2", "3", "4"));
    }

    @Test
    void quoteLeftOpenAtTheEndOfTheFileDoesNotCrashTheReader() {
        Path file = TestCsv.write(folder, "intake.csv", "a,b\n1,2\n3,\"open\n");

        assertThatCode(() -> TestCsv.rows(file)).doesNotThrowAnyException();
        assertThat(TestCsv.rows(file)).first().isEqualTo(row(2, "1", "2"));
    }

    @Test
    void rowToStringShowsNoCellValue() {
        RawRow row = row(7, "jane@example.com", "555-123-4567");

        assertThat(row.toString()).doesNotContain("jane").doesNotContain("555").contains("7");
    }
}
