package org.clinicaloutcomes.sample;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A growable char buffer of CSV text: fields are appended without intermediate strings, dates
 * come from a precomputed table, and the text is handed to a {@link Writer} in one call.
 */
final class CsvLine {

    private char[] buf = new char[1 << 12];
    private int len;

    private final int firstDay;
    private final char[] dates;

    /** Dates from {@code firstDay} to {@code lastDay} (epoch days) are formatted from a table. */
    CsvLine(int firstDay, int lastDay) {
        this.firstDay = firstDay;
        int days = lastDay - firstDay + 1;
        this.dates = new char[days * 10];
        for (int i = 0; i < days; i++) {
            LocalDate.ofEpochDay(firstDay + i).toString().getChars(0, 10, dates, i * 10);
        }
    }

    int length() {
        return len;
    }

    void clear() {
        len = 0;
    }

    void truncate(int newLength) {
        len = newLength;
    }

    /** Makes room for {@code extra} chars, to be added with the unchecked {@code put} methods. */
    void reserve(int extra) {
        ensure(extra);
    }

    /** Adds a char without a capacity check: only after {@link #reserve(int)}. */
    void put(char c) {
        buf[len++] = c;
    }

    /** Adds a number 0-99 without a capacity check: only after {@link #reserve(int)}. */
    void putSmall(int v) {
        if (v >= 10) {
            buf[len++] = (char) ('0' + v / 10);
            v %= 10;
        }
        buf[len++] = (char) ('0' + v);
    }

    /** Adds text without a capacity check: only after {@link #reserve(int)}. */
    void putRaw(String s) {
        s.getChars(0, s.length(), buf, len);
        len += s.length();
    }

    /** Adds a date of the table without a capacity check: only after {@link #reserve(int)}. */
    void putDate(int epochDay) {
        int i = epochDay - firstDay;
        if (i < 0 || i * 10 >= dates.length) {
            putRaw(LocalDate.ofEpochDay(epochDay).toString());
            return;
        }
        System.arraycopy(dates, i * 10, buf, len, 10);
        len += 10;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    CsvLine ch(char c) {
        ensure(1);
        buf[len++] = c;
        return this;
    }

    CsvLine comma() {
        return ch(',');
    }

    CsvLine newline() {
        return ch('\n');
    }

    /** Appends {@code n} empty fields, each preceded by a comma. */
    CsvLine emptyFields(int n) {
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = ',';
        }
        return this;
    }

    /** Appends text that needs no quoting (codes, ids, numbers). */
    CsvLine raw(String s) {
        int n = s.length();
        ensure(n);
        s.getChars(0, n, buf, len);
        len += n;
        return this;
    }

    /** Appends free text, quoted as RFC 4180 asks when it holds a comma, quote or line break. */
    CsvLine text(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return raw(s);
        }
        ch('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                ch('"');
            }
            ch(c);
        }
        return ch('"');
    }

    CsvLine num(int v) {
        ensure(11);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        if (v < 10) {
            buf[len++] = (char) ('0' + v);
        } else if (v < 100) {
            buf[len++] = (char) ('0' + v / 10);
            buf[len++] = (char) ('0' + v % 10);
        } else {
            String s = Integer.toString(v);
            s.getChars(0, s.length(), buf, len);
            len += s.length();
        }
        return this;
    }

    CsvLine date(int epochDay) {
        int i = epochDay - firstDay;
        if (i < 0 || i * 10 >= dates.length) {
            return raw(LocalDate.ofEpochDay(epochDay).toString());
        }
        ensure(10);
        System.arraycopy(dates, i * 10, buf, len, 10);
        len += 10;
        return this;
    }

    /** Copies {@code [from, to)} of this buffer to its end. */
    void copyRange(int from, int to) {
        ensure(to - from);
        System.arraycopy(buf, from, buf, len, to - from);
        len += to - from;
    }

    void writeTo(Writer out) throws IOException {
        out.write(buf, 0, len);
    }

    void writeTo(Writer out, int from, int to) throws IOException {
        out.write(buf, from, to - from);
    }
}
