package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DATA.md, "Files": the cell-level rules shared by both files. */
class ValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "NA", "na", "Na", "N/A", "n/a", "NaN", "nan", "NAN", "NULL", "null", "NuLL"})
    void noValueMarkers(String cell) {
        assertThat(Values.isNoValue(cell)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"N", "A", "NA.", "N.A.", "none", "NIL", "-", "0", "NULLS", "N/A/"})
    void otherCellsAreValues(String cell) {
        assertThat(Values.isNoValue(cell)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-31", "2024-02-29", "2000-02-29", "1999-12-31", "2025-12-01"})
    void existingIsoDatesParse(String cell) {
        assertThat(Values.parseDate(cell)).isEqualTo(TestCsv.day(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2025-2-3", "1900-02-29", "2023-02-29", "2025-04-31", "2025-13-01",
            "2025-00-01", "2025-01-00", "2025-01-32", "2025/01/31", "2025-01-31 ", " 2025-01-31", "２０２５-01-31",
            "2025-01-3１", "", "2025-01-31Z"})
    void otherDatesAreBad(String cell) {
        assertThat(Values.parseDate(cell)).isEqualTo(Values.BAD_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "-3", "80", "007", "-0", "123456789012345678901234567890"})
    void integersMatchOptionalMinusAndDigits(String cell) {
        assertThat(Values.isInteger(cell)).isTrue();
        assertThat(Values.isDecimal(cell)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.0", "12.000", "-3.0", "007.00", "0.0", "-0.0", "123456789012345678901234567890.0"})
    void wholeNumbersWithZeroDecimalsAreIntegers(String cell) {
        assertThat(Values.isInteger(cell)).isTrue();
        assertThat(Values.isDecimal(cell)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"12.0,12", "12.000,12", "-3.0,-3", "007.00,7", "0.0,0", "4.0,4"})
    void wholeNumbersWithZeroDecimalsHaveTheirValue(String cell, long value) {
        assertThat(Values.parseSmallInteger(cell)).isEqualTo(value);
        assertThat(Values.parseNumber(cell)).isEqualTo((double) value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.5", "12.01", "12.10", "1e3", "seven", "", "-", "+7", "7-", "1 000", "١٢", "0x1F", "7.",
            ".5", ".0", "-.0", "1.0.0", "12.0.0", "12..0", "12.0 ", "12.0x", "12,0"})
    void otherCellsAreNotIntegers(String cell) {
        assertThat(Values.isInteger(cell)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"12,12", "12.0,12", "12.00,12", "-3.0,-3", "0,0", "-0,0", "-0.0,0", "-000.00,0", "80,80",
            "999999999999999999,999999999999999999", "123456789012345678901234567890.0,1.2345678901234568E29"})
    void integerValuesAreExactAndMinusZeroIsZero(String cell, double value) {
        assertThat(Values.isInteger(cell)).isTrue();
        double parsed = Values.parseIntegerValue(cell);
        assertThat(Double.doubleToRawLongBits(parsed)).isEqualTo(Double.doubleToRawLongBits(value));
        assertThat(Double.doubleToRawLongBits(Values.parseNumber(cell))).isEqualTo(Double.doubleToRawLongBits(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.", ".0", "+12", "1e1", "-", "-.0", "12.0.", "12.0-"})
    void edgeSpellingsOfTheIntegerRuleAreNotIntegers(String cell) {
        assertThat(Values.isInteger(cell)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "007", "12345678901234567890123"})
    void digitsOnlyCells(String cell) {
        assertThat(Values.isDigits(cell)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3.0", "1.", "-1", "-0", "+3", "1e1", " 1", "١", "１", "1a"})
    void cellsThatAreNotDigitsOnly(String cell) {
        assertThat(Values.isDigits(cell)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.5", "12.0", "-0.25", "0.0", "100.125"})
    void decimalsMatchDigitsDotDigits(String cell) {
        assertThat(Values.isDecimal(cell)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.", ".5", "-.5", "1e3", "1.5e2", "1.2.3", "1.2.0", "1.0.0", "1.-2", "1..2", "+1.5", "1,5", "seven", "",
            "-", "NaN", "Infinity"})
    void otherCellsAreNotDecimals(String cell) {
        assertThat(Values.isDecimal(cell)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "Y", "yes", "YES", "Yes", "true", "TRUE", "True", "1"})
    void yesFlags(String cell) {
        assertThat(Values.parseFlag(cell)).isEqualTo(Values.Flag.YES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "N", "no", "NO", "No", "false", "FALSE", "False", "0"})
    void noFlags(String cell) {
        assertThat(Values.parseFlag(cell)).isEqualTo(Values.Flag.NO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NA", "n/a", "NULL"})
    void blankFlagIsUnknown(String cell) {
        assertThat(Values.parseFlag(cell)).isEqualTo(Values.Flag.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "t", "f", "yep", "nope", "-1", "01", "on", "off", "x"})
    void otherFlagsAreBad(String cell) {
        assertThat(Values.parseFlag(cell)).isEqualTo(Values.Flag.BAD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "E1", "e-1", "E_1", "1-2-3", "abcdefghijklmnopqrstuvwxyzABCDEF"})
    void validIds(String cell) {
        assertThat(Values.isId(cell)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_a", "-a", "a b", "a.b", "a/b", "a@b", "abcdefghijklmnopqrstuvwxyzABCDEFG", "É",
            "a\u00e9", "１"})
    void invalidIds(String cell) {
        assertThat(Values.isId(cell)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"  x  ", "\tx", "x ", " x"})
    void cleaningTrimsSurroundingSpaces(String cell) {
        assertThat(Values.clean(cell)).isEqualTo("x");
    }
}
